// Quality floors of name resolution on labelled news nobody on the project wrote, measured with the same
// evaluators the tuning scripts use (test/quality/): ECB+ dev topics (chosen-on, never fitted to) and the tune
// halves of the two fresh FA-KES label sets; ECB+ train topics (tuned on) guard against regressions. Floors sit a
// little below the figures measured when they were set; the figures and the baseline of the same run are printed. The held FA-KES half was scored once, after all tuning, with
// `test/quality/run.sh run-labels.ts test/fixtures/labels/fakes-names-held.json` (2026-12-06: 8/28 merged, coverage
// 98.4%, 3/18 must-stay-apart pairs merged); its floors below guard that figure and are never tuned against. The
// second set's held half was scored once at the end of the fourth session (16/30 merged, coverage 91.2%, 1/15 pairs); the
// third set's held half once at the end of the fifth (20/24 merged, coverage 97.6%, 1/14 pairs; the same figures with
// the fourth session's names rules, so that session's rule changes neither gained nor lost there); the fourth set's
// held half at the end of the sixth (10/24 merged, coverage 91.7%, 1/16 pairs: mostly places with many
// transliterations, the weakest figure so far; 11/24 after a last pass tuned on its tune half only); the fifth set's held
// half at the end of the seventh (14/25, coverage 87.8%, 0/18 pairs); the sixth set's held half at the end of the eighth
// (22/30, coverage 93.8%, 3/27 pairs); the seventh set's held half at the end of the ninth, on that session's final names
// rules (24/32, coverage 83.8%, 2/33 pairs); the eighth set's held half at the end of the tenth, on that session's final
// names rules (25/33, coverage 95.1%, 1/37 pairs); the ninth set's held half at the end of the eleventh, on that
// session's final names rules (25/32, coverage 97.8%, 2/44 pairs). From the eleventh session on, the spent held halves of
// sets 1-8 are tuned on like the tune halves; their floors guard the eleventh session's figures against regressions.
// The tenth set's held half was scored once at the end of the twelfth (24/29, 86.0%, 0/35 pairs), the eleventh set's
// at the end of the thirteenth, on names rules version 55 (28/37, coverage 89.2%, 3/42 pairs).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scoreLabels, type Labels } from '../quality/labels-eval';
import { ecbArticles, ecbChains, ECB_DEV, ECB_TRAIN, lastWordBaseline, resolveArticles, scoreNames } from '../quality/names-eval';
import { ecbTrainResolved, fakesNamesInputs, fakesResolved } from './names-inputs';

describe('ECB+ train topics (tuned on: a floor against regressions, not a quality claim)', () => {
  const arts = ecbArticles(ECB_TRAIN);
  const chains = ecbChains(ECB_TRAIN);
  // Resolved once per worker (names-inputs.ts): the one-article update tests read the same resolution.
  const s = scoreNames(ecbTrainResolved(), arts, chains);
  console.log(
    `ECB+ train names: ${s.fullyMerged}/${s.chains} chains merged, ${s.wrongPairs.length} wrong merges, coverage ` +
      `${(100 * s.mentionCoverage).toFixed(1)}% (last-word baseline ${lastWordBaseline(chains)}/${s.chains})`,
  );
  it('merges surnames and short forms into the full names their articles give, with no wrong merge', () => {
    expect(s.chains).toBe(64);
    // 50/64, coverage 100.0%, measured at the end of the sixth session (last-word baseline 49/64).
    expect(s.fullyMerged).toBeGreaterThanOrEqual(49);
    expect(s.wrongPairs).toHaveLength(0);
    expect(s.mentionCoverage).toBeGreaterThanOrEqual(0.99);
  });
});

