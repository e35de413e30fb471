// The swatch colour of a tenant that has none of its own, wherever tenants are listed.
export const NO_TENANT_COLOR = 'var(--mantine-color-gray-4)';
