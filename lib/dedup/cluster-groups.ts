import type { Posting } from './posting.ts';
import { datedByPublication, dateRelation, dayNumber, isoOf } from './window.ts';

type Dated = Pick<Posting, 'date' | 'datePrecision'>;

/** A group of accounts growing into an event, with what its constraints need of it. */
export interface Group {
  /** Its smallest member: the index of its first account in canonical order. */
  id: number;
  members: number[];
  /** Members by article. */
  articles: Map<string, number[]>;
  /** Day-precision dates, as day numbers. */
  days: Set<number>;
  /** The publication days of reports dated by nothing else (see datedByPublication). */
  publicationDays: ReadonlySet<number>;
  /** Coarser dates (week, month, year) and reports dated by publication, by `precision:date`. */
  periods: Map<string, Dated>;
}

/** Most groups hold no report dated by publication: one shared empty set, replaced when one joins. */
const NO_DAYS: ReadonlySet<number> = new Set();

/** The day an account gives, as a day number: none for coarser dates and reports dated by publication. */
const dayGiven = (posting: Posting): number | undefined =>
  posting.datePrecision === 'day' && !datedByPublication(posting) ? dayNumber(posting.date) : undefined;

export function groupOf(index: number, posting: Posting): Group {
  const day = dayGiven(posting);
  const published = datedByPublication(posting);
  return {
    id: index,
    members: [index],
    articles: new Map([[posting.articleId, [index]]]),
    days: new Set(day === undefined ? [] : [day]),
    publicationDays: published ? new Set([dayNumber(posting.date)]) : NO_DAYS,
    periods: new Map(day === undefined ? [[`${posting.datePrecision}:${posting.date}`, posting]] : []),
  };
}

/** `b` into `a`, in place: copying a growing group on every join would cost its size each time. */
export function absorbInto(a: Group, b: Group): void {
  for (const member of b.members) a.members.push(member);
  // Extended in place: `a` owns its lists (groupOf makes them afresh), while `b` may be shared.
  for (const [article, members] of b.articles) {
    const kept = a.articles.get(article);
    if (kept) for (const member of members) kept.push(member);
    else a.articles.set(article, [...members]);
  }
  for (const day of b.days) a.days.add(day);
  if (b.publicationDays.size > 0) a.publicationDays = new Set([...a.publicationDays, ...b.publicationDays]);
  for (const [key, period] of b.periods) a.periods.set(key, period);
}

/** A year holds what starts with it; other dates relate as the match window says. */
function compatible(x: Dated, y: Dated): boolean {
  if (x.datePrecision === 'year') return y.date.startsWith(x.date);
  if (y.datePrecision === 'year') return x.date.startsWith(y.date);
  return dateRelation(x, y) !== 'apart';
}

const dayDated = (day: number): Dated => ({ date: isoOf(day), datePrecision: 'day' });

/** What canJoin needs of single accounts, by index. */
export interface MemberFacts {
  /** Whether one article keeps two of its accounts apart: their wordings share no term at all. */
  keptApart: (i: number, j: number) => boolean;
  /** The day an account gives, as a day number; undefined for coarser dates and reports dated by publication. */
  dayOf: (i: number) => number | undefined;
}

/** Each account's day as MemberFacts.dayOf gives it. */
export const memberDays = (postings: Posting[]): Array<number | undefined> => postings.map(dayGiven);

/**
 * Whether every report dated by publication in the two groups was published on the day its accounts
 * give or the day after (a morning report of the evening's news), never before it.
 */
function publishedOnOrAfter(a: Group, b: Group): boolean {
  if (a.publicationDays.size + b.publicationDays.size === 0) return true;
  const days = [...a.days, ...b.days];
  if (days.length === 0) return true;
  for (const group of [a, b])
    for (const on of group.publicationDays) if (days.some((day) => day > on || day < on - 1)) return false;
  return true;
}

/**
 * Whether an article with accounts in both groups dates them to two days. The time-zone day is two
 * outlets' calendars for one moment; one writer's two days are two moments ("was told on Thursday
 * evening … was fired the next day"), so a bridge never puts them in one event.
 */
function oneArticleTellsBothDays(fewer: Group, more: Group, dayOf: MemberFacts['dayOf']): boolean {
  for (const [article, members] of fewer.articles) {
    const others = more.articles.get(article);
    if (!others) continue;
    const days = new Set([...members, ...others].flatMap((i) => dayOf(i) ?? []));
    if (days.size > 1) return true;
  }
  return false;
}

/**
 * The cannot-links, judged on whole groups so that no chain of links can get round them: one
 * article's two accounts whose wordings share nothing stay apart; an event's day-precision accounts
 * span at most two consecutive days, and reach two only through a pair whose wordings agree strongly
 * (`bridged`), never through a coarser account, and never with one article's accounts on both days;
 * a report dated by its publication alone tells news of that day or the day before, and counts as a
 * day only while no account gives one; a coarser account (a week, a month, a year) holds every day
 * and period of the event.
 */
export function canJoin(a: Group, b: Group, bridged: boolean, { keptApart, dayOf }: MemberFacts): boolean {
  // Looked up from the smaller group: a wire story's event is asked this once per copy it takes in.
  const [fewer, more] = a.articles.size <= b.articles.size ? [a, b] : [b, a];
  for (const [article, members] of fewer.articles) {
    const others = more.articles.get(article);
    if (others?.some((j) => members.some((i) => keptApart(i, j)))) return false;
  }
  if (!publishedOnOrAfter(a, b)) return false;
  // Reports dated by publication alone stand for their days until a dated account gives the day.
  const given = a.days.size + b.days.size > 0;
  const daysA = given ? a.days : a.publicationDays;
  const daysB = given ? b.days : b.publicationDays;
  const days = new Set([...daysA, ...daysB]);
  if (days.size > 2) return false;
  if (days.size === 2) {
    const [first, second] = [...days] as [number, number];
    if (Math.abs(first - second) > 1) return false;
    if (days.size > daysA.size && days.size > daysB.size && !bridged) return false;
    if (oneArticleTellsBothDays(fewer, more, dayOf)) return false;
  }
  const periods = [...a.periods.values(), ...b.periods.values()];
  const dated = [...periods, ...[...days].map(dayDated)];
  return periods.every((period) => dated.every((other) => compatible(period, other)));
}
