// Wire credits ("Reporting by Oliver Holmes; Editing by John Stonestreet", "(Writing by David Cutler)",
// "Additional reporting by Tom Miles in Geneva"): nearly every word in them is capitalised, so the scan would read
// them as headlines, where a capital proves nothing and only names the prose also gives count. The journalists named
// there are in no article's prose, yet a reader sees them and follows them from article to article: a credit is read
// as prose, where "by" before capitalised words names people.

/** A credit's opening words: the work credited, then "by". */
const CREDIT_OPENING =
  /^\(?\s*(?:additional |further )?(?:reporting|writing|editing|written|reported|edited|compiled|research)(?: and (?:writing|editing|reporting))? by\s/i;

/** Whether the sentence text[from, to) opens as a wire credit. */
export function isCreditSentence(text: string, from: number, to: number): boolean {
  let i = from;
  while (i < to && text.charCodeAt(i) <= 32) i++;
  const c = text.charCodeAt(i) | 32;
  // Only a sentence starting with one of the opening words' first letters is worth a regular expression.
  if (c !== 114 && c !== 119 && c !== 101 && c !== 97 && c !== 102 && c !== 99 && c !== 40) return false;
  return CREDIT_OPENING.test(text.slice(i, Math.min(to, i + 48)));
}
