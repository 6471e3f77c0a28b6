import { shiftDay } from './calendar.ts';
import { agreement, contentTerms } from './terms.ts';

/** What consolidation needs of a draft event. */
export interface Telling {
  date: string;
  datePrecision: string;
  endDate: string | null;
  kind: 'dated' | 'report';
  summary: string;
  quote: string;
  scheduled: boolean;
  /** The article's other sentences telling the same event, kept as evidence beside its quote. */
  evidence?: string[];
  /** A report dated by its lead or a sentence near the top, not by publication. */
  datedByLead?: boolean;
}

const PRECISION_RANK: Record<string, number> = { day: 0, week: 1, month: 2, year: 3 };

/** Whether one date holds the other: the same day, a day inside a week or month, a month inside a year. */
function compatible(a: Telling, b: Telling): boolean {
  if (a.date === b.date) return true;
  const [fine, coarse] =
    (PRECISION_RANK[a.datePrecision] ?? 0) <= (PRECISION_RANK[b.datePrecision] ?? 0) ? [a, b] : [b, a];
  if (coarse.datePrecision === 'week')
    return (
      fine.datePrecision === 'day' && fine.date >= coarse.date && fine.date <= (coarse.endDate ?? coarse.date)
    );
  return coarse.datePrecision !== 'day' && fine.date.startsWith(coarse.date);
}

/**
 * Whether two tellings may be one event: dated accounts of compatible dates, or the article's own
 * news (its report) and a dated sentence of the same day that is not announced. A scheduled and a
 * reported telling are never one.
 */
function sameEventPossible(a: Telling, b: Telling): boolean {
  if (a.scheduled !== b.scheduled) return false;
  if (a.kind === b.kind) return compatible(a, b);
  return a.date === b.date && a.datePrecision === 'day' && b.datePrecision === 'day';
}

/**
 * Which of two tellings of one event speaks for it: the article's report (its headline news) over
 * a body sentence; then the finer date; then a written date over one counted from another
 * (`counted`); else the first told.
 */
function better(a: Telling, b: Telling, counted: (t: Telling) => boolean): Telling {
  if (a.kind !== b.kind) return a.kind === 'report' ? a : b;
  const rank = (t: Telling) => PRECISION_RANK[t.datePrecision] ?? 0;
  if (rank(a) !== rank(b)) return rank(a) < rank(b) ? a : b;
  if (counted(a) !== counted(b)) return counted(a) ? b : a;
  return a;
}

/** Mostly the same content terms: three shared, and most of the shorter wording's. */
function wordsAgree(a: Set<string>, b: Set<string>): boolean {
  const { shared, overlap } = agreement(a, b);
  return shared >= 3 && overlap >= 0.6;
}

/**
 * "Sept. 30: Contract expires" and "The workers' last contract expired on Sept. 30": a key-dates
 * entry or a headline-style line is too short for three shared terms, but every one of its words is
 * in the sentence that tells the same day.
 */
function shortLineAgrees(a: Set<string>, b: Set<string>): boolean {
  const { shared, overlap } = agreement(a, b);
  return shared >= 2 && overlap === 1 && Math.min(a.size, b.size) <= SHORT_LINE_TERMS;
}
const SHORT_LINE_TERMS = 3;

const sameDay = (a: Telling, b: Telling) =>
  a.date === b.date && a.datePrecision === 'day' && b.datePrecision === 'day';

/** What the article knows of a telling beyond its fields. */
export interface TellingFacts<T> {
  /** Whether its day is counted from another rather than written. */
  counted: (t: T) => boolean;
  /** Whether its day is counted back from another to a thing it names ("a week after the storm"). */
  countedBack: (t: T) => boolean;
  /** Who spoke on its day, when its day is the day of a named speaker's words. */
  speakerOf: (t: T) => string | undefined;
  /** Whether it only dates news told before it ("He made these remarks on Tuesday"). */
  pointsBack: (t: T) => boolean;
  /** Whether it tells when a thing named before happened ("The arrest took place on Tuesday"). */
  happenedAgain: (t: T) => boolean;
  /** Whether its day only names a thing told elsewhere ("Thursday's derailment", "l'offre de mercredi"). */
  namedByDay: (t: T) => boolean;
}

/**
 * "…the coast road would reopen in May, Varga said on Wednesday" and "Two ferries will run from
 * next month, Varga said on Wednesday": what one person said on one day is one statement, however
 * many of its points the article gives a paragraph each.
 */
function oneStatement<T extends Telling>(a: T, b: T, speakerOf: (t: T) => string | undefined): boolean {
  const speaker = speakerOf(a);
  return !!speaker && speaker === speakerOf(b) && sameDay(a, b);
}

