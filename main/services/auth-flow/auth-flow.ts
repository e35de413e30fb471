// The three-step flow as a state machine: step 1 (oauth url, browser), step 2 (a callback from
// any door, matched to the pending flow by state), step 3 (create or re-authenticate, at once).
import type { FlowStartInput, FlowView } from '../../../common/contract';
import { FLOW_STEPS } from '../../../common/flow-steps';
import type { PlatformInstance } from '../cloud-elements/platform-client';
import type { ZohoDataCenter } from '../elements/zoho-data-centers';
import { assertNever } from '../../../common/assert-never';
import { AppFailure, appErrorOf } from '../errors';
import { noActivity, type ActivityLog } from '../activity/activity-log';
import { flowFailed, flowRecord, flowSucceeded } from '../activity/activity-records';
import { judgeCallback } from './callback-intake';
import { fetchAuthorizationUrl, loadInstanceToReauthenticate } from './consent-url';
import { planFlow } from './flow-plan';
import { FlowSession, IDLE, type AuthFlowPorts } from './flow-session';
import * as views from './flow-views';
import type { GrantCallback } from './instance-body';
import { keepSecrets, runInstanceStep } from './instance-step';
import { assertTenantAccepted } from './tenant-check';
import { LoopbackReceiver, type LoopbackVerdict } from './loopback-receiver';
import { LostCreates } from './lost-creates';
import { NoticeLimiter } from './notice-limiter';

type Taken = { session: FlowSession; callback: GrantCallback; dataCenter?: ZohoDataCenter } | null;

export type { AuthFlowPorts } from './flow-session';

export class AuthFlow {
  private session: FlowSession | undefined;
  private waiters: Array<(view: FlowView) => void> = [];
  private readonly consentWaitMs: number;
  private readonly activity: ActivityLog;
  private readonly lostCreates = new LostCreates();
  private readonly notices: NoticeLimiter;

  constructor(private readonly ports: AuthFlowPorts) {
    this.consentWaitMs = ports.consentWaitMs ?? 10 * 60_000;
    this.activity = ports.activity ?? noActivity;
    this.notices = new NoticeLimiter((message) =>
      ports.events.emit('app.notice', { level: 'warning', message }),
    );
  }

  get(): FlowView {
    return this.session?.view ?? IDLE;
  }

  isRunning(): boolean {
    return FLOW_STEPS[this.get().step].running;
  }

