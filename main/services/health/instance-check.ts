// One instance's health: its platform flags, then its hub ping (GET /hubs/{hub}/ping) with its
// token, retried with backoff (Retry-After on 429 and 503), turned into an outcome and a sentence.
import type { HealthOutcome } from '../../../common/contract';
import type { PlatformClient, PlatformInstance } from '../cloud-elements/platform-client';
import { hubOfElement } from '../elements/element-hubs';
import { AppFailure, isFailure } from '../errors';
import { INVALID_TOKEN_SENTENCE } from '../instances/instance-service';
import { sleep, type TenantLane } from './request-gate';

export interface CheckOutcome {
  outcome: HealthOutcome;
  message: string;
  status?: number;
  requestId?: string;
}

export interface RetryPolicy {
  /** Tries of one request in all (first try included). */
  attempts: number;
  /** Backoff without Retry-After: base × 2^(try − 1). */
  baseDelayMs: number;
  /** A longer Retry-After is not waited for: the check ends as a platform error. */
  maxWaitMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 3, baseDelayMs: 500, maxWaitMs: 30_000 };

const RETRY_STATUSES = new Set([429, 502, 503, 504]);

function retryable(error: unknown): error is AppFailure {
  if (!isFailure(error)) return false;
  if (error.code === 'platform_unreachable') return true;
  return RETRY_STATUSES.has(error.details?.status ?? 0);
}

/** Sends through the lane, retrying what may pass later; a Retry-After pauses the whole tenant. */
export async function withRetries<T>(
  lane: TenantLane,
  send: () => Promise<T>,
  signal: AbortSignal,
  policy: RetryPolicy,
  now: () => number,
): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await lane.run(send, signal);
    } catch (error) {
      if (!retryable(error) || attempt >= policy.attempts) throw error;
      const asked = error.details?.retryAfterMs;
      const wait = asked ?? policy.baseDelayMs * 2 ** (attempt - 1);
      if (wait > policy.maxWaitMs) throw error;
      if (asked !== undefined) lane.pause(now() + asked);
      await sleep(wait, signal);
    }
  }
}

/** The outcome a platform failure means for a health check. */
export function outcomeOfFailure(error: AppFailure): CheckOutcome {
  const details = { status: error.details?.status, requestId: error.details?.requestId };
  switch (error.code) {
    case 'platform_unauthorized':
      return { outcome: 'token_refused', message: INVALID_TOKEN_SENTENCE, ...details };
    case 'secret_missing':
      return { outcome: 'token_refused', message: error.message };
    case 'timeout':
    case 'platform_unreachable':
      return { outcome: 'unreachable', message: error.message, ...details };
    default: {
      const slowDown = error.details?.status === 429;
      const message = slowDown
        ? 'The platform kept asking to slow down (429); check again later.'
        : error.message;
      return { outcome: 'platform_error', message, ...details };
    }
  }
}

export interface InstanceCheckInput {
  client: PlatformClient;
  lane: TenantLane;
  instance: PlatformInstance;
  /** The keychain's token, then the platform's, without repeats. */
  tokens: string[];
  signal: AbortSignal;
  policy: RetryPolicy;
  now: () => number;
}

/** Disabled and invalid instances need no request; otherwise the ping decides. Cancel rethrows. */
export async function checkInstance(input: InstanceCheckInput): Promise<CheckOutcome> {
  const { instance, tokens } = input;
  if (instance.disabled === true)
    return { outcome: 'disabled', message: 'The instance is disabled on the platform.' };
  if (instance.valid === false) {
    return {
      outcome: 'token_refused',
      message: 'The platform marks the instance invalid: its provider token could not be refreshed.',
    };
  }
  if (tokens.length === 0) {
    return {
      outcome: 'token_refused',
      message: 'The keychain has no token for this instance and the platform shows none.',
    };
  }
  const hub = hubOfElement(instance.element?.key ?? '');
  let refused: AppFailure | undefined;
  for (const token of tokens) {
    try {
      await withRetries(
        input.lane,
        () => input.client.ping(token, hub),
        input.signal,
        input.policy,
        input.now,
      );
      return { outcome: 'valid', message: 'The platform accepted the instance token.' };
    } catch (error) {
      if (!isFailure(error) || error.code === 'cancelled') throw error;
      if (error.code !== 'platform_unauthorized') return outcomeOfFailure(error);
      refused = error;
    }
  }
  return outcomeOfFailure(refused as AppFailure);
}
