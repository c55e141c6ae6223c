// The shapes of a dateline in capitals ("BEIRUT (Reuters) —", "… said. MOSCOW (Sputnik) According to"): the
// datelines rule reads a place there, and the scan tells a long word in capitals alone there from an acronym.

/** Words in capitals at the very start of a paragraph, closed by a comma, a bracket, a dash or a colon. */
export const DATELINE = /^[\p{Lu}][\p{Lu}'’.-]*\p{Lu}(?: [\p{Lu}][\p{Lu}'’.-]*\p{Lu})*(?=\s*[,([:\-–—])/u;

/**
 * One to three words in capitals (the first of three letters or more, so no "US" or "UN") opening a paragraph or
 * inside one after a sentence's end, a closing bracket or a date's digits, and before an agency's credit in brackets, a comma or dash,
 * or the capitalised first word of the story's sentence ("A" included): the shapes a dateline keeps when a page is flattened.
 */
export const RUN_IN_DATELINE =
  /(?<=^|(?:[.!?]["”’]?|\)|\d)[ \t]+)\p{Lu}{3}[\p{Lu}'’.-]*(?: \p{Lu}[\p{Lu}'’.-]*\p{Lu}){0,2}(?=[ \t]*\(\p{Lu}[\p{L} .]{0,30}\)|[ \t]*[,–—]|[ \t]+-[ \t]|[ \t]+(?:\p{Lu}\p{Ll}|A[ \t]))/uy;

/** An agency's credit in brackets right after a word in capitals: "MOSCOW (Sputnik)", wherever a page put it. */
const AGENCY_AFTER = /[ \t]*\(\p{Lu}[\p{L} .]{0,30}\)/uy;

/**
 * Whether the word in capitals from `start` to `end` of `text` sits where a dateline does (see the datelines rule),
 * or is followed by an agency's credit in brackets (a flattened page glues the dateline to a related headline:
 * "Offensive Takes Shape MOSCOW (Sputnik)").
 */
export function datelineShapedAt(text: string, start: number, end: number): boolean {
  const lineStart = start === 0 || text.charCodeAt(start - 1) === 10;
  if (lineStart && DATELINE.test(text.slice(start, start + 60))) return true;
  AGENCY_AFTER.lastIndex = end;
  if (AGENCY_AFTER.test(text)) return true;
  RUN_IN_DATELINE.lastIndex = start;
  return RUN_IN_DATELINE.test(text);
}
