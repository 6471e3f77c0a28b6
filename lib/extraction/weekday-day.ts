import type * as chrono from 'chrono-node';
import { dayPartsOf } from './calendar.ts';
import { monthNames } from './month-names.ts';
import { ROMANCE_WEEKDAYS as WEEKDAYS } from './weekday.ts';

/**
 * The word that may say which one ("este martes 24", "el pasado martes 24", "ce mardi 24"): taken in,
 * since chrono reads "este martes" on its own and then joins the bare "24" to it as an hour.
 */
const WHICH = '(?:este|esta|ce|questo|nesta|neste|pasado|próximo|prochain|scorso|prossimo|último|última)';

/**
 * What may follow the day of the month: an article, a preposition or a conjunction opens the next
 * phrase ("el martes 24 un paquete", "mardi 24 au soir", "martedì 24 alle 10"). A noun makes the
 * number a count ("el lunes 12 personas murieron": twelve died on Monday).
 */
const FUNCTION_WORDS = [
  'un|una|uno|um|uma|el|la|los|las|le|les|l|il|lo|gli|o|a|os|as|ao|aos',
  'en|por|para|al|au|aux|à|dans|du|des|del|de|dal|alle|alla|nel|nella|na|no|em|pela|pelo|sur|con|avec|com|sin|sans|senza|sem',
  'y|et|e|ed|ou|que|qui|che|cuando|quand|quando|tras|après|dopo|después|antes|avant|prima|hasta|jusqu|fino|entre|tra|fra',
].join('|');

/**
 * A verb may follow too: a reflexive pronoun ("el martes 24 se reunieron") or a finite verb by its
 * ending ("el martes 8 perdimos", "el lunes 12 llegaron", "no domingo 10 chegaram"), which no
 * counted noun has. Spanish and Portuguese, whose copy writes the day so before its verb.
 */
const VERBS_AFTER: Record<string, string> = {
  es: String.raw`se|nos|\p{L}{2,}(?:amos|imos|aron|ieron|ó)`,
  pt: String.raw`se|\p{L}{2,}(?:amos|imos|aram|eram|iram|ou)`,
};

/** How far from publication a weekday and its day of the month are looked for, either way. */
const WINDOW_DAYS = 45;

/** Italian also writes its weekdays without the accent ("lunedi 24"). */
const plain = (name: string) => name.normalize('NFD').replace(/\p{M}/gu, '');

/**
 * "el martes 24", "ce mardi 24", "martedì 24": Spanish, French, Italian and Portuguese news name a
 * day by its weekday and its day of the month, leaving the month to the reader; chrono reads
 * neither. Not a weekday with its month ("martes 24 de noviembre", chrono's), a clock ("mardi
 * 14h30", "lunes 10:00") or a score ("domingo 2-1"); a count after it is FUNCTION_WORDS' to tell.
 */
function weekdayDayPattern(language: string): RegExp | undefined {
  const names = WEEKDAYS[language];
  if (!names) return undefined;
  const spellings = [...new Set(names.flatMap((name) => [name, plain(name)]))].join('|');
  const months = monthNames(language).join('|');
  const verbs = VERBS_AFTER[language] ? `|${VERBS_AFTER[language]}` : '';
  return new RegExp(
    String.raw`(?<!\p{L})(?:${WHICH}\s+)?(${spellings})\s+(3[01]|[12]\d|0?[1-9])(?![\d\p{L}])(?!\s*(?:de\s+|del\s+|di\s+)?(?:${months})|\s*[:.,h]\s*\d|\s*[-–]\s*\d)(?=\s*(?:[,.;:)!?»”"]|$)|\s+(?:${FUNCTION_WORDS}${verbs})(?!\p{L}))`,
    'iu',
  );
}

/**
 * The day within WINDOW_DAYS of publication that falls on the weekday and day of the month, the
 * nearer one when two do (the past on a tie); none when no day does (a writer's slip).
 */
function dayOnWeekday(at: Date, weekday: number, dayOfMonth: number) {
  for (let distance = 0; distance <= WINDOW_DAYS; distance++)
    for (const shift of distance === 0 ? [0] : [-distance, distance]) {
      const day = dayPartsOf(at, shift);
      if ((at.getUTCDay() + shift + 7 * WINDOW_DAYS) % 7 === weekday && day.day === dayOfMonth) return day;
    }
  return undefined;
}

function weekdayDayParser(language: string, pattern: RegExp): chrono.Parser {
  const names = (WEEKDAYS[language] ?? []).map(plain);
  return {
    pattern: () => pattern,
    extract: (context, match) => {
      const weekday = names.indexOf(plain((match[1] as string).toLowerCase()));
      const day = dayOnWeekday(context.refDate, weekday, Number(match[2]));
      if (!day) return null;
      const start = context.createParsingComponents(day);
      start.assign('weekday', weekday);
      return start;
    },
  };
}

/** A language's chrono parser that also reads a weekday with its day of the month and no month. */
export function withWeekdayDays(parser: chrono.Chrono, language: string): chrono.Chrono {
  const pattern = weekdayDayPattern(language);
  if (!pattern) return parser;
  const read = parser.clone();
  read.parsers.unshift(weekdayDayParser(language, pattern));
  return read;
}
