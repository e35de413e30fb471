// The check before step 1, as a table: which last check starts the flow, which asks the platform
// once first, and which refuses with the one sentence that says how to fix it.
import { describe, expect, it } from 'vitest';
import type { TenantCheck, TenantVerification } from '../../../../../common/contract';
import {
  assertTenantAccepted,
  refusedTenantMessage,
} from '../../../../../main/services/auth-flow/tenant-check';
import { isFailure } from '../../../../../main/services/errors';
import type { TenantContext } from '../../../../../main/services/tenants/tenant-context';

const ACCEPTED: TenantVerification = { ok: true, message: 'The platform accepted the secrets of Acme.' };
const REFUSED: TenantVerification = { ok: false, code: 'platform_unauthorized', message: 'Refused (401).' };
const UNREACHABLE: TenantVerification = { ok: false, code: 'platform_unreachable', message: 'No answer.' };

function tenantWith(state: TenantCheck['state']): TenantContext {
  return {
    tenantId: 't-acme',
    tenantName: 'Acme',
    environment: 'us',
    credentials: {
      baseUrl: 'https://api.cloud-elements.com/elements/api-v2',
      orgSecret: 'o',
      userSecret: 'u',
    },
    check: { state, checkedAt: state === 'not-checked' ? null : 1, message: null },
  };
}

async function outcome(state: TenantCheck['state'], platformSays?: TenantVerification) {
  const asked: string[] = [];
  const verify = async (id: string) => {
    asked.push(id);
    if (!platformSays) throw new Error('The platform was asked although it should not be.');
    return platformSays;
  };
  try {
    await assertTenantAccepted(tenantWith(state), { verify });
    return { started: true, asked };
  } catch (error) {
    return { started: false, asked, error: isFailure(error) ? error.toAppError() : error };
  }
}

describe('the check before step 1', () => {
  const refusal = { code: 'tenant_refused', message: refusedTenantMessage('Acme') };

  it.each([
    ['verified', undefined, true, 0],
    ['not-checked', ACCEPTED, true, 1],
    ['not-checked', UNREACHABLE, true, 1],
    ['unreachable', ACCEPTED, true, 1],
    ['not-checked', REFUSED, false, 1],
    ['unreachable', REFUSED, false, 1],
    ['refused', undefined, false, 0],
  ] as const)(
    'last check %s, the platform says %o: starts %s after %i GET',
    async (state, says, starts, gets) => {
      const result = await outcome(state, says);
      expect(result.started).toBe(starts);
      expect(result.asked).toEqual(Array(gets).fill('t-acme'));
      if (!starts) expect(result.error).toEqual(refusal);
    },
  );

  it('says in one sentence what happened and how to fix it, naming the tenant', () => {
    const message = refusedTenantMessage('Acme');
    expect(message).toMatch(/refused .* of Acme \(401\)/);
    expect(message).toMatch(/rotate the secrets of Acme/);
    expect(message.split('. ')).toHaveLength(1);
  });
});
