// Child process of tenants-keychain.test.ts: adds a tenant through the real keytar store in an
// environment with no Secret Service, and prints the failure it got as JSON.
import { isFailure } from '../../main/services/errors';
import { silentLogger, systemClock } from '../../main/services/ports';
import { KeytarSecretStore } from '../../main/services/tenants/keytar-secret-store';
import { platformClientFactory } from '../../main/services/cloud-elements/platform-client-factory';
import { directTransport } from '../../main/services/net/http-transport';
import { TenantService } from '../../main/services/tenants/tenant-service';

const dataDir = process.argv[2] ?? '';
const service = new TenantService({
  dataDir,
  secretStore: new KeytarSecretStore(),
  events: { emit: () => undefined },
  clock: systemClock,
  log: silentLogger,
  platformClient: platformClientFactory(directTransport),
});

try {
  await service.add({
    name: 'Acme',
    environment: 'us',
    orgSecret: 'org-secret-0123456789-ABCD',
    userSecret: 'user-secret-9876543210-WXYZ',
  });
  process.stdout.write(JSON.stringify({ code: 'none', message: 'the tenant was added' }));
} catch (error) {
  process.stdout.write(
    JSON.stringify(isFailure(error) ? error.toAppError() : { code: 'unexpected', message: String(error) }),
  );
}
