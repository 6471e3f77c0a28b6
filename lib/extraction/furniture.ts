import type { TextBlock } from './blocks.ts';
import { hourOfDay, withoutClockTimes } from './clock.ts';
import { ENGLISH_MONTHS } from './month-names.ts';
import { ENGLISH_WEEKDAY_CASED, WEEKDAY_NAME } from './weekday.ts';

/**
 * A line that *is* page furniture carries a date but reports nothing: "Updated 12 October 2024",
 * "© 2024 …", "(Visited 2 times…)". News that mentions updating or publishing something is kept.
 */
const STAMP_WORDS =
  '(?:last\\s+)?(?:updated|published|posted|modified|first published|originally published|this (?:story|article) was (?:originally |first )?published|modifié le|mise à jour|ultimo aggiornamento|última actualización|zuletzt aktualisiert|son güncelleme|yayınlanma tarihi|aktualisiert|veröffentlicht|stand:|mis à jour|publié|actualizado|publicado|atualizado|aggiornato|pubblicato|güncelleme:|güncellenme:|yayınlanma:|оновлено|опубліковано|обновлено|опубликовано)';
// Anchored and unanchored halves apart: one alternation holding both is tried at every position.
const FURNITURE_OPENING = new RegExp(`^\\s*\\(?(?:${STAMP_WORDS}(?!\\p{L})|founded in\\b)`, 'iu');
const FURNITURE_ANYWHERE = /©|\bcopyright\b|all rights reserved|\bvisited \d+ times?\b/i;
/** A short line that opens with a stamp, or carries one after a separator: "Analysis · 7 min read · Published 01.08.2024". */
const STAMP_LABEL = `${STAMP_WORDS}(?!\\p{L})`;
const SEPARATED_STAMP = `[·|]\\s*${STAMP_LABEL}`;
const STAMP_ANYWHERE = new RegExp(`^${STAMP_LABEL}|${SEPARATED_STAMP}|\\bmin read\\b|\\s[·|]\\s`, 'iu');
/** Once dates, times, numbers and separators are gone, a stamp line has almost nothing left. */
const DATE_TOKENS = new RegExp(
  String.raw`\d{1,4}(?:[./:-]\d{1,4})*(?:h\d{2}|st|nd|rd|th)?|\b(?:${ENGLISH_MONTHS.map((name) => name.slice(0, 3)).join('|')})[a-z]*\.?|\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b|[·|,:;–—-]`,
  'giu',
);

/**
 * A correction notice: "Correction, 14 November: An earlier version of this article said…", "This
 * article was amended on 3 May 2024", "Editor's note:", "Korrektur:", "Rectificatif :". It dates
 * the article's own editing, not news.
 */
