/** One table cell: already formatted for reading; raw numbers go in `data`. */
export type Cell = string | number;

/** One table row, keyed by column header; the first row's keys give the column order. */
export type Row = Record<string, Cell>;

export interface SectionResult {
  title: string;
  rows: Row[];
  notes: string[];
  /** Why the section measured nothing (e.g. no corpus); a skip is not a failure. */
  skipped?: string;
  /** Unformatted measurements for bench.json, so later runs can be compared by script. */
  data?: Record<string, unknown>;
}

/** A named benchmark that `npm run bench -- <name>` can run alone. */
export interface Section {
  name: string;
  run(): Promise<SectionResult>;
}
