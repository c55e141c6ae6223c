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
