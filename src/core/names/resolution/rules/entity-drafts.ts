// One entity per group of mentions: its kind (the glossary's, else the votes'), display name, also-written
// spellings and definition. A group of single ordinary words that only ever open sentences ("Refugees",
// "Videos") is no entity: its keys are read as ordinary words.
import type { GlossaryEntry } from '../../../glossary';
import type { Entity, EntityKind } from '../../model';
import { emptyVotes, entityKind } from '../../votes';
import { pickDefinition } from '../definition';
import { pickName } from '../display-name';
import { ACR, addVoteBits, inArticleOrder, SI } from '../records';
import type { ResolutionRule } from '../rule';
import { compareText, STEP, type ResolutionState } from '../state';

export const entityDrafts: ResolutionRule = {
  name: 'entities with kind, name and definition',
  *run(s: ResolutionState) {
    const { uf, arts, recs, drafts } = s;
    const { byK } = s.forms;
    const { groupRoots, groupStart, order } = s.groups!;
    const clusters = s.clusters.forms;
    const clusterVotes = s.clusters.votes;
    // Expansions stated for an acronym, by the root of the expansion (they name the entity).
    const expansionsOf = new Map<number, string[]>();
    for (const d of s.stated.acronymDefs) {
      const re = uf.find(d.exp);
      const e = expansionsOf.get(re);
      if (e) e.push(d.expSurface);
      else expansionsOf.set(re, [d.expSurface]);
    }
    const glossaryByRoot = new Map<number, GlossaryEntry>();
    for (const g of s.stated.glossaryRoots) if (!glossaryByRoot.has(uf.find(g.id))) glossaryByRoot.set(uf.find(g.id), g.entry);
    const draft = (g: number): void => {
      const root = groupRoots[g];
      let rs = order.subarray(groupStart[g], groupStart[g + 1]);
      const glos = glossaryByRoot.get(root);
      if (!glos && rs.length > 0) {
        // Ordinary words that only ever open sentences ("Refugees", "Videos") are not names.
        let ordinary = true;
        for (const i of rs) {
          if ((recs.flags[i] & (SI | ACR)) !== SI || byK[recs.k[i]]!.words !== 1) {
            ordinary = false;
            break;
          }
        }
        if (ordinary) {
          for (const i of rs) s.dropped.add(s.keyStr[recs.k[i]]);
          return;
        }
      }
      if (!inArticleOrder(recs, rs)) rs = rs.slice().sort((a, b) => recs.art[a] - recs.art[b] || recs.start[a] - recs.start[b]);
      const votes = emptyVotes();
      const surfaceCount = new Map<string, number>();
      let anyAcr = false;
      for (const i of rs) {
        addVoteBits(votes, recs.flags[i]);
        const sf = recs.surface[i];
        // An outlet's name is an organisation (see namedAsOutlet).
        if (s.namedAsOutlet(sf, recs.flags[i])) votes.group += 3;
        surfaceCount.set(sf, (surfaceCount.get(sf) ?? 0) + 1);
        if (recs.flags[i] & ACR) anyAcr = true;
      }
      const cv = clusterVotes.get(root);
      if (cv && rs.length === 0) Object.assign(votes, cv);
      const kind: EntityKind = glos?.kind ?? entityKind(votes, anyAcr);
      let name = glos?.name;
      if (name === undefined) {
        const exps = expansionsOf.get(root) ?? [];
        let counts = surfaceCount;
        if (anyAcr || exps.length) {
          counts = new Map();
          for (const i of rs) if (!(recs.flags[i] & ACR)) counts.set(recs.surface[i], (counts.get(recs.surface[i]) ?? 0) + 1);
          for (const e of exps) counts.set(e, (counts.get(e) ?? 0) + 1);
        }
        const fs = clusters.get(root) ?? [];
        name = pickName(counts, kind === 'person', kind === 'group', () => {
          // Only acronyms: the first; else the cluster's key.
          const acr = rs.find((i) => (recs.flags[i] & ACR) !== 0);
          if (acr !== undefined) return recs.surface[acr];
          return fs[0]?.key ?? (rs.length ? recs.surface[rs[0]] : '');
        });
      }
      for (const a of glos?.aliases ?? []) if (!surfaceCount.has(a)) surfaceCount.set(a, 0);
      // A spelling in capitals (a dateline's "MOSCOW") is how a line was set, not another way of writing the name:
      // it is not shown as "also written" where the same letters are written otherwise more often (the name, or a
      // commoner spelling). An acronym written mostly in capitals ("AFP" beside a rare "Afp") stays.
      const usual = new Map<string, number>();
      for (const [sf, n] of [...surfaceCount, [name, Infinity] as const])
        if (sf !== sf.toUpperCase()) usual.set(sf.toLowerCase(), Math.max(usual.get(sf.toLowerCase()) ?? 0, n));
      const setInCapitals = (sf: string, n: number) => sf === sf.toUpperCase() && (usual.get(sf.toLowerCase()) ?? 0) > n;
      const aliases = [...surfaceCount.entries()]
        .filter(([sf, n]) => sf !== name && !setInCapitals(sf, n))
        .sort((a, b) => b[1] - a[1] || compareText(a[0], b[0]))
        .map(([sf]) => sf);
      const definition = glos?.definition
        ? {
            text: glos.definition,
            origin: 'glossary' as const,
            file: glos.source.file,
            start: glos.source.start,
            end: glos.source.end,
            outlet: null,
            date: null,
          }
        : pickDefinition(recs, rs, arts, s.defs, kind === 'person');
      const entity: Entity = { id: '', name, kind, aliases, definition, related: [], mentions: [] };
      if (glos) entity.glossary = { ...glos.source };
      drafts.push({ root, entity, n: rs.length });
    };
    yield* s.slices(groupRoots.length, (from) => {
      let g = from;
      for (let budget = STEP; g < groupRoots.length && budget > 0; g++) {
        draft(g);
        budget -= 2 * (groupStart[g + 1] - groupStart[g]) + 8;
      }
      return g;
    });
  },
};
