// The OAuth side of the fake: step 1 (oauth url), step 2 (the Zoho-like consent redirect),
// and redeeming grant codes in step 3 — single use, short-lived, bound to key, callback and DC.
import { randomBytes } from 'node:crypto';
import { ZOHO_ACCOUNTS_SERVERS, findElement } from './platform-catalog.js';
import { PlatformError } from './platform-http.js';
import type { ConfigurationValues } from './platform-types.js';

interface GrantRequest {
  element: string;
  apiKey: string;
  apiSecret: string;
  callbackUrl: string;
  state: string;
}

interface IssuedCode {
  issuedAt: number;
  grant: GrantRequest;
  state: string;
  location: string;
  used: boolean;
}

export type AuthorizeOutcome =
  { kind: 'redirect'; location: string } | { kind: 'page'; status: number; text: string };

export const VENDOR_AUTHORIZE_PATH = '/fake-vendor/oauth2/auth';
const DENIED_DESCRIPTION = 'The user denied access to the application';

export class GrantBook {
  private readonly grants: GrantRequest[] = [];
  private readonly codes = new Map<string, IssuedCode>();

  constructor(
    private readonly origin: string,
    private readonly now: () => number,
    private readonly codeLifetimeMs: number,
  ) {}

  /** Step 1: `GET /elements/{keyOrId}/oauth/url`. */
  oauthUrl(keyOrId: string, query: URLSearchParams): { oauthUrl: string; element: string } {
    const apiKey = requiredParam(query, 'apiKey');
    const apiSecret = requiredParam(query, 'apiSecret');
    const callbackUrl = requiredParam(query, 'callbackUrl');
    const element = findElement(keyOrId);
    if (element === undefined) throw new PlatformError(404, `No element found with key or id '${keyOrId}'`);
    const state = query.get('state') || element.key;
    this.grants.push({ element: element.key, apiKey, apiSecret, callbackUrl, state });
    const params = new URLSearchParams({
      client_id: apiKey,
      redirect_uri: callbackUrl,
      response_type: 'code',
      scope: element.scope,
      state,
      access_type: 'offline',
    });
    return { oauthUrl: `${this.origin}${VENDOR_AUTHORIZE_PATH}?${params.toString()}`, element: element.key };
  }

  /** Step 2: the vendor's consent answers with a redirect carrying a code (or an error). */
  authorize(query: URLSearchParams): AuthorizeOutcome {
    const clientId = query.get('client_id') ?? '';
    const redirectUri = query.get('redirect_uri') ?? '';
    const state = query.get('state') ?? '';
    const ofClient = this.grants.filter((grant) => grant.apiKey === clientId);
    if (ofClient.length === 0) return page(400, 'Invalid Client: unknown client_id');
    const grant = ofClient.findLast((candidate) => candidate.callbackUrl === redirectUri);
    if (grant === undefined) return page(400, 'Invalid Redirect Uri: redirect_uri does not match');
    if (query.get('response_type') !== 'code') return page(400, 'Invalid response_type: expected code');
    if (query.get('deny') === '1') {
      return redirect(redirectUri, { error: 'access_denied', error_description: DENIED_DESCRIPTION, state });
    }
    const location = query.get('dc') ?? 'us';
    const accountsServer = ZOHO_ACCOUNTS_SERVERS[location];
    if (accountsServer === undefined) return page(400, 'Unknown data center');
    const code = `1000.${randomBytes(16).toString('hex')}.${randomBytes(16).toString('hex')}`;
    this.codes.set(code, { issuedAt: this.now(), grant, state, location, used: false });
    return redirect(redirectUri, { code, state, location, 'accounts-server': accountsServer });
  }

  /**
   * Step 3: exchange a code for an element. `configuration` is the effective one (defaults
   * merged with what was sent). The code is spent as soon as it is found, whatever follows.
   */
  redeem(code: string, elementKey: string, configuration: ConfigurationValues): void {
    const issued = this.codes.get(code);
    if (issued === undefined) {
      throw new PlatformError(400, 'Invalid grant: the authorization code is not valid', 'invalid_code');
    }
    if (issued.used) {
      throw new PlatformError(400, 'Invalid grant: the authorization code was already used', 'invalid_code');
    }
    issued.used = true;
    if (this.now() - issued.issuedAt > this.codeLifetimeMs) {
      throw new PlatformError(400, 'Invalid grant: the authorization code has expired', 'invalid_code');
    }
    const { grant } = issued;
    if (grant.element !== elementKey) {
      throw new PlatformError(
        400,
        `The authorization code was not issued for element '${elementKey}'`,
        'invalid_code',
      );
    }
    if (configuration['oauth.api.key'] !== grant.apiKey) {
      throw new PlatformError(
        400,
        'oauth.api.key does not match the client the code was issued to',
        'invalid_client',
      );
    }
    if (configuration['oauth.api.secret'] !== grant.apiSecret) {
      throw new PlatformError(
        400,
        'oauth.api.secret does not match the client secret of step 1',
        'invalid_client',
      );
    }
    if (configuration['oauth.callback.url'] !== grant.callbackUrl) {
      throw new PlatformError(
        400,
        'redirect_uri mismatch: oauth.callback.url must equal the callbackUrl used to get the oauth url',
        'invalid_redirect_uri',
      );
    }
    const accountsServer = ZOHO_ACCOUNTS_SERVERS[issued.location];
    if (
      findElement(elementKey)?.checksDataCenter === true &&
      configuration['oauth.base.url'] !== accountsServer
    ) {
      throw new PlatformError(
        400,
        `The code belongs to data center '${issued.location}': oauth.base.url must be ${accountsServer ?? '?'}`,
        'invalid_code',
      );
    }
  }
}

function requiredParam(query: URLSearchParams, name: string): string {
  const value = query.get(name);
  if (!value) throw new PlatformError(400, `Missing required query parameter '${name}'`);
  return value;
}

function redirect(redirectUri: string, params: Record<string, string>): AuthorizeOutcome {
  const separator = redirectUri.includes('?') ? '&' : '?';
  return {
    kind: 'redirect',
    location: `${redirectUri}${separator}${new URLSearchParams(params).toString()}`,
  };
}

function page(status: number, text: string): AuthorizeOutcome {
  return { kind: 'page', status, text };
}
