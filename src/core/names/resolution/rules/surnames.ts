// Short forms of persons' names: a surname alone ("Assad", "Golani", "Katz") or the tail of a full name ("Abdel
// Rahman") is a candidate for every person's full name ending in it; which one is chosen in context
// (`shortFormsInContext`). A surname a person has takes the place of a group's tail of the same spelling.
import { lightKey, lightWord } from '../../normalize';
import { kindOf } from '../../votes';
import { GENERATIONAL, indexTails, strongNonPerson } from '../forms';
import { personal, strongPerson } from '../persons';
import type { ResolutionRule } from '../rule';
import type { ResolutionState } from '../state';

export const surnames: ResolutionRule = {
  name: 'surnames and tails of persons’ names',
  *run(s: ResolutionState) {
    const { forms: clusters, votes: clusterVotes, count: clusterCount, glossaryRoots } = s.clusters;
    const fullBySuffix = new Map<string, Set<number>>();
    for (const [r, fs] of clusters) {
      if (s.spent(fs.length)) yield;
      if (!fs.some((f) => f.words > 1) || !personal(s, fs, r)) continue;
      for (const f of fs) {
        if (f.words < 2 || f.acr) continue;
        let ws = f.key.split(' ').map(lightWord);
        // "Arcade Joseph Comeaux Jr." ends in "Comeaux" for a reader.
        if (ws.length > 2 && GENERATIONAL.has(ws[ws.length - 1]!)) ws = ws.slice(0, -1);
        indexTails(fullBySuffix, ws, r);
      }
    }
    const exactTails = new Set<string>();
    for (const f of s.forms.list) if (f.words > 1 && !f.acr) exactTails.add(f.key.slice(f.key.lastIndexOf(' ') + 1));
    for (const [r, fs] of clusters) {
      if (s.spent(fs.length)) yield;
      if (fs.some((f) => f.acr) || glossaryRoots.has(r)) continue;
      // Only strong cues (head nouns, "province", "in …") keep a bare word from being someone's surname.
      if (strongNonPerson(fs)) continue;
      let cands: Set<number> | null = null;
      // Any of its spellings may be the one a full name ends in ("Klitschko", not its misspelling "Kiltschko").
      for (const f of fs) {
        const hit = fullBySuffix.get(lightKey(f.key));
        if (!hit) continue;
        const next = new Set<number>();
        for (const t of hit) if (t !== r) next.add(t);
        cands = cands ? new Set([...cands, ...next]) : next;
      }
      // A word that some full name ends in exactly as written is short for one of those: "Lions" of the Detroit
      // Lions is not short for Michelle Lyons, though the two spellings fold alike.
      if (cands && cands.size && fs.some((f) => exactTails.has(f.key))) {
        const ends = fs.map((f) => ' ' + f.key);
        for (const c of [...cands]) if (!(clusters.get(c) ?? []).some((g) => ends.some((e) => g.key.endsWith(e)))) cands.delete(c);
      }
      // A word used far more often alone than any full name ending in it, and not as a person, is its own thing
      // ("Iran" is not short for a glued "Mohammad Javad Zarif Iran").
      // A word that reads as a place or group by itself only joins a full name that a title or role makes a person.
      // One "in Jackman" among forty bare "Jackman"s does not make a place: the cue must be a fair share of its uses.
      const selfKind = kindOf(clusterVotes.get(r)!);
      const selfVotes = clusterVotes.get(r)!;
      const kindShare = (selfKind.kind === 'place' ? selfVotes.place : selfVotes.group) / Math.max(1, clusterCount.get(r) ?? 0);
      if (cands && selfKind.decisive && selfKind.kind !== 'person' && kindShare >= 0.25) {
        for (const c of [...cands]) if (strongPerson(clusters.get(c) ?? []) === 0) cands.delete(c);
      }
      if (cands && cands.size) {
        const own = clusterCount.get(r) ?? 0;
        const best = Math.max(...[...cands].map((c) => clusterCount.get(c) ?? 0));
        const k = kindOf(clusterVotes.get(r)!).kind;
        if (own > 10 * best && (k !== 'person' || strongPerson(fs) === 0)) continue;
        s.targets.short.set(r, [...cands]);
        s.targets.group.delete(r);
      }
    }
  },
};
