// Retry-After as the platform sends it on 429 and 503: seconds or an HTTP date.
import { describe, expect, it } from 'vitest';
import { retryAfterMs } from '../../../../../main/services/cloud-elements/platform-errors';

describe('retryAfterMs', () => {
  it('reads seconds and HTTP dates, and nothing else', () => {
    const now = Date.UTC(2026, 0, 1, 12, 0, 0);
    expect(retryAfterMs('3', now)).toBe(3000);
    expect(retryAfterMs('Thu, 01 Jan 2026 12:00:10 GMT', now)).toBe(10_000);
    expect(retryAfterMs('Thu, 01 Jan 2026 11:00:00 GMT', now)).toBe(0);
    expect(retryAfterMs('soon', now)).toBeUndefined();
    expect(retryAfterMs(undefined, now)).toBeUndefined();
    expect(retryAfterMs('-1', now)).toBeUndefined();
  });
});
