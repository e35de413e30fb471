// element-auth authenticate: the app's three-step flow from a terminal. The authorization URL goes
// to stderr; the callback comes through the flow's loopback listener or as a line on stdin.
import type { FlowView } from '../../common/contract';
import type { AuthFlow } from '../services/auth-flow/auth-flow';
import { APP_CALLBACK_URL, APP_SCHEME } from '../../common/urls';
import { assertNever } from '../../common/assert-never';
import { AppFailure, isFailure } from '../services/errors';
import {
  EXIT_OK,
  flag,
  JSON_OPTION,
  listOption,
  requiredOption,
  stringOption,
  TENANT_OPTION,
  parsedInput,
  UsageError,
  type Command,
} from './command';
import type { CliContext } from './cli-io';
import { fields, json } from './format';
import { readLine } from './prompt';
import { readSecret } from './secrets';

type AwaitingConsent = Extract<FlowView, { step: 'awaiting-consent' }>;

const PASTE_QUESTION =
  'Paste the address your browser was sent to (the callback URL with ?code=…), then Enter:\n> ';

/** Holds the event loop open while the flow waits on timers and sockets of its own. */
export async function keptAlive<T>(work: Promise<T>): Promise<T> {
  const timer = setInterval(() => undefined, 60_000);
  try {
    return await work;
  } finally {
    clearInterval(timer);
  }
}

/** The app's element-auth:// door cannot reach a terminal: the CLI takes loopback or pasted callbacks. */
export function refuseAppCallback(callbackUrl: string, command: string): void {
  if (callbackUrl.toLowerCase().startsWith(`${APP_SCHEME}:`)) {
    throw new UsageError(
      `${APP_CALLBACK_URL} callbacks reach the app, not the CLI: use http://127.0.0.1:PORT/… or an https URL.`,
      command,
    );
  }
}

/** The paste door: one line from stdin per try. A terminal may try again after a refused URL. */
export async function pasteDoor(context: CliContext, flow: AuthFlow): Promise<FlowView> {
  const settled = flow.settled();
  for (;;) {
    const line = await Promise.race([readLine(context.io, PASTE_QUESTION), settled.then(() => undefined)]);
    if (line === undefined) return flow.get();
    if (line === null || line === '') {
      await flow.cancel();
      throw new AppFailure('cancelled', 'No redirected URL came on stdin, so nothing was created.');
    }
    try {
      return await flow.paste(line);
    } catch (error) {
      if (!isFailure(error) || flow.get().step !== 'awaiting-consent') throw error;
      if (context.interactive) {
        context.note(error.message);
        continue;
      }
      await flow.cancel();
      if (error.code !== 'state_mismatch') throw error;
      throw new AppFailure(
        'state_mismatch',
        'That redirected URL belongs to another sign-in (its state does not match), so nothing was created.',
      );
    }
  }
}

export function cancelOnInterrupt(context: CliContext, flow: AuthFlow): () => void {
  let pressed = 0;
  const onInterrupt = () => {
    pressed += 1;
    if (flow.get().step === 'creating' && pressed === 1) {
      context.note(
        'The instance is being created right now; press Ctrl-C again to quit without waiting for the answer.',
      );
      return;
    }
    void flow
      .cancel()
      .catch(() => undefined)
      .finally(() => {
        context.note('element-auth: Cancelled.');
        process.exit(1);
      });
  };
  process.on('SIGINT', onInterrupt);
  return () => process.off('SIGINT', onInterrupt);
}

export function announce(context: CliContext, view: AwaitingConsent, browser: boolean): void {
  context.note(
    browser
      ? 'Sign in and approve the access in your browser. If it did not open, open this URL:'
      : 'Open this URL in a browser, sign in and approve the access:',
  );
  context.note(view.authUrl);
  const until = new Date(view.waitUntil).toLocaleTimeString();
  if (view.door === 'loopback') {
    context.note(`Waiting for the browser to come back to ${view.callbackUrl} (until ${until})…`);
  } else if (!context.interactive) {
    context.note(
      `Waiting for the redirected URL (${view.callbackUrl}?code=…) as one line on stdin (until ${until})…`,
    );
  }
}

/** After a lost answer to the POST, a terminal may keep the instance the platform shows (as the app offers). */
async function offerCandidate(context: CliContext, flow: AuthFlow, view: FlowView): Promise<FlowView> {
  if (view.step !== 'lost-response' || !view.candidate || !context.interactive) return view;
  if (view.message) context.note(view.message);
  const { id, name } = view.candidate;
  const answer = await readLine(
    context.io,
    `Keep instance ${id} “${name}” and store its token? Type y to keep it: `,
  );
  return answer?.toLowerCase() === 'y' ? flow.adoptCandidate() : view;
}

