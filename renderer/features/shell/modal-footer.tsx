// The foot of every dialog: main's error sentence (if any), a way out, and the dialog's own
// confirm button on the right.
import type { ReactNode } from 'react';
import { Alert, Button, Group } from '@mantine/core';
import type { AppError } from '../../../common/contract';

interface ModalFooterProps {
  error: AppError | null;
  cancelLabel?: string;
  /** The way out takes the focus when the dialog opens: the safe choice of a destructive dialog. */
  cancelFirst?: boolean;
  onCancel(): void;
  /** The confirm button (submit, destructive, export…). */
  children: ReactNode;
}

export function ModalFooter({
  error,
  cancelLabel = 'Cancel',
  cancelFirst = false,
  onCancel,
  children,
}: ModalFooterProps) {
  return (
    <>
      {error && (
        <Alert color="red" variant="light" role="alert">
          {error.message}
        </Alert>
      )}
      <Group justify="flex-end" gap="sm" wrap="nowrap">
        <Button variant="default" onClick={onCancel} data-autofocus={cancelFirst || undefined}>
          {cancelLabel}
        </Button>
        {children}
      </Group>
    </>
  );
}
