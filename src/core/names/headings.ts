// Names in headline and caption words that the article's own prose does not use: read as the longest names the
// rest of the corpus knows. Shared by the full resolution and the one-article update.
import { nameKey } from './normalize';

/**
 * The longest known names in a run of heading words, left to right; words that start no known name are passed
 * over. A trailing possessive or punctuation is not part of a word.
 */
export function headingParts(surface: string, known: (key: string) => number): { s: number; e: number; k: number }[] {
  const words: { s: number; e: number }[] = [];
  // A hyphen before a capital may join two names in a headline ("Red Sox-Teixeira Rumor"): the parts are words of
  // their own, and a name known whole ("Al-Assad", "Hewlett-Packard") is still found across them. An Arabic
  // article is no word of its own ("al-Freih": a name cut there would end in "al"), and a hyphen closing a word is
  // a dash that lost its space ("REUTERS- Nusra Front"), no part of the word.
  const re = /(?:(?<![\p{L}\p{N}])(?:[Aa][Ll]|[Ee][Ll])-)?[^\s-]+(?:-(?!\p{Lu})[^\s-]+)*/gu;
  let m: RegExpExecArray | null;
  while ((m = re.exec(surface))) {
    const w = m[0].replace(/(?:['’]s?)?[.,:;!?"”’)\]]*$/u, '');
    if (w) words.push({ s: m.index, e: m.index + w.length });
  }
  const out: { s: number; e: number; k: number }[] = [];
  for (let i = 0; i < words.length;) {
    let next = i + 1;
    for (let j = Math.min(words.length, i + 6); j > i; j--) {
      // A word opening with an Arabic article in lower case continues the name before it ("Manar al-Freih"; a
      // capital "Al-" may open the next name of a tag list): a known name cut there is another name's first part.
      if (j < words.length && /^(?:al|el)-/.test(surface.slice(words[j].s, words[j].e))) continue;
      const k = known(nameKey(surface.slice(words[i].s, words[j - 1].e)));
      if (k < 0) continue;
      out.push({ s: words[i].s, e: words[j - 1].e, k });
      next = j;
      break;
    }
    i = next;
  }
  return out;
}
