// Wire credits ("Reporting by Oliver Holmes; Editing by John Stonestreet", "(Writing by David Cutler)",
// "Additional reporting by Tom Miles in Geneva"): nearly every word in them is capitalised, so the scan would read
// them as headlines, where a capital proves nothing and only names the prose also gives count. The journalists named
// there are in no article's prose, yet a reader sees them and follows them from article to article: a credit is read
// as prose, where "by" before capitalised words names people.

/**
 * The work a credit names, then "by": one group per role of CREDIT_ROLES, in order. The one description of a credit's
 * opening, for telling a credit line from a headline (here) and for the role of each journalist (rules/creditRoles.ts).
 */
const CREDIT_WORK =
  '(?:additional |further )?(?:(reporting|reported)|(writing|written)|(editing|edited)|(compiled)|(research))(?: and (?:writing|editing|reporting))? by\\s';

/** The role of the one who did each work of CREDIT_WORK, by its group. */
export const CREDIT_ROLES = ['reporter', 'writer', 'editor', 'compiler', 'researcher'];

/** A credit's opening words at the start of a sentence, after an opening bracket if any. */
const CREDIT_OPENING = new RegExp(`^\\(?\\s*${CREDIT_WORK}`, 'i');

/**
 * A credit's work opening a sentence or a clause of the credit (after . ; ( or a line break): "the killings were
 * reported by a priest" is prose, no credit. Global: the last match before a name is the name's.
 */
export const CREDIT_CLAUSE = new RegExp(`(?:^|[.;()\\n]\\s*)${CREDIT_WORK}`, 'gi');

/** Whether the sentence text[from, to) opens as a wire credit. */
export function isCreditSentence(text: string, from: number, to: number): boolean {
  let i = from;
  while (i < to && text.charCodeAt(i) <= 32) i++;
  const c = text.charCodeAt(i) | 32;
  // Only a sentence starting with one of the opening words' first letters is worth a regular expression.
  if (c !== 114 && c !== 119 && c !== 101 && c !== 97 && c !== 102 && c !== 99 && c !== 40) return false;
  return CREDIT_OPENING.test(text.slice(i, Math.min(to, i + 48)));
}

/** A credit's work and "by" just before a name: "Editing by ", "(Writing by ". */
const CREDIT_BEFORE = new RegExp(`${CREDIT_WORK}$`, 'i');

/** What may follow the last name of a credit's list: "and" and the last name, a separator, or the line's end. */
const LIST_END = /^[ \t]*(?:and\s|[;).]|$)/;

/**
 * The names of a credit's list that lost its commas ("Editing by Gareth Jones Stephen Powell Lynne ODonnell and
 * Giles Elgood", "Writing by Peter Graff Dominic Evans and …"): a run of four, six or eight capitalised words
 * right after the credit's "by" and closed as a list closes, read as names of two words each (a journalist's given
 * name and surname). Null for anything else: an odd count is ambiguous ("Khaled Yacoub Oweis"), and a run that
 * goes on into lower case ("Khaled Yacoub Oweis Amman newsroom") is no list.
 */
export function creditListNames<T extends { start: number; end: number; text: string }>(text: string, toks: readonly T[]): T[][] | null {
  const n = toks.length;
  if (n < 4 || n > 8 || n % 2 !== 0) return null;
  for (let k = 0; k < n; k++) {
    const t = toks[k]!;
    // A capitalised word, not in capitals ("McDowall", "ODonnell" are names; "AFP" is none).
    if (!/^\p{Lu}[\p{L}'’]*\p{Ll}[\p{L}'’]*$/u.test(t.text)) return null;
    if (k > 0 && t.start - toks[k - 1]!.end !== 1) return null;
  }
  if (!CREDIT_BEFORE.test(text.slice(Math.max(0, toks[0]!.start - 48), toks[0]!.start))) return null;
  if (!LIST_END.test(text.slice(toks[n - 1]!.end, toks[n - 1]!.end + 6))) return null;
  const names: T[][] = [];
  for (let k = 0; k < n; k += 2) names.push([toks[k]!, toks[k + 1]!]);
  return names;
}
