// The "Redirect URL" form as data: the draft, its defaults from an element preset and the FlowStart
// it becomes (its validation, by the rules the contract refines by, is flow-draft-rules.ts).
import type { ElementPresetView, EventsSettings, FlowStart } from '../../common/contract';
import { DEFAULT_ELEMENT_KEY, DEFAULT_EVENTS } from '../../common/element-defaults';
import { APP_CALLBACK_URL } from '../../common/urls';

export type EventsDraft = Omit<EventsSettings, 'refreshIntervalMinutes'> & {
  refreshIntervalMinutes: number | string;
};

export interface FlowDraft {
  elementKey: string;
  instanceName: string;
  /** A saved OAuth app of the active tenant; null when the client id and secret are typed in. */
  oauthAppId: string | null;
  clientId: string;
  clientSecret: string;
  callbackUrl: string;
  state: string;
  tags: string[];
  scope: string;
  /** Base URLs and other configuration of a generic (non-Zoho) element. */
  configuration: Record<string, string>;
  events: EventsDraft;
}

/** An existing instance to re-authenticate instead of creating one (left by the Instances screen). */
export interface ReauthTarget {
  kind: 'reauth';
  instanceId: number;
  name: string;
  elementKey: string;
}

/** An instance of an import to create: its planned name, element and tags, and what carries over. */
export interface ImportTarget {
  kind: 'import';
  name: string;
  elementKey: string;
  tags: string[];
  /** The non-secret configuration and event settings of the source instance, sent as they are. */
  carried: Record<string, string>;
  sourceTenant: string;
  sourceName: string;
}

/** What the form is for besides a new instance: a re-authentication or one instance of an import. */
export type FlowTarget = ReauthTarget | ImportTarget;

/** Field name → one sentence; the events fields are prefixed "events.", configuration "configuration.". */
export type FieldErrors = Record<string, string>;

export function emptyDraft(): FlowDraft {
  return {
    elementKey: DEFAULT_ELEMENT_KEY,
    instanceName: '',
    oauthAppId: null,
    clientId: '',
    clientSecret: '',
    callbackUrl: APP_CALLBACK_URL,
    state: '',
    tags: [],
    scope: '',
    configuration: {},
    events: { ...DEFAULT_EVENTS },
  };
}

/** The preset of an element key: its own, else the generic OAuth 2 one (undefined before presets load). */
export function presetOf(
  presets: readonly ElementPresetView[],
  elementKey: string,
): ElementPresetView | undefined {
  const key = elementKey.trim().toLowerCase();
  return (
    presets.find((preset) => !preset.generic && preset.key === key) ??
    presets.find((preset) => preset.generic)
  );
}

/** Fills what the user has not set from a preset: scope and events defaults. */
export function withPresetDefaults(
  draft: FlowDraft,
  preset: ElementPresetView,
  previous?: ElementPresetView,
): FlowDraft {
  const scopeUntouched = draft.scope.trim() === '' || draft.scope === previous?.defaultScope;
  const events = draft.events;
  const eventsUntouched =
    !events.enabled &&
    (events.pollerConfiguration.trim() === '' ||
      events.pollerConfiguration === previous?.defaultEvents.pollerConfiguration);
  return {
    ...draft,
    scope: scopeUntouched ? preset.defaultScope : draft.scope,
    events: eventsUntouched ? { ...preset.defaultEvents } : events,
  };
}

/** The draft as it is sent: the target's own element key and name (and an import's tags). */
export function effectiveDraft(draft: FlowDraft, target: FlowTarget | null): FlowDraft {
  if (!target) return draft;
  return {
    ...draft,
    elementKey: target.elementKey || draft.elementKey,
    instanceName: target.name,
    ...(target.kind === 'import' ? { tags: target.tags } : {}),
  };
}

/**
 * The flow.start payload of a valid draft. Events go only when switched on, so a re-authentication
 * never overwrites the instance's events settings with defaults; an import sends what it carries over.
 */
export function toFlowStart(
  draft: FlowDraft,
  preset: ElementPresetView | undefined,
  target: FlowTarget | null = null,
): FlowStart {
  const configuration: Record<string, string> = target?.kind === 'import' ? { ...target.carried } : {};
  if (preset?.generic) {
    for (const key of preset.suggestedConfigurationKeys) {
      const value = draft.configuration[key]?.trim() ?? '';
      if (value !== '') configuration[key] = value;
    }
  }
  const scope = draft.scope.trim();
  const state = draft.state.trim();
  return {
    elementKey: draft.elementKey.trim(),
    instanceName: draft.instanceName.trim(),
    ...(draft.oauthAppId !== null
      ? { oauthAppId: draft.oauthAppId }
      : { apiKey: draft.clientId.trim(), apiSecret: draft.clientSecret.trim() }),
    callbackUrl: draft.callbackUrl.trim(),
    ...(scope !== '' ? { scope } : {}),
    ...(state !== '' ? { state } : {}),
    tags: draft.tags.map((tag) => tag.trim()).filter((tag) => tag !== ''),
    configuration,
    ...(draft.events.enabled && target?.kind !== 'import'
      ? { events: { ...draft.events, refreshIntervalMinutes: Number(draft.events.refreshIntervalMinutes) } }
      : {}),
    ...(target?.kind === 'reauth' ? { reauthenticateInstanceId: target.instanceId } : {}),
  };
}