describe('one mention per place (ECB+ train topics and FA-KES)', () => {
  it('never counts a name twice at one place of an article', () => {
    for (const idx of [ecbTrainResolved(), fakesResolved()]) {
      const twice = idx.entities.flatMap((e) => {
        const seen = new Set<string>();
        return e.mentions.filter((m) => seen.size === seen.add(`${m.file}:${m.start}`).size).map((m) => `${e.name} ${m.file}:${m.start}`);
      });
      expect(twice).toEqual([]);
    }
  });
});

describe('ECB+ dev topics (names part of the ECB+ scorer)', () => {
  const arts = ecbArticles(ECB_DEV);
  const chains = ecbChains(ECB_DEV);
  const s = scoreNames(resolveArticles(arts), arts, chains);
  const baseline = lastWordBaseline(chains);
  console.log(
    `ECB+ dev names: ${s.fullyMerged}/${s.chains} chains merged, ${s.wrongPairs.length} wrong merges, coverage ` +
      `${(100 * s.mentionCoverage).toFixed(1)}% (last-word baseline ${baseline}/${s.chains})`,
  );
  it('finds nearly every name mention, headlines included', () => {
    expect(s.mentionCoverage).toBeGreaterThanOrEqual(0.95);
  });
  it('merges chains under one entity without wrong merges', () => {
    expect(s.chains).toBe(27);
    // 21/27 measured twice in the fifth session, before and after its last names rules (the last-word baseline 19/27).
    expect(s.fullyMerged).toBeGreaterThanOrEqual(20);
    expect(s.wrongPairs.length).toBeLessThanOrEqual(1);
  });
});

// Every FA-KES article (file order) with its names extracted, and FA-KES resolved from them: once per worker for
// every label file here and the other names tests reading the same resolution (names-inputs.ts).
const fakes = fakesNamesInputs();
const fakesTexts = new Map(fakes.map((a) => [a.file, a.text]));
function scoreFakes(labelFile: string) {
  const labels = JSON.parse(readFileSync(new URL(`../fixtures/labels/${labelFile}`, import.meta.url), 'utf8')) as Labels;
  return scoreLabels(fakesResolved(), fakesTexts, labels);
}

/** One FA-KES label file's floors: the figure measured when they were set, and the floors a little below it. */
interface LabelFloors {
  file: string;
  about: string;
  measured: string;
  merged: number;
  coverage: number;
  apart: number;
}

