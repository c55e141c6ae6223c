// The forms: per key, its mentions counted with their articles and kind votes. Counted again after every rule that
// changes keys (possessives cut, glued runs split), so that the next rules read the keys as they now stand.
import { newForm, type Form, type Forms } from '../forms';
import { ACR, addVoteBits, CUE, CUE_PERSON, CUE_PLACE, PS, STRONG } from '../records';
import type { ResolutionRule } from '../rule';
import { STEP, type ResolutionState } from '../state';

export const countForms: ResolutionRule = {
  name: 'forms counted',
  *run(s: ResolutionState) {
    s.forms = yield* formsOf(s);
  },
};

export function* formsOf(s: ResolutionState): Generator<void, Forms, void> {
  const byK: (Form | undefined)[] = new Array(s.keyStr.length);
  const list: Form[] = [];
  const noApos = s.arts.map((a) => a.names.noApostrophes);
  const { n, k: K, art: ART, flags: FLAGS, surface: SURF } = s.recs;
  const keyStr = s.keyStr;
  yield* s.slices(n, (from) => {
    const to = Math.min(n, from + STEP);
    for (let i = from; i < to; i++) {
      const k = K[i];
      const art = ART[i];
      const fl = FLAGS[i];
      let f = byK[k];
      if (!f) {
        f = newForm(keyStr[k], k, list.length);
        byK[k] = f;
        list.push(f);
      }
      f.count++;
      if (f.arts[f.arts.length - 1] !== art) f.arts.push(art);
      addVoteBits(f.votes, fl);
      // A name the corpus gives as an article's outlet is an organisation, however its mentions read: as many
      // strong group cues as it has mentions.
      if (s.namedAsOutlet(SURF[i], fl)) {
        f.votes.group += 3;
        f.strongOther++;
      }
      if (fl & ACR) f.acr = true;
      if (fl & STRONG) {
        if ((fl & CUE) === CUE_PERSON) f.strongPerson++;
        else {
          f.strongOther++;
          if ((fl & CUE) === CUE_PLACE) f.strongPlace++;
        }
      }
      if (!(fl & PS) && !f.realS && f.endsS && !noApos[art]) f.realS = true;
    }
    return to;
  });
  return { byK, list };
}
