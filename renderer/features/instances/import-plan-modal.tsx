// The plan of an import before anything happens: per instance the target name (editable), element,
// what carries over and what does not (and why), create or skip (with a free name for a taken one);
// the OAuth client once per element from the target's saved apps; then the guided sign-ins.
import { useCallback, useMemo, useRef, useState, type FocusEvent } from 'react';
import { Button, Modal, Select, Stack, Table, Text } from '@mantine/core';
import type { ImportPlanView, OAuthAppView } from '../../../common/contract';
import { useImportPlanStore } from '../../stores/import-plan';
import { useTenantsStore } from '../../stores/tenants';
import { ModalFooter } from '../shell/modal-footer';
import { rowsWithGaps } from '../shell/measured-rows';
import { useMeasuredRowWindow } from '../shell/row-window';
import { PlanRow, PLAN_INDEX } from './import-plan-row';
import './import-plan.css';

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

/**
 * The plan's rows, only those in view drawn (a plan of 10,000 instances opens as fast as one of ten),
 * with the row being typed in kept drawn; which rows show their settings is kept here, across scrolling.
 */
function PlanTable({ plan, busy }: { plan: ImportPlanView; busy: boolean }) {
  const viewport = useRef<HTMLDivElement>(null);
  const [opened, setOpened] = useState<ReadonlySet<number>>(() => new Set());
  const [focused, setFocused] = useState<number | null>(null);
  const keys = useMemo(() => plan.items.map((item) => item.sourceId), [plan.items]);
  const { shown, tops, measure } = useMeasuredRowWindow(viewport, keys, focused);
  const toggle = useCallback(
    (id: number) =>
      setOpened((last) => {
        const next = new Set(last);
        if (!next.delete(id)) next.add(id);
        return next;
      }),
    [],
  );
  const rowOf = (target: EventTarget | null) =>
    target instanceof Element ? target.closest<HTMLElement>(`[${PLAN_INDEX}]`) : null;
  const onFocus = (event: FocusEvent) => {
    const row = rowOf(event.target);
    if (row) setFocused(Number(row.getAttribute(PLAN_INDEX)));
  };
  const onBlur = (event: FocusEvent) => {
    if (!rowOf(event.relatedTarget)) setFocused(null);
  };
  const rows = rowsWithGaps(shown, tops, 5, (index) => {
    const item = plan.items[index]!;
    return (
      <PlanRow
        key={item.sourceId}
        item={item}
        index={index}
        busy={busy}
        open={opened.has(item.sourceId)}
        onToggle={toggle}
        measure={measure(item.sourceId)}
      />
    );
  });
  return (
    <div ref={viewport} className="ea-plan-scroll" data-testid="import-plan-scroll">
      {/* Fixed column widths: the rows drawn change as it scrolls, and must not move the columns. */}
      <Table stickyHeader verticalSpacing="xs" layout="fixed" aria-label="Import plan" miw={860}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w="21%">Name on {plan.targetTenantName}</Table.Th>
            <Table.Th w="11%">Element</Table.Th>
            <Table.Th w="21%">Carries over</Table.Th>
            <Table.Th w="28%">Does not carry over</Table.Th>
            <Table.Th>Plan</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody onFocus={onFocus} onBlur={onBlur}>
          {rows}
        </Table.Tbody>
      </Table>
    </div>
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
            <PlanTable plan={plan} busy={busy} />
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
