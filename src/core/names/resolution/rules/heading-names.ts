// Headline and caption words the article's own prose does not name ("Wladimir Klitschko stops Tony Thompson" above
// "Klitschko … Thompson") are read as the longest names the rest of the corpus uses at least twice. Mentions found
// this way count as sentence-initial: a headline's capitals prove nothing.
import { headingParts } from '../../headings';
import { PS, Recs, SI } from '../records';
import type { ResolutionRule } from '../rule';
import { STEP, type ResolutionState } from '../state';

export const headingNames: ResolutionRule = {
  name: 'heading words as the corpus names',
  *run(s: ResolutionState) {
    const { arts, recs } = s;
    const keyCount = new Int32Array(s.keyStr.length);
    for (let i = 0; i < recs.n; i++) keyCount[recs.k[i]]++;
    const known = (key: string): number => {
      const k = s.keyIds.get(key);
      return k === undefined || k >= keyCount.length || keyCount[k] < 2 ? -1 : k;
    };
    // Each article's records are contiguous: where they start.
    const firstRec = new Int32Array(arts.length + 1).fill(-1);
    for (let i = recs.n - 1; i >= 0; i--) firstRec[recs.art[i]] = i;
    const removed = new Uint8Array(recs.n);
    const added = new Recs(64);
    yield* s.slices(arts.length, (from) => {
      let ai = from;
      for (let budget = STEP; ai < arts.length && budget > 0; ai++) {
        const heads = arts[ai].names.heads;
        if (!heads) continue;
        let idx = arts[ai].names.mentions.length;
        const noApos = arts[ai].names.noApostrophes;
        for (const h of heads) {
          for (const p of headingParts(h.surface, known)) {
            const start = h.start + p.s;
            const end = h.start + p.e;
            // A mention the extraction already found here stands unless this name is longer and holds it.
            const over: number[] = [];
            let keep = true;
            for (let i = firstRec[ai]; i >= 0 && i < recs.n && recs.art[i] === ai; i++) {
              if (recs.end[i] <= start || recs.start[i] >= end || removed[i]) continue;
              if (recs.start[i] >= start && recs.end[i] <= end && recs.end[i] - recs.start[i] < end - start) over.push(i);
              else keep = false;
            }
            budget -= 4;
            if (!keep) continue;
            for (const i of over) removed[i] = 1;
            // In texts without apostrophes a final "s" may be a glued possessive, as in prose ("Syrias").
            const ps = noApos && h.surface.charCodeAt(p.e - 1) === 115 ? PS : 0;
            added.push(ai, idx++, start, end, s.shared(h.surface.slice(p.s, p.e)), p.k, h.passage, SI | ps);
          }
        }
      }
      return ai;
    });
    if (added.n === 0) return;
    // Keep the records grouped by article, as every later rule expects.
    const merged = new Recs(recs.n + added.n);
    let j = 0;
    for (let i = 0; i <= recs.n; i++) {
      const art = i < recs.n ? recs.art[i] : Infinity;
      while (j < added.n && added.art[j] < art) {
        merged.push(
          added.art[j],
          added.idx[j],
          added.start[j],
          added.end[j],
          added.surface[j],
          added.k[j],
          added.passage[j],
          added.flags[j],
        );
        j++;
      }
      if (i < recs.n && !removed[i])
        merged.push(recs.art[i], recs.idx[i], recs.start[i], recs.end[i], recs.surface[i], recs.k[i], recs.passage[i], recs.flags[i]);
    }
    s.recs = merged;
  },
};
