// element-auth doctor: lists what crashes and keychain failures left behind (orphan keychain items,
// tenants without secrets, stale temp files) and, with --repair, cleans up what can be cleaned.
import { describeMissing, type DoctorReport } from '../services/doctor/doctor';
import { EXIT_FAILURE, EXIT_OK, flag, JSON_OPTION, type Command } from './command';
import { json, plural } from './format';

function findings(report: DoctorReport): string[] {
  return [
    ...report.orphanAccounts.map((account) => `orphan keychain item: ${account}`),
    ...report.tenantsMissingSecrets.map(describeMissing),
    ...report.staleTempFiles.map((file) => `stale temp file: ${file}`),
  ];
}

export const doctorCommand: Command = {
  name: 'doctor',
  usage: 'doctor [--repair | --yes] [--json]',
  details: `
Options:
  --repair   delete orphan keychain items of this app (of tenants that are gone) and stale temp
             files (unfinished exports may hold tokens); tenants without secrets are only reported
  --yes      the same as --repair
  --json     print the report (and what was repaired) as JSON

Exit code 0 when nothing is left to do, 1 otherwise.`,
  options: { repair: { type: 'boolean' }, yes: { type: 'boolean' }, ...JSON_OPTION },
  positionals: { min: 0, max: 0, name: '' },
  async run(context, args) {
    const { doctor } = context.services();
    const report = await doctor.check();
    const repair = flag(args, 'repair') || flag(args, 'yes');
    const repaired = repair ? await doctor.repair() : undefined;
    if (flag(args, 'json')) {
      context.print(json(repaired ? { report, repaired } : { report }));
    } else if (repaired) {
      context.print(
        [
          `Deleted ${plural(repaired.deletedAccounts.length, 'orphan keychain item')} and removed ${plural(repaired.removedFiles.length, 'stale temp file')}.`,
          ...repaired.remaining,
        ].join('\n'),
      );
    } else {
      const lines = findings(report);
      context.print(
        lines.length
          ? lines.join('\n')
          : 'Nothing to repair: every tenant has its secrets, and no orphan or temp file is left.',
      );
      if (report.orphanAccounts.length || report.staleTempFiles.length)
        context.note('Nothing was changed. Run “element-auth doctor --repair” to clean up.');
    }
    const left = repaired ? repaired.remaining.length : findings(report).length;
    return left === 0 ? EXIT_OK : EXIT_FAILURE;
  },
};
