// The Settings screen: how the app reaches the platform (proxy and trusted certificates) and a
// check of that way against the active tenant's platform.
import { useEffect } from 'react';
import { Alert, Divider, Loader, Paper, Stack, Text } from '@mantine/core';
import { useSettingsStore } from '../../stores/settings';
import { ConnectionCheckPanel } from './connection-check-panel';
import { NetworkForm } from './network-form';
import { ScreenTitle } from '../shell/focus-heading';

export function SettingsScreen() {
  const { settings, loading, loadError, load } = useSettingsStore();
  useEffect(() => {
    void load();
  }, [load]);
  return (
    <Stack gap="md">
      <div>
        <ScreenTitle>Settings</ScreenTitle>
        <Text c="dimmed" size="sm">
          How the app reaches the platform: for company networks with a proxy or TLS inspection.
        </Text>
      </div>
      <Paper withBorder p="lg" radius="md">
        {settings ? (
          <NetworkForm settings={settings} />
        ) : loadError ? (
          <Alert color="red" variant="light" role="alert" title="The settings could not be loaded">
            {loadError.message}
          </Alert>
        ) : (
          <Loader role="img" aria-label="Loading settings" size="sm" data-loading={loading} />
        )}
        <Divider my="lg" />
        <ConnectionCheckPanel />
      </Paper>
    </Stack>
  );
}
