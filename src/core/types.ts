// Plain data shared by every part of the core. Nothing here knows about VS Code, Node or the browser.
//
// Positions: the core works in offsets (UTF-16 code units) into the *decoded* text of a file, i.e. after
// the byte-order mark is dropped, exactly as VS Code's TextDocument counts them. Lines and columns are
// derived on demand from a LineMap (see text.ts) so that no copy of the text is kept per passage.

/** A half-open range [start, end) of UTF-16 offsets into an article's decoded text. */
export interface OffsetRange {
  start: number;
  end: number;
}

export type DatePrecision = 'day' | 'month';

export interface ArticleDate {
  /** "YYYY-MM-DD" for day precision, "YYYY-MM" for month precision. */
  iso: string;
  precision: DatePrecision;
  /** Where in the text the date was read (null when it came from front matter). */
  source: OffsetRange | null;
}

export interface ArticleMeta {
  title: string | null;
  /** Outlet name; null when nothing in the text or front matter names it (shown as "Unknown outlet"). */
  outlet: string | null;
  author: string | null;
  date: ArticleDate | null;
  /** Dateline place when the text has one ("BEIRUT", "HAVANA TIMES"). */
  dateline: string | null;
  /** Where each field came from: "front matter", "first line", "byline", "footer", "signature", … */
  provenance: Partial<Record<'title' | 'outlet' | 'author' | 'date', string>>;
}

export type PassageKind = 'body' | 'boilerplate';

export interface Passage extends OffsetRange {
  /** Index of this passage within its article (stable for a given text). */
  index: number;
  kind: PassageKind;
  /** Why a passage is boilerplate ("newsletter footer", "reader comments", "photo credit", …). */
  reason?: string;
  /** Section heading the passage sits under, when the article has headings. */
  section?: string;
}

export interface Heading extends OffsetRange {
  text: string;
}

/** Everything the core reads from one file's text. Ranges point into `text`, which the caller keeps. */
export interface ParsedArticle {
  meta: ArticleMeta;
  /** Body start: the offset after front matter (0 when there is none). */
  bodyStart: number;
  headings: Heading[];
  passages: Passage[];
  /** Non-fatal problems worth telling the user (unclosed front matter, …). */
  warnings: string[];
}

/** Options that change how articles are read; all user-editable. */
export interface ReadOptions {
  /** Map of text signatures (case-insensitive substrings or /regex/) to outlet names. */
  outletSignatures?: Record<string, string>;
}
