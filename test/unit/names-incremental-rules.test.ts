// The one-article update asks the full resolution's own rules: an article taken out of a fully resolved corpus and
// attached back through `withArticle` gives each of its mentions the entity the full resolution gave it. The
// articles hold the cases the update once decided by rules of its own: a speaker's surname that is also an ordinary
// word ("White said", the corpus naming a Terry White), an ordinary word opening a sentence that is no name there
// ("Word comes from People magazine"), and a surname after the full name its article gives ("Varoufakis", "Afisi",
// "Lane"), chosen in context as the full resolution chooses it, and glued runs of names ("Assads Alawite").
import { beforeAll, describe, expect, it } from 'vitest';
import { exportEntityIndex, importEntityIndex, resolveEntities, type EntityIndex, type ResolveInput } from '../../src/core/names';
import { ecbArticles } from '../quality/names-eval';
import { ecbTrainNamesInputs, ecbTrainResolved, fakesNamesInputs } from './names-inputs';

function roundTrip(full: EntityIndex, input: ResolveInput): EntityIndex {
  return full.withArticle(input.file, null).withArticle(input.file, { meta: input.meta, names: input.names });
}

describe('an article taken out and attached back', () => {
  let ecb: ResolveInput[];
  let ecbFull: EntityIndex;
  let fakes: ResolveInput[];
  let fakesFull: EntityIndex;
  beforeAll(() => {
    // The train topics' inputs and their resolution, once per worker (names-inputs.ts): the floors only read it.
    ecb = ecbTrainNamesInputs();
    ecbFull = ecbTrainResolved();
    // A resolution of its own: names-resolve-persist edits the worker's shared one (see fakesResolved).
    fakes = fakesNamesInputs();
    fakesFull = resolveEntities(fakes, []);
  }, 60_000);

  it.each([
    // "White said", and no Terry White named in the article: the surname of the Terry White the corpus names.
    't01-ecbplus-2.txt',
    // "Word comes from People magazine": an ordinary word, no name, though "Word" is a name elsewhere.
    't01-ecb-1.txt',
    // "Varoufakis" after "Yanis Varoufakis".
    't08-ecbplus-7.txt',
    't25-ecbplus-3.txt',
    't32-ecb-1.txt',
  ])('ECB+ %s: every mention to the entity of the full resolution', (file) => {
    const input = ecb.find((a) => a.file === file)!;
    const want = ecbFull.mentionsIn(file);
    expect(want.length).toBeGreaterThan(0);
    expect(roundTrip(ecbFull, input).mentionsIn(file)).toEqual(want);
  });

  it('ECB+: "White said" is Terry White, after the round trip as in the full resolution', () => {
    const file = 't01-ecbplus-2.txt';
    const input = ecb.find((a) => a.file === file)!;
    const text = ecbArticles([1]).find((a) => a.file === file)!.text;
    const at = text.indexOf('White said');
    const full = ecbFull.at(file, at)?.entity;
    expect(full?.name).toBe('Terry White');
    expect(roundTrip(ecbFull, input).at(file, at)?.entity.id).toBe(full!.id);
  });

  it.each(['t01-ecbplus-2.txt', 't01-ecb-1.txt'])(
    'ECB+ %s after a warm start: the restored index decides ordinary words as the full resolution did',
    (file) => {
      // The hints of which ordinary words stay names ("White said", "the Heels") travel with the persisted index, so an
      // edit after a restart attaches the article as an edit before it does.
      const restored = importEntityIndex(JSON.parse(JSON.stringify(exportEntityIndex(ecbFull))))!;
      const input = ecb.find((a) => a.file === file)!;
      expect(roundTrip(restored, input).mentionsIn(file)).toEqual(ecbFull.mentionsIn(file));
    },
  );

  it.each([
    // "Afisi" after "Haitham al-Afisi"; "Lane" after "Alan Lane".
    'alaraby-syrian-opposition-remains-divided.md',
    'dailysabah-22-children-6-teachers-killed-in-russian-syrian-airstrikes-n.md',
    'alalam-aleppos-civilian-massacre-continues-88-killed-injured.md',
    // Glued runs split by the glued-runs rule's own `segment`: a possessive "s" inside ("Al-Qaedas Syria", "Assads
    // Alawite"), a part known under its own spelling beside others ("Deir al-Zor Syrias SANA").
    'ahram-barrel-bombs-kill-11-civilians-in-is-town-in-syria.md',
    'ahram-bombing-of-syrian-bus-convoy-kills-wounds-dozens-outside-ale.md',
    'ahram-is-car-bomb-kills-20-in-eastern-syria-state-media.md',
  ])('FA-KES %s: every mention to the entity of the full resolution', (file) => {
    const input = fakes.find((a) => a.file === file)!;
    const want = fakesFull.mentionsIn(file);
    expect(want.length).toBeGreaterThan(0);
    expect(roundTrip(fakesFull, input).mentionsIn(file)).toEqual(want);
  });
});
