// The shared URL rules: which callback door a URL opens (the same answer in the renderer's form, in
// main's flow planning and in the CLI), the network rule for remote hosts, and the app's own link.
import { describe, expect, it } from 'vitest';
import {
  callbackDoorOf,
  callbackUrlProblem,
  httpsUrlProblem,
  isAppCallbackLink,
  isLoopbackHost,
  isSafeRemoteUrl,
  remoteUrlProblem,
  stateProblem,
} from '../../../common/urls';
import { assertCallbackUrl } from '../../../main/services/net/safe-url';
import { emptyDraft } from '../../../renderer/models/flow-draft';
import { validateDraft } from '../../../renderer/models/flow-draft-rules';
import { isFailure } from '../../../main/services/errors';

const CASES: [string, 'protocol' | 'loopback' | 'paste' | null][] = [
  ['element-auth://oauth/callback', 'protocol'],
  ['http://127.0.0.1:53682/callback', 'loopback'],
  ['http://localhost:8080/cb', 'loopback'],
  ['http://[::1]:8080/cb', 'loopback'],
  ['https://auth.example.com/oauth', 'paste'],
  ['http://example.com/cb', null],
  ['http://127.0.0.1/cb', null],
  ['http://[::1]/cb', null],
  ['http://127.0.0.2:8080/cb', null],
  ['https://user:pw@example.com/cb', null],
  ['element-auth://other', null],
  ['ftp://example.com', null],
  ['not a url', null],
];

function mainDoor(url: string): string | null {
  try {
    return assertCallbackUrl(url).door;
  } catch (error) {
    if (isFailure(error)) return null;
    throw error;
  }
}

describe('callback doors', () => {
  it.each(CASES)('%s → %s in the form and in main alike', (url, door) => {
    expect(callbackDoorOf(url)).toBe(door);
    expect(callbackUrlProblem(url) === null).toBe(door !== null);
    expect(mainDoor(url)).toBe(door);
    const formError = validateDraft({ ...emptyDraft(), callbackUrl: url }, undefined).callbackUrl;
    expect(formError === undefined).toBe(door !== null);
  });

  it('gives main and the form the same sentence for a refused URL', () => {
    for (const [url, door] of CASES) {
      if (door !== null) continue;
      expect(() => assertCallbackUrl(url)).toThrow(callbackUrlProblem(url) ?? 'unreachable');
    }
  });

  it('says what to fix for a near miss', () => {
    expect(callbackUrlProblem('http://127.0.0.1/cb')).toMatch(/add the port/i);
    expect(callbackUrlProblem('http://example.com/cb')).toMatch(/only for this computer/i);
    expect(callbackUrlProblem('')).toMatch(/enter the callback url/i);
  });

  it('calls plain http to another computer insecure, and a typo invalid', () => {
    expect(() => assertCallbackUrl('http://example.com/cb')).toThrow(
      expect.objectContaining({ code: 'insecure_url' }),
    );
    expect(() => assertCallbackUrl('http://127.0.0.1/cb')).toThrow(
      expect.objectContaining({ code: 'invalid_input' }),
    );
  });
});

describe('network rule', () => {
  it.each(['127.0.0.1', '127.8.9.10', 'localhost', 'LOCALHOST', '::1', '[::1]'])('%s is loopback', (host) => {
    expect(isLoopbackHost(host)).toBe(true);
  });

  it.each(['128.0.0.1', 'example.com', '127.0.0.1.example.com', '[::2]'])('%s is not', (host) => {
    expect(isLoopbackHost(host)).toBe(false);
  });

  it('allows https anywhere and http only here, never with user info', () => {
    expect(isSafeRemoteUrl('https://api.example.com/x')).toBe(true);
    expect(isSafeRemoteUrl('http://127.0.0.1:9/x')).toBe(true);
    expect(isSafeRemoteUrl('http://[::1]:9/x')).toBe(true);
    expect(isSafeRemoteUrl('http://api.example.com/x')).toBe(false);
    expect(isSafeRemoteUrl('https://u:p@api.example.com/x')).toBe(false);
  });

  it('says what is wrong with a URL, naming user info rather than the scheme', () => {
    expect(remoteUrlProblem('https://u:p@api.example.com', 'The platform URL')).toMatch(
      /user name and password/,
    );
    expect(remoteUrlProblem('http://api.example.com', 'The platform URL')).toMatch(/only for this computer/);
    expect(remoteUrlProblem('https://api.example.com', 'The platform URL')).toBeNull();
    expect(httpsUrlProblem('https://u:p@hooks.example.com/in')).toBe(
      'Leave the user name and password out of the URL.',
    );
    expect(httpsUrlProblem('https://u@hooks.example.com/in')).toMatch(/user name and password/);
    expect(httpsUrlProblem('http://hooks.example.com/in')).toMatch(/^Use an https URL/);
    expect(httpsUrlProblem('https://hooks.example.com/in')).toBeNull();
  });
});

describe('app callback link and state', () => {
  it('knows its own link and nothing else', () => {
    expect(isAppCallbackLink('element-auth://oauth/callback?code=x&state=y')).toBe(true);
    expect(isAppCallbackLink('element-auth://oauth/other')).toBe(false);
    expect(isAppCallbackLink('https://oauth/callback')).toBe(false);
  });

  it('takes one-word states up to 200 characters', () => {
    expect(stateProblem('')).toBeNull();
    expect(stateProblem('abc-123_~')).toBeNull();
    expect(stateProblem('two words')).toMatch(/one word/);
    expect(stateProblem('x'.repeat(201))).toMatch(/200/);
  });
});
