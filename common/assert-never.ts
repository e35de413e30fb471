// The exhaustiveness guard every process uses in a switch over a union: the compiler proves the
// default unreachable, and a value that slips through at run time is a plain error, not silence.
export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
}
