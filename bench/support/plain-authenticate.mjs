#!/usr/bin/env node
// P3's baseline: the same work as `element-auth authenticate` on the loopback door, done plainly —
// step 1 GET, print the vendor URL, catch the redirect on 127.0.0.1, step 3 POST, one keytar write.
// argv: baseUrl callbackUrl; env: ORG, USER, API_KEY, API_SECRET, SERVICE.
import { createServer } from 'node:http';
import keytar from 'keytar';

const [baseUrl, callbackUrl] = process.argv.slice(2);
const { ORG, USER, API_KEY, API_SECRET, SERVICE } = process.env;
const auth = `User ${USER}, Organization ${ORG}`;
const callback = new URL(callbackUrl);
const query = new URLSearchParams({
  apiKey: API_KEY,
  apiSecret: API_SECRET,
  callbackUrl,
  state: 'plain-state',
});
const step1 = await fetch(`${baseUrl}/elements/zohocrmv2/oauth/url?${query}`, {
  headers: { authorization: auth },
});
const { oauthUrl } = await step1.json();
const code = await new Promise((done) => {
  const server = createServer((req, res) => {
    const url = new URL(req.url, callbackUrl);
    res.writeHead(200, { connection: 'close' }).end('You can close this tab');
    server.close();
    done(url.searchParams);
  }).listen(Number(callback.port), '127.0.0.1', () => process.stderr.write(`${oauthUrl}\n`));
});
const step3 = await fetch(`${baseUrl}/instances`, {
  method: 'POST',
  headers: { authorization: auth, 'content-type': 'application/json' },
  body: JSON.stringify({
    element: { key: 'zohocrmv2' },
    name: `plain-${Date.now()}`,
    tags: [],
    configuration: {
      'oauth.api.key': API_KEY,
      'oauth.api.secret': API_SECRET,
      'oauth.callback.url': callbackUrl,
      'oauth.base.url': code.get('accounts-server'),
      'api.base.url': code.get('accounts-server').replace('accounts.', 'www.').replace('zoho.', 'zohoapis.'),
    },
    providerData: {
      code: code.get('code'),
      state: code.get('state'),
      location: code.get('location') ?? undefined,
      'accounts-server': code.get('accounts-server') ?? undefined,
    },
  }),
});
const instance = await step3.json();
await keytar.setPassword(SERVICE, `bench/instance/${instance.id}`, instance.token);
process.stdout.write(`${JSON.stringify({ id: instance.id })}\n`);
