// A homonym: a mention taken out of its cluster into a form of its own, because the text shows it names another
// thing of the same spelling (a place beside an organisation's acronym or name). Both homonym rules move mentions
// this way, so the form, its union-find node, its cluster and the mention's votes are made in one place.
import { emptyVotes } from '../votes';
import { newForm, type Form } from './forms';
import { addVoteBits } from './records';
import type { ResolutionState } from './state';

/**
 * Moves mention `i` into the homonym form kept in `made` under `at`, making that form on first use (one per cluster,
 * or whatever `at` groups by). The mention's flags vote for the form and its cluster.
 */
export function moveToHomonym<K>(s: ResolutionState, made: Map<K, Form>, at: K, i: number): void {
  const { uf, recs, homonymOf } = s;
  const formList = s.forms.list;
  const { forms: clusters, votes: clusterVotes, count: clusterCount } = s.clusters;
  let f = made.get(at);
  if (!f) {
    f = newForm(s.keyStr[recs.k[i]], recs.k[i], formList.length);
    formList.push(f);
    uf.add();
    made.set(at, f);
    clusters.set(f.id, [f]);
    clusterVotes.set(f.id, emptyVotes());
    clusterCount.set(f.id, 0);
  }
  f.count++;
  if (f.arts[f.arts.length - 1] !== recs.art[i]) f.arts.push(recs.art[i]);
  addVoteBits(f.votes, recs.flags[i]);
  addVoteBits(clusterVotes.get(f.id)!, recs.flags[i]);
  clusterCount.set(f.id, f.count);
  homonymOf.set(i, f.id);
}