/**
 * "The move comes a week after a storm wrecked the pier" and "the 7 October storm also flooded the
 * harbour office": a day counted back from another names a thing that happened, by a word of its own;
 * the article's other account of that day with that word is the same thing recalled, not a second
 * event.
 */
function recalled<T extends Telling>(
  told: T[],
  draft: T,
  countedBack: (t: T) => boolean,
  shared: number,
): boolean {
  const [first] = told;
  return !!first && shared >= 1 && sameDay(first, draft) && (countedBack(draft) || told.some(countedBack));
}

/** An account kept so far: its best telling, that telling's terms, and every telling folded into it. */
interface Kept<T> {
  draft: T;
  terms: Set<string>;
  told: T[];
}

/** The kept account a draft tells again, if any (see oneAccountPerEvent for what counts). */
function accountTold<T extends Telling>(
  kept: Array<Kept<T>>,
  draft: T,
  terms: Set<string>,
  { countedBack, speakerOf, pointsBack, happenedAgain, namedByDay }: TellingFacts<T>,
): Kept<T> | undefined {
  const tellsAgain = (k: Kept<T>) =>
    wordsAgree(terms, k.terms) ||
    (shortLineAgrees(terms, k.terms) && sameDay(k.draft, draft)) ||
    k.told.some((t) => oneStatement(t, draft, speakerOf)) ||
    recalled(k.told, draft, countedBack, agreement(terms, k.terms).shared) ||
    (k.told.some(pointsBack) && sameDay(k.draft, draft));
  const found = kept.find((k) => sameEventPossible(k.draft, draft) && tellsAgain(k));
  if (found || !(happenedAgain(draft) || pointsBack(draft) || namedByDay(draft))) return found;
  const ofItsDay = kept.filter((k) => sameDay(k.draft, draft));
  // A sentence that only dates what was told before it belongs to the latest account of its day. One
  // that tells when a thing happened belongs to the account that names the thing ("the blast" after
  // "a blast killed two"), else to the article's report of that day, its headline news; unlike a dated
  // remark it draws no later sentence in.
  // A thing named by its day ("Thursday's derailment") joins the account that names it in a word of
  // its own; the day's other news, the report included, may be another thing of that day.
  const naming = ofItsDay.findLast((k) => agreement(terms, k.terms).shared >= 1);
  if (namedByDay(draft) && !happenedAgain(draft)) return naming;
  if (happenedAgain(draft)) return naming ?? ofItsDay.find((k) => k.draft.kind === 'report');
  return ofItsDay.at(-1);
}

/**
 * One article, one account per event: a headline, a lead, a body sentence and a list item that tell
 * the same thing (compatible dates, mostly the same content terms, one person's words of one day, a
 * day counted back and the article's other account of it sharing its word, or a sentence that only
 * dates what was told before it and an earlier account of its day) become one account, quoted by the
 * best of them, the others kept as its evidence. Two events of one day told in different words stay
 * two.
 */
export function oneAccountPerEvent<T extends Telling>(drafts: T[], facts: TellingFacts<T>): T[] {
  const { counted, pointsBack, happenedAgain, namedByDay } = facts;
  const kept: Array<Kept<T>> = [];
  // "The blast happened at 1 a.m." may come before the lead it restates is read (the report is last):
  // such sentences, and those naming a thing by its day, are placed once every other telling has its
  // account.
  const later = (d: T) => happenedAgain(d) || namedByDay(d);
  const ordered = [...drafts.filter((d) => !later(d)), ...drafts.filter(later)];
  for (const draft of ordered) {
    const terms = contentTerms(draft.summary);
    const repeat = accountTold(kept, draft, terms, facts);
    if (!repeat) {
      kept.push({ draft, terms, told: [draft] });
      continue;
    }
    repeat.told.push(draft);
    const best = better(repeat.draft, draft, counted as (t: Telling) => boolean) as T;
    const other = best === draft ? repeat.draft : draft;
    // The report keeps the headline as its summary, but the sentence that tells the event with its
    // day is a better quote than a lead that may be a standfirst or a caption.
    const quote =
      best.kind === 'report' && other.kind === 'dated' && !pointsBack(other) && !namedByDay(other)
        ? other.quote
        : best.quote;
    const evidence = [...(repeat.draft.evidence ?? []), ...(draft.evidence ?? []), best.quote, other.quote];
    repeat.draft = { ...best, quote, evidence: [...new Set(evidence)].filter((q) => q !== quote) };
    if (best === draft) repeat.terms = terms;
  }
  // In the article's order, however late a telling was placed.
  const at = new Map(drafts.map((draft, i) => [draft, i]));
  return kept
    .map((k) => ({ draft: k.draft, first: Math.min(...k.told.map((t) => at.get(t) as number)) }))
    .sort((a, b) => a.first - b.first)
    .map((k) => k.draft);
}

