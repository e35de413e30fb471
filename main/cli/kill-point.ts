// The tests' kill-point hook: with ELEMENT_AUTH_TEST_KILL_AT=<point>, the CLI kills itself (SIGKILL)
// when a service reaches that checkpoint, to prove a crash there leaves a state `doctor` repairs.
import { noCheckpoint, type Checkpoint } from '../services/ports';

export function killPointFromEnv(env: NodeJS.ProcessEnv): Checkpoint {
  const at = env.ELEMENT_AUTH_TEST_KILL_AT?.trim();
  if (!at) return noCheckpoint;
  return (point) => {
    if (point === at) process.kill(process.pid, 'SIGKILL');
  };
}
