// Kind votes shared by the full resolution and the incremental index update (the mentions' flags they count are
// packed as `resolution/records.ts` lays them out).
import type { Definition, EntityKind } from './model';

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

export const emptyVotes = (): Votes => ({ person: 0, group: 0, place: 0, notPerson: 0 });

/** How much a definition of each origin is trusted when several describe one entity. */
export const ORIGIN_RANK: Record<Definition['origin'], number> = { glossary: 5, appositive: 4, title: 3, role: 2, acronym: 1 };