// Tune halves are tuned on; held halves were scored once, after all tuning of their session, and are never tuned on.
// The tune floors are for the evaluator that counts only the names written there (fifth session).
const LABEL_FLOORS: LabelFloors[] = [
  {
    file: 'fakes-names-tune.json',
    about: 'first fresh labels, tune half',
    measured:
      '22/28, coverage 96.6%, 0 pairs merged in the eleventh session (spent or tuned on; before: 19/28, coverage 94.7%, 0/18 pairs merged (seventh session; 18/28 before it))',
    merged: 21,
    coverage: 0.95,
    apart: 0,
  },
  {
    file: 'fakes-names2-tune.json',
    about: 'second fresh labels, tune half',
    measured:
      '23/30, coverage 98.7%, 2 pairs merged in the eleventh session (spent or tuned on; before: 20/30, coverage 95.7%, 2/17 pairs merged (seventh session; 92.7% before it))',
    merged: 22,
    coverage: 0.97,
    apart: 2,
  },
  {
    file: 'fakes-names3-tune.json',
    about: 'third fresh labels, tune half (made in the fifth session)',
    measured:
      '20/24, coverage 96.9%, 0 pairs merged in the eleventh session (spent or tuned on; before: 18/24, coverage 94.6%, 0/16 pairs merged (sixth session))',
    merged: 19,
    coverage: 0.95,
    apart: 0,
  },
  {
    file: 'fakes-names4-tune.json',
    about: 'fourth fresh labels, tune half',
    measured:
      '22/24, coverage 100.0%, 1 pairs merged in the eleventh session (spent or tuned on; before: 22/24, coverage 99.3%, 1/13 pairs merged (seventh session; 21/24 in the sixth, 18/24 before))',
    merged: 21,
    coverage: 0.98,
    apart: 1,
  },
  {
    file: 'fakes-names5-tune.json',
    about: 'fifth fresh labels, tune half (made in the seventh session)',
    measured:
      '22/25, coverage 98.0%, 0 pairs merged in the eleventh session (spent or tuned on; before: 22/25, coverage 98.0%, 0/16 pairs merged (tenth session; 21/25, 94.9% in the eighth, tuned on; 18/25 before))',
    merged: 21,
    coverage: 0.96,
    apart: 0,
  },
  {
    file: 'fakes-names6-tune.json',
    about: 'sixth fresh labels, tune half (made in the eighth session, tuned on in the ninth)',
    measured:
      '21/30, coverage 95.3%, 1 pairs merged in the eleventh session (spent or tuned on; before: 20/30, coverage 91.5%, 1/22 pairs merged (tenth session; 19/30, 89.1% in the ninth; 18/30, 83.7% at first))',
    merged: 20,
    coverage: 0.93,
    apart: 1,
  },
  {
    file: 'fakes-names7-tune.json',
    about: 'seventh fresh labels, tune half (made in the ninth session, tuned on in the tenth)',
    measured:
      '24/33, coverage 95.3%, 2 pairs merged in the eleventh session (spent or tuned on; before: 22/33, coverage 92.2%, 2/32 pairs merged (tenth session; 20/33, 89.1% at its first score))',
    merged: 23,
    coverage: 0.93,
    apart: 2,
  },
  {
    file: 'fakes-names8-tune.json',
    about: 'eighth fresh labels, tune half (made and tuned on in the tenth session)',
    measured:
      '25/34, coverage 95.1%, 0 pairs merged in the twelfth session (spent or tuned on; before: 24/34, coverage 95.1%, 0 pairs merged in the eleventh session (spent or tuned on; before: 22/34, coverage 92.6%, 0/30 pairs merged (tenth session; 22/34, 87.7% at its first score)))',
    merged: 24,
    coverage: 0.93,
    apart: 0,
  },
  {
    file: 'fakes-names-held.json',
    about: 'first fresh labels, held half (scored once)',
    measured:
      "16/28, coverage 98.6%, 1 pairs merged in the eleventh session (spent or tuned on; before: 8/28, coverage 98.4%, 3/18 pairs merged; 14/28 under the fifth session's evaluator)",
    merged: 15,
    coverage: 0.97,
    apart: 1,
  },
  {
    file: 'fakes-names2-held.json',
    about: 'second fresh labels, held half (scored once)',
    measured:
      "24/30, coverage 97.3%, 0 pairs merged (the region rule, thirteenth session; before: 24/30, coverage 97.3%, 1 pairs merged in the eleventh session (spent or tuned on; before: 16/30, coverage 91.2%, 1/15 pairs merged; 22/30 under the fifth session's evaluator))",
    merged: 23,
    coverage: 0.95,
    apart: 0,
  },
  {
    file: 'fakes-names3-held.json',
    about: 'third fresh labels, held half (scored once, fifth session)',
    measured:
      '22/24, coverage 100.0%, 1 pairs merged in the twelfth session (spent or tuned on; before: 21/24, coverage 100.0%, 1 pairs merged in the eleventh session (spent or tuned on; before: 20/24, coverage 97.6%, 1/14 pairs merged))',
    merged: 21,
    coverage: 0.98,
    apart: 1,
  },
  {
    file: 'fakes-names4-held.json',
    about: 'fourth fresh labels, held half (scored once, sixth session)',
    measured:
      "14/24, coverage 97.5%, 0 pairs merged (the region rule, thirteenth session; before: 14/24, coverage 96.7%, 1 pairs merged in the eleventh session (spent or tuned on; before: 10/24, coverage 91.7%, 1/16 pairs merged; 11/24 after the tune half's dateline/spelling pass))",
    merged: 13,
    coverage: 0.95,
    apart: 0,
  },
  {
    file: 'fakes-names5-held.json',
    about: 'fifth fresh labels, held half (scored once, seventh session)',
    measured:
      '16/25, coverage 95.6%, 0 pairs merged in the eleventh session (spent or tuned on; before: 14/25, coverage 87.8%, 0/18 pairs merged)',
    merged: 15,
    coverage: 0.94,
    apart: 0,
  },
  {
    file: 'fakes-names6-held.json',
    about: 'sixth fresh labels, held half (scored once, eighth session)',
    measured:
      '24/30, coverage 97.3%, 3 pairs merged in the twelfth session (spent or tuned on; before: 23/30, coverage 96.5%, 3 pairs merged in the eleventh session (spent or tuned on; before: 22/30, coverage 93.8%, 3/27 pairs merged (Astana talks / Astana; al-Sinaa, three districts of that name)))',
    merged: 23,
    coverage: 0.95,
    apart: 3,
  },
  {
    file: 'fakes-names7-held.json',
    about: 'seventh fresh labels, held half (scored once, ninth session)',
    measured:
      '27/32, coverage 88.8%, 1 pairs merged (the region rule, thirteenth session; before: 27/32, coverage 88.8%, 2 pairs merged in the twelfth session (spent or tuned on; before: 26/32, coverage 86.3%, 2 pairs merged in the eleventh session (spent or tuned on; before: 24/32, coverage 83.8%, 2/33 pairs merged)))',
    merged: 26,
    coverage: 0.86,
    apart: 1,
  },
  {
    file: 'fakes-names8-held.json',
    about: 'eighth fresh labels, held half (scored once, tenth session)',
    measured:
      '26/33, coverage 96.3%, 1 pairs merged in the twelfth session (spent or tuned on; before: 25/33, coverage 95.1%, 1 pairs merged in the eleventh session (spent or tuned on; before: 25/33, coverage 95.1%, 1/37 pairs merged (Turkmen Bareh / Turkmen)))',
    merged: 25,
    coverage: 0.94,
    apart: 1,
  },
  {
    file: 'fakes-names9-tune.json',
    about: 'ninth fresh labels, tune half (made in the eleventh session, read for failures once at its end)',
    measured:
      '28/32, coverage 100.0%, 0 pairs merged in the twelfth session (spent or tuned on; before: 27/32, coverage 100.0%, 0/42 pairs merged)',
    merged: 27,
    coverage: 0.98,
    apart: 0,
  },
  {
    file: 'fakes-names9-held.json',
    about: 'ninth fresh labels, held half (scored once, eleventh session)',
    measured:
      '26/32, coverage 98.9%, 0 pairs merged in the twelfth session (spent or tuned on; before: 25/32, coverage 97.8%, 2/44 pairs merged (Al Assad Military Academy / Bashar al-Assad; Kurdish Red Crescent / Syrian Arab Red Crescent))',
    merged: 25,
    coverage: 0.96,
    apart: 0,
  },
  {
    file: 'fakes-names10-tune.json',
    about: 'tenth fresh labels, tune half (made and tuned on in the twelfth session)',
    measured: '23/28, coverage 93.8%, 0/37 pairs merged (19/28, 93.8%, 1/37 at its first score)',
    merged: 22,
    coverage: 0.91,
    apart: 0,
  },
  {
    file: 'fakes-names10-held.json',
    about: 'tenth fresh labels, held half (scored once, twelfth session)',
    measured: '24/29, coverage 86.0%, 0/35 pairs merged',
    merged: 23,
    coverage: 0.84,
    apart: 0,
  },
  {
    file: 'fakes-names11-tune.json',
    about: 'eleventh fresh labels, tune half (made and tuned on in the thirteenth session)',
    measured: '28/37, coverage 97.5%, 1/37 pairs merged (26/37, 94.9%, 2/37 at its first score)',
    merged: 27,
    coverage: 0.95,
    apart: 1,
  },
  {
    file: 'fakes-names11-held.json',
    about: 'eleventh fresh labels, held half (scored once, thirteenth session)',
    measured:
      '28/37, coverage 89.2%, 3/42 pairs merged (Abu Obaida, two militants and a companion of the Prophet; Sino / Kurdish National Council)',
    merged: 27,
    coverage: 0.87,
    apart: 3,
  },
];

