// A given name that is also a word of a group's or place's name ("Manar" of Al-Manar TV, "Manar al-Frieh"): a bare
// mention of it in an article that names that person in full is the person, never corpus-wide. Only where the bare
// word is a short form of a longer name: a word that is a full name by itself ("Israel" beside "Israel Katz") keeps
// its own meaning.
import { ARTICLE_OPENS, ORGANISATION_SUFFIXES } from '../../lexicon';
import { lightWord } from '../../normalize';
import { kindOf } from '../../votes';
import type { ResolutionRule } from '../rule';
import type { ResolutionState } from '../state';

export const givenHomographs: ResolutionRule = {
  name: 'given names that are words of other names',
  *run(s: ResolutionState) {
    const { forms: clusters, votes: clusterVotes, glossaryRoots } = s.clusters;
    const { fullByFirst } = s.targets;
    const maybe = new Map<number, Set<number>>();
    for (const [r, fs] of clusters) {
      if (s.spent(fs.length)) yield;
      if (s.targets.given.has(r) || s.targets.short.has(r) || glossaryRoots.has(r) || kindOf(clusterVotes.get(r)!).kind === 'person')
        continue;
      if (fs.some((f) => f.acr)) continue;
      const bare = fs.filter((f) => f.words === 1);
      // "Microsoft Corp" makes no short form of "Microsoft": the closing word only says what Microsoft is.
      const longer = fs.some(
        (f) => f.words > 1 && !bare.some((b) => f.key.startsWith(b.key + ' ') && ORGANISATION_SUFFIXES.has(f.key.slice(b.key.length + 1))),
      );
      const cands = new Set<number>();
      for (const f of bare) for (const c of fullByFirst.get(lightWord(f.key)) ?? []) if (c !== r) cands.add(c);
      if (!cands.size) continue;
      if (longer) s.targets.givenHomographs.set(r, [...cands]);
      else if (bare.length && fs.some((f) => f.words > 1)) maybe.set(r, cands);
    }
    if (!maybe.size) return;
    // A name whose only longer form is itself with a closing word ("Al-Manar" and "Al-Manar TV") is still a longer
    // name's short form when mostly written with its article: the bare "Manar" is then a short form too.
    const bareKeys = new Map<number, number>();
    for (const r of maybe.keys()) for (const f of clusters.get(r)!) if (f.words === 1) bareKeys.set(f.k, r);
    const written = new Map<number, [number, number]>();
    const { recs } = s;
    for (let i = 0; i < recs.n; i++) {
      const r = bareKeys.get(recs.k[i]);
      if (r === undefined) continue;
      let t = written.get(r);
      if (!t) written.set(r, (t = [0, 0]));
      t[0]++;
      if (ARTICLE_OPENS.test(recs.surface[i])) t[1]++;
    }
    if (s.spent(recs.n >> 3)) yield;
    for (const [r, cands] of maybe) {
      const t = written.get(r);
      if (t && 2 * t[1] >= t[0]) s.targets.givenHomographs.set(r, [...cands]);
    }
  },
};
