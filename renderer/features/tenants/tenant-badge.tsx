// The active tenant in the header, visible on every screen.
import { Badge } from '@mantine/core';

export function TenantBadge() {
  return (
    <Badge variant="outline" color="gray" size="lg" data-testid="active-tenant">
      No tenant selected
    </Badge>
  );
}