/**
 * A remark quoted from a speech ('"… and today the situation is under control," he said') tells no
 * development of its own: when the article tells another event of that day, the remark is one more
 * sentence of it (of a dated sentence of that day first, else of the report), kept as its evidence.
 * A next-day report (its lead dates the news to the day before publication) quotes what was said
 * on the news day: a remark it dates to publication, with no account of that day to join, is one
 * more sentence of the report ('The summit closed on Monday … "Today is a good day," she said after
 * it'). A day said inside a quotation in a clause telling an act joins a telling of that day that
 * the quotation's own words share a word with, or the report of that day (see quotedDayHost).
 */
export function withRemarks<T extends Telling>(
  accounts: T[],
  { isRemark, quotationOf }: Remarks<T>,
  publishedOn: string,
): T[] {
  const hosts = accounts.filter((account) => !isRemark(account) && quotationOf(account) === undefined);
  const newsDay = hosts.find(
    (h) => h.kind === 'report' && h.datedByLead && h.date === shiftDay(publishedOn, -1),
  );
  const evidence = new Map<T, string[]>();
  const kept = accounts.filter((account) => {
    const quotation = quotationOf(account);
    const host = isRemark(account)
      ? remarkHost(account, hosts, publishedOn, newsDay)
      : quotation !== undefined
        ? quotedDayHost(account, quotation, hosts)
        : undefined;
    if (!host) return true;
    evidence.set(host, [...(evidence.get(host) ?? host.evidence ?? []), account.quote]);
    return false;
  });
  return kept.map((account) => {
    const more = evidence.get(account);
    return more ? { ...account, evidence: [...new Set(more)].filter((q) => q !== account.quote) } : account;
  });
}

export interface Remarks<T> {
  /** Dated only by a quoted "today" in a clause saying how things stand. */
  isRemark: (t: T) => boolean;
  /** The quotation's words, when a day said inside one, in a clause of any kind, dates it. */
  quotationOf: (t: T) => string | undefined;
}

function remarkHost<T extends Telling>(remark: T, hosts: T[], publishedOn: string, newsDay?: T) {
  const possible = hosts.filter((host) => sameEventPossible(host, remark));
  return (
    possible.find((h) => h.kind === 'dated') ??
    possible[0] ??
    (remark.date === publishedOn ? newsDay : undefined)
  );
}

/**
 * What someone said of a day inside a quotation ('"We only heard about it on the radio last night,"
 * a parent said', '"Today I take up this post with humility," the new minister said') is, in news
 * copy, a voice on the development the article tells of that day: one more sentence of the telling
 * the quotation's own words share a word with (not the attribution's: "told supporters" says nothing
 * of what about), else, when the quotation is a sentence of the speaker's own ('"That ends today,"
 * she said'), of the article's headline news when it is of that day: a voice quoted whole in a
 * report speaks to what the report is about. A phrase taken into reported speech ('said troops
 * would be sent "from this evening"') is the sentence's own act, and stays an account.
 */
function quotedDayHost<T extends Telling>(quoted: T, quotation: string, hosts: T[]) {
  const terms = contentTerms(quotation);
  const possible = hosts.filter((host) => sameEventPossible(host, quoted));
  return (
    possible.find((host) => agreement(terms, contentTerms(host.summary)).shared > 0) ??
    (SPEAKERS_OWN_SENTENCE.test(quotation) ? possible.find((host) => host.kind === 'report') : undefined)
  );
}

/** A quotation opening on a capital: a sentence of the speaker's own, not a phrase in reported speech. */
const SPEAKERS_OWN_SENTENCE = /^\P{L}*\p{Lu}/u;

/**
 * A photo caption is no event of its own (it tells when a picture was taken), but a caption that
 * tells an account's event, on its day and mostly in its words ("The minister, left, tours the
 * flooded town, Sunday, 3 March"), is one more sentence of that account: kept as its evidence.
 */
export function withCaptions<T extends Telling>(accounts: T[], captions: Telling[]): T[] {
  // Most articles have no dated caption: their accounts' terms need not be computed again.
  if (captions.length === 0) return accounts;
  const terms = accounts.map((account) => contentTerms(account.summary));
  const evidence = accounts.map((account) => [...(account.evidence ?? [])]);
  for (const caption of captions) {
    const captionTerms = contentTerms(caption.summary);
    const i = accounts.findIndex(
      (account, k) =>
        sameEventPossible(account, caption) && wordsAgree(captionTerms, terms[k] as Set<string>),
    );
    if (i >= 0 && !evidence[i]?.includes(caption.quote)) evidence[i]?.push(caption.quote);
  }
  return accounts.map((account, i) =>
    evidence[i]?.length ? { ...account, evidence: evidence[i] as string[] } : account,
  );
}
