// The plan of an import before anything happens: per instance the target name (editable), element,
// what carries over and what does not (and why), create or skip (with a free name for a taken one);
// the OAuth client once per element from the target's saved apps; then the guided sign-ins.
import { Button, Modal, Select, Stack, Table, Text } from '@mantine/core';
import type { OAuthAppView } from '../../../common/contract';
import { useImportPlanStore } from '../../stores/import-plan';
import { useTenantsStore } from '../../stores/tenants';
import { ModalFooter } from '../shell/modal-footer';
import { PlanRow } from './import-plan-row';

function ClientChoice({ elementKey, apps }: { elementKey: string; apps: OAuthAppView[] }) {
  const chosen = useImportPlanStore((state) => state.oauthApps[elementKey] ?? null);
  const chooseApp = useImportPlanStore((state) => state.chooseApp);
  const data = [
    { value: '', label: 'Type the client id and secret in the stepper' },
    ...apps.map((app) => ({ value: app.id, label: `${app.name} (${app.clientId})` })),
  ];
  return (
    <Select
      label={`OAuth client for ${elementKey}`}
      description="From the target tenant's saved OAuth apps; the client never carries over."
      data={data}
      value={chosen ?? ''}
      onChange={(value) => chooseApp(elementKey, value || null)}
      allowDeselect={false}
      maw={480}
    />
  );
}

export function ImportPlanModal() {
  const { plan, busy, error, close, start } = useImportPlanStore();
  const apps = useTenantsStore((state) => state.list)?.oauthApps ?? [];
  if (!plan && !error) return null;
  const creating = plan?.items.filter((item) => item.action === 'create') ?? [];
  const skipped = (plan?.items.length ?? 0) - creating.length;
  const elements = [...new Set(creating.map((item) => item.elementKey))];
  const targetApps = apps.filter((app) => app.tenantId === plan?.targetTenantId);
  return (
    <Modal
      opened
      onClose={close}
      size="90rem"
      title={plan ? `Import into ${plan.targetTenantName}` : 'Import instances'}
    >
      <Stack gap="md">
        {plan && (
          <>
            <Text fz="sm" data-testid="import-plan-summary">
              From {plan.sourceTenant}: {creating.length} to create, {skipped} skipped. Each one needs the
              customer's consent on {plan.targetTenantName}: the stepper opens for each in turn, prefilled.
              Instances already there are skipped, so the same import twice creates nothing twice.
            </Text>
            {elements.map((elementKey) => (
              <ClientChoice key={elementKey} elementKey={elementKey} apps={targetApps} />
            ))}
            <Table.ScrollContainer minWidth={860} mah="calc(100vh - 400px)">
              <Table stickyHeader verticalSpacing="xs" aria-label="Import plan">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Name on {plan.targetTenantName}</Table.Th>
                    <Table.Th>Element</Table.Th>
                    <Table.Th>Carries over</Table.Th>
                    <Table.Th>Does not carry over</Table.Th>
                    <Table.Th>Plan</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {plan.items.map((item) => (
                    <PlanRow key={item.sourceId} item={item} busy={busy} />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </>
        )}
        <ModalFooter error={error} onCancel={close}>
          {plan && (
            <Button disabled={creating.length === 0} loading={busy} onClick={() => void start()}>
              {creating.length === 1 ? 'Start 1 sign-in' : `Start ${creating.length} sign-ins`}
            </Button>
          )}
        </ModalFooter>
      </Stack>
    </Modal>
  );
}
