// The import plan: an "element-authenticator/instances@1" document read into what each instance
// becomes on the target tenant, what cannot carry over and why, and which ones are skipped (idempotence).
import { z } from '../../../common/zod';
import type { FlowStart, ImportItem, NotCarriedReason } from '../../../common/contract';
import { REQUEST_TAG_PREFIX } from '../auth-flow/flow-plan';
import { presetFor } from '../elements/element-presets';
import { AppFailure } from '../errors';
import { EXPORT_FORMAT } from './export-document';
import { hasSecretValue, isSecretName, MASKED_SECRET } from './redact';

export type { ImportItem, NotCarriedReason } from '../../../common/contract';
export interface ImportPlan {
  sourceTenant: string;
  items: ImportItem[];
}

/** What to do with an instance whose name already exists on the target for the same element. */
export type CollisionChoice = 'skip' | 'rename';

export interface ExistingInstance {
  id: number;
  name: string;
  elementKey: string;
}

export interface PlanOptions {
  /** Target names chosen by the user, by source id; the source name otherwise. */
  renames?: Record<number, string>;
}

const DocumentSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  tenant: z.looseObject({ name: z.string() }),
  instances: z.array(
    z.looseObject({
      id: z.number(),
      name: z.string(),
      element: z.optional(z.looseObject({ key: z.string() })),
      tags: z.nullish(z.array(z.string())),
      configuration: z.nullish(z.record(z.string(), z.unknown())),
    }),
  ),
});
export type ImportDocument = z.infer<typeof DocumentSchema>;

/** Reads the document's text; a file that is not an instances@1 export fails with one sentence. */
export function parseImportDocument(text: string): ImportDocument {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new AppFailure(
      'invalid_input',
      'The file is not JSON: choose an instances export of Element Authenticator.',
    );
  }
  const result = DocumentSchema.safeParse(parsed);
  if (!result.success) {
    throw new AppFailure(
      'invalid_input',
      `The file is not an "${EXPORT_FORMAT}" document: choose an instances export of Element Authenticator.`,
    );
  }
  return result.data;
}

const OAUTH_CLIENT_KEYS = ['oauth.api.key', 'oauth.api.secret', 'oauth.callback.url', 'oauth.scope'];
const DATA_CENTER_KEYS = ['oauth.base.url', 'api.base.url'];
const PLATFORM_MANAGED_PREFIXES = ['oauth.user.', 'oauth.token.'];

function reasonFor(key: string, value: unknown, elementKey: string): NotCarriedReason | undefined {
  if (OAUTH_CLIENT_KEYS.includes(key)) return 'oauth-client';
  if (DATA_CENTER_KEYS.includes(key) && presetFor(elementKey).dataCenters.length > 0) return 'data-center';
  if (PLATFORM_MANAGED_PREFIXES.some((prefix) => key.startsWith(prefix))) return 'platform-managed';
  if (isSecretName(key) || value === MASKED_SECRET) return 'secret';
  return undefined;
}

const asText = (value: unknown): string | undefined => {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
};

function planItem(
  instance: ImportDocument['instances'][number],
  targetName: string,
): Omit<ImportItem, 'action'> {
  const elementKey = instance.element?.key ?? '';
  const events: Record<string, string> = {};
  const configuration: Record<string, string> = {};
  const notCarried: ImportItem['notCarried'] = [];
  for (const [key, value] of Object.entries(instance.configuration ?? {})) {
    const reason = reasonFor(key, value, elementKey);
    if (reason) {
      if (reason !== 'secret' || hasSecretValue(value)) notCarried.push({ key, reason });
      continue;
    }
    const text = asText(value);
    if (text === undefined) continue;
    if (key.startsWith('event.')) events[key] = text;
    else configuration[key] = text;
  }
  return {
    sourceId: instance.id,
    sourceName: instance.name,
    targetName,
    elementKey,
    tags: (instance.tags ?? []).filter((tag) => !tag.startsWith(REQUEST_TAG_PREFIX)),
    events,
    configuration,
    notCarried,
  };
}

/**
 * Plans the import onto a target whose instances are `existing`. An instance whose target name and
 * element already exist there is skipped, so a second run creates nothing twice; a name taken by
 * another element, or twice in the document, is flagged the same way until renamed.
 */
export function buildImportPlan(
  document: ImportDocument,
  existing: readonly ExistingInstance[],
  options: PlanOptions = {},
): ImportPlan {
  const onTarget = new Map(existing.map((instance) => [instance.name, instance]));
  const planned = new Set<string>();
  const items = document.instances.map((instance): ImportItem => {
    const targetName = (options.renames?.[instance.id] ?? instance.name).trim();
    const item = planItem(instance, targetName);
    const there = onTarget.get(targetName);
    const skip = (skipReason: string): ImportItem => ({ ...item, action: 'skip', skipReason });
    if (!item.elementKey) return skip('The export does not name its element.');
    if (!targetName) return skip('The target name is empty.');
    if (there?.elementKey === item.elementKey) {
      return skip(`Instance ${there.id} “${targetName}” (${item.elementKey}) already exists on the target.`);
    }
    if (there)
      return skip(`The name “${targetName}” is taken on the target by a ${there.elementKey} instance.`);
    if (planned.has(targetName)) return skip(`The name “${targetName}” is planned twice in this import.`);
    planned.add(targetName);
    return { ...item, action: 'create' };
  });
  return { sourceTenant: document.tenant.name, items };
}

/**
 * "Import under a new name": a name taken on the target by another element becomes "name (2)",
 * "name (3)"…, the first one free or already holding this element (an earlier run's copy, then skipped).
 */
export function renameCollisions(
  document: ImportDocument,
  existing: readonly ExistingInstance[],
): PlanOptions {
  const onTarget = new Map(existing.map((instance) => [instance.name, instance.elementKey]));
  const renames: Record<number, string> = {};
  for (const instance of document.instances) {
    const elementKey = instance.element?.key;
    const fits = (name: string) => [undefined, elementKey].includes(onTarget.get(name));
    let name = instance.name;
    for (let n = 2; !fits(name); n += 1) name = `${instance.name} (${n})`;
    onTarget.set(name, elementKey ?? '');
    if (name !== instance.name) renames[instance.id] = name;
  }
  return { renames };
}

export interface ImportTarget {
  tenant: string;
  callbackUrl: string;
  /** A saved OAuth app of the target per element key, or a client id + secret typed once. */
  oauthAppId?: string;
  apiKey?: string;
  apiSecret?: string;
}

/** The flow.start input of one planned instance: the flow builds the step-3 body, as for any other. */
export function flowStartOf(item: ImportItem, target: ImportTarget): FlowStart {
  return {
    elementKey: item.elementKey,
    instanceName: item.targetName,
    tags: item.tags,
    configuration: { ...item.configuration, ...item.events },
    callbackUrl: target.callbackUrl,
    tenant: target.tenant,
    ...(target.oauthAppId ? { oauthAppId: target.oauthAppId } : {}),
    ...(target.apiKey ? { apiKey: target.apiKey } : {}),
    ...(target.apiSecret ? { apiSecret: target.apiSecret } : {}),
  };
}
