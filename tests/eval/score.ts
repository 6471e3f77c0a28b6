import type { GoldEvent } from './labelled-set.ts';

/** What the scorer needs of an extracted event. */
export interface PredictedEvent {
  date: string;
  endDate: string | null;
  kind: 'dated' | 'report';
  scheduled: boolean;
  quote: string;
}

export interface Counts {
  gold: number;
  predicted: number;
  matched: number;
  /** Matched events whose date (and end date, for ranges) are exactly right. */
  datesRight: number;
  scheduledRight: number;
}

export interface ArticleScore extends Counts {
  missed: GoldEvent[];
  spurious: PredictedEvent[];
  wrongDates: Array<{ gold: GoldEvent; predicted: PredictedEvent }>;
}

const normalise = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();

function dateRight(gold: GoldEvent, predicted: PredictedEvent): boolean {
  return gold.date === predicted.date && (gold.endDate ?? null) === (predicted.endDate ?? null);
}

/**
 * Pairs gold and predicted events one to one: a prediction matches a gold event of the same kind
 * when its quote (the sentence or list item) contains the gold quote. Among several, the one with the
 * right date is preferred, so a sentence with two dated clauses can match both of its gold events.
 */
export function scoreArticle(gold: GoldEvent[], predicted: PredictedEvent[]): ArticleScore {
  const unused = new Set(predicted.map((_, i) => i));
  const score: ArticleScore = {
    gold: gold.length,
    predicted: predicted.length,
    matched: 0,
    datesRight: 0,
    scheduledRight: 0,
    missed: [],
    spurious: [],
    wrongDates: [],
  };
  const ordered = [...gold].sort((a, b) => Number(a.kind === 'report') - Number(b.kind === 'report'));
  for (const event of ordered) {
    const needle = normalise(event.quote);
    const candidates = [...unused].filter((i) => {
      const p = predicted[i] as PredictedEvent;
      return p.kind === event.kind && normalise(p.quote).includes(needle);
    });
    const pick = candidates.find((i) => dateRight(event, predicted[i] as PredictedEvent)) ?? candidates[0];
    if (pick === undefined) {
      score.missed.push(event);
      continue;
    }
    unused.delete(pick);
    const p = predicted[pick] as PredictedEvent;
    score.matched++;
    if (dateRight(event, p)) score.datesRight++;
    else score.wrongDates.push({ gold: event, predicted: p });
    if ((event.scheduled ?? false) === p.scheduled) score.scheduledRight++;
  }
  score.spurious = [...unused].map((i) => predicted[i] as PredictedEvent);
  return score;
}

export interface Figures {
  precision: number;
  recall: number;
  f1: number;
  dateAccuracy: number;
  scheduledAccuracy: number;
}

export function figures(counts: Counts): Figures {
  const precision = counts.predicted ? counts.matched / counts.predicted : 1;
  const recall = counts.gold ? counts.matched / counts.gold : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  const dateAccuracy = counts.matched ? counts.datesRight / counts.matched : 1;
  const scheduledAccuracy = counts.matched ? counts.scheduledRight / counts.matched : 1;
  return { precision, recall, f1, dateAccuracy, scheduledAccuracy };
}

export function sum(scores: Counts[]): Counts {
  const total: Counts = { gold: 0, predicted: 0, matched: 0, datesRight: 0, scheduledRight: 0 };
  for (const s of scores) {
    total.gold += s.gold;
    total.predicted += s.predicted;
    total.matched += s.matched;
    total.datesRight += s.datesRight;
    total.scheduledRight += s.scheduledRight;
  }
  return total;
}
