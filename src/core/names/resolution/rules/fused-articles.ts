// An Arabic article fused to the front of a name, with neither hyphen nor space ("Alommal", "Altibni", "Alsaliheen"
// in FA-KES's reports for al-Ummal, Tibni, al-Salihin): the name without it, where the corpus writes that too. Only
// places and groups: a person's name opening in "Al" is a name of its own ("Albright" is not "Bright"), and the
// merge still needs the confidence of any spelling variant (a lone word: two names its articles share).
import { keysCompatible, skeletonKey, wordsCompatible } from '../../normalize';
import { kindOf } from '../../votes';
import type { Form } from '../forms';
import type { ResolutionRule } from '../rule';
import type { ResolutionState } from '../state';
import { MERGE_THRESHOLD, variantConfidence, variantForms } from '../variants';

/**
 * Neither is a person's, and one of them is decisively a place's or a group's: a surname written with the article
 * ("Alhassan") must not become another person's "Hassan".
 */
function placeOrGroup(a: Form, b: Form): boolean {
  const ka = kindOf(a.votes);
  const kb = kindOf(b.votes);
  if (ka.kind === 'person' || kb.kind === 'person') return false;
  return (ka.decisive && ka.kind !== 'other') || (kb.decisive && kb.kind !== 'other');
}

/** A first word made of "al" or "el" and at least four more letters. */
const FUSED_START = /^(?:al|el)(\p{L}{4,})(?= |$)/u;

export const fusedArticles: ResolutionRule = {
  name: 'article fused to the first word',
  *run(s: ResolutionState) {
    const { uf } = s;
    const forms = yield* variantForms(s);
    const fused = forms.filter((f) => FUSED_START.test(f.key));
    if (!fused.length) return;
    const bySkeleton = new Map<string, Form[]>();
    for (const f of forms) {
      const sk = skeletonKey(f.key);
      const list = bySkeleton.get(sk);
      if (list) list.push(f);
      else bySkeleton.set(sk, [f]);
    }
    if (s.spent(forms.length)) yield;
    for (const f of fused) {
      const m = FUSED_START.exec(f.key)!;
      const rest = m[1] + f.key.slice(m[0].length);
      for (const g of bySkeleton.get(skeletonKey(rest)) ?? []) {
        if (g === f || uf.find(g.id) === uf.find(f.id) || !placeOrGroup(f, g)) continue;
        // After an article, a long name's opening vowel varies as inside a name ("al-Ummal" / "Alommal"); a short
        // one ("Waer") keeps the strict rule ("War" is another word).
        const c = f.words === 1 && g.words === 1 ? wordsCompatible(rest, g.key, true, rest.length >= 5) : keysCompatible(rest, g.key);
        // Never an exact match: the article is read off the spelling, not written.
        if (c.ok && variantConfidence(s, f, g, { exact: false, near: c.near }) >= MERGE_THRESHOLD) uf.union(f.id, g.id);
      }
      if (s.spent(4)) yield;
    }
  },
};