/** The end of the flow: the created instance on stdout, or the failure as an AppFailure (exit 1). */
function outcome(context: CliContext, view: FlowView, asJson: boolean): number {
  switch (view.step) {
    case 'done': {
      const { instance } = view;
      if (asJson) {
        context.print(json({ ...instance, tenantId: view.tenantId, tenantName: view.tenantName }));
      } else {
        context.note(`Created instance ${instance.id} for ${view.tenantName}; its token is in the keychain.`);
        context.print(
          fields([
            ['Id', instance.id],
            ['Name', instance.name],
            ['Element', instance.elementKey],
            ['Tenant', view.tenantName],
            ['Created', instance.createdDate],
            ['Data center', instance.dataCenter],
            ['Token', instance.tokenHint],
          ]),
        );
      }
      return EXIT_OK;
    }
    case 'failed':
      throw new AppFailure(view.error.code, view.error.message, view.error.details);
    case 'lost-response': {
      const candidate = view.candidate;
      throw new AppFailure(
        'response_lost',
        candidate
          ? `The platform did not answer the creation request, but shows instance ${candidate.id} “${candidate.name}” ` +
              `made by this very request; its token was not kept. Check it with element-auth instances test ${candidate.id}, or delete it.`
          : (view.message ?? 'The platform did not answer the creation request.'),
      );
    }
    case 'cancelled':
      throw new AppFailure('cancelled', 'The sign-in was cancelled, so nothing was created.');
    case 'idle':
    case 'fetching-url':
    case 'awaiting-consent':
    case 'creating':
      throw new AppFailure('internal', `The flow stopped at "${view.step}".`);
    default:
      return assertNever(view);
  }
}

export const authenticateCommand: Command = {
  name: 'authenticate',
  usage:
    'authenticate --element <key> --name <instance name> --api-key <client id>\n' +
    '             --callback-url <url> [--tenant <name>] [--tag <tag>]... [--no-browser] [--json]',
  details: `
Options:
  --element <key>       the element key, e.g. zohocrmv2
  --name <name>         the new instance's name
  --api-key <id>        the OAuth client id registered with the vendor
  --callback-url <url>  the redirect URL registered with the vendor:
                          http://127.0.0.1:PORT/path or http://localhost:PORT/path: element-auth
                          listens there once and catches the browser's redirect;
                          https://…: paste the address the browser ends on into stdin
  --tenant <name>       the tenant (default: the active tenant)
  --tag <tag>           a tag for the instance; repeat for more
  --no-browser          do not open the browser; open the printed URL yourself
  --json                print the created instance as JSON

Environment:
  ELEMENT_AUTH_API_SECRET   the OAuth client secret; without it, a terminal asks without echo

The authorization URL and progress go to stderr; the created instance (token masked) to stdout.
Zoho's data center comes from the callback, as in the app. Exit 1 when the consent is denied,
the state does not match, the code expired, the wait timed out or the platform refused.`,
  options: {
    element: { type: 'string' },
    name: { type: 'string' },
    'api-key': { type: 'string' },
    'callback-url': { type: 'string' },
    tag: { type: 'string', multiple: true },
    'no-browser': { type: 'boolean' },
    ...TENANT_OPTION,
    ...JSON_OPTION,
  },
  positionals: { min: 0, max: 0, name: '' },
  async run(context, args) {
    const elementKey = requiredOption(args, 'element', this.name);
    const instanceName = requiredOption(args, 'name', this.name);
    const apiKey = requiredOption(args, 'api-key', this.name);
    const callbackUrl = requiredOption(args, 'callback-url', this.name);
    refuseAppCallback(callbackUrl, this.name);
    const apiSecret = await readSecret(context, 'api', this.name);
    const browser = !flag(args, 'no-browser');
    const flow = context.services({ browser }).flow;
    const stopListening = cancelOnInterrupt(context, flow);
    try {
      const started = await flow.start(
        parsedInput('flow.start', {
          elementKey,
          instanceName,
          apiKey,
          apiSecret,
          callbackUrl,
          tags: listOption(args, 'tag'),
          tenant: stringOption(args, 'tenant'),
        }),
      );
      if (started.step !== 'awaiting-consent') return outcome(context, started, flag(args, 'json'));
      announce(context, started, browser);
      const view = await keptAlive(started.door === 'loopback' ? flow.settled() : pasteDoor(context, flow));
      return outcome(context, await offerCandidate(context, flow, view), flag(args, 'json'));
    } finally {
      stopListening();
    }
  },
};
