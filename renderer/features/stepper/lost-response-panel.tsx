// The platform got the request but its answer was lost: keep the instance it shows, if any, or
// explain plainly that the code is spent and a new consent is needed.
import { Alert, Button, DataList, Group, Stack, Text } from '@mantine/core';
import { IconCheck, IconRefresh, IconWifiOff } from '@tabler/icons-react';
import type { AppError, InstanceCreated } from '../../../common/contract';
import { ActionErrorAlert } from './action-error-alert';
import { FOCUS_TARGET } from '../shell/focus';

interface LostResponsePanelProps {
  instanceName: string;
  candidate?: InstanceCreated;
  message?: string;
  adopting: boolean;
  restarting: boolean;
  adoptError: AppError | null;
  onAdopt(): void;
  onStartAgain(): void;
}

export function LostResponsePanel(props: LostResponsePanelProps) {
  const { instanceName, candidate, message, adopting, restarting, adoptError, onAdopt, onStartAgain } = props;
  return (
    <Stack gap="lg" data-testid="lost-response">
      <Alert
        color="yellow"
        variant="light"
        title="The platform’s answer never arrived"
        icon={<IconWifiOff size={20} />}
        tabIndex={-1}
        {...{ [FOCUS_TARGET]: true }}
      >
        <Text fz="sm">
          {message ??
            `The request to create “${instanceName}” was sent, but the connection dropped before the answer came back.`}
        </Text>
      </Alert>
      {candidate ? (
        <>
          <Text>
            The platform shows an instance that matches, created moments ago. It is most likely the one this
            sign-in made: keep it, and the app stores its token.
          </Text>
          <DataList withDivider labelWidth="140px" size="sm">
            <DataList.Item>
              <DataList.ItemLabel>Instance id</DataList.ItemLabel>
              <DataList.ItemValue ff="monospace">{candidate.id}</DataList.ItemValue>
            </DataList.Item>
            <DataList.Item>
              <DataList.ItemLabel>Name</DataList.ItemLabel>
              <DataList.ItemValue>{candidate.name}</DataList.ItemValue>
            </DataList.Item>
            <DataList.Item>
              <DataList.ItemLabel>Created</DataList.ItemLabel>
              <DataList.ItemValue>{new Date(candidate.createdDate).toLocaleString()}</DataList.ItemValue>
            </DataList.Item>
          </DataList>
        </>
      ) : (
        <Text>
          The platform shows no new instance, and the grant code can only be used once. Start again for a new
          consent: your form is kept.
        </Text>
      )}
      {adoptError && <ActionErrorAlert title="The instance could not be kept" error={adoptError} />}
      <Group gap="sm">
        {candidate && (
          <Button leftSection={<IconCheck size={16} />} onClick={onAdopt} loading={adopting}>
            Keep this instance
          </Button>
        )}
        <Button
          variant={candidate ? 'default' : 'filled'}
          leftSection={<IconRefresh size={16} />}
          onClick={onStartAgain}
          loading={restarting}
        >
          Start a new consent
        </Button>
      </Group>
    </Stack>
  );
}
