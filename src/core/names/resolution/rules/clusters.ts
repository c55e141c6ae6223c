// The clusters every key-level merge left, with their summed kind votes and mention counts: what the short-form and
// entity rules read.
import { emptyVotes, type Votes } from '../../votes';
import type { Form } from '../forms';
import type { ResolutionRule } from '../rule';
import type { ResolutionState } from '../state';

export const clusters: ResolutionRule = {
  name: 'clusters of merged forms',
  *run(s: ResolutionState) {
    const { uf } = s;
    const formList = s.forms.list;
    const forms = new Map<number, Form[]>();
    for (const f of formList) {
      const r = uf.find(f.id);
      const c = forms.get(r);
      if (c) c.push(f);
      else forms.set(r, [f]);
    }
    const votes = new Map<number, Votes>();
    const count = new Map<number, number>();
    for (const [r, fs] of forms) {
      const v = emptyVotes();
      let n = 0;
      for (const f of fs) {
        v.person += f.votes.person;
        v.group += f.votes.group;
        v.place += f.votes.place;
        v.notPerson += f.votes.notPerson;
        n += f.count;
      }
      votes.set(r, v);
      count.set(r, n);
    }
    if (s.spent(formList.length >> 1)) yield;
    const glossaryRoots = new Set(s.stated.glossaryRoots.map((g) => uf.find(g.id)));
    s.clusters = { forms, votes, count, glossaryRoots };
  },
};
