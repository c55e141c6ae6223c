// Two neighbouring letters swapped in a long name ("Klistchko" for "Klitschko"): a typing slip, one spelling. Long
// words only (eight letters or more, so that short names that are anagrams stay apart), never the first letter, and
// the merge still needs the confidence of any spelling variant (a lone word: two names its articles share).
import type { Form } from '../forms';
import type { ResolutionRule } from '../rule';
import type { ResolutionState } from '../state';
import { MERGE_THRESHOLD, variantConfidence, variantForms } from '../variants';

export const swappedLetters: ResolutionRule = {
  name: 'two neighbouring letters swapped',
  *run(s: ResolutionState) {
    const { uf } = s;
    const forms = yield* variantForms(s);
    // The same letters in another order, with the same first letter and word lengths: the only pairs worth a look.
    const anagrams = yield* s.blocks(forms, (f) =>
      f.key.split(' ').some((w) => w.length >= 8)
        ? `${f.key
            .split(' ')
            .map((w) => w.length)
            .join(',')}:${[...f.key].sort().join('')}`
        : undefined,
    );
    yield* s.unionPairs(
      anagrams,
      (a, b) =>
        uf.find(a.id) !== uf.find(b.id) && oneSwap(a, b) && variantConfidence(s, a, b, { exact: false, near: true }) >= MERGE_THRESHOLD,
    );
  },
};

/** Whether the keys differ only by two neighbouring letters swapped inside one word of eight letters or more. */
function oneSwap(a: Form, b: Form): boolean {
  const x = a.key;
  const y = b.key;
  let i = 0;
  while (i < x.length && x[i] === y[i]) i++;
  if (i >= x.length - 1 || x[i] !== y[i + 1] || x[i + 1] !== y[i] || x.slice(i + 2) !== y.slice(i + 2)) return false;
  if (x[i] === ' ' || x[i + 1] === ' ') return false;
  const start = x.lastIndexOf(' ', i) + 1;
  const end = x.indexOf(' ', i);
  return i > start && (end < 0 ? x.length : end) - start >= 8;
}
