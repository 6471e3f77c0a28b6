import { isTextDated } from '../extraction/index.ts';
import type { Posting } from './posting.ts';
import { dateRelation } from './window.ts';
import { siteOf } from './wording.ts';

type Dated = Pick<Posting, 'date' | 'datePrecision' | 'kind' | 'datedByLead' | 'site' | 'url'>;
type DatePrecision = Posting['datePrecision'];

export interface EventDate {
  date: string;
  datePrecision: DatePrecision;
  /** Some independent site dates it beyond the time-zone day, or outside the chosen period. */
  dateDisputed: boolean;
}

const FINEST_FIRST: DatePrecision[] = ['day', 'week', 'month', 'year'];
const siteKey = (account: Dated) => account.site ?? siteOf(account.url);

/** The date backed by the most distinct sites; a tie goes to the earlier date (the event's own time zone). */
function bestSupported(pool: Dated[]): string | undefined {
  const sites = new Map<string, Set<string>>();
  for (const account of pool) {
    const backers = sites.get(account.date) ?? new Set<string>();
    backers.add(siteKey(account));
    sites.set(account.date, backers);
  }
  return [...sites].sort(([a, x], [b, y]) => y.size - x.size || a.localeCompare(b))[0]?.[0];
}

/** Whether an account can mean the chosen date: it holds it, or is a day off it (the time-zone day). */
const agrees = (account: Dated, chosen: Pick<Dated, 'date' | 'datePrecision'>) =>
  account.datePrecision === 'year'
    ? chosen.date.startsWith(account.date)
    : dateRelation(account, chosen) !== 'apart';

/**
 * An event's date from its accounts: the most precise date that most independent sites support.
 * A coarser account never overwrites a finer one ("in October" beside "on 8 October" keeps the 8th),
 * and a site counts once however many of its articles repeat it, so a syndicated copy does not
 * outvote two newsrooms. Dated accounts speak before reports, whose date is only when they were
 * published. An account that cannot be this date (two days off, another month) marks it disputed:
 * a day apart is how two time zones date one late-evening event, not a dispute.
 *
 * @example eventDate([{ date: '2024-10-08', datePrecision: 'day', … }, { date: '2024-10', datePrecision: 'month', … }])
 * // → { date: '2024-10-08', datePrecision: 'day', dateDisputed: false }
 */
export function eventDate(accounts: Dated[]): EventDate {
  const dated = accounts.filter(isTextDated);
  const pool = dated.length ? dated : accounts;
  for (const datePrecision of FINEST_FIRST) {
    const date = bestSupported(pool.filter((a) => a.datePrecision === datePrecision));
    if (!date) continue;
    const chosen = { date, datePrecision };
    const dateDisputed = pool.some((a) => !agrees(a, chosen));
    return { date, datePrecision, dateDisputed };
  }
  throw new Error('an event needs at least one account');
}
