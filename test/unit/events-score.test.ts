// scorePair's named features on tiny inline texts: each feature reads what a reader would point at, and moves the
// score the way the fitted model says (its weights are fitted, so only directions are asserted, never values).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventIndex } from '../../src/core/events';
import { EVENT_MODEL, FEATURES, scorePair, type FeatureName, type PairStats, type PassageView } from '../../src/core/events/score';
import { copyRelation, nearIdentical, NEAR_IDENTICAL, screenNoise, termJaccard } from '../../src/core/events/noise';
import { article } from './events-article';

const feature = (features: number[], name: FeatureName) => features[FEATURES.indexOf(name)];

const FILLER = 'Officials gave no further details about the incident to reporters.';

function link(a: string, b: string, dateA: string | null = '2017-04-04', dateB: string | null = '2017-04-04') {
  const idx = new EventIndex();
  idx.setArticle(article('a.md', dateA, a, 'A'));
  idx.setArticle(article('b.md', dateB, b, 'B'));
  // A third article, so that words have a rarity.
  idx.setArticle(
    article('c.md', '2016-01-01', 'Wheat harvest in the plains was good this year, farmers said at the grain market.\n\n' + FILLER, 'C'),
  );
  return idx.related('a.md', 0, 5).find((l) => l.file === 'b.md');
}

describe('scorePair features', () => {
  it('the weights table names every feature, in order, and the model has a cut-off between its continuation and CodeLens levels', () => {
    expect(EVENT_MODEL.features).toEqual([...FEATURES]);
    expect(EVENT_MODEL.weights).toHaveLength(FEATURES.length);
    expect(EVENT_MODEL.cutoff).toBeGreaterThan(0);
    expect(EVENT_MODEL.continuation).toBeGreaterThan(0);
    expect(EVENT_MODEL.continuation).toBeLessThanOrEqual(EVENT_MODEL.cutoff);
    expect(EVENT_MODEL.continuationShare).toBeGreaterThanOrEqual(0);
    expect(EVENT_MODEL.continuationShare).toBeLessThan(1);
    expect(EVENT_MODEL.strong).toBeGreaterThanOrEqual(EVENT_MODEL.cutoff);
  });

  it('stems words, so inflections meet ("killed" / "killing", "strikes" / "struck" do not)', () => {
    const l = link(
      'Chemical attack killed 58 in Khan Sheikhoun, a town in Idlib province.\n\n' + FILLER,
      'The chemical attack killing 58 people in Khan Sheikhoun shocked Idlib.\n\n' + FILLER,
    )!;
    expect(l).toBeDefined();
    expect(l.shared.join(' ')).toMatch(/kill/);
    expect(feature(l.features, 'words')).toBeGreaterThan(0.2);
  });

  it('reads the same toll and says it: "toll 58 / 58"', () => {
    const l = link(
      'Chemical attack killed 58 in Khan Sheikhoun, a town in Idlib province.\n\n' + FILLER,
      'At least 58 people were killed in a chemical attack on Khan Sheikhoun in Idlib.\n\n' + FILLER,
    )!;
    expect(feature(l.features, 'toll')).toBe(1);
    expect(l.reason).toMatch(/toll 58 \/ 58/);
  });

  it('reads the same day in both texts, and a passage without any time as undated', () => {
    const dated = link(
      'On 4 April 2017 a chemical attack hit Khan Sheikhoun in Idlib province.\n\n' + FILLER,
      'The chemical attack of 4 April 2017 on Khan Sheikhoun in Idlib drew condemnation.\n\n' + FILLER,
    )!;
    expect(feature(dated.features, 'sameTime')).toBe(1);
    expect(dated.reason).toMatch(/same day 2017-04-04/);
    const undated = link(
      'A chemical attack hit Khan Sheikhoun in Idlib province.\n\n' + FILLER,
      'The chemical attack on Khan Sheikhoun in Idlib drew condemnation.\n\n' + FILLER,
      null,
      null,
    )!;
    expect(feature(undated.features, 'undated')).toBe(1);
  });

  it('finds a shared quotation', () => {
    const l = link(
      'The minister said "we will respond to this crime with all our strength" after the attack in Khan Sheikhoun.\n\n' + FILLER,
      'Khan Sheikhoun: "we will respond to this crime with all our strength", the minister told the assembly.\n\n' + FILLER,
    )!;
    expect(feature(l.features, 'quote')).toBe(1);
    expect(l.reason).toMatch(/quote “/);
  });

  it('scores more shared rare words higher, all else equal (the fitted weights point the right way)', () => {
    const view = (terms: number[]): PassageView => ({
      terms,
      entities: [],
      times: [],
      tolls: [],
      numbers: [],
      quotes: undefined,
      lead: false,
    });
    const stats: PairStats = {
      termIdf: () => 2,
      entityIdf: () => 2,
      termNorm: (t) => 2 * t.length,
      articleSimilarity: 0.3,
      bestArticleSimilarity: 0.3,
      bestSharedWords: 8,
      rivalInArticle: 0,
    };
    const a = view([1, 2, 3, 4, 5, 6]);
    const few = scorePair(a, view([1, 7, 8, 9, 10, 11]), stats);
    const many = scorePair(a, view([1, 2, 3, 4, 10, 11]), stats);
    expect(many.score).toBeGreaterThan(few.score);
    expect(many.sharedTerms).toEqual([1, 2, 3, 4]);
    // Competition within articles: the same passage scores lower when another line of its article matches better.
    const b = view([1, 2, 3, 4, 10, 11]);
    const alone = scorePair(a, b, stats);
    const behind = scorePair(a, b, { ...stats, rivalInArticle: 0.9 });
    expect(feature(Array.from(alone.features), 'aheadInArticle')).toBe(1);
    expect(feature(Array.from(behind.features), 'aheadInArticle')).toBeLessThan(0);
    expect(behind.score).toBeLessThan(alone.score);
  });
});

