// Builds every service from its ports. The app (main/index.ts), the CLI and the tests call this
// with their own ports, so they all run the very same services.
import type { z } from '../../common/zod';
import { events, type ActivitySource, type AppInfoSchema } from '../../common/contract';
import type { Checkpoint, Clock, EventSink, Logger, OpenUrl, SecretStore } from './ports';
import type { PlatformClientOptions } from './cloud-elements/platform-client';
import { platformClientFactory } from './cloud-elements/platform-client-factory';
import type { HttpTransport } from './net/http-transport';
import { AppFailure } from './errors';
import { NetworkSettingsService, type NetworkTarget } from './settings/network-settings';
import { TenantService } from './tenants/tenant-service';
import { InstanceService } from './instances/instance-service';
import { AuthFlow } from './auth-flow/auth-flow';
import { TenantSwitch } from './tenant-switch';
import { ActivityService } from './activity/activity-service';
import { FileActivityLog } from './activity/file-activity-log';
import { Doctor } from './doctor/doctor';
import { ExportFiles } from './instances/export-files';
import { watchTenants } from './tenants/tenants-watcher';
import { HealthService } from './health/health-service';
import { TenantSharing } from './tenants/tenant-sharing';
import { ImportService } from './instances/import-service';
import { SignInQueueFile } from './queue/sign-in-queue-file';

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
  /** How platform calls leave the machine: Electron's network stack in the app, Node in the CLI. */
  transport: HttpTransport;
  /** Where network settings take effect (Electron's session); absent in the CLI, which follows the environment. */
  network?: NetworkTarget;
  /** Timeouts and retries of the platform client (tests shorten them). */
  platform?: Omit<PlatformClientOptions, 'transport'>;
  /** Who acts, as the activity log says: 'app' (the default) or 'cli'. */
  activitySource?: ActivitySource;
  /** Named points in multi-step changes; only the tests' kill-point hook gives one. */
  checkpoint?: Checkpoint;
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
  const platformClient = platformClientFactory(ports.transport, ports.platform);
  const activity = new FileActivityLog({ ...ports, source: ports.activitySource ?? 'app' });
  const tenants = new TenantService({ ...ports, platformClient, activity });
  const exports = new ExportFiles({
    dataDir: ports.dataDir,
    registry: tenants.keychain.registry,
    checkpoint: ports.checkpoint,
  });
  const instances = new InstanceService({
    tenants,
    secrets: tenants.keychain,
    clock: ports.clock,
    log: ports.log,
    platformClient,
    activity,
  });
  const flow = new AuthFlow({
    tenants,
    secrets: tenants.keychain,
    clock: ports.clock,
    openUrl: ports.openUrl,
    events: ports.events,
    log: ports.log,
    platformClient,
    activity,
  });
  const doctor = new Doctor({
    dataDir: ports.dataDir,
    keychain: tenants.keychain,
    exports,
    events: ports.events,
  });
  /** What the app runs once at start: the doctor's check, then a watch for other processes' changes. */
  const start = async (): Promise<() => void> => {
    await doctor.atStart();
    return watchTenants({
      dataDir: ports.dataDir,
      onChange: () =>
        void tenants.list().then(
          (list) => ports.events.emit('tenants.changed', list),
          (error: unknown) =>
            ports.log.warn('Could not read the tenants after a change', { error: String(error) }),
        ),
    });
  };
  const settings = new NetworkSettingsService({
    dataDir: ports.dataDir,
    secretStore: ports.secretStore,
    log: ports.log,
    target: ports.network,
    transport: ports.transport,
    activePlatformUrl: async () => {
      const list = await tenants.list();
      const active = list.tenants.find((tenant) => tenant.id === list.activeTenantId);
      if (!active)
        throw new AppFailure('no_active_tenant', 'Choose a tenant first: the check calls its platform.');
      return active.baseUrl;
    },
  });
  const health = new HealthService({
    ...ports,
    tenants,
    secrets: tenants.keychain,
    // The health service retries by itself (Retry-After, Cancel), so its client does not.
    platform: platformClientFactory(ports.transport, { ...ports.platform, getRetries: 0 }),
    activity,
  });
  const tenantSwitch = new TenantSwitch(tenants, flow);
  const sharing = new TenantSharing({
    registry: tenants.keychain.registry,
    stores: tenants.secrets,
    clock: ports.clock,
    activity,
  });
  const activityLog = new ActivityService({ ...ports, tenants });
  const imports = new ImportService({ tenants, instances });
  const queue = new SignInQueueFile({
    dataDir: ports.dataDir,
    tenantIds: async () => (await tenants.list()).tenants.map((tenant) => tenant.id),
    log: ports.log,
  });
  return {
    appInfo: ports.appInfo,
    tenants,
    tenantSwitch,
    sharing,
    instances,
    imports,
    queue,
    flow,
    activity: activityLog,
    exports,
    doctor,
    start,
    settings,
    health,
  };
}

export type Services = ReturnType<typeof createServices>;
