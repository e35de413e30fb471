// The CLI's output streams: text from the platform (instance names, tags, messages) never reaches a
// terminal with control characters in it, while piped output (exports, --json) stays byte for byte.
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../../../main/cli/cli-io';
import { createCliContext } from '../../../../main/cli/context';
import { fields, table } from '../../../../main/cli/format';

function stream(isTTY: boolean) {
  const out = new PassThrough();
  let text = '';
  out.on('data', (chunk: Buffer) => (text += chunk.toString()));
  return { stream: Object.assign(out, { isTTY }) as unknown as NodeJS.WriteStream, text: () => text };
}

function io(stdoutIsTerminal: boolean) {
  const stdout = stream(stdoutIsTerminal);
  const stderr = stream(true);
  const value: CliIo = {
    stdin: new PassThrough() as unknown as NodeJS.ReadStream,
    stdout: stdout.stream,
    stderr: stderr.stream,
    env: {},
  };
  return { value, stdout: stdout.text, stderr: stderr.text };
}

const HOSTILE_NAME = 'Acme\u001b]0;owned\u0007\u001b[2J\rfake line\u202egnp.exe\u009b31m';

describe('CLI output on a terminal', () => {
  it('turns control characters and bidi overrides from platform text into U+FFFD, keeping tabs and newlines', () => {
    const streams = io(true);
    const context = createCliContext(streams.value);
    context.print(table(['ID', 'NAME'], [['7', HOSTILE_NAME]]));
    context.note(`Deleted “${HOSTILE_NAME}”.\tdone`);
    for (const text of [streams.stdout(), streams.stderr()]) {
      expect(text).not.toMatch(/[\p{Cc}\u202a-\u202e\u2066-\u2069](?<![\t\n])/u);
    }
    expect(streams.stderr()).toContain(
      'Acme\ufffd]0;owned\ufffd\ufffd[2J\ufffdfake line\ufffdgnp.exe\ufffd31m',
    );
    expect(streams.stdout()).toContain('Acme\ufffd]0;owned\ufffd\ufffd[2J\\rfake line\ufffdgnp.exe\ufffd31m');
    expect(streams.stdout()).toMatch(/^ID\s+NAME\n7\s+Acme/);
    expect(streams.stderr()).toMatch(/\tdone\n$/);
  });

  it('keeps every table cell and field on one line, so a name cannot forge a row', () => {
    const forged = 'Acme\n8  Globex  zohocrmv2\u2028x\r\ny\tz';
    const printed = table(['ID', 'NAME'], [['7', forged]]);
    expect(printed.split('\n')).toHaveLength(2);
    expect(printed).toContain('Acme\\n8  Globex  zohocrmv2\\u2028x\\r\\ny\\tz');
    expect(fields([['Tenant', forged]]).split('\n')).toHaveLength(1);
  });

  it('leaves piped stdout untouched, so an export or --json is written byte for byte', () => {
    const streams = io(false);
    const document = JSON.stringify({ name: 'r\u202eight', note: 'tab\there' });
    createCliContext(streams.value).print(document);
    expect(streams.stdout()).toBe(`${document}\n`);
  });
});

describe('CLI redaction', () => {
  it('hides the secrets handed in through the environment and credential patterns', () => {
    const { value } = io(true);
    value.env = {
      ELEMENT_AUTH_ORG_SECRET: 'org-secret-from-env-7788',
      ELEMENT_AUTH_API_SECRET: 'client-secret-9911',
    };
    const context = createCliContext(value);
    const line = context.redact(
      'TypeError: bad org-secret-from-env-7788 and client-secret-9911 with Authorization: User u1234567, Organization o1234567',
    );
    expect(line).not.toMatch(/org-secret-from-env-7788|client-secret-9911|u1234567|o1234567/);
    expect(line).toContain('TypeError: bad');
  });
});
