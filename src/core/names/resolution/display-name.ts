// An entity's display name, from how often each spelling is used: the same choice for the full resolution's
// entities and for a new entity of the one-article update.
import { nameKey } from '../normalize';

/**
 * The display name: from counts of spellings (acronyms left out, expansions stated for them added); `fallback` when
 * no spelling is counted.
 */
export function pickName(counts: Map<string, number>, person: boolean, group: boolean, fallback: () => string): string {
  let best = '';
  let bestScore = -Infinity;
  let top = 0;
  for (const n of counts.values()) top = Math.max(top, n);
  let spelledKeys: Set<string> | undefined;
  const keys = (): Set<string> => (spelledKeys ??= new Set([...counts.keys()].map(nameKey)));
  for (const [s, n] of counts) {
    const words = s.split(/\s+/).length;
    // A person's full name first; an organisation's fullest well-formed name ("Islamic State", not "Daesh"; not a
    // rare glued run, nor one ending in an article); then the commonest spelling; a lower-case article ("al-Assad")
    // reads as house style.
    // Words of the key: "Al-Qaeda" and "Al Qaeda" are one word, "Islamic State" two.
    const full =
      words > 1 &&
      (person || (group && n >= Math.max(2, 0.05 * top) && nameKey(s).includes(' ') && !/(?:^|\s)(?:al|el|the|of|for|and)$/i.test(s)));
    // A word of five capitals or more ("BEIRUT" of a dateline, "KHAN SHEIKHUN" of a headline in capitals) is how the
    // page sets it, not how the name is written: any spelling with a lower-case letter is shown before it.
    const shouted = /\p{Lu}{5}/u.test(s) && !/\p{Ll}/u.test(s);
    // So is an Arabic article fused to the name ("Alwaer", "Altibni") where the name is also written without it.
    const fused = /^(?:Al|El)\p{Ll}{4,}(?:\s|$)/u.test(s) && keys().has(nameKey(s.slice(2)));
    const score =
      (full ? 1e6 : 0) - (shouted ? 5e5 : 0) - (fused ? 4e5 : 0) + n * 10 + (/\s\p{Ll}/u.test(s) ? 1 : 0) - (/^\p{Lu}+$/u.test(s) ? 5 : 0);
    if (score > bestScore || (score === bestScore && s < best)) {
      best = s;
      bestScore = score;
    }
  }
  return best || fallback();
}
