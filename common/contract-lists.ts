// The contract's plain lists, without zod: for code that shows or filters by them (the renderer's
// Activity and Health screens) and needs no schema. Their schemas are built from these lists.

/** What the activity log records: every action that changes something or takes secrets out. */
export const activityActions = [
  'tenant.added',
  'tenant.updated',
  'tenant.secrets-rotated',
  'tenant.removed',
  'tenant.secret-copied',
  'oauth-app.saved',
  'oauth-app.removed',
  'instance.created',
  'instance.reauthenticated',
  'instance.tested',
  'instance.deleted',
  'instance.token-copied',
  'instances.exported',
  'health.checked',
] as const;
export type ActivityAction = (typeof activityActions)[number];

/** How an instance's last health check came out. */
export const healthOutcomes = [
  'valid',
  'token_refused',
  'disabled',
  'unreachable',
  'platform_error',
] as const;
export type HealthOutcome = (typeof healthOutcomes)[number];