const CORRECTION_NOTICE =
  /^(?:(?:correction|clarification|editor['’]s note|korrektur|richtigstellung|rectificatif|fe de errores|correção)s?\b[^:.]{0,40}:|this (?:article|story|report|piece) (?:was|has been) (?:amended|corrected|changed)\b)|\ban earlier version of this (?:article|story|report|piece)\b/iu;

/** Blocks that are the site talking, not the story: link lists, appeals, sharing, author boxes. */
/** The headings a site sets over links to its other stories ("Related", "Read more", "More stories"). */
const OTHER_STORIES_HEADINGS =
  'read more|read also|related|see also|more on this|more from|recommended|you may also like|you might also like|more stories';
const SITE_VOICE = new RegExp(
  `^(?:${OTHER_STORIES_HEADINGS}|most read|most popular|most viewed|top stories|trending|key events|show key events|articles you may like|share this|share on|about the author|about this author|follow us|sign up|subscribe|newsletter|tags?:|filed under|advertisement|original source|video:|photo credit|image credit)(?!\\p{L})`,
  'iu',
);
/**
 * A photo caption in running text: it ends with the picture's credit ("(AP Photo/Name)", "(Photo:
 * Agency)", "REUTERS/Name", "EFE/Name", "dpa/Name", "(Name/Outlet)", "(Staff photo)", "Getty Images",
 * "/AFP"), whatever a wire's page adds after it ("Purchase Licensing Rights, opens new tab"). It tells
 * when a picture was taken, not news.
 */
const CAPTION_CREDIT =
  /(?:\((?:AP|AFP|Reuters|EPA|Getty)?\s*(?:Photo|Foto|Image|Picture)s?\b[^)]*\)|\b(?:AP|AFP|REUTERS|EPA|Xinhua|EFE|dpa|ANSA|Lusa)\s*(?:Photo)?\/\s*\p{Lu}[\p{L} .'-]*|\(\p{Lu}[\p{L} .'-]*\/\s*\p{Lu}[\p{L} .'-]*\)|\((?:Staff|File)\s+photo\)|\bGetty Images|\bPhoto(?:graph)?:\s*\p{Lu}[^.]*|\bfile photo\b[^.]*)\)?\s*\.?\s*(?:Purchase Licensing Rights(?:,\s*opens new tab)?\s*)?$/u;

/**
 * "Photo: Councillors vote…", "Pictured: …", "Foto: …", "Bildunterschrift: …", "Légende : …", and a
 * scraped page's placeholder for the picture ("[Image] Crews …"): a caption set in running text under
 * its label.
 */
const CAPTION_LABEL =
  /^(?:(?:photo|image|pictured|caption|foto|bild|bildunterschrift|légende|imagen|pie de foto|immagine)\s?:|\[(?:image|photo|picture|foto|bild|imagen)\])\s+\p{Lu}/iu;

/** A photo caption: a figure's own caption block, or running text with a picture's credit or label. */
export function isCaption(block: TextBlock): boolean {
  return (
    block.kind === 'caption' ||
    CAPTION_CREDIT.test(block.text) ||
    CAPTION_LABEL.test(block.text) ||
    isTakenCaption(block.text)
  );
}

/**
 * "Die Kapsel am Harmony-Modul der ISS, aufgenommen am 14. März von einer Kamera am Roboterarm", "The
 * capsule at the station, photographed on March 14", "La capsule, photographiée le 14 mars", "The
 * pier at dawn, in a file photo taken on 3 June 2021", "…, auf einem Archivbild vom 3. Juni 2021":
 * what a picture shows and when it was taken, a caption set as a paragraph of one sentence.
 */
const TAKEN_ON =
  /^[^.!?]{3,150}?,\s+(?:aufgenommen\s+(?:am|im)|fotografiert\s+(?:am|im)|(?:pictured|photographed)\s+(?:on|in)|photographiée?s?\s+(?:le|en)|fotografiad[oa]s?\s+(?:el|en)|(?:seen\s+)?in\s+an?\s+(?:file\s+|archive\s+)?(?:photo|photograph|picture|image)\s+(?:(?:taken|dated)\s+(?:on|in)|from)|auf\s+einem\s+(?:Archivbild|Archivfoto|Foto|Bild)\s+vom|sur\s+une\s+(?:photo|image)\s+(?:d['’]archives?\s+)?prise\s+(?:le|en)|en\s+una\s+(?:foto|imagen)\s+(?:de\s+archivo\s+)?tomada\s+(?:el|en))\s/iu;
const CAPTION_WORDS = 45;
const isTakenCaption = (text: string) =>
  TAKEN_ON.test(text) && !/(?<!\d)[.!?]\s+\S/u.test(text.trim()) && wordCount(text) <= CAPTION_WORDS;
/**
 * The same in the feeds' other languages: "Leia mais (09/24/2018 - 19h22)", "Te puede interesar: …",
 * "Potrebbe interessarti", "İlgili haber" are links, not news.
 */
const SITE_VOICE_ELSEWHERE =
  /^(?:lesen sie (?:auch|mehr)|mehr zum thema|weiterlesen|siehe auch|lire (?:aussi|la suite)|à lire aussi|voir aussi|sur le même sujet|en savoir plus|le(?:er|e|a) (?:más|también)|ver también|noticias relacionadas|(?:también )?te puede interesar|le puede interesar|te recomendamos|leia (?:mais|também)|veja também|saiba mais|ver também|leggi (?:anche|di più)|continua a leggere|vedi anche|potrebbe interessarti|auch interessant|das könnte sie auch interessieren|[iİ]lgili haber(?:ler)?|lees (?:ook|meer))(?![\p{L}])/iu;
const APPEAL =
  /\b(?:donat\w*|patron|subscri\w*|support (?:us|our)|become a member|join our|send you notifications)\b/i;
const STANDALONE_APPEAL = /\bbecome an? (?:supporter|patron|member|subscriber|friend)\b|\bdonate now\b/i;
const SECOND_PERSON = /\b(?:you|your)\b/i;
/**
 * The site asking the reader to act: "Register today and start…", "Already a member? Sign in". A block
 * opening so is a prompt, not news.
 */
const CALL_TO_ACTION =
  /^(?:(?:register|sign (?:in|up)|log in|get started|learn more|activate|consider becoming|download the app)\b|already (?:a|an) (?:member|subscriber)\b)/i;
/**
 * "Are you ready to bring more awareness to your brand? Consider becoming a sponsor…": a question to
 * the reader opening a block is a prompt when nothing follows it but more of the same. A feature that
 * opens "Do you remember where you were on 14 August 2003? The lights went out…" is news, and kept.
 */
const READER_QUESTION = /^(?:are|do|would|want|will|can|have) you\b[^.!?]*\?/i;
const PROMPT_WORDS =
  /\b(?:sponsor\w*|subscri\w*|register|sign (?:in|up)|learn more|newsletter|notifications?)\b/i;

function isReaderPrompt(text: string): boolean {
  if (CALL_TO_ACTION.test(text)) return true;
  const question = READER_QUESTION.exec(text);
  if (!question) return false;
  const rest = text.slice(question[0].length).trim();
  return rest === '' || PROMPT_WORDS.test(rest);
}
/** "By Jane Doe": a name after "By", not a day ("By Saturday, investors were…" is narrative). */
const BYLINE = new RegExp(
  String.raw`^(?:[Bb]y|[Vv]on|[Pp]ar|[Pp]or|[Оо]т|[Вв]ід)\s+(?!${ENGLISH_WEEKDAY_CASED}\b|(?:${ENGLISH_MONTHS.join('|')})\b)\p{Lu}`,
  'u',
);

export function isFurniture(text: string): boolean {
  return FURNITURE_OPENING.test(text) || FURNITURE_ANYWHERE.test(text);
}

/**
 * A heading for links to other stories, alone on its line: "Related", "Mehr zum Thema", "À lire
 * aussi", "Te puede interesar:". What follows it is a list of other stories' titles.
 */
const LINKS_HEADER_WORDS = 5;
export const isLinksHeader = (text: string): boolean =>
  (SITE_VOICE_LINKS.test(text) || SITE_VOICE_ELSEWHERE.test(text)) &&
  text.split(/\s+/).length <= LINKS_HEADER_WORDS &&
  !/\d/.test(text);
const SITE_VOICE_LINKS = new RegExp(`^(?:${OTHER_STORIES_HEADINGS}|read next)\\b`, 'i');

/**
 * A title in such a list: short, no sentence's full stop at its end, perhaps a bullet before it and
 * its story's day after it ("• Zwei Jahre danach: Was aus der Stadt wurde (03.02.2025)").
 */
const TITLE_WORDS = 25;
export const isListedTitle = (text: string): boolean =>
  text.split(/\s+/).length <= TITLE_WORDS && !/[.!?]["”’»]?$/u.test(text.trim());

/** A "read more" link inside a paragraph ("… seu candidato. Leia mais (09/24/2018 - 19h22)"). */
const READ_MORE = /^(?:read (?:more|also)|see also|more on this)\b/i;

/** A sentence that is the site pointing elsewhere, not the story. */
export function isLinkSentence(sentence: string): boolean {
  return READ_MORE.test(sentence) || SITE_VOICE_ELSEWHERE.test(sentence);
}

/**
 * A live blog speaking as itself: welcoming readers, signing off, saying when it will be back
 * ("Good evening and welcome to our live coverage…", "That's all from us today.", "We're going to
 * close our live coverage here.", "We'll be back tomorrow morning.",
 * "Here is a summary of today's main developments:").
 * The day such a line names is the blog's, not news.
 */
const WELCOME = String.raw`(?:(?:hello|good (?:morning|afternoon|evening))(?: and)?,? )?welcome (?:back )?to (?:our|the|this|today's|(?:\p{Lu}[\p{L}.]*\s){1,4}?\p{Lu}[\p{L}.]*['’]s) (?:rolling |live |continuing )?(?:coverage|blog|live)\b`;
const SIGN_OFF = String.raw`that(?:'|’)?s (?:it|all) (?:from (?:us|me)|for (?:today|now|tonight|this evening))\b|(?:thanks?|thank you) for (?:following|reading|joining)\b|(?:this|our) live (?:blog|coverage|page) (?:is|has) (?:now )?(?:closed|paused|ended)\b|we(?:(?:'|’)re| are) (?:now )?(?:pausing|closing|wrapping up) (?:our|this|the) (?:live )?(?:blog|coverage|page|updates)\b|we(?:(?:'|’)re| are) going to (?:pause|close|end|wrap up) (?:our|this|the) (?:live )?(?:coverage|blog|page)\b|(?:that(?:'|’)?s|this is) where we(?:(?:'|’)ll| will)? (?:close|end|leave|pause|stop|wrap up)\b`;
/**
 * "We'll be back tomorrow", "We'll be back early Monday", not "we will be back in the valley on
 * Friday" (someone's words).
 */
const BACK_LATER = String.raw`(?:we(?:'|’)ll be back|we will be back)\s+(?:tomorrow|later|soon|shortly|again|with\b|in (?:the morning|a (?:few|moment|bit|while))|on \p{L}+ (?:morning|with)\b|(?:early|first thing)\b)`;
/**
 * "Here is a summary of today's main developments:", "Here's what we know so far:", "Here's what was
 * agreed overnight:": a list announced, no news.
 */
const LIST_AHEAD = String.raw`here(?:'|’)?s|here (?:is|are)`;
/** "If you're just joining us, here's what was agreed overnight:": the same list, for readers arriving late. */
const JOINING_US = String.raw`(?:if you(?:'|’)re just joining us|if you(?:'|’)ve just joined us|for those (?:just )?joining us),?\s+`;
const SUMMARY_AHEAD = String.raw`(?:${JOINING_US})?(?:${LIST_AHEAD}) (?:a (?:quick )?(?:summary|recap|round-?up)|what\b|the (?:latest|key|main)|our (?:summary|recap))\b[^.!?]*:$`;
const BLOG_VOICE = new RegExp(`^(?:${WELCOME}|${SIGN_OFF}|${BACK_LATER}|${SUMMARY_AHEAD})`, 'iu');

/**
 * The page pointing down itself: "You'll find all of Monday's updates below", "Alle Meldungen von
 * gestern finden Sie weiter unten", "Vous trouverez ci-dessous les faits de lundi", "Más abajo
 * encontrará lo ocurrido ayer". The day it names is the page's summary, not news.
 */
const POINTS_DOWN_THE_PAGE =
  /\b(?:you(?:(?:'|’)ll| will| can)? find|scroll down)\b[^.!?]*\bbelow\b|(?<!\p{L})(?:finden sie[^.!?]*weiter unten|weiter unten finden sie|vous trouverez[^.!?]*ci-dessous|ci-dessous,? (?:vous trouverez|retrouvez)|más abajo (?:encontrará|puede leer)|encontrará[^.!?]*más abajo)(?!\p{L})/iu;

/** Whether a sentence is a live blog speaking as itself, not the story. */
export const isBlogVoice = (sentence: string): boolean =>
  BLOG_VOICE.test(sentence.trim()) ||
  // A plain search first: the pattern's lookarounds cost every sentence more.
  (/below|unten|dessous|abajo/i.test(sentence) && POINTS_DOWN_THE_PAGE.test(sentence));

/**
 * "Press release – 14 August 2024", "Media Release, Ministry of Home Affairs, 14 August 2024", "For
 * immediate release: July 20, 2025" (the US form), "Pressemitteilung vom 14.08.2024": a government's
 * or a company's release heads its text with its kind, its issuer and its day, the release's own date
 * and no news.
 */
const RELEASE_LABEL =
  /(?:(?:for\s+(?:immediate\s+)?release|(?:press|media|news)\s+release)|pressemitteilung|pressemeldung|communiqué(?:\s+de\s+presse)?|comunicado(?:\s+de\s+(?:prensa|imprensa))?|nota\s+de\s+prensa|comunicato\s+stampa|basın\s+(?:açıklaması|bülteni|duyurusu))(?!\p{L})/iu;
const RELEASE_HEADER_WORDS = 12;
/** An issuer in capitals before the label ("HARBOUR POLICE DEPARTMENT NEWS RELEASE …"), or nothing. */
const ISSUER_ONLY = /^\s*(?:[\p{Lu}\d&'’.,–—:|-]{2,}\s+)*$/u;
/** Whether a short line is a release's header: its label, after nothing but its issuer's name in capitals. */
function isReleaseHeader(text: string): boolean {
  const label = RELEASE_LABEL.exec(text);
  return !!label && ISSUER_ONLY.test(text.slice(0, label.index));
}

/**
 * "AFP Published 19 Feb, 2023 07:31pm", "Reuters Updated 3 hours ago": an agency or author's credit,
 * then the stamp, capitalised as a label is (a sentence says "Reuters published the report on…").
 */
const CREDIT_THEN_STAMP = new RegExp(
  String.raw`^\s*(?:[\p{L}.&'’-]+\s+){1,3}(${STAMP_WORDS})(?!\p{L})`,
  'iu',
);
const opensWithCreditedStamp = (text: string) => {
  const [credit, label] = [text.trimStart(), CREDIT_THEN_STAMP.exec(text)?.[1]];
  return label !== undefined && isCapitalised(credit) && isCapitalised(label);
};
const isCapitalised = (word: string) => /^\p{Lu}/u.test(word);

const AGE_COUNT = String.raw`(?:\d{1,3}|an?|one|une?|ein(?:e|er)?|una?)`;
const AGE_UNIT = String.raw`(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|weeks?|heures?|jours?|Std\.?|Stunden?|Minuten?|Tagen?|horas?|minutos?|días?|dias?|ore|minuti|giorni|saat|dakika|gün)`;
/**
 * "2 hours ago", "1h ago", "il y a 3 heures", "vor 2 Stunden", "hace 45 minutos", "2 ore fa", "2 saat
 * önce": how old an entry or a teaser is when the page was read, alone on its line. A stamp: it says
 * nothing happened, and no day of its own.
 */
const AGE = String.raw`(?:just now|(?:il y a|vor|hace|há)\s+${AGE_COUNT}\s*${AGE_UNIT}|${AGE_COUNT}\s*${AGE_UNIT}\s+(?:ago|fa|önce))`;
const AGE_STAMP = new RegExp(String.raw`^\s*${AGE}\s*[.·|]?\s*$`, 'iu');

/**
 * "Lyon, le 14 octobre 2024", "Hamburg, den 14. Oktober 2024", "Sevilla, 14 de octubre de 2024",
 * "Nairobi / Press Office / 14 October 2024", "Halifax, Nova Scotia, October 14, 2024": a release heads
 * its text with where and when it was issued, a line of names and a day with its year, and no verb.
 * The day is the release's own, as a stamp's is.
 */
const ISSUED_AT = new RegExp(
  String.raw`^\s*(?:\p{Lu}[\p{L}.'’-]*[\s,/|·–—-]+){1,5}(?:(?:le|den|am|el|il|a|à|on)\s+)?(?:(?:${WEEKDAY_NAME}),?\s+)?` +
    String.raw`(?:\d{1,2}\.?(?:\s+de)?\s+\p{L}{3,10}\.?(?:\s+de)?\s+\d{4}|\p{L}{3,10}\.?\s+\d{1,2},\s+\d{4}|\d{1,2}[./]\d{1,2}[./]\d{4})\s*\.?\s*$`,
  'u',
);

/** A short line that is a date stamp, a section strap or a bare date: "12 November 2024", "Space · 20/02/2025". */
function isStamp(text: string): boolean {
  if (AGE_STAMP.test(text) || ISSUED_AT.test(text)) return true;
  if (isNamedStampLine(text)) return true;
  if (text.split(/\s+/).length <= RELEASE_HEADER_WORDS && isReleaseHeader(text)) return true;
  // Counted without clock times: Quebec's "6 h 15" is three words where "6:15" is one. A clock has
  // a digit; most paragraphs have none, and the clock pattern's lookarounds cost more than the test.
  const unclocked = /\d/.test(text) ? withoutClockTimes(text) : text;
  if (unclocked.split(/\s+/).length > 14 || isKeyDate(text)) return false;
  if (STAMP_ANYWHERE.test(text)) return true;
  if (opensWithCreditedStamp(text)) return true;
  return wordCount(withoutStampWords(text).replace(DATE_TOKENS, ' ')) < 2;
}

/**
 * "RTV News | Published 14 January 2026, 14:02 CET | Updated 14 January 2026, 18:40 CET", "World Desk |
 * Cape Canaveral | Updated: 09-03-2026 04:12 IST": a stamp after a separator, beside nothing but names
 * (the outlet, its desk, a place), however long its days and times make the line.
 */
const STAMP_AFTER_SEPARATOR = new RegExp(SEPARATED_STAMP, 'iu');
const NAMED_STAMP_WORDS = 6;
function isNamedStampLine(text: string): boolean {
  if (!STAMP_AFTER_SEPARATOR.test(text)) return false;
  const rest = withoutStampWords(text)
    .replace(DATE_TOKENS, ' ')
    .split(/\s+/)
    .filter((word) => /\p{L}{2,}/u.test(word));
  return rest.length <= NAMED_STAMP_WORDS && rest.every((word) => /^\p{Lu}/u.test(word));
}

/** "Update:", "UPDATE 3 –": a live page's label before an update's day and time ("Update: 18 March, 08:05 GMT"). */
const UPDATE_LABEL = /^\s*update(?:\s+\d{1,2})?\s*[:–—-]/i;

/**
 * A stamp's own words: its label, an age and a clock's marks. "April 23, 2026 4:05 PM UTC Updated 2
 * hours ago", as an agency's page sets its stamp, is a day, a time and these, and nothing else.
 */
const STAMP_LABEL_OR_AGE = new RegExp(`${STAMP_LABEL}|${AGE}`, 'giu');
const CLOCK_MARKS = /\b(?:AM|PM|am|pm|UTC|GMT|[A-Z]{1,4}T)\b/g;
const withoutStampWords = (text: string) =>
  text.replace(UPDATE_LABEL, ' ').replace(STAMP_LABEL_OR_AGE, ' ').replace(CLOCK_MARKS, ' ');

/** How many words a text says: numbers, initials and punctuation left out. */
export const wordCount = (text: string) => text.split(/\s+/).filter((word) => /\p{L}{2,}/u.test(word)).length;

/**
 * "Launch Date: July 9, 1998", "Founded: 2004": a fact box's field, a label naming a date whose value
 * is only that date. A key-dates box's "Runoff: 24 November" names an event and stays.
 */
const FIELD = /^(\p{L}[\p{L} ]{0,30}):\s*(.+)$/u;
const DATE_LABEL =
  /\b(?:date|datum|fecha|data|founded|established|published|posted|updated?|modified|created)\b/i;

/** A "Label: value" line, and whether its label names a date. */
function fieldOf(text: string): { namesDate: boolean; value: string } | undefined {
  const [, label, value] = FIELD.exec(text) ?? [];
  return label === undefined || value === undefined
    ? undefined
    : { namesDate: DATE_LABEL.test(label), value };
}

/** "Runoff: 24 November": an event named, then its day, as key-dates boxes list them. */
function isKeyDate(text: string): boolean {
  const field = fieldOf(text);
  return !!field && !field.namesDate;
}

function isDateField(text: string): boolean {
  const field = fieldOf(text);
  return !!field?.namesDate && !/\p{L}{2,}/u.test(field.value.replace(DATE_TOKENS, ' '));
}

export function isBoilerplate(block: TextBlock): boolean {
  const words = block.text.split(/\s+/).length;
  if (block.linkShare > 0.7) return true;
  if (SITE_VOICE.test(block.text) || SITE_VOICE_ELSEWHERE.test(block.text)) return true;
  if (CORRECTION_NOTICE.test(block.text)) return true;
  if (isFurniture(block.text) || isStamp(block.text) || isDateField(block.text)) return true;
  if (BYLINE.test(block.text) && words <= 14) return true;
  if (STANDALONE_APPEAL.test(block.text) || isReaderPrompt(block.text) || isCaption(block)) return true;
  return APPEAL.test(block.text) && SECOND_PERSON.test(block.text);
}

/**
 * "KYIV, Oct 13 (Reuters) - ", "MOSCOW (World Desk) — ": the wire dateline, whose date is the
 * article's own; Italian agencies put themselves first ("(ANSA) - ROMA, 13 MAR - ") and Spanish ones
 * close with ".-" ("MADRID, 12 mar (EFE).- "). Pages often set it as a paragraph of its own, above the
 * lead. The place in capitals: a sentence opening on a name and a dash is no dateline. Group 1 is the
 * date, when written.
 */
const WIRE_DATELINE =
  /^\s*(?:\(\p{Lu}{2,10}\)\s*[-–—]\s*)?\p{Lu}[\p{Lu}\p{M}.'’ -]{2,40}(?:,\s*([^()\n–—]{1,40}?))?(?:\s*\([^)\n]{1,40}\))?\s*\.?\s*(?:[-–—]{1,2}|:)(?:\s+(?=\S)|\s*$)/u;
/**
 * "Kessel, Mar 13 (PTI) Three engineers…": Indian agencies write the place as a name, then the date
 * and the agency in capitals, with no dash before the story.
 */
const AGENCY_DATELINE =
  /^\s*\p{Lu}[\p{L}\p{M}.'’ -]{1,30},\s*([^()\n]{3,20}?)\s*\(\p{Lu}{2,6}\)\s+(?=\p{Lu})/u;

/**
 * "Berlin (dpa) - ", "Wien (APA/dpa) – ", "Genf (sda) - ": German-language agencies write the place as
 * a name and the agency in lower case; a site reprinting wire copy may set the place as a name too,
 * with the day ("Kessel, Oct 9 (Reuters) - "). A closed list of agencies: a name and a bracket
 * before a dash is otherwise as often a person and a party ("Varga (SPD) – …"). Group 1 is the date.
 */
const NAMED_PLACE_DATELINE =
  /^\s*\p{Lu}[\p{L}\p{M}.'’ -]{1,30}(?:,\s*([^()\n–—,]{3,20}?))?\s*\((?:(?:dpa|AFP|Reuters|AP|KNA|epd|dts|APA|sda|SDA|sid|EFE|ANSA|PTI|IANS|UPI|Xinhua)(?:\/[\p{L}-]+)*)\)\s*[-–—]\s+/u;

/** "Oct 14 (Reuters) - ": a wire story filed from no one place writes only its day. Group 1 is the date. */
const DATE_ONLY_DATELINE = /^\s*(\p{Lu}\p{Ll}{2,8}\.?\s+\d{1,2})\s*\(\p{Lu}[\p{L}]{1,10}\)\s*[-–—]\s+/u;

/** A first block's dateline: how long it is, and the date it writes (its filing day), if any. */
function datelineOf(text: string): { length: number; written: string | undefined } | undefined {
  const capitals = WIRE_DATELINE.exec(text) ?? AGENCY_DATELINE.exec(text);
  const match =
    (capitals && /\p{Lu}{3}/u.test(capitals[0]) ? capitals : undefined) ??
    DATE_ONLY_DATELINE.exec(text) ??
    NAMED_PLACE_DATELINE.exec(text);
  return match ? { length: match[0].length, written: match[1] } : undefined;
}

/** A first block's dateline, once read: whether it stands alone, and the block without it. */
export function datelineParts(text: string) {
  const dateline = datelineOf(text);
  return {
    written: dateline?.written,
    // A paragraph of its own above the lead.
    alone: dateline !== undefined && dateline.length >= text.trimEnd().length,
    // The block without its dateline, which would otherwise date the lead to publication twice.
    rest: text.slice(dateline?.length ?? 0),
  };
}

/** "14:05", "2.15pm –", "16h40", "21:35 Uhr": a live blog's entry time, not part of what happened. */
// Zone names are capitals only: read case-blind, "Rettungskräfte" would lose "Rett" as a zone.
// US pages write "ET", "PT" for the zone whatever the season.
const ENTRY_TIME =
  /^\s*\d{1,2}(?:[:.]|\s?h\s?)\d{2}(?:\s*[aApP]\.?[mM]\.?|\s+Uhr\b)?(?:\s*(?:GMT|UTC|CET|EET|BST|[A-Z]{2,4}T|[ECMP]T)\b)?\s*(?:[-–—:|]\s*)?/;

/** The entry time a text opens with, when it is a real clock time ("25.10" is no time). */
function entryTimeOf(text: string): { text: string; hours: number; minutes: number } | undefined {
  const match = ENTRY_TIME.exec(text);
  if (!match) return undefined;
  const [hours, minutes] = (match[0].match(/\d+/g) ?? []).map(Number) as [number, number];
  return hours <= 23 && minutes <= 59 ? { text: match[0], hours, minutes } : undefined;
}

/**
 * Whether a paragraph opens with a live blog's entry time ("08.20 Rescuers pulled…", "14:05 GMT –
 * The minister…"): a real clock time, then the entry's first word.
 */
export function isEntryStamped(text: string): boolean {
  const time = entryTimeOf(text);
  return time !== undefined && /^["“„«]?\p{Lu}/u.test(text.slice(time.text.length));
}

/**
 * A line that is only an entry's time ("11:55", "07.45 GMT", "2.15pm"): a live blog's header for the
 * entry below it, the entry's first paragraph.
 */
export function isEntryTimeLine(text: string): boolean {
  return entryTimeOf(text)?.text.trim().length === text.trim().length;
}

/** "Updated 9:05 a.m. EDT", "Posted at 14.20", "1h ago 15.40 BST": an update word or an age, then only a time. */
const UPDATE_WORD = new RegExp(String.raw`^\s*(?:(?:updated|posted|published)(?:\s+at)?|${AGE})\s+`, 'iu');

/**
 * A line that is an update word and an entry's time, no day: inside a story, a live blog's header
 * for the entry below it (above the story it is the page's own stamp).
 */
export function isUpdateTimeLine(text: string): boolean {
  const word = UPDATE_WORD.exec(text);
  return word !== null && isEntryTimeLine(text.slice(word[0].length));
}

/** The minute of the day an entry's time line or stamp gives ("Updated 11:20 p.m. ET" is 1,400), if any. */
export function entryMinuteOfDay(text: string): number | undefined {
  const time = entryTimeOf(text.slice(UPDATE_WORD.exec(text)?.[0].length ?? 0));
  if (time === undefined) return undefined;
  const half = /([aApP])\.?[mM]/.exec(time.text)?.[1];
  return hourOfDay(time.hours, half) * 60 + time.minutes;
}

export function withoutEntryTime(text: string): string {
  const match = ENTRY_TIME.exec(text);
  return match && match[0].length < text.length ? text.slice(match[0].length) : text;
}
