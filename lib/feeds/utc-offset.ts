/** RFC 822's named zones (RSS pubDate), in minutes east of UTC. */
const NAMED_ZONES: Record<string, number> = {
  UT: 0,
  UTC: 0,
  GMT: 0,
  Z: 0,
  EST: -300,
  EDT: -240,
  CST: -360,
  CDT: -300,
  MST: -420,
  MDT: -360,
  PST: -480,
  PDT: -420,
};
const NUMERIC = /(?:[+-]\d{2}:?\d{2})$/;
const MAX_OFFSET = 14 * 60;

/**
 * The UTC offset a feed's date was written in, in minutes east of UTC: "-0400", "+02:00", "EDT",
 * "Z". Undefined when the date names none. Parsing the date keeps only the instant; the offset says
 * which calendar day the newsroom was in, and so what its "yesterday" and "on Sunday" mean.
 */
export function utcOffsetOf(written: string | undefined): number | undefined {
  const text = written?.trim();
  if (!text || Number.isNaN(Date.parse(text))) return undefined;
  const numeric = NUMERIC.exec(text)?.[0];
  if (numeric) {
    const sign = numeric.startsWith('-') ? -1 : 1;
    const digits = numeric.replace(/[^\d]/g, '');
    const minutes = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4)));
    return Math.abs(minutes) <= MAX_OFFSET ? minutes : undefined;
  }
  const zone = /([A-Z]{1,3})$/.exec(text)?.[1];
  return zone === undefined ? undefined : NAMED_ZONES[zone];
}
