// The rules of typed fields: each answers its sentence, and the contract refuses with that very sentence
// (main and the CLI parse every input by it), so a form and main never disagree.
import { describe, expect, it } from 'vitest';
import { parseChannelInput } from '../../../common/contract';
import {
  callbackUrlFieldProblem,
  elementKeyProblem,
  instanceNameProblem,
  tagsProblem,
  teamStoreDirProblem,
  teamStoreEntryProblem,
  tenantNameProblem,
} from '../../../common/field-rules';

const tenant = {
  name: 'Acme production',
  environment: 'us',
  orgSecret: 'org',
  userSecret: 'user',
  teamStore: { dir: '~/.password-store', entry: 'customers/acme' },
};
const flow = {
  elementKey: 'zohocrmv2',
  instanceName: 'Acme – Zoho CRM',
  callbackUrl: 'https://app.example.com/oauth/callback',
  apiKey: 'id',
  apiSecret: 'secret',
  tags: ['acme'],
};

/** The sentence main answers for an input, or null when it passes. */
function refusal(channel: 'tenants.add' | 'flow.start', input: unknown): string | null {
  const parsed = parseChannelInput(channel, input);
  return parsed.ok ? null : parsed.error.message;
}

describe('field rules', () => {
  it('pass what a consultant types, trimmed', () => {
    expect(tenantNameProblem('  Acme production ')).toBeNull();
    expect(teamStoreDirProblem(' ~/.password-store')).toBeNull();
    expect(teamStoreDirProblem('C:\\team-store')).toBeNull();
    expect(teamStoreEntryProblem('customers/acme ')).toBeNull();
    expect(elementKeyProblem(' zohocrmv2 ')).toBeNull();
    expect(instanceNameProblem('Acme – Zoho CRM')).toBeNull();
    expect(callbackUrlFieldProblem(' http://127.0.0.1:8765/oauth/callback ')).toBeNull();
    expect(tagsProblem(['acme', ' prod '])).toBeNull();
    expect(refusal('tenants.add', tenant)).toBeNull();
    expect(refusal('flow.start', flow)).toBeNull();
  });

  it.each([
    ['an empty tenant name', { ...tenant, name: '   ' }, tenantNameProblem('   ')],
    [
      'a tenant name of 81 characters',
      { ...tenant, name: 'a'.repeat(81) },
      tenantNameProblem('a'.repeat(81)),
    ],
    [
      'a store folder that is no full path',
      { ...tenant, teamStore: { ...tenant.teamStore, dir: 'store' } },
      teamStoreDirProblem('store'),
    ],
    [
      'an entry path climbing out',
      { ...tenant, teamStore: { ...tenant.teamStore, entry: '../x' } },
      teamStoreEntryProblem('../x'),
    ],
    [
      'an entry path of 201 characters',
      { ...tenant, teamStore: { ...tenant.teamStore, entry: 'a'.repeat(201) } },
      teamStoreEntryProblem('a'.repeat(201)),
    ],
  ])('main refuses %s with the form’s sentence', (_, input, sentence) => {
    expect(sentence).toMatch(/^[A-Z].*\.$/);
    expect(refusal('tenants.add', input)).toBe(sentence);
  });

  it.each([
    ['an element key of two words', { ...flow, elementKey: 'zoho crm' }, elementKeyProblem('zoho crm')],
    ['an empty instance name', { ...flow, instanceName: '' }, instanceNameProblem('')],
    [
      'a plain http callback',
      { ...flow, callbackUrl: 'http://example.com/cb' },
      callbackUrlFieldProblem('http://example.com/cb'),
    ],
    [
      'a callback URL of 2,001 characters',
      { ...flow, callbackUrl: `https://a.example/${'a'.repeat(1983)}` },
      callbackUrlFieldProblem(`https://a.example/${'a'.repeat(1983)}`),
    ],
    [
      '51 tags',
      { ...flow, tags: Array.from({ length: 51 }, (_, i) => `t${i}`) },
      tagsProblem(Array.from({ length: 51 }, (_, i) => `t${i}`)),
    ],
    ['an empty tag', { ...flow, tags: ['acme', ' '] }, tagsProblem(['acme', ' '])],
    ['a tag of 101 characters', { ...flow, tags: ['a'.repeat(101)] }, tagsProblem(['a'.repeat(101)])],
  ])('main refuses %s with the form’s sentence', (_, input, sentence) => {
    expect(sentence).toMatch(/^[A-Z].*\.$/);
    expect(refusal('flow.start', input)).toBe(sentence);
  });
});
