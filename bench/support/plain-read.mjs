#!/usr/bin/env node
// P5's floor: what the platform's answer costs alone — one GET /instances read to its end by a plain
// Node script with node:http, nothing parsed or written. (Not fetch: Node's fetch loads undici first,
// which here took about a quarter of a second of the floor.) argv: baseUrl; env: ORG, USER.
import { request } from 'node:http';

const [baseUrl] = process.argv.slice(2);
const { ORG, USER } = process.env;
request(
  new URL(`${baseUrl}/instances`),
  { headers: { authorization: `User ${USER}, Organization ${ORG}` } },
  (answer) => {
    let length = 0;
    answer.setEncoding('utf8');
    answer.on('data', (chunk) => (length += chunk.length));
    answer.on('end', () => process.stdout.write(`${length}\n`));
  },
).end();
