// Asked before switching or removing a tenant while a flow is still pending: main's sentence names
// the flow; the user keeps it, or goes ahead and the flow is cancelled.
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { FlowQuestion } from '../../stores/tenants';
import { useOpenedAfterMount } from '../shell/lazy-part';

interface FlowQuestionModalProps {
  question: FlowQuestion | null;
  onAnswer(proceed: boolean): void;
}

export function FlowQuestionModal({ question, onAnswer }: FlowQuestionModalProps) {
  // Main's sentence names the flow and what the change does to it ("Switching to Acme cancels it.").
  const removing = question?.action === 'remove';
  const opened = useOpenedAfterMount(question !== null);
  return (
    <Modal
      opened={opened}
      onClose={() => onAnswer(false)}
      title={<Text fw={600}>A flow is still running</Text>}
      centered
      size="md"
    >
      {question && (
        <Stack gap="md">
          <Text size="sm">{question.message}</Text>
          <Group justify="flex-end" gap="sm" wrap="nowrap">
            <Button variant="default" onClick={() => onAnswer(false)} data-autofocus>
              Keep the flow
            </Button>
            <Button color="orange" onClick={() => onAnswer(true)}>
              {removing ? 'Cancel it and remove' : 'Cancel it and switch'}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