describe('noise', () => {
  it('nearIdentical (a merge that stops early) decides as termJaccard >= NEAR_IDENTICAL does', () => {
    const terms = (max: number, length: number) =>
      fc.uniqueArray(fc.integer({ min: 0, max }), { maxLength: length }).map((x) => x.sort((p, q) => p - q));
    fc.assert(
      fc.property(terms(60, 60), terms(60, 60), (a, b) => nearIdentical(a, b) === termJaccard(a, b) >= NEAR_IDENTICAL),
      { numRuns: 3000 },
    );
    // Pairs near the threshold: one list and the same with a few terms dropped.
    fc.assert(
      fc.property(terms(400, 200), fc.array(fc.nat(250), { maxLength: 30 }), (a, drops) => {
        const b = a.filter((_, i) => !drops.includes(i));
        return nearIdentical(a, b) === termJaccard(a, b) >= NEAR_IDENTICAL && nearIdentical(b, a) === nearIdentical(a, b);
      }),
      { numRuns: 3000 },
    );
  });

  it('a passage near-identical to passages of 3 other articles of its outlet is furniture; a copy of the article is a duplicate', () => {
    expect(termJaccard([1, 2, 3, 4], [1, 2, 3, 4])).toBe(1);
    const footer = [10, 11, 12, 13, 14];
    const others = ['x', 'y', 'z'].map((file) => ({ file, outlet: 'TRT', terms: footer, articleSimilarity: 0.2 }));
    expect(screenNoise(footer, 'TRT', others).queryIsFurniture).toBe(true);
    // The same words in three other outlets are wire copy, not furniture.
    expect(
      screenNoise(
        footer,
        'TRT',
        others.map((o, k) => ({ ...o, outlet: `O${k}` })),
      ).queryIsFurniture,
    ).toBe(false);
    const copy = screenNoise([1, 2, 3], 'A', [{ file: 'copy', outlet: 'A', terms: [1, 2, 3], articleSimilarity: 1 }]);
    expect([...copy.duplicate]).toEqual([0]);
    // The same near copy carried by another outlet is coverage, marked as a copy.
    const wire = screenNoise([1, 2, 3], 'A', [{ file: 'wire', outlet: 'B', terms: [1, 2, 3], articleSimilarity: 0.97 }]);
    expect([...wire.duplicate, ...wire.copy]).toEqual([0]);
    expect(wire.copy.has(0)).toBe(true);
  });

  it('a near copy is a duplicate when it has the same words or the same outlet, else a copy carried elsewhere', () => {
    expect(copyRelation('Reuters', 'Reuters', false)).toBe('duplicate'); // the outlet's own update
    expect(copyRelation('Reuters', 'Daily Sabah', true)).toBe('duplicate'); // the same text saved twice
    expect(copyRelation('', '', true)).toBe('duplicate');
    expect(copyRelation('Reuters', 'Daily Sabah', false)).toBe('copy'); // a wire story another outlet carried
    expect(copyRelation('', '', false)).toBe('copy'); // edited, and nothing says it is the same outlet
  });

  it('an identical article under another name is listed last as a duplicate, never as coverage', () => {
    const idx = new EventIndex();
    const text = 'A car bomb killed 17 people near a police station in the Midan district of Damascus on Monday.\n\n' + FILLER;
    idx.setArticle(article('a.md', '2017-10-02', text, 'A'));
    idx.setArticle(article('copy.md', '2017-10-02', text, 'A'));
    idx.setArticle(
      article(
        'b.md',
        '2017-10-02',
        'At least 17 people were killed on Monday when a car bomb struck a police station in Damascus Midan.\n\n' + FILLER,
        'B',
      ),
    );
    const links = idx.related('a.md', 0, 5);
    expect(links[0].file).toBe('b.md');
    const dup = links.find((l) => l.file === 'copy.md')!;
    expect(dup.duplicate).toBe(true);
    expect(dup.reason).toMatch(/duplicate/);
    expect(idx.relatedArticles('a.md').map((r) => r.file)).not.toContain('copy.md');
  });

  it('a wire story another outlet carried with edits is coverage marked as a copy, after the outlets in their own words', () => {
    const wire =
      'A car bomb killed 17 people near a police station in the Midan district of Damascus on Monday, state media said.\n\n' +
      'The blast wrecked shops and cars along the main road of the old neighbourhood, witnesses said.\n\n' +
      'No group claimed responsibility for the attack, the deadliest in the capital this year.\n\n' +
      FILLER;
    const idx = new EventIndex();
    idx.setArticle(article('agency.md', '2017-10-02', wire, 'Agency'));
    // Another outlet's copy: the same story with one sentence edited.
    idx.setArticle(article('carried.md', '2017-10-02', wire.replace('No group claimed', 'No militant group claimed'), 'Herald'));
    idx.setArticle(
      article(
        'own.md',
        '2017-10-02',
        'At least 17 people were killed on Monday when a car bomb struck a police station in Damascus Midan.\n\n' + FILLER,
        'Courier',
      ),
    );
    const links = idx.related('agency.md', 0, 5);
    const copy = links.find((l) => l.file === 'carried.md')!;
    expect(copy).toBeDefined();
    expect(copy.copy).toBe(true);
    expect(copy.duplicate).toBeUndefined();
    expect(copy.reason).toMatch(/^copy of this article/);
    expect(links.findIndex((l) => l.file === 'own.md')).toBeLessThan(links.indexOf(copy));
    const articles = idx.relatedArticles('agency.md');
    expect(articles.map((r) => [r.file, r.copy === true])).toEqual([
      ['own.md', false],
      ['carried.md', true],
    ]);
  });
});
