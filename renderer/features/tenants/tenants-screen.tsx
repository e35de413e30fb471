// The Tenants screen: the customers and environments whose platform secrets live in the keychain,
// with add, edit, verify, remove, switch and each tenant's saved OAuth apps.
import { useEffect, useState } from 'react';
import { Alert, Button, CloseButton, Group, Loader, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconSearch, IconUserShare, IconUsersGroup } from '@tabler/icons-react';
import type { OAuthAppView, TenantView } from '../../../common/contract';
import { useTenantsStore, type TenantAction } from '../../stores/tenants';
import { EmptyState } from '../shell/empty-state';
import { OAuthAppModal } from './oauth-app-modal';
import { OAuthAppsList } from './oauth-apps-list';
import { RemoveTenantModal } from './remove-tenant-modal';
import { TenantCard } from './tenant-card';
import { TenantFormModal } from './tenant-form-modal';
import { JoinTenantModal } from './join-tenant-modal';
import { orderedTenants, searchTenants } from './tenant-list-model';
import { ScreenTitle } from '../shell/focus-heading';

type FormState = { tenant: TenantView | null } | null;
type AppFormState = { tenant: TenantView; app: OAuthAppView | null } | null;

export function TenantsScreen() {
  const store = useTenantsStore();
  const { list, loading, error, busy, actionError, verifications, copied } = store;
  const [form, setForm] = useState<FormState>(null);
  const [removing, setRemoving] = useState<TenantView | null>(null);
  const [appForm, setAppForm] = useState<AppFormState>(null);
  const [joining, setJoining] = useState(false);
  const [shared, setShared] = useState<{ id: string; path: string } | null>(null);
  const [query, setQuery] = useState('');
  /** Cards the user opened or closed; the others follow the rule: only the active one is open. */
  const [toggled, setToggled] = useState<Record<string, boolean>>({});
  const { load, clearActionError } = store;

  useEffect(() => {
    void load();
  }, [load]);

  const tenants = list?.tenants ?? [];
  const shown = list ? searchTenants(orderedTenants(list), query) : [];
  const isExpanded = (tenant: TenantView) => toggled[tenant.id] ?? tenant.id === list?.activeTenantId;
  const isBusy = (action: TenantAction, id: string | null = null) =>
    busy?.action === action && busy.id === id;
  const errorOf = (action: TenantAction, id: string | null = null) =>
    actionError && actionError.action === action && actionError.id === id ? actionError.error : null;
  const cardError = (id: string) =>
    actionError && actionError.id === id && ['use', 'verify', 'copy', 'share'].includes(actionError.action)
      ? actionError.error
      : null;
  const appsOf = (tenant: TenantView) => list?.oauthApps.filter((app) => app.tenantId === tenant.id) ?? [];

  const openForm = (tenant: TenantView | null) => {
    clearActionError();
    setForm({ tenant });
  };

  if (!list) {
    if (loading || !error) return <Loader m="xl" role="img" aria-label="Loading tenants" />;
    return (
      <Alert color="red" variant="light" role="alert" title="The tenants could not be loaded">
        {error.message}
      </Alert>
    );
  }

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <div>
          <ScreenTitle>Tenants</ScreenTitle>
          <Text c="dimmed" size="sm">
            Each tenant is one customer or environment. Its secrets stay in your system keychain, or in your
            team&apos;s password store.
          </Text>
        </div>
        <Group gap="sm">
          <Button
            variant="default"
            leftSection={<IconUserShare size={16} />}
            onClick={() => {
              clearActionError();
              setJoining(true);
            }}
          >
            Join a shared tenant
          </Button>
          {tenants.length > 0 && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => openForm(null)}>
              Add tenant
            </Button>
          )}
        </Group>
      </Group>
      {tenants.length === 0 && (
        <EmptyState
          icon={<IconUsersGroup size={28} />}
          title="No tenants yet"
          action={
            <Button leftSection={<IconPlus size={16} />} onClick={() => openForm(null)}>
              Add a tenant
            </Button>
          }
        >
          A tenant is one customer or environment: its platform URL and its organization and user secrets,
          kept in your system keychain.
        </EmptyState>
      )}
      {tenants.length > 1 && (
        <TextInput
          label="Search tenants"
          placeholder="Name, environment or platform host"
          leftSection={<IconSearch size={16} />}
          value={query}
          onChange={(event) => setQuery(event.currentTarget.value)}
          rightSection={
            query ? <CloseButton aria-label="Clear the search" onClick={() => setQuery('')} /> : null
          }
          maw={420}
        />
      )}
      {tenants.length > 0 && shown.length === 0 && (
        <Group gap="sm" role="status">
          <Text size="sm">No tenant matches “{query.trim()}”.</Text>
          <Button size="xs" variant="default" onClick={() => setQuery('')}>
            Show all tenants
          </Button>
        </Group>
      )}
      {shown.map((tenant) => (
        <TenantCard
          key={tenant.id}
          tenant={tenant}
          expanded={isExpanded(tenant)}
          onToggle={() => setToggled((current) => ({ ...current, [tenant.id]: !isExpanded(tenant) }))}
          active={tenant.id === list.activeTenantId}
          verification={verifications[tenant.id]}
          verifying={isBusy('verify', tenant.id)}
          switching={isBusy('use', tenant.id)}
          copied={copied?.id === tenant.id ? copied.which : null}
          error={cardError(tenant.id)}
          onUse={() => void store.use(tenant.id)}
          onVerify={() => void store.verify(tenant.id)}
          onEdit={() => openForm(tenant)}
          onRemove={() => {
            clearActionError();
            setRemoving(tenant);
          }}
          onCopy={(which) => void store.copySecret(tenant.id, which)}
          sharing={isBusy('share', tenant.id)}
          sharedTo={shared?.id === tenant.id ? shared.path : null}
          onShare={() =>
            void store.share(tenant.id).then((path) => setShared(path ? { id: tenant.id, path } : null))
          }
        >
          <OAuthAppsList
            tenantName={tenant.name}
            apps={appsOf(tenant)}
            removing={busy?.action === 'remove-app'}
            removeError={actionError?.action === 'remove-app' ? actionError.error : null}
            onAdd={() => {
              clearActionError();
              setAppForm({ tenant, app: null });
            }}
            onEdit={(app) => {
              clearActionError();
              setAppForm({ tenant, app });
            }}
            onRemove={(app) => store.removeOAuthApp(app.id)}
          />
        </TenantCard>
      ))}
      <TenantFormModal
        opened={form !== null}
        tenant={form?.tenant ?? null}
        tenants={tenants}
        busy={isBusy(form?.tenant ? 'update' : 'add', form?.tenant?.id ?? null)}
        error={errorOf(form?.tenant ? 'update' : 'add', form?.tenant?.id ?? null)}
        onAdd={async (input, verify) => {
          const added = await store.add(input, verify);
          // The new tenant's card opens: its check's outcome shows there.
          if (added) setToggled((current) => ({ ...current, [added.id]: true }));
          return added !== null;
        }}
        onUpdate={async (input, verify) => (await store.update(input, verify)) !== null}
        onClose={() => setForm(null)}
      />
      <RemoveTenantModal
        tenant={removing}
        oauthAppCount={removing ? appsOf(removing).length : 0}
        busy={removing !== null && isBusy('remove', removing.id)}
        error={removing ? errorOf('remove', removing.id) : null}
        onConfirm={(keepActivity) => {
          if (!removing) return;
          // Closes once removed, or when main asks about a pending flow (the header's question takes over).
          const target = removing;
          void store.remove(target.id, undefined, keepActivity).then((gone) => {
            if (gone || useTenantsStore.getState().flowQuestion) setRemoving(null);
          });
        }}
        onClose={() => setRemoving(null)}
      />
      <JoinTenantModal
        opened={joining}
        busy={isBusy('join')}
        error={errorOf('join')}
        onJoin={async (document, dir) => (await store.join(document, dir)) !== null}
        onClose={() => setJoining(false)}
      />
      <OAuthAppModal
        opened={appForm !== null}
        tenantId={appForm?.tenant.id ?? ''}
        tenantName={appForm?.tenant.name ?? ''}
        app={appForm?.app ?? null}
        apps={appForm ? appsOf(appForm.tenant) : []}
        busy={busy?.action === 'save-app'}
        error={actionError?.action === 'save-app' ? actionError.error : null}
        onSave={async (input) => (await store.saveOAuthApp(input)) !== null}
        onClose={() => setAppForm(null)}
      />
    </Stack>
  );
}
