// The mentions, created in article order (lookups by file and the persisted form walk them that way), each file's
// list shared between the entities and the per-file lookup.
import { byFileStart, sortByStart } from '../../file-mentions';
import type { Entity, FileMentions, Mention } from '../../model';
import type { ResolutionRule } from '../rule';
import { STEP, type ResolutionState } from '../state';

export const entityMentions: ResolutionRule = {
  name: 'mentions of each entity and file',
  *run(s: ResolutionState) {
    const { arts, recs, perFile } = s;
    const entityOf: (Entity | undefined)[] = new Array(s.forms.list.length);
    for (const d of s.drafts) entityOf[d.root] = d.entity;
    let cur: FileMentions | null = null;
    let curArt = -1;
    // Entities list their mentions by file, then start. Made in article order, they already are when the articles
    // come sorted by file and each article's mentions by start (as the corpus and the extraction give them).
    let sorted = true;
    for (let ai = 1; ai < arts.length && sorted; ai++) if (!(arts[ai - 1].file < arts[ai].file)) sorted = false;
    let lastStart = -1;
    yield* s.slices(recs.n, (from) => {
      const to = Math.min(recs.n, from + STEP);
      for (let i = from; i < to; i++) {
        const e = entityOf[recs.root[i]];
        if (!e) continue;
        const art = recs.art[i];
        const file = arts[art].file;
        if (art !== curArt) {
          curArt = art;
          lastStart = -1;
          cur = perFile.get(file) ?? null;
          if (!cur) perFile.set(file, (cur = { ms: [], ids: [] }));
        }
        if (recs.start[i] < lastStart) sorted = false;
        lastStart = recs.start[i];
        const m: Mention = { file, start: recs.start[i], end: recs.end[i], surface: recs.surface[i], passage: recs.passage[i] };
        e.mentions.push(m);
        cur!.ms.push(m);
        cur!.ids.push(e.id);
      }
      return to;
    });
    for (const f of perFile.values()) sortByStart(f);
    if (!sorted) {
      for (const d of s.drafts) {
        d.entity.mentions.sort(byFileStart);
        if (s.spent(d.n * 4)) yield;
      }
    }
  },
};
