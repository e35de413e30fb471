// What the form is for when it is not a new instance: re-authenticating an existing one, or one
// instance of an import — its source, what carries over and what comes from this sign-in.
import { Alert, Button, Stack, Text } from '@mantine/core';
import { IconFileImport, IconRefresh } from '@tabler/icons-react';
import type { FlowTarget } from '../../models/flow-draft';

export interface FlowTargetNoticeProps {
  target: FlowTarget;
  /** Drops a re-authentication: the form creates a new instance instead. */
  onCancelReauth(): void;
}

export function FlowTargetNotice({ target, onCancelReauth }: FlowTargetNoticeProps) {
  if (target.kind === 'reauth') {
    return (
      <Alert
        color="blue"
        variant="light"
        icon={<IconRefresh size={18} />}
        title={`Re-authenticating “${target.name}”`}
      >
        <Stack gap="xs" align="flex-start">
          <Text fz="sm">
            Instance {target.instanceId} gets a new consent: its tokens are replaced, its name, tags and
            configuration stay.
          </Text>
          <Button variant="subtle" size="compact-sm" onClick={onCancelReauth}>
            Create a new instance instead
          </Button>
        </Stack>
      </Alert>
    );
  }
  const settings = Object.keys(target.carried).length;
  const events = target.carried['event.notification.enabled'] === 'true' ? 'events on' : 'events off';
  return (
    <Alert
      color="blue"
      variant="light"
      icon={<IconFileImport size={18} />}
      title={`Importing “${target.name}” from ${target.sourceTenant}`}
    >
      <Stack gap={6}>
        <Text fz="sm">
          Copied from “{target.sourceName}”: {settings} {settings === 1 ? 'setting' : 'settings'} ({events}).
          Secrets, the OAuth client and the data center come from this sign-in.
        </Text>
        {target.tags.length > 0 && <Text fz="sm">Tags: {target.tags.join(', ')}</Text>}
      </Stack>
    </Alert>
  );
}
