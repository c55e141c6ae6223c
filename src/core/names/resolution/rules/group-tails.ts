// Groups and works are also named by the tail of their full name ("Red Sox" for Boston Red Sox, "Jaguars" for
// Jacksonville Jaguars, "Herald" for the Boston Herald), but with no surname's licence to travel: such a tail is
// a candidate for the full names ending in it, chosen in context (`shortFormsInContext`: the one its own article
// gives, or the only one of the corpus). A place is no group's tail, unless it is one only by weak cues and reads as
// a team ("the Colts"). What follows a connector is what the group is of or for, not the group: "Levant" is no
// short name of the Islamic State of Iraq and the Levant, nor "Human Rights" of the Syrian Observatory for Human
// Rights, nor "Chemical Weapons" of the organisation for their prohibition (see `tailsUpTo`).
import { CONNECTORS, COUNTRIES, DEMONYMS, GROUP_HEADS } from '../../lexicon';
import { lightKey, lightWord } from '../../normalize';
import { kindOf } from '../../votes';
import { indexTails, type Form } from '../forms';
import type { ResolutionRule } from '../rule';
import type { ResolutionState } from '../state';

export const groupTails: ResolutionRule = {
  name: "tails of groups' names",
  *run(s: ResolutionState) {
    const { forms: clusters, votes: clusterVotes, count: clusterCount, glossaryRoots } = s.clusters;
    const groupBySuffix = new Map<string, Set<number>>();
    for (const [r, fs] of clusters) {
      if (s.spent(fs.length)) yield;
      const kind = kindOf(clusterVotes.get(r)!).kind;
      if (kind === 'person' || !fs.some((f) => f.words > 1)) continue;
      for (const f of fs) {
        if (f.words < 2 || f.acr) continue;
        const words = f.key.split(' ');
        // What "New" opens is another place ("New York" is not York, "New Aleppo" not Aleppo): no tail starts there.
        indexTails(groupBySuffix, words.map(lightWord), r, tailsUpTo(words), words[0] === 'new' ? 2 : 1);
      }
    }
    // A name read as a place from weak cues ("at the Colts", "from Colts country") and mostly written after "the"
    // is a team's or band's short name as much as a place: towns go without "the". Strong place cues must be a
    // fair share of its uses to say otherwise (one "in Colts history" among 160 does not).
    const theTeam = (fs: Form[], r: number): boolean => {
      let strongPlace = 0;
      for (const f of fs) strongPlace += f.strongPlace;
      const n = clusterCount.get(r) ?? 0;
      return 4 * strongPlace < n && 2 * clusterVotes.get(r)!.notPerson >= n;
    };
    for (const [r, fs] of clusters) {
      if (s.spent(fs.length)) yield;
      if (fs.some((f) => f.acr) || glossaryRoots.has(r)) continue;
      if (kindOf(clusterVotes.get(r)!).kind === 'place' && !theTeam(fs, r)) continue;
      const tails = new Set<number>();
      for (const f of fs) {
        for (const t of groupBySuffix.get(lightKey(f.key)) ?? []) if (t !== r && !anotherBody(f.key, clusters.get(t)!)) tails.add(t);
      }
      if (tails.size) s.targets.group.set(r, [...tails]);
    }
  },
};

/**
 * Where a group name's tails stop: at its first connector, when what follows is what the group is of or for
 * ("Islamic State of Iraq and the Levant"); a complement that is itself an organisation ("Northern Division of the
 * San Diego Police Department") is named by its tails as before.
 */
function tailsUpTo(words: readonly string[]): number {
  const connector = words.findIndex((w, i) => i > 0 && CONNECTORS.has(w));
  return connector < 0 || GROUP_HEADS.has(words.at(-1)!) ? words.length : connector;
}

const national = (w: string): boolean => DEMONYMS.has(w) || COUNTRIES.has(w);

/**
 * A tail that opens with a nationality or country names that nation's own body ("Syrian Army", "Turkish Army"): a
 * full name that puts some other word before it is another body ("Free Syrian Army", the rebels the Syrian Army
 * fights), while one that only adds a nationality or country says which ("Syrian Arab Red Crescent").
 */
function anotherBody(tailKey: string, full: Form[]): boolean {
  const tail = tailKey.split(' ');
  if (!national(tail[0]!)) return false;
  const light = lightKey(tailKey);
  return !full.some((f) => {
    const ws = f.key.split(' ');
    const before = ws.length - tail.length - 1;
    return before >= 0 && lightKey(ws.slice(before + 1).join(' ')) === light && national(ws[before]!);
  });
}
