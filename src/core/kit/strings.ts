// Strings that outlive the text they were cut from. V8 makes a substring of 13 characters or more a view ("sliced
// string") that keeps its whole parent alive: a name, a search term or a dateline kept after its article's record let
// the text go (record.ts) would keep the whole text in memory.

/** The shortest substring V8 makes a view of its parent. */
const SLICED = 13;

/** A flat copy of `s` that holds on to no other string; `s` itself when too short to be a view. */
export function ownCopy(s: string): string {
  return s.length >= SLICED ? (JSON.parse(JSON.stringify(s)) as string) : s;
}