for (const f of LABEL_FLOORS) {
  describe(`FA-KES ${f.about}`, () => {
    const s = scoreFakes(f.file);
    console.log(
      `FA-KES ${f.file}: ${s.merged}/${s.entities} entities merged, coverage ${(100 * s.coverage).toFixed(1)}%, ` +
        `must-stay-apart pairs merged ${s.apartMerged.length}/${s.apartPairs}`,
    );
    it(`merges the labelled spellings of an entity and finds their mentions (measured ${f.measured})`, () => {
      expect(s.merged).toBeGreaterThanOrEqual(f.merged);
      expect(s.coverage).toBeGreaterThanOrEqual(f.coverage);
    });
    it('keeps must-stay-apart pairs apart (all but the sense-ambiguous ones)', () => {
      expect(s.apartMerged.length).toBeLessThanOrEqual(f.apart);
    });
  });
}

describe('FA-KES Names view (the 50 most mentioned persons and groups)', () => {
  it('lists no page furniture and no outlet as a person', () => {
    const top = fakesResolved()
      .recurring()
      .filter((e) => e.kind === 'person' || e.kind === 'group')
      .sort((a, b) => b.mentions.length - a.mentions.length)
      .slice(0, 50);
    const outlets = new Set(fakes.map((a) => /^outlet: (.*)$/m.exec(a.text)?.[1]).filter((x): x is string => !!x));
    const labels = JSON.parse(readFileSync(new URL('../fixtures/labels/fakes-names-tune.json', import.meta.url), 'utf8')) as Labels;
    const junk = new Set([...(labels.notNames ?? []), 'Levant', 'Damascus Terrorists'].map((x) => x.toLowerCase()));
    expect(top.filter((e) => junk.has(e.name.toLowerCase())).map((e) => e.name)).toEqual([]);
    expect(top.filter((e) => e.kind === 'person' && outlets.has(e.name)).map((e) => e.name)).toEqual([]);
  });

  it('keeps the Syrian Civil Defence one group with the White Helmets, under each English spelling', () => {
    // The texts state it ("the Syrian Civil Defence, known as the White Helmets"); a spelling key once split "Civil
    // Defence" off as a person with "Syria" among its spellings, high in this list.
    const groupsOf = (spelling: string) =>
      fakesResolved()
        .entities.filter((e) => e.name === spelling || e.aliases.includes(spelling))
        .map((e) => `${e.name} (${e.kind})`);
    for (const spelling of ['Civil Defence', 'Syrian Civil Defence', 'Civil Defense', 'White Helmets'])
      expect(groupsOf(spelling)).toEqual(['White Helmets (group)']);
  });

  it('keeps the Free Syrian Army (the rebels) apart from the Syrian Army they fight', () => {
    // "Syrian Army" was read as the tail of "Free Syrian Army", the only longer name ending in it, and every mention
    // of the government's army became the rebels' in the Names view and the hover.
    const entityOf = (spelling: string) => fakesResolved().entities.filter((e) => e.name === spelling || e.aliases.includes(spelling));
    const fsa = entityOf('Free Syrian Army');
    expect(fsa).toHaveLength(1);
    expect(entityOf('FSA')).toEqual(fsa);
    for (const spelling of ['Syrian Army', 'Syrian Arab Army']) expect(entityOf(spelling).some((e) => fsa.includes(e))).toBe(false);
  });
});