  /** Resolves once the flow is no longer pending (done, failed, cancelled, lost-response or idle). */
  settled(): Promise<FlowView> {
    if (!this.isRunning()) return Promise.resolve(this.get());
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Step 1. Input problems throw; what happens once the flow began is in the returned view. */
  async start(input: FlowStartInput): Promise<FlowView> {
    this.refuseWhileCreating();
    const plan = await planFlow(input, this.ports.tenants);
    await assertTenantAccepted(plan.tenant, this.ports.tenants);
    this.ports.log.hide(plan.apiSecret);
    if (plan.signatureKey) this.ports.log.hide(plan.signatureKey);
    const client = this.ports.platformClient(plan.tenant.credentials);
    if (plan.reauthenticateInstanceId === undefined)
      await this.lostCreates.warn(plan, client, this.ports.log);
    this.refuseWhileCreating();
    await this.abandon();
    const session = new FlowSession(plan, client);
    this.session = session;
    this.moveTo(session, session.view);
    try {
      const id = plan.reauthenticateInstanceId;
      if (id !== undefined) {
        session.current = await loadInstanceToReauthenticate(client, plan, id);
        plan.instanceName = session.current.name;
      }
      if (plan.door === 'loopback') session.receiver = await this.listen(session);
      const authUrl = await fetchAuthorizationUrl(client, plan);
      if (!this.isCurrent(session, 'fetching-url')) {
        await session.receiver?.close();
        return this.get();
      }
      this.awaitConsent(session, authUrl);
      await this.ports.openUrl(authUrl).catch(() => {
        this.ports.log.warn('The browser could not be opened; the URL can be copied', {
          flowId: plan.flowId,
        });
      });
    } catch (error) {
      if (this.isCurrent(session, 'fetching-url')) this.fail(session, error);
      else await session.receiver?.close();
    }
    return session.view;
  }

  /** The paste door. A refused callback throws (state_mismatch, invalid_callback, no_pending_flow). */
  async paste(url: string): Promise<FlowView> {
    return this.complete(this.take(url));
  }

  /** The element-auth:// door, called by main/electron. Never throws: a refusal becomes a notice. */
  async handleDeepLink(url: string): Promise<FlowView> {
    try {
      return await this.complete(this.take(url));
    } catch (error) {
      this.notice(error);
      return this.get();
    }
  }

  /**
   * Cancels a pending flow (or a lost-response choice). During step 3 the POST is on its way: the app stops
   * waiting for its answer, and the flow shows the lost response (the instance may exist). A re-authenticating
   * PUT cannot be stopped (flow_pending); its deadline ends it.
   */
  async cancel(): Promise<FlowView> {
    const session = this.session;
    if (session?.view.step === 'creating' && session.current === undefined) {
      session.stop.abort();
      return this.settled();
    }
    this.refuseWhileCreating();
    await this.abandon();
    return this.get();
  }

  /** Back to idle, cancelling a pending flow first. */
  async reset(): Promise<FlowView> {
    await this.cancel();
    this.session = undefined;
    this.ports.events.emit('flow.changed', IDLE);
    this.wake(IDLE);
    return IDLE;
  }

  /** The authorization URL of the flow waiting for consent (to copy or open again). */
  authUrl(): string {
    const session = this.session;
    if (!session?.authUrl || session.view.step !== 'awaiting-consent') {
      throw new AppFailure('no_pending_flow', 'No sign-in is waiting, so there is no authorization URL.');
    }
    return session.authUrl;
  }

  async openAuthUrl(): Promise<void> {
    await this.ports.openUrl(this.authUrl());
  }

  /** The token of the instance this flow made, read from the keychain for the clipboard. */
  async copyableToken(): Promise<string> {
    const account = this.session?.view.step === 'done' ? this.session.tokenAccount : undefined;
    const token = account ? await this.ports.secrets.get(account) : null;
    if (!token)
      throw new AppFailure('instance_not_found', 'There is no created instance whose token could be copied.');
    await this.activity.record(flowRecord(this.session as FlowSession, 'instance.token-copied'));
    return token;
  }

  /** After a lost response: keep the instance the platform shows, and store its token. */
  async adoptCandidate(): Promise<FlowView> {
    const session = this.session;
    if (!session?.candidate || session.view.step !== 'lost-response') {
      throw new AppFailure('instance_not_found', 'There is no instance to keep: start a new consent.');
    }
    this.lostCreates.forget(session.plan);
    await this.succeed(session, session.candidate, undefined);
    return session.view;
  }

  private listen(session: FlowSession): Promise<LoopbackReceiver> {
    return LoopbackReceiver.start({
      callbackUrl: session.plan.callbackUrl,
      timeoutMs: this.consentWaitMs,
      onCallback: (url) => this.fromLoopback(url),
    });
  }

  private fromLoopback(url: string): LoopbackVerdict {
    try {
      const taken = this.take(url);
      void this.complete(taken);
      const message = taken
        ? 'The app received the sign-in. You can close this tab and go back to the app.'
        : 'The app received your answer. You can close this tab; the app shows what to do next.';
      return { accepted: true, message };
    } catch (error) {
      this.notice(error);
      return { accepted: false, message: appErrorOf(error).message };
    }
  }

  private awaitConsent(session: FlowSession, authUrl: string): void {
    const { plan } = session;
    session.authUrl = authUrl;
    session.timer = setTimeout(() => {
      if (this.isCurrent(session, 'awaiting-consent'))
        this.fail(session, views.consentTimeout(this.consentWaitMs));
    }, this.consentWaitMs);
    session.timer.unref();
    this.moveTo(session, views.awaitingView(plan, authUrl, this.ports.clock.now() + this.consentWaitMs));
  }

  /**
   * Step 2, synchronous on purpose: only the flow waiting for consent takes a callback, and a code
   * moves it to 'creating' before anything else can run, so a code is used exactly once.
   */
  private take(url: string): Taken {
    const session = this.session;
    if (!session || session.view.step !== 'awaiting-consent') {
      throw new AppFailure(
        'no_pending_flow',
        'No sign-in is waiting for a callback, so this one was ignored.',
      );
    }
    const { plan } = session;
    const now = this.ports.clock.now();
    const judgement = judgeCallback(
      url,
      { plan, waitUntil: session.view.waitUntil, waitMs: this.consentWaitMs },
      now,
    );
    switch (judgement.kind) {
      case 'refuse':
        throw judgement.error;
      case 'end':
        this.fail(session, judgement.error);
        return null;
      case 'code':
        this.ports.log.hide(judgement.callback.code);
        void session.closeDoors();
        this.moveTo(session, views.creatingView(plan, now, judgement.dataCenter?.location));
        return { session, callback: judgement.callback, dataCenter: judgement.dataCenter };
      default:
        return assertNever(judgement);
    }
  }

  /** Step 3 and what follows from its outcome. */
  private async complete(taken: Taken): Promise<FlowView> {
    if (!taken) return this.get();
    const { session, callback, dataCenter } = taken;
    const outcome = await runInstanceStep({
      client: session.client,
      tenants: this.ports.tenants,
      plan: session.plan,
      callback,
      dataCenter,
      current: session.current,
      cancel: session.stop.signal,
      log: this.ports.log,
    });
    switch (outcome.kind) {
      case 'created':
        await this.succeed(session, outcome.instance, dataCenter?.location);
        break;
      case 'failed':
        await this.activity.record(flowFailed(session, outcome.error));
        this.fail(session, outcome.error);
        break;
      case 'lost':
        await this.activity.record(flowFailed(session, 'response_lost'));
        if (!session.current) this.lostCreates.remember(session.plan);
        session.candidate = outcome.candidate;
        this.moveTo(
          session,
          views.lostResponseView(session.plan, outcome.candidate, outcome.message, this.ports.clock.now()),
        );
        break;
      default:
        assertNever(outcome);
    }
    return session.view;
  }

  private async succeed(
    session: FlowSession,
    instance: PlatformInstance,
    dataCenter: string | undefined,
  ): Promise<void> {
    const { plan } = session;
    try {
      session.tokenAccount = await keepSecrets(this.ports.secrets, this.ports.tenants, plan, instance);
    } catch (error) {
      this.fail(session, error);
      return;
    }
    session.candidate = undefined;
    const reauthenticated = session.current !== undefined;
    const context = { now: this.ports.clock.now(), reauthenticated, ...(dataCenter ? { dataCenter } : {}) };
    await this.activity.record(flowSucceeded(session, instance, dataCenter));
    this.moveTo(session, views.doneView(plan, instance, context));
  }

  private refuseWhileCreating(): void {
    if (this.get().step === 'creating') {
      throw new AppFailure(
        'flow_pending',
        'The instance is being created right now; wait for the answer, or cancel to stop waiting.',
      );
    }
  }

  /** Cancels the pending flow, if any; callers refuse step 3 first. */
  private async abandon(): Promise<void> {
    const session = this.session;
    if (!session || !FLOW_STEPS[session.view.step].abandonable) return;
    session.candidate = undefined;
    this.moveTo(session, { step: 'cancelled', ...views.viewBase(session.plan) });
    await session.closeDoors();
  }

  private fail(session: FlowSession, error: unknown): void {
    void session.closeDoors();
    this.moveTo(session, views.failedView(session.plan, error));
  }

  private isCurrent(session: FlowSession, step: FlowView['step']): boolean {
    return this.session === session && session.view.step === step;
  }

  private moveTo(session: FlowSession, view: FlowView): void {
    session.view = view;
    if (this.session !== session) return;
    const { flowId, tenant } = session.plan;
    this.ports.log.info('Flow step', { flowId, step: view.step, tenantId: tenant.tenantId });
    this.ports.events.emit('flow.changed', view);
    if (!FLOW_STEPS[view.step].running) this.wake(view);
  }

  private wake(view: FlowView): void {
    this.notices.flush();
    const waiters = this.waiters;
    this.waiters = [];
    for (const resolve of waiters) resolve(view);
  }

  private notice(error: unknown): void {
    this.notices.notice(appErrorOf(error).message);
  }
}
