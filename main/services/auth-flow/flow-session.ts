// One flow's private state in main (plan with the OAuth secret, client, doors, timer, candidate)
// and the ports AuthFlow is built from. Only session.view ever leaves main.
import type { FlowView } from '../../../common/contract';
import type { PlatformClient, PlatformInstance } from '../cloud-elements/platform-client';
import type { PlatformClientFactory } from '../cloud-elements/platform-client-factory';
import type { ActivityLog } from '../activity/activity-log';
import type { Clock, EventSink, Logger, OpenUrl, SecretStore } from '../ports';
import type { TenantResolver } from '../tenants/tenant-context';
import type { FlowPlan } from './flow-plan';
import type { LoopbackReceiver } from './loopback-receiver';
import { viewBase } from './flow-views';

export interface AuthFlowPorts {
  tenants: TenantResolver;
  secrets: SecretStore;
  clock: Clock;
  openUrl: OpenUrl;
  events: EventSink;
  log: Logger;
  /** Builds the platform client for a tenant's credentials (tests set short timeouts here). */
  platformClient: PlatformClientFactory;
  /** How long step 2 waits for the callback; default 10 minutes. */
  consentWaitMs?: number;
  activity?: ActivityLog;
}

export const IDLE: FlowView = { step: 'idle' };

export class FlowSession {
  view: FlowView;
  authUrl: string | undefined;
  receiver: LoopbackReceiver | undefined;
  timer: NodeJS.Timeout | undefined;
  /** The instance being re-authenticated, as the platform returned it. */
  current: PlatformInstance | undefined;
  /** After a lost response: the instance the platform shows, with its token (never in a view). */
  candidate: PlatformInstance | undefined;
  /** After success: the keychain account of the instance token. */
  tokenAccount: string | undefined;
  /** Aborted when the user stops waiting for step 3's POST. */
  readonly stop = new AbortController();

  constructor(
    readonly plan: FlowPlan,
    readonly client: PlatformClient,
  ) {
    this.view = { step: 'fetching-url', ...viewBase(plan) };
  }

  /** Stops waiting for a callback: the timer, the loopback listener and the copyable URL. */
  closeDoors(): Promise<void> {
    clearTimeout(this.timer);
    this.authUrl = undefined;
    return this.receiver?.close() ?? Promise.resolve();
  }
}
