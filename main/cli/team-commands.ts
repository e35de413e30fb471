// element-auth tenant share|join: a tenant whose secrets live in a team `pass` store, handed to a
// teammate as a file that holds where the secrets are, never a secret.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { AppFailure } from '../services/errors';
import { writeFileAtomic } from '../services/storage/atomic-file';
import { parseTenantShare, teamStoreFolder } from '../services/tenants/tenant-sharing';
import { EXIT_OK, flag, JSON_OPTION, UsageError, type Command } from './command';
import { json } from './format';

const share: Command = {
  name: 'tenant share',
  usage: 'tenant share <name> [--out FILE]',
  details: `
Options:
  --out FILE   write the file there (created owner-only); without it, the JSON goes to stdout

Only a tenant whose secrets live in a team password store can be shared: the file says where they
are (the entry path, e.g. customers/acme), the platform URL, the colour and the saved OAuth apps'
client ids. The teammate needs their key among the store's recipients to use it.`,
  options: { out: { type: 'string' } },
  positionals: { min: 1, max: 1, name: 'the tenant name' },
  async run(context, args) {
    const document = await context.services().sharing.share(args.positionals[0] ?? '');
    const text = json(document);
    const out = args.values.out;
    if (typeof out !== 'string') {
      context.print(text);
      return EXIT_OK;
    }
    try {
      await writeFileAtomic(path.resolve(out), text);
    } catch (error) {
      throw new AppFailure(
        'export_unwritable',
        `Could not write ${out} (${(error as NodeJS.ErrnoException).code ?? 'unknown error'}). Check the folder exists and is writable.`,
      );
    }
    context.note(`Wrote ${out}: send it to your teammate (it holds no secret).`);
    return EXIT_OK;
  },
};

const join: Command = {
  name: 'tenant join',
  usage: 'tenant join <file> [--team-store DIR] [--json]',
  details: `
Options:
  --team-store DIR   this computer's copy of the team's pass store (default: PASSWORD_STORE_DIR,
                     else ~/.password-store); a git clone with a remote is pulled before each use
  --json             print the tenant as JSON

Every entry is read once before the tenant is added, so a key that is not among the store's
recipients is found now, with nothing added.`,
  options: { 'team-store': { type: 'string' }, ...JSON_OPTION },
  positionals: { min: 1, max: 1, name: 'the shared tenant file' },
  async run(context, args) {
    const file = args.positionals[0] ?? '';
    let text: string;
    try {
      text = await fs.readFile(file, 'utf8');
    } catch (error) {
      throw new UsageError(
        `Could not read ${file} (${(error as NodeJS.ErrnoException).code ?? 'unknown error'}).`,
        this.name,
      );
    }
    const dirOption = args.values['team-store'];
    const dir = teamStoreFolder(typeof dirOption === 'string' ? dirOption : undefined, context.io.env);
    const tenant = await context.services().sharing.join(parseTenantShare(text), dir);
    context.print(
      flag(args, 'json')
        ? json(tenant)
        : `Joined tenant ${tenant.name}: its secrets are read from ${tenant.teamStore?.entry ?? ''} in ${dir}.`,
    );
    return EXIT_OK;
  },
};

export const teamCommands: Command[] = [share, join];
