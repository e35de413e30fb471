// Step 2, "Authenticate Users": the sign-in link to copy or open again, the door the answer comes
// back through in words, the time left before the wait gives up, a paste box and Cancel.
import type { FormEvent } from 'react';
import { Button, Code, Group, Loader, Paper, Stack, Text, TextInput } from '@mantine/core';
import { IconCheck, IconCopy, IconExternalLink, IconX } from '@tabler/icons-react';
import type { AppError, FlowView } from '../../../common/contract';
import { assertNever } from '../../../common/assert-never';
import { ActionErrorAlert } from './action-error-alert';
import { formatTimeLeft, useTimeLeft } from './use-time-left';
import { FocusHeading } from '../shell/focus-heading';

type AwaitingView = Extract<FlowView, { step: 'awaiting-consent' }>;

interface AuthenticateUsersPanelProps {
  view: AwaitingView;
  pasteUrl: string;
  pasting: boolean;
  cancelling: boolean;
  copied: boolean;
  pasteError: AppError | null;
  onPasteUrlChange(url: string): void;
  onPaste(): void;
  onCopy(): void;
  onOpen(): void;
  onCancel(): void;
}

function DoorInWords({ view }: { view: AwaitingView }) {
  switch (view.door) {
    case 'protocol':
      return <Text>When the customer approves, the browser hands the answer straight back to this app.</Text>;
    case 'loopback':
      return (
        <Text>
          When the customer approves, a one-time listener at <Code>{view.callbackUrl}</Code> catches the
          answer.
        </Text>
      );
    case 'paste':
      return (
        <Text>
          When the customer approves, the browser lands on <Code>{view.callbackUrl}</Code>. Copy that whole
          address from the address bar and paste it below.
        </Text>
      );
    default:
      return assertNever(view.door);
  }
}

/** The alert's title; main's sentence below it says what was wrong, so the title never repeats it. */
function pasteErrorTitle(error: AppError): string {
  return error.code === 'no_pending_flow' ? 'No sign-in is waiting' : 'The address could not be used';
}

export function AuthenticateUsersPanel(props: AuthenticateUsersPanelProps) {
  const { view, pasteUrl, pasting, cancelling, copied, pasteError } = props;
  const { onPasteUrlChange, onPaste, onCopy, onOpen, onCancel } = props;
  const left = useTimeLeft(view.waitUntil);
  const pasteFirst = view.door === 'paste';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onPaste();
  };
  return (
    <Stack gap="lg">
      <Group gap="sm" wrap="nowrap">
        <Loader size="sm" type="dots" />
        <FocusHeading order={2} size="h4">
          Waiting for the customer to sign in
        </FocusHeading>
      </Group>
      <DoorInWords view={view} />

      <Paper withBorder p="md" radius="md">
        <Stack gap="xs">
          <Text fz="sm" fw={500}>
            Sign-in link, opened in the browser
          </Text>
          <Code block={false} data-testid="auth-url" title={view.authUrl} style={{ display: 'block' }}>
            <Text span ff="monospace" fz="xs" truncate="end" display="block">
              {view.authUrl}
            </Text>
          </Code>
          <Group gap="xs">
            <Button
              variant="light"
              size="xs"
              leftSection={copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
              onClick={onCopy}
            >
              {copied ? 'Copied' : 'Copy link'}
            </Button>
            <Button variant="light" size="xs" leftSection={<IconExternalLink size={14} />} onClick={onOpen}>
              Open again
            </Button>
            {view.door === 'paste' && (
              <Text fz="xs" c="dimmed" data-testid="send-link-hint">
                Send it to the customer if they sign in on another computer.
              </Text>
            )}
          </Group>
        </Stack>
      </Paper>

      <form onSubmit={submit} aria-label="Paste the redirected URL">
        <Stack gap="xs">
          <TextInput
            label={pasteFirst ? 'Redirected URL' : 'Did the browser not come back to the app?'}
            description={
              pasteFirst
                ? 'The full address from the browser’s address bar after the customer approved.'
                : 'Paste the address the browser landed on, and the app takes it from there.'
            }
            placeholder={`${view.callbackUrl}?code=…&state=…`}
            value={pasteUrl}
            onChange={(event) => onPasteUrlChange(event.currentTarget.value)}
            spellCheck={false}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 12 } }}
            rightSectionWidth={96}
            rightSection={
              <Button
                type="submit"
                size="compact-sm"
                loading={pasting}
                variant={pasteFirst ? 'filled' : 'light'}
              >
                Use it
              </Button>
            }
          />
          {pasteError && <ActionErrorAlert title={pasteErrorTitle(pasteError)} error={pasteError} />}
        </Stack>
      </form>

      <Group justify="space-between">
        <Text fz="sm" c="dimmed" data-testid="wait-time-left">
          {left > 0 ? `The app waits ${formatTimeLeft(left)} more for the answer.` : 'The wait is over.'}
        </Text>
        <Button variant="default" leftSection={<IconX size={16} />} onClick={onCancel} loading={cancelling}>
          Cancel
        </Button>
      </Group>
    </Stack>
  );
}
