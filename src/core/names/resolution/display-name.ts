// An entity's display name, from how often each spelling is used.
import { nameKey } from '../normalize';
import type { Form } from './forms';
import { ACR, type Recs } from './records';

/** The display name: from counts of spellings (acronyms left out, expansions stated for them added). */
export function pickName(counts: Map<string, number>, recs: Recs, rs: Int32Array, fs: Form[], person: boolean, group = false): string {
  let best = '';
  let bestScore = -Infinity;
  let top = 0;
  for (const n of counts.values()) top = Math.max(top, n);
  for (const [s, n] of counts) {
    const words = s.split(/\s+/).length;
    // A person's full name first; an organisation's fullest well-formed name ("Islamic State", not "Daesh"; not a
    // rare glued run, nor one ending in an article); then the commonest spelling; a lower-case article ("al-Assad")
    // reads as house style.
    // Words of the key: "Al-Qaeda" and "Al Qaeda" are one word, "Islamic State" two.
    const full =
      words > 1 &&
      (person || (group && n >= Math.max(2, 0.05 * top) && nameKey(s).includes(' ') && !/(?:^|\s)(?:al|el|the|of|for|and)$/i.test(s)));
    const score = (full ? 1e6 : 0) + n * 10 + (/\s\p{Ll}/u.test(s) ? 1 : 0) - (/^\p{Lu}+$/u.test(s) ? 5 : 0);
    if (score > bestScore || (score === bestScore && s < best)) {
      best = s;
      bestScore = score;
    }
  }
  if (best) return best;
  const acr = rs.find((i) => (recs.flags[i] & ACR) !== 0);
  if (acr !== undefined) return recs.surface[acr];
  return fs[0]?.key ?? (rs.length ? recs.surface[rs[0]] : '');
}
