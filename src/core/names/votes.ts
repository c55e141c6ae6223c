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
  // The highest of the three scores (a tie goes to the earlier of person, group, place) and the highest of the other
  // two; asked for every form by several rules, so without sorting an array each time.
  let kind: EntityKind = 'person';
  let best = person;
  let second: number;
  if (v.group > best) {
    kind = 'group';
    second = best;
    best = v.group;
  } else second = v.group;
  if (v.place > best) {
    kind = 'place';
    second = best;
    best = v.place;
  } else second = Math.max(second, v.place);
  if (best < 1) return { kind: 'other', decisive: false };
  return { kind, decisive: best >= 2 && best >= 2 * Math.max(second, 0.5) };
}

/** An entity's kind from its mentions' votes: by the votes, and a group when only its acronyms say anything. */
export function entityKind(v: Votes, anyAcronym: boolean): EntityKind {
  const kind = kindOf(v).kind;
  return kind === 'other' && anyAcronym ? 'group' : kind;
}

export const emptyVotes = (): Votes => ({ person: 0, group: 0, place: 0, notPerson: 0 });

/** How much a definition of each origin is trusted when several describe one entity. */
export const ORIGIN_RANK: Record<Definition['origin'], number> = { glossary: 5, appositive: 4, title: 3, role: 2, acronym: 1 };
