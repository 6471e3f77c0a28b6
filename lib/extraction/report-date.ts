/**
 * When an article's own news (its report) happened: the day its lead gives, or a sentence near the
 * top that dates the news, restates the headline or dates the speech a headline reports; otherwise
 * publication.
 */
import { datesNewsToldBefore, SPEAKING, TOLD_JUST_BEFORE } from './attribution.ts';
import { shiftDay } from './calendar.ts';
import type { DraftEvent } from './event.ts';
import { weightedAgreement, weightedTerms } from './terms.ts';

type Draft = DraftEvent;

/** Whether a draft's date (a day, or the week or month it names) takes in `day` (YYYY-MM-DD). */
function takesIn(draft: Draft, day: string): boolean {
  if (draft.datePrecision === 'day') return draft.date === day;
  if (draft.datePrecision === 'week') return draft.date <= day && day <= (draft.endDate ?? draft.date);
  if (draft.datePrecision === 'month') return day.startsWith(draft.date);
  return false;
}

/**
 * A lead clause dated to the publication day is the headline news itself: the report event tells it.
 * So is one dated to the week or month that day falls in ("came under renewed attack this week"):
 * a lead's "this week" is the article's own news, not a second event beside it.
 */
export function partOfReport(draft: Draft, report: Draft | undefined, lead: string | undefined): boolean {
  return (
    !!report &&
    draft.kind === 'dated' &&
    draft.quote === lead &&
    takesIn(draft, report.date) &&
    !draft.scheduled
  );
}

/** How many days a lead may look back and still be telling the article's own news. */
const LEAD_NEWS_DAYS = 3;

/**
 * A lead that dates its own news to a recent day ("The board on Tuesday named a new chief", published
 * Wednesday) says when the headline news happened: the report takes that day, and the lead's dated
 * clause is the report itself rather than a second event beside it. The latest such day wins (a lead
 * recalls older days as background: "fired on Friday, returned on Tuesday"); days booked ahead and
 * days beyond a few back (history, not the news) leave the report on its publication day.
 */
export function datedByLead(
  report: Draft | undefined,
  drafts: Draft[],
  lead: string | undefined,
): Draft | undefined {
  if (!report || !lead) return report;
  const earliest = shiftDay(report.date, -LEAD_NEWS_DAYS);
  const days = drafts
    .filter((d) => d.quote === lead && d.kind === 'dated' && !d.scheduled && d.datePrecision === 'day')
    .map((d) => d.date)
    .filter((day) => day >= earliest && day <= report.date)
    .sort();
  const day = days.at(-1);
  return day ? { ...report, date: day, datedByLead: true } : report;
}

/**
 * "the chief announced the news in a post on X Tuesday evening", "the news broke on Friday", "a annoncé
 * la nouvelle lundi": a sentence that dates the news itself (the headline's, which the lead tells
 * without a day) says when the report's news happened.
 */
const TELLS_THE_NEWS = new RegExp(
  [
    String.raw`\b(?:announced|confirmed|shared|broke|revealed)\s+the\s+news\b`,
    String.raw`\bthe\s+news\s+(?:broke|came|was\s+(?:announced|confirmed|made\s+public))\b`,
    String.raw`(?<!\p{L})(?:a|ont)\s+(?:annoncé|confirmé|partagé)\s+la\s+nouvelle(?!\p{L})`,
    String.raw`(?<!\p{L})(?:anunció|anunciaron|confirmó|confirmaron|compartió|compartieron|dio|dieron)\s+la\s+noticia(?!\p{L})`,
    String.raw`(?<!\p{L})(?:gab|gaben|verkündete|verkündeten|bestätigte|bestätigten)\s+die\s+Nachricht(?!\p{L})`,
    TOLD_JUST_BEFORE,
  ].join('|'),
  'iu',
);

/**
 * "Board learned of the launch on social media, ex-director says", "Minister says taxes will not
 * rise", "…, claims former adviser": a headline whose news is what someone said. The sentence near
 * the top that says when they said it ("…,' she said in an interview that aired Tuesday") dates it.
 */
const SAYS_HEADLINE =
  /(?:^|[,:;–—]\s*)(?:[\p{L}'’.-]+\s+){0,4}(?:says|said|claims|warns|tells|admits)(?!\p{L})/iu;

/**
 * Paragraphs of prose from the top (stamps, straps and captions not counted) in which a sentence
 * dating "the news" still speaks of the headline's.
 */
export const NEWS_PARAGRAPHS = 3;

/**
 * How much of the headline a sentence must restate to date it: two terms, and a third of the
 * lighter wording's weight ("Chief scientist is leaving" / "Late on Tuesday, the chief scientist
 * posted that he will leave the company").
 */
const RESTATES_HEADLINE = { shared: 2, overlap: 0.3 };

/**
 * News of an evening is published the next morning, its headline without a day, and the sentence
 * that says when it happened comes a paragraph or two down ("Late on Tuesday, the board said…").
 * A sentence near the top dated the day before publication that restates the headline dates the
 * report. Only that one day: two or three days back, a sentence that shares the headline's names is
 * more often the story's background (the quake on Monday under Thursday's convoy headline). A
 * sentence of two dates ("announced on Sunday a strike that starts on Tuesday") does not say which
 * of them the headline's words belong to, so it dates nothing.
 */
function restatesHeadline(report: Draft, draft: Draft, drafts: Draft[]): boolean {
  if (draft.date !== shiftDay(report.date, -1)) return false;
  if (drafts.some((other) => other !== draft && other.quote === draft.quote)) return false;
  const { shared, overlap } = weightedAgreement(weightedTerms(draft.quote), weightedTerms(report.summary));
  return shared >= RESTATES_HEADLINE.shared && overlap >= RESTATES_HEADLINE.overlap;
}

/**
 * A report its lead does not date takes the day of a sentence near the top that dates the news
 * itself (up to a few days back, as a lead's own day would) or restates its headline the day
 * before, and that sentence is the report's account rather than a second event beside it.
 */
export function datedByNewsSentence(
  report: Draft | undefined,
  drafts: Draft[],
  opening: string[],
): { report: Draft | undefined; told?: Draft } {
  if (!report || report.datedByLead) return { report };
  const earliest = shiftDay(report.date, -LEAD_NEWS_DAYS);
  const near = drafts.filter(
    (d) =>
      d.kind === 'dated' &&
      !d.scheduled &&
      d.datePrecision === 'day' &&
      d.date >= earliest &&
      d.date <= report.date &&
      opening.some((text) => text.includes(d.quote)),
  );
  const told =
    near.findLast((d) => TELLS_THE_NEWS.test(d.quote)) ??
    near.find((d) => restatesHeadline(report, d, drafts)) ??
    (SAYS_HEADLINE.test(report.summary) ? near.find((d) => SPEAKING.test(d.quote)) : undefined);
  if (!told) return { report };
  // The lead still tells the news: it stays beside the dated sentence as evidence, or stays the
  // quote when the dated sentence is only a pronoun and its day ("Das teilte die Polizei am Montag mit").
  const quote = datesNewsToldBefore(told.quote) ? report.quote : told.quote;
  const evidence = [...new Set([...(report.evidence ?? []), report.quote, told.quote])].filter(
    (q) => q !== quote,
  );
  return { report: { ...report, date: told.date, quote, evidence, datedByLead: true }, told };
}
