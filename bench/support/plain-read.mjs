#!/usr/bin/env node
// P5's floor: what the platform's answer costs alone — one GET /instances read to its end by a plain
// Node script, nothing parsed or written. argv: baseUrl; env: ORG, USER.
const [baseUrl] = process.argv.slice(2);
const { ORG, USER } = process.env;
const answer = await fetch(`${baseUrl}/instances`, {
  headers: { authorization: `User ${USER}, Organization ${ORG}` },
});
const text = await answer.text();
process.stdout.write(`${text.length}\n`);
