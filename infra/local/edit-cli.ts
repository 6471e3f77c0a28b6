import { parseArgs } from 'node:util';
import { type EditResult, editedEventOf } from '../../lib/admin/index.ts';
import {
  type Correction,
  EditError,
  type EditRequest,
  type EditTarget,
  edit,
} from '../../lib/corrections/index.ts';
import { DynamoEventStore, TABLE_NAME } from '../../lib/store/index.ts';
import { adminClient } from './admin-client.ts';
import { startLocalStack } from './stack.ts';

const USAGE = `Usage: npm run edit -- <verb> [arguments] --by WHO --why REASON [--data-dir PATH | --endpoint URL]

Corrections are stored, never edited: every later article and re-clustering honours them, and
\`undo\` withdraws one. Ids and URLs are as the public API shows them (GET /events/:id).

Verbs:
  merge <eventId> <eventId>...      these events are one
      npm run edit -- merge evt_1a2b evt_3c4d --by desk --why "same vote, two wordings"
  split <eventId> <sourceUrl>...    these sources are a different event from the rest
      npm run edit -- split evt_1a2b https://outlet.example/story --by desk --why "another day's vote"
  hide <eventId>                    not an event: kept, but gone from the public timeline
      npm run edit -- hide evt_1a2b --by desk --why "a photo caption"
  set <eventId> [--date D --precision day|week|month|year] [--summary TEXT]
      npm run edit -- set evt_1a2b --date 2024-10-08 --precision day --by desk --why "dated in the text"
  undo <correctionId>               withdraw a correction; the machine's result returns
      npm run edit -- undo cor_0a1b2c3d4e5f6a7b --by desk --why "merged in error"
  log                               every correction and undo, oldest first
      npm run edit -- log

Locally this opens the data folder of npm start (stop it first); with TABLE_NAME and
AWS_ENDPOINT_URL_DYNAMODB set, it works on that table.

--endpoint URL drives an admin API instead (the same verbs, the same implementation):
  a local one (npm start with DATELINE_ADMIN_TOKEN set) with that token as a bearer token,
      DATELINE_ADMIN_TOKEN=... npm run edit -- log --endpoint http://127.0.0.1:8788
  or, without DATELINE_ADMIN_TOKEN, a deployed stack's AdminUrl, each request SigV4-signed
  (service lambda) with the AWS credentials of the environment or profile.
      npm run edit -- hide evt_1a2b --by desk --why "a caption" --endpoint https://<id>.lambda-url.<region>.on.aws`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    by: { type: 'string' },
    why: { type: 'string' },
    date: { type: 'string' },
    precision: { type: 'string' },
    summary: { type: 'string' },
    'data-dir': { type: 'string' },
    endpoint: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});

/** The request a verb and its arguments make; a usage error when they do not make one. */
function targetOf(verb: string, args: string[]): EditTarget {
  const [first, ...rest] = args;
  const need = (ok: boolean, what: string) => {
    if (!ok) throw new EditError(`${verb} needs ${what} (npm run edit -- --help)`);
  };
  switch (verb) {
    case 'merge':
      need(args.length >= 2, 'two event ids or more');
      return { verb, events: args };
    case 'split':
      need(!!first && rest.length > 0, 'an event id and the URLs of the sources to split out');
      return { verb, event: first as string, urls: rest };
    case 'hide':
      need(!!first, 'an event id');
      return { verb, event: first as string };
    case 'set':
      need(!!first, 'an event id');
      return {
        verb,
        event: first as string,
        date: values.date,
        datePrecision: values.precision,
        summary: values.summary,
      };
    case 'undo':
      need(!!first, 'a correction id');
      return { verb, correction: first as string };
    default:
      throw new EditError(`unknown verb ${verb} (npm run edit -- --help)`);
  }
}

const describe = (c: Correction) => {
  const what = c.verb === 'undo' ? c.undoes : c.events.join(' ');
  return `${c.at}  ${c.id}  ${c.verb.padEnd(5)}  ${what}  by ${c.by}: ${c.why}`;
};

/** Where corrections go: the local data folder's store, or an admin API. The same `edit` behind both. */
interface Editor {
  log(): Promise<Correction[]>;
  edit(request: EditRequest): Promise<EditResult>;
  close(): Promise<void>;
}

async function localEditor(dataDir: string): Promise<Editor> {
  const stack = await startLocalStack({
    dataDir,
    feedsPath: process.env.FEEDS_CONFIG ?? 'infra/feeds.yaml',
    allowPrivateNetwork: false,
  });
  const store = new DynamoEventStore(stack.dynamo, process.env.TABLE_NAME ?? TABLE_NAME);
  return {
    log: () => store.corrections(),
    async edit(request) {
      const { correction, settled } = await edit(store, request);
      return { correction, events: settled.events.map(editedEventOf) };
    },
    close: () => stack.stop(),
  };
}

const remoteEditor = (endpoint: string): Editor => ({ ...adminClient(endpoint), close: async () => {} });

async function main(): Promise<number> {
  const [verb, ...args] = positionals;
  if (!verb || values.help) {
    console.log(USAGE);
    return verb || values.help ? 0 : 1;
  }
  // Check the request before opening the store: a mistyped command changes nothing.
  const target = verb === 'log' ? undefined : targetOf(verb, args);
  if (target && (!values.by || !values.why)) throw new EditError('every correction needs --by and --why');
  const editor = values.endpoint
    ? remoteEditor(values.endpoint)
    : await localEditor(values['data-dir'] ?? '.data');
  try {
    if (!target) {
      const log = await editor.log();
      for (const correction of log) console.log(describe(correction));
      console.log(`${log.length} correction(s)`);
      return 0;
    }
    const { correction, events } = await editor.edit({
      ...target,
      by: values.by as string,
      why: values.why as string,
    });
    console.log(`${correction.id}  ${correction.verb} stored`);
    for (const event of events.filter((e) => e.edited || correction.verb === 'undo'))
      console.log(
        `  ${event.id}${event.hidden ? ' (hidden)' : ''}  ${event.date}  ${event.summary}  ${event.sourceCount} source(s)`,
      );
    return 0;
  } finally {
    await editor.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`edit: ${error.message}`);
    process.exit(error instanceof EditError ? 2 : 1);
  },
);
