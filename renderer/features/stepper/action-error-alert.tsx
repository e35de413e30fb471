// A call main refused, shown next to what the user just did: a short title and main's sentence.
import type { ReactNode } from 'react';
import { Alert, Stack } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import type { AppError } from '../../../common/contract';

interface ActionErrorAlertProps {
  title: string;
  error: AppError;
  /** The way out, e.g. a button to where it can be fixed. */
  children?: ReactNode;
}

export function ActionErrorAlert({ title, error, children }: ActionErrorAlertProps) {
  return (
    <Alert
      color="red"
      variant="light"
      title={title}
      icon={<IconAlertCircle size={18} />}
      role="alert"
      data-testid="action-error"
    >
      <Stack gap="xs" align="flex-start">
        {error.message}
        {children}
      </Stack>
    </Alert>
  );
}
