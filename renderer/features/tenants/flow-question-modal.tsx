// Asked before switching or removing a tenant while a flow is still pending: main's sentence names
// the flow; the user keeps it, or goes ahead and the flow is cancelled.
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { FlowQuestion } from '../../stores/tenants';

interface FlowQuestionModalProps {
  question: FlowQuestion | null;
  targetName: string;
  onAnswer(proceed: boolean): void;
}

export function FlowQuestionModal({ question, targetName, onAnswer }: FlowQuestionModalProps) {
  const verb = question?.action === 'remove' ? `Remove ${targetName}` : `Switch to ${targetName}`;
  return (
    <Modal
      opened={question !== null}
      onClose={() => onAnswer(false)}
      title={<Text fw={600}>A flow is still running</Text>}
      centered
      size="md"
    >
      {question && (
        <Stack gap="md">
          <Text size="sm">{question.message}</Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => onAnswer(false)} data-autofocus>
              Keep the flow
            </Button>
            <Button color="orange" onClick={() => onAnswer(true)}>
              {verb} and cancel the flow
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
