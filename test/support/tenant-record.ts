// A tenants-metadata record for the registry and records tests: a us tenant on the production
// platform with masked hints, created and updated at the given time.
import { ENVIRONMENT_PRESETS } from '../../common/environments';
import type { TenantRecord } from '../../main/services/tenants/tenant-registry';

export const PRODUCTION_BASE_URL = ENVIRONMENT_PRESETS.us.baseUrl;

export const tenantRecord = (id: string, name: string, at = 0): TenantRecord => ({
  id,
  name,
  environment: 'us',
  baseUrl: PRODUCTION_BASE_URL,
  color: null,
  orgSecretHint: '••••',
  userSecretHint: '••••',
  createdAt: at,
  updatedAt: at,
});
