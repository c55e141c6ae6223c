// Kind votes and mention flags shared by the full resolution and the incremental index update.
import type { KindCue, RawMention } from './extract';
import type { Definition, EntityKind } from './model';

/** What resolution reads of a raw mention, in one fixed shape (raw mentions come in many, from JSON and caches). */
export interface Flags {
  passage: number;
  cue: KindCue | null;
  strong: boolean;
  the: boolean;
  si: boolean;
  acr: boolean;
  ps: boolean;
}

export const flagsOf = (m: RawMention): Flags => ({
  passage: m.passage,
  cue: m.cue ?? null,
  strong: !!m.strong,
  the: !!m.the,
  si: !!m.si,
  acr: !!m.acr,
  ps: !!m.ps,
});

export interface Votes {
  person: number;
  group: number;
  place: number;
  notPerson: number;
}

export function kindOf(v: Votes): { kind: EntityKind; decisive: boolean } {
  const person = v.person - v.notPerson * 0.5;
  const scores: [EntityKind, number][] = [
    ['person', person],
    ['group', v.group],
    ['place', v.place],
  ];
  scores.sort((a, b) => b[1] - a[1]);
  const [best, second] = scores;
  if (best[1] < 1) return { kind: 'other', decisive: false };
  return { kind: best[0], decisive: best[1] >= 2 && best[1] >= 2 * Math.max(second[1], 0.5) };
}

/** An entity's kind from its mentions' votes: by the votes, and a group when only its acronyms say anything. */
export function entityKind(v: Votes, anyAcronym: boolean): EntityKind {
  const kind = kindOf(v).kind;
  return kind === 'other' && anyAcronym ? 'group' : kind;
}

export function addVotes(v: Votes, m: Flags): void {
  const w = m.strong ? 3 : 1;
  if (m.cue === 'person') v.person += w;
  else if (m.cue === 'group') v.group += w;
  else if (m.cue === 'place') v.place += w;
  if (m.the) v.notPerson += 1;
}

export const emptyVotes = (): Votes => ({ person: 0, group: 0, place: 0, notPerson: 0 });

/** How much a definition of each origin is trusted when several describe one entity. */
export const ORIGIN_RANK: Record<Definition['origin'], number> = { glossary: 5, appositive: 4, title: 3, role: 2, acronym: 1 };
