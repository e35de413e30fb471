// A call main refused, shown next to what the user just did: a short title and main's sentence.
import { Alert } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import type { AppError } from '../../../common/contract';

interface ActionErrorAlertProps {
  title: string;
  error: AppError;
}

export function ActionErrorAlert({ title, error }: ActionErrorAlertProps) {
  return (
    <Alert
      color="red"
      variant="light"
      title={title}
      icon={<IconAlertCircle size={18} />}
      role="alert"
      data-testid="action-error"
    >
      {error.message}
    </Alert>
  );
}
