// A tenant's platform base URL from its environment: a preset's, or a custom URL checked by the
// network rule (https, or plain http to a loopback host only).
import type { TenantEnvironment } from '../../../common/contract';
import { assertNever } from '../../../common/assert-never';
import { ENVIRONMENT_PRESETS } from '../../../common/environments';
import { AppFailure } from '../errors';
import { assertSafeRemoteUrl } from '../net/safe-url';

/** The platform base URL of an environment; a custom URL is checked and loses trailing slashes. */
export function environmentBaseUrl(environment: TenantEnvironment, customUrl?: string | null): string {
  switch (environment) {
    case 'us':
    case 'eu':
    case 'staging':
      return ENVIRONMENT_PRESETS[environment].baseUrl;
    case 'custom': {
      const text = customUrl?.trim();
      if (!text) throw new AppFailure('invalid_input', 'A custom environment needs its platform URL.');
      const url = assertSafeRemoteUrl(text, 'The platform URL');
      if (url.search || url.hash) {
        throw new AppFailure('invalid_input', 'The platform URL must not carry a query or a fragment.');
      }
      return url.toString().replace(/\/+$/, '');
    }
    default:
      return assertNever(environment);
  }
}
