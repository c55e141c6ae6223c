// One spelling, two things: "SANA" the news agency and "Sana neighborhood" in Homs. Spelling merges cannot tell
// them apart; the way a mention is written and a strong cue at it can.
import { kindOf, type Votes } from './votes';

/**
 * Whether a mention a head noun marks as a place ("Sana neighborhood"), written as a word, stands apart from a
 * cluster where its spelling is mostly an acronym written in capitals ("SANA"): an organisation's acronym is not a place. Only
 * a strong place cue counts, and only when the rest of the cluster is no place and no person. A name the texts
 * both write as a word and cue as a place otherwise ("Daesh town", a town held by the group) stays whole.
 */
export function placeBesideAcronym(weight: number, votes: Votes, spellingAcronymShare: number): boolean {
  if (spellingAcronymShare <= 0.5) return false;
  const rest: Votes = { ...votes, place: Math.max(0, votes.place - weight) };
  const k = kindOf(rest);
  return k.kind !== 'person' && k.kind !== 'place' && rest.place * 4 <= Math.max(rest.group, 1);
}
