// Builds every service from its ports. The app (main/index.ts), the CLI and the tests call this
// with their own ports, so they all run the very same services.
import type { z } from 'zod';
import { events, type AppInfoSchema } from '../../common/contract';
import type { Clock, EventSink, Logger, OpenUrl, SecretStore } from './ports';
import type { PlatformClientOptions, PlatformCredentials } from './cloud-elements/platform-client';
import { TenantService } from './tenants/tenant-service';
import { InstanceService } from './instances/instance-service';
import { PlatformClient } from './cloud-elements/platform-client';
import { AuthFlow } from './auth-flow/auth-flow';
import { HealthService } from './health/health-service';

export type AppInfo = z.infer<typeof AppInfoSchema>;

export interface ServicePorts {
  appInfo: AppInfo;
  /** The app's data folder (metadata file); the same for the app and the CLI. */
  dataDir: string;
  secretStore: SecretStore;
  clock: Clock;
  openUrl: OpenUrl;
  events: EventSink;
  log: Logger;
  platform?: PlatformClientOptions;
}

/**
 * Every push event is parsed against the contract before it leaves, as the router does for results:
 * a field the contract does not name never reaches the renderer.
 */
export function contractEvents(sink: EventSink): EventSink {
  return { emit: (event, payload) => sink.emit(event, events[event].parse(payload) as typeof payload) };
}

export function createServices(given: ServicePorts) {
  const ports = { ...given, events: contractEvents(given.events) };
  const platformClient = (credentials: PlatformCredentials) =>
    new PlatformClient(credentials, ports.platform);
  const tenants: TenantService = new TenantService({
    ...ports,
    flow: { current: () => flow.get(), cancel: () => flow.cancel() },
  });
  const instances = new InstanceService({
    tenants,
    secrets: ports.secretStore,
    clock: ports.clock,
    log: ports.log,
    platform: platformClient,
  });
  const flow = new AuthFlow({
    tenants,
    secrets: ports.secretStore,
    clock: ports.clock,
    openUrl: ports.openUrl,
    events: ports.events,
    log: ports.log,
    platformClient,
  });
  const health = new HealthService({
    ...ports,
    tenants,
    secrets: ports.secretStore,
    // The health service retries by itself (Retry-After, Cancel), so its client does not.
    platform: (credentials) => new PlatformClient(credentials, { ...ports.platform, getRetries: 0 }),
  });
  return { appInfo: ports.appInfo, tenants, instances, flow, health };
}

export type Services = ReturnType<typeof createServices>;
