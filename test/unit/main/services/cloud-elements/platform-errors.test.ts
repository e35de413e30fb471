// The platform's words in a failure: cut to 1000 characters before redaction (a megabyte costs no more
// than a sentence), no secret cut in half at the end, a vendor's OAuth error code kept in its prose;
// and Retry-After as the platform sends it on 429 and 503 (seconds or an HTTP date).
import { AxiosError, type AxiosResponse, type InternalAxiosRequestConfig } from 'axios';
import { retryAfterMs, toPlatformFailure } from '../../../../../main/services/cloud-elements/platform-errors';

const context = { host: 'api.example.com', waitedMs: 20_000, tries: 1, maxResponseBytes: 64 * 1024 * 1024 };

function answered(status: number, data: unknown): AxiosError {
  const config = { headers: {} } as InternalAxiosRequestConfig;
  const response = { status, statusText: '', headers: {}, config, data } as AxiosResponse;
  return new AxiosError('Request failed', 'ERR_BAD_REQUEST', config, undefined, response);
}

const platformSaid = (message: string, secrets: string[] = []) =>
  toPlatformFailure(answered(400, { requestId: 'req-1', message }), { ...context, secrets }).details
    ?.platformMessage ?? '';

describe('toPlatformFailure, on what the platform said', () => {
  it('reads a 1 MB message in a bounded time, cut to about 1000 characters', () => {
    const message = `token: "${'a:"'.repeat(350_000)}`;
    const cpu = process.cpuUsage();
    const shown = platformSaid(message);
    const used = process.cpuUsage(cpu);
    const ms = (used.user + used.system) / 1000;
    console.log(`1 MB platform message: ${ms.toFixed(1)} ms CPU (bound 200 ms)`);
    expect(ms).toBeLessThan(200);
    expect(shown.length).toBeLessThanOrEqual(1001);
    expect(shown.endsWith('…')).toBe(true);
  });

  it('cuts a secret the request carried off whole when it stands across the cut', () => {
    const secret = 'client-secret-across-the-cut';
    for (let before = 980; before <= 1000; before += 1) {
      const shown = platformSaid(`${'x '.repeat(before / 2)}${secret} and more`, [secret]);
      expect(shown).not.toContain(secret.slice(0, 3));
    }
  });

  it('cuts an unfinished credential off whole at the cut', () => {
    const token = 'r-token-ABCDEFGHIJKLMNOP';
    const message = `${'{"a":"b"},'.repeat(98)}{"refresh_token":"${token}"}`;
    const shown = platformSaid(message);
    expect(shown).not.toMatch(/r-token|ABC/);
    expect(shown).toMatch(/"refresh_token":"…$/);
  });

  it("keeps the vendor's OAuth error code and still hides real tokens", () => {
    const prose = 'Failed to retrieve the OAuth access token: invalid_client: client authentication failed';
    expect(platformSaid(prose)).toBe(prose);
    const zoho = `1000.${'ab12'.repeat(8)}.${'cd34'.repeat(8)}`;
    const shown = platformSaid(
      `access_token: ${zoho} {"refresh_token":"r-token-1"} Authorization: User u-1, Organization o-2`,
    );
    for (const secret of [zoho, 'r-token-1', 'u-1', 'o-2']) expect(shown).not.toContain(secret);
  });
});

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
