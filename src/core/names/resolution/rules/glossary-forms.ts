// Every glossary name is a form even where no article uses it (the reader's entry is an entity of its own), and
// every form gets its place in the union-find the merge rules join.
import { newForm } from '../forms';
import type { ResolutionRule } from '../rule';
import type { ResolutionState } from '../state';

export const glossaryForms: ResolutionRule = {
  name: 'glossary names as forms',
  // eslint-disable-next-line require-yield -- a rule is a generator; this one is quick enough to run at once
  *run(s: ResolutionState) {
    for (const k of s.glossaryKeys) {
      const kk = s.intern(k);
      if (!s.forms.byK[kk]) {
        const f = newForm(k, kk, s.forms.list.length);
        s.forms.byK[kk] = f;
        s.forms.list.push(f);
      }
    }
    for (let i = 0; i < s.forms.list.length; i++) s.uf.add();
  },
};
