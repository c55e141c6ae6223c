// One person under fuller and shorter full names: a middle name or a generational suffix more ("Mark Jay Heller" =
// "Mark Heller", "Anthony LaCalamita III" = "Anthony LaCalamita"), a nickname for a titled longer name ("Jerry
// Ortiz" = "Deputy Luis Gerardo (Jerry) Ortiz"), or a given name cut short or spelled without its silent h ("Fred
// LaRue" = "Frederick LaRue", "Jon Owen" = "John Owen").
// Never across different given names ("John" ≠ "Katie Jenkin"), never "Jr." with "Sr.", and a cut-short given
// name only for names never used side by side in one article.
import { GROUP_HEADS, PLACE_HEADS } from '../../lexicon';
import { lightWord } from '../../normalize';
import { kindOf } from '../../votes';
import { GENERATIONAL, type Form } from '../forms';
import type { ResolutionRule } from '../rule';
import type { ResolutionState } from '../state';

const KEY_ARTICLES_SET = new Set(['al', 'el']);

/** A given name without an h that is not sounded (after a vowel, before a consonant or the end): "John" → "jon". */
function silentH(given: string): string {
  return given.replace(/(?<=[aeiou])h(?![aeiou])/g, '');
}

/** Whether the words of `short` occur in `long` in order. */
function isSubsequence(short: string[], long: string[]): boolean {
  let i = 0;
  for (const w of long) if (i < short.length && short[i] === w) i++;
  return i === short.length;
}

export const fullNameVariants: ResolutionRule = {
  name: "one person's fuller and shorter full names",
  *run(s: ResolutionState) {
    const { uf } = s;
    const entryOf = new Map<Form, { f: Form; ws: string[]; suffix: string }>();
    const byEnds = yield* s.blocks(s.forms.list, (f) => {
      if (f.acr || f.words < 2) return undefined;
      const k = kindOf(f.votes);
      if (k.decisive && k.kind !== 'person') return undefined;
      let ws = f.key.split(' ').filter((w) => !KEY_ARTICLES_SET.has(w));
      let suffix = '';
      if (ws.length > 2 && GENERATIONAL.has(ws[ws.length - 1]!)) {
        suffix = ws[ws.length - 1]!;
        ws = ws.slice(0, -1);
      }
      if (ws.length < 2 || ws.some((w) => GROUP_HEADS.has(w) || PLACE_HEADS.has(w))) return undefined;
      const last = lightWord(ws[ws.length - 1]!);
      if (last.length < 3) return undefined;
      entryOf.set(f, { f, ws: ws.map(lightWord), suffix });
      return last;
    });
    for (const forms of byEnds) {
      const b = forms.map((f) => entryOf.get(f)!);
      if (s.spent(b.length * b.length)) yield;
      for (let i = 0; i < b.length; i++) {
        for (let j = i + 1; j < b.length; j++) {
          const x = b[i]!;
          const y = b[j]!;
          if (x.suffix && y.suffix && x.suffix !== y.suffix) continue;
          const [short, long] = x.ws.length <= y.ws.length ? [x, y] : [y, x];
          const a = short.ws[0]!;
          const c = long.ws[0]!;
          let same = false;
          if (a === c) {
            // Same given and family name: the longer has middle names the shorter leaves out.
            // A word twice is two names glued ("Bashar Assad Hafez Assad"), not a middle name.
            same = new Set(long.ws).size === long.ws.length && long.ws.length <= 4 && isSubsequence(short.ws, long.ws);
          } else if (
            short.ws.length === 2 &&
            long.ws.length <= 4 &&
            new Set(long.ws).size === long.ws.length &&
            long.ws.length >= 3 &&
            long.ws[long.ws.length - 2] === a &&
            long.f.strongPerson > 0
          ) {
            // The shorter name's given name is the nickname of a longer one that a title makes a person's ("Jerry
            // Ortiz" and "Deputy Luis Gerardo (Jerry) Ortiz"); "Angels GM Tony Reagins" is two names glued.
            same = true;
          } else if (
            short.ws.length === 2 &&
            long.ws.length === 2 &&
            a.length >= 3 &&
            c.length >= 3 &&
            (c.startsWith(a) || a.startsWith(c) || silentH(a) === silentH(c))
          ) {
            const arts = new Set(x.f.arts);
            same = !y.f.arts.some((art) => arts.has(art));
          }
          if (same) uf.union(x.f.id, y.f.id);
        }
      }
    }
  },
};
