// The tenant the stepper acts on: the active tenant's name and its saved OAuth apps, as main's
// tenant list says (loaded once, then kept current by the tenants.changed event).
import { useEffect, useState } from 'react';
import type { OAuthAppView, TenantList } from '../../../preload/contract';
import { bridge } from '../../bridge';

export interface ActingTenant {
  loading: boolean;
  name: string | null;
  oauthApps: OAuthAppView[];
}

function actingTenant(list: TenantList): ActingTenant {
  const active = list.tenants.find((tenant) => tenant.id === list.activeTenantId);
  return {
    loading: false,
    name: active?.name ?? null,
    oauthApps: active ? list.oauthApps.filter((app) => app.tenantId === active.id) : [],
  };
}

export function useActingTenant(): ActingTenant {
  const [tenant, setTenant] = useState<ActingTenant>({ loading: true, name: null, oauthApps: [] });
  useEffect(() => {
    let live = true;
    const unsubscribe = bridge().on('tenants.changed', (list) => setTenant(actingTenant(list)));
    void bridge()
      .tenants.list()
      .then((result) => {
        if (!live) return;
        setTenant(result.ok ? actingTenant(result.value) : { loading: false, name: null, oauthApps: [] });
      });
    return () => {
      live = false;
      unsubscribe();
    };
  }, []);
  return tenant;
}
