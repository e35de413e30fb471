// The "Redirect URL" form as data (flow-draft.ts) and its rules (flow-draft-rules.ts): the sentences that block a bad
// draft, the line of a JSON mistake, and the exact flow.start payload of a good draft.
import { describe, expect, it } from 'vitest';
import { ElementPresetSchema } from '../../../../common/contract';
import { ELEMENT_PRESETS } from '../../../../main/services/elements/element-presets';
import {
  emptyDraft,
  presetOf,
  toFlowStart,
  withPresetDefaults,
  type FlowDraft,
} from '../../../../renderer/models/flow-draft';
import { validateDraft } from '../../../../renderer/models/flow-draft-rules';
import { pollerConfigurationProblem } from '../../../../renderer/models/poller-json';

const presets = ELEMENT_PRESETS.map((preset) => ElementPresetSchema.parse(preset));
const zoho = presetOf(presets, 'zohocrmv2');
const generic = presetOf(presets, 'hubspotcrm');

function validDraft(patch: Partial<FlowDraft> = {}): FlowDraft {
  return {
    ...withPresetDefaults(emptyDraft(), zoho!),
    instanceName: 'Acme CRM',
    clientId: 'cid',
    clientSecret: 'secret',
    ...patch,
  };
}

describe('poller configuration', () => {
  it('accepts the Zoho example and points at the line of a JSON mistake', () => {
    expect(pollerConfigurationProblem(zoho!.examplePollerConfiguration)).toBeNull();
    expect(pollerConfigurationProblem('{\n  "contacts": {\n    "url": "/x",\n  }\n}')).toMatch(
      /line 4, column 3/,
    );
    expect(pollerConfigurationProblem('{\n  "contacts": {')).toMatch(/line 2/);
  });

  it('names the resource that lacks a field', () => {
    expect(pollerConfigurationProblem('{"leads": {"url": "/hubs/crm/leads", "idField": "id"}}')).toMatch(
      /"leads" needs a "datesConfiguration"/,
    );
    expect(pollerConfigurationProblem('[]')).toMatch(/at least one resource/);
  });
});

describe('validateDraft and toFlowStart', () => {
  it('a valid Zoho draft becomes the exact flow.start payload', () => {
    const draft = validDraft({
      tags: ['acme', ' prod '],
      state: '',
      callbackUrl: ' http://127.0.0.1:53682/cb ',
    });
    expect(validateDraft(draft, zoho)).toEqual({});
    expect(toFlowStart(draft, zoho)).toEqual({
      elementKey: 'zohocrmv2',
      instanceName: 'Acme CRM',
      apiKey: 'cid',
      apiSecret: 'secret',
      callbackUrl: 'http://127.0.0.1:53682/cb',
      scope: zoho!.defaultScope,
      tags: ['acme', 'prod'],
      configuration: {},
    });
  });

  it('a saved OAuth app replaces the client id and secret', () => {
    const draft = validDraft({ oauthAppId: 'app-1', clientId: '', clientSecret: '' });
    expect(validateDraft(draft, zoho)).toEqual({});
    const start = toFlowStart(draft, zoho);
    expect(start.oauthAppId).toBe('app-1');
    expect(start).not.toHaveProperty('apiSecret');
  });

  it('a generic element sends only the base URLs filled in, and checks they are https', () => {
    const draft = validDraft({
      elementKey: 'hubspotcrm',
      configuration: { 'oauth.base.url': 'http://x.example' },
    });
    expect(validateDraft(draft, generic)).toEqual({
      'configuration.oauth.base.url': expect.stringMatching(/https/),
    });
    const fixed = {
      ...draft,
      configuration: { 'oauth.base.url': 'https://auth.example.com', 'api.base.url': ' ' },
    };
    expect(toFlowStart(fixed, generic).configuration).toEqual({
      'oauth.base.url': 'https://auth.example.com',
    });
  });

  it('events are checked only when they are on', () => {
    const off = validDraft({ events: { ...zoho!.defaultEvents, pollerConfiguration: 'nope' } });
    expect(validateDraft(off, zoho)).toEqual({});
    const on = validDraft({
      events: {
        ...zoho!.defaultEvents,
        enabled: true,
        pollerConfiguration: 'nope',
        refreshIntervalMinutes: 0,
      },
    });
    expect(Object.keys(validateDraft(on, zoho)).sort()).toEqual([
      'events.pollerConfiguration',
      'events.refreshIntervalMinutes',
    ]);
  });

  it('a state with spaces or an element key with spaces is refused', () => {
    const errors = validateDraft(validDraft({ state: 'two words', elementKey: 'zoho crm' }), zoho);
    expect(Object.keys(errors).sort()).toEqual(['elementKey', 'state']);
  });
});
