import { randomBytes } from 'node:crypto';
import {
  accountKey,
  accountRefOf,
  type EventRepository,
  type Posting,
  type Settled,
  settle,
} from '../dedup/index.ts';
import type { TimelineEvent } from '../timeline/index.ts';
import { type Correction, CorrectionSchema } from './schema.ts';

/** A store that keeps the corrections log: read whole, appended to, never rewritten. */
export interface CorrectionStore extends EventRepository {
  corrections(): Promise<Correction[]>;
  /** Adds one correction; the log's items are never updated or deleted. */
  append(correction: Correction): Promise<void>;
}

/** What an editor asks to change, in the terms the public API shows: event ids and source URLs. */
export type EditTarget =
  | { verb: 'merge'; events: string[] }
  | { verb: 'split'; event: string; urls: string[] }
  | { verb: 'hide'; event: string }
  | { verb: 'set'; event: string; date?: string; datePrecision?: string; summary?: string }
  | { verb: 'undo'; correction: string };
/** An edit with who asks and why: the log keeps both. */
export type EditRequest = EditTarget & { by: string; why: string };

/** A request that names no such event, source or correction: nothing is stored. */
export class EditError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EditError';
  }
}

const newId = () => `cor_${randomBytes(8).toString('hex')}`;

async function eventNamed(repo: EventRepository, id: string): Promise<TimelineEvent> {
  const current = await repo.resolve(id);
  const event = current ? await repo.get(current) : undefined;
  if (!event) throw new EditError(`no event ${id}`);
  return event;
}

const keysOf = (event: TimelineEvent) => event.accounts.map(accountKey);

/** The accounts a correction names, merge's, split's and undo's target's alike. */
function accountsNamed(correction: Correction, log: Correction[]): string[] {
  if (correction.verb === 'undo') {
    const target = log.find((c) => c.id === correction.undoes);
    return target ? accountsNamed(target, log) : [];
  }
  return correction.verb === 'split' ? [...correction.accounts, ...correction.rest] : correction.accounts;
}

/** The correction a request makes, its targets resolved to accounts as they stand now. */
async function correctionOf(repo: CorrectionStore, request: EditRequest): Promise<Correction> {
  const base = { id: newId(), at: new Date().toISOString(), by: request.by, why: request.why };
  switch (request.verb) {
    case 'merge': {
      const events = await Promise.all(request.events.map((id) => eventNamed(repo, id)));
      if (new Set(events.map((e) => e.id)).size < 2) throw new EditError('merge needs two distinct events');
      return { ...base, verb: 'merge', events: events.map((e) => e.id), accounts: events.flatMap(keysOf) };
    }
    case 'split': {
      const event = await eventNamed(repo, request.event);
      const out = event.accounts.filter((a) => request.urls.includes(a.url));
      const missing = request.urls.filter((url) => !out.some((a) => a.url === url));
      if (missing.length) throw new EditError(`event ${event.id} has no source ${missing.join(', ')}`);
      const rest = event.accounts.filter((a) => !out.includes(a));
      if (!rest.length) throw new EditError('a split must leave some source in the event');
      return {
        ...base,
        verb: 'split',
        events: [event.id],
        accounts: out.map(accountKey),
        rest: rest.map(accountKey),
      };
    }
    case 'hide':
    case 'set': {
      const event = await eventNamed(repo, request.event);
      const { verb, event: _id, by: _by, why: _why, ...fields } = request;
      return { ...base, verb, events: [event.id], accounts: keysOf(event), ...fields } as Correction;
    }
    case 'undo': {
      const log = await repo.corrections();
      const target = log.find((c) => c.id === request.correction);
      if (!target) throw new EditError(`no correction ${request.correction}`);
      if (target.verb === 'undo') throw new EditError('an undo is not undone: make the correction again');
      if (log.some((c) => c.verb === 'undo' && c.undoes === target.id))
        throw new EditError(`${target.id} is undone already`);
      return { ...base, verb: 'undo', events: target.events, undoes: target.id };
    }
  }
}

/**
 * Stores an editor's correction, then settles the events of the accounts it names, so the timeline
 * shows it at once; every later settle of those accounts honours it too (planEvents).
 */
export async function edit(
  repo: CorrectionStore,
  request: EditRequest,
): Promise<{ correction: Correction; settled: Settled }> {
  const parsed = CorrectionSchema.safeParse(await correctionOf(repo, request));
  if (!parsed.success) throw new EditError(parsed.error.issues.map((i) => i.message).join('; '));
  const correction = parsed.data;
  await repo.append(correction);
  const named = accountsNamed(correction, await repo.corrections()).map(accountRefOf);
  const seeds: Posting[] = await repo.postingsOf(named);
  const settled = seeds.length
    ? await settle(repo, seeds, correction.id)
    : { written: 0, retired: 0, events: [] };
  return { correction, settled };
}
