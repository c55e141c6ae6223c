// Event index mechanics on small hand-written articles: what makes two passages the same event, what keeps
// look-alikes apart, incremental updates, thresholds and the wording of reasons.
import { describe, expect, it } from 'vitest';
import { EventIndex } from '../../src/core/events';
import { EVENT_MODEL } from '../../src/core/events/score';
import { readEventDates, timeRefOf, isoOfDay } from '../../src/core/events/dates';
import { readFigures, readQuotes } from '../../src/core/events/features';
import { article } from './events-article';

const CAR_BOMB_A =
  'A car bomb exploded near a checkpoint in the Midan district of Damascus on Monday killing 17 people including police officers, the Syrian Observatory for Human Rights said. Islamic State claimed the double suicide attack on the police station.';
const CAR_BOMB_B =
  'At least 17 people were killed on Monday when two suicide bombers struck a police station in Damascus Midan neighbourhood, a monitor said. The Islamic State group claimed the attack.';
const CAR_BOMB_LATER =
  'Three suicide bombers blew themselves up near the main police headquarters in Damascus on Wednesday killing at least 9 people, state media said. The Islamic State group claimed the attack near the police station.';
const UNRELATED =
  'Wheat harvest in the northern plains was better than expected this year, farmers told reporters at the grain market, citing good rains in spring.';

describe('dates of a passage', () => {
  it('resolves weekdays and "yesterday" against the publication date, and reads bare years', () => {
    const text = 'The attack on Monday followed clashes yesterday. Russia’s 2015 intervention changed the war.';
    const ref = timeRefOf({ iso: '2017-10-04', precision: 'day' }, text); // a Wednesday
    const days = readEventDates(text, 0, text.length, ref).map((s) => `${isoOfDay(s.from)}/${s.precision}`);
    expect(days).toContain('2017-10-02/day');
    expect(days).toContain('2017-10-03/day');
    expect(days).toContain('2015-01-01/year');
  });

  it('without a publication date, takes the latest year the text names as its time', () => {
    const ref = timeRefOf(null, 'Golani had a bounty in 2018; the April 2024 bombing; Assad fled in December 2024.');
    expect(ref).toEqual({ day: null, year: 2024 });
  });
});

describe('figures and quotes', () => {
  it('reads death tolls apart from other numbers and from dates', () => {
    const f = readFigures(
      'At least 58 people were killed on 4 April 2017, Thirteen civilians died, and 350 air strikes hit 75 targets.',
      0,
      200,
    );
    expect(f.tolls.sort()).toEqual([13, 58]);
    expect(f.numbers.sort((a, b) => a - b)).toEqual([75, 350]);
  });

  it('compares quotes by shingles, so a shortened quote still matches', () => {
    const a = readQuotes('He said "We are changing the face of the Middle East" on Monday.', 0, 100);
    const b = readQuotes('Netanyahu: “changing the face of the Middle East,” he claimed.', 0, 100);
    expect(a[0].shingles.some((s) => b[0].shingles.includes(s))).toBe(true);
  });
});

describe('EventIndex', () => {
  const ARTICLES: [string, string, string, string][] = [
    ['a.md', '2017-10-02', CAR_BOMB_A, 'A'],
    ['b.md', '2017-10-03', CAR_BOMB_B, 'B'],
    ['later.md', '2017-10-11', CAR_BOMB_LATER, 'C'],
    ['wheat.md', '2017-10-02', UNRELATED, 'D'],
  ];
  function corpus(): EventIndex {
    const idx = new EventIndex();
    for (const [f, date, text, outlet] of ARTICLES) idx.setArticle(article(f, date, text, outlet));
    return idx;
  }

  it('links two outlets telling the same bombing, with a reason naming the day, the toll and the names', () => {
    const idx = corpus();
    const links = idx.related('a.md', 0);
    expect(links[0].file).toBe('b.md');
    expect(links[0].reason).toMatch(/same day 2017-10-02/);
    expect(links[0].reason).toMatch(/toll 17/);
    expect(links[0].shared.length).toBeGreaterThan(0);
    expect(idx.related('b.md', 0)[0].file).toBe('a.md');
  });

  it('keeps a look-alike bombing in the same city nine days later below the same-day account, or out', () => {
    const idx = corpus();
    const links = idx.related('a.md', 0);
    const later = links.findIndex((l) => l.file === 'later.md');
    expect(later === -1 || later > links.findIndex((l) => l.file === 'b.md')).toBe(true);
    if (later >= 0) expect(links[later].score).toBeLessThan(links[0].score - 0.05);
  });

  it('returns nothing rather than a weak match', () => {
    const idx = corpus();
    expect(idx.related('wheat.md', 0)).toEqual([]);
    expect(idx.relatedArticles('wheat.md')).toEqual([]);
  });

  it('lists the next plausible matches after a first one at the cut-off, and nothing at all without one', () => {
    // Two decisions of the model: the cut-off says whether a passage has other coverage at all, the continuation
    // level how far its list goes on. Levels are set around this corpus's own scores (the weights are fitted).
    const [first, second] = corpus().candidates('a.md', 0);
    expect([first.file, second.file]).toEqual(['b.md', 'later.md']);
    const cutoff = (first.score + second.score) / 2;
    const model = (continuation: number, continuationShare: number) => ({ ...EVENT_MODEL, cutoff, continuation, continuationShare });
    const listed = (continuation: number, file = 'a.md', continuationShare = 0) => {
      const idx = new EventIndex({ model: model(continuation, continuationShare) });
      for (const [f, date, text, outlet] of ARTICLES) idx.setArticle(article(f, date, text, outlet));
      return idx.related(file, 0).map((l) => l.file);
    };
    expect(listed(cutoff)).toEqual(['b.md']);
    expect(listed(second.score - 0.01)).toEqual(['b.md', 'later.md']);
    // ... as long as it also scores the fitted share of the first link's score.
    expect(listed(second.score - 0.01, 'a.md', (second.score + 0.01) / first.score)).toEqual(['b.md']);
    // A passage whose best match is under the cut-off gets an honest nothing, however low the continuation level.
    const laterBest = corpus().candidates('later.md', 0)[0].score;
    if (laterBest < cutoff) expect(listed(0, 'later.md')).toEqual([]);
    const strict = new EventIndex({ model: { ...EVENT_MODEL, cutoff: laterBest + 0.001, continuation: 0 } });
    for (const [f, date, text, outlet] of ARTICLES) strict.setArticle(article(f, date, text, outlet));
    expect(strict.related('later.md', 0)).toEqual([]);
    expect(strict.related('wheat.md', 0)).toEqual([]);
  });

  it('is incremental: replacing and removing an article updates links', () => {
    const idx = corpus();
    idx.removeArticle('b.md');
    expect(idx.related('a.md', 0).some((l) => l.file === 'b.md')).toBe(false);
    idx.setArticle(article('b.md', '2017-10-03', CAR_BOMB_B, 'B'));
    expect(idx.related('a.md', 0)[0].file).toBe('b.md');
    idx.setArticle(article('b.md', '2017-10-03', UNRELATED.replace('Wheat', 'Barley'), 'B'));
    expect(idx.related('a.md', 0).some((l) => l.file === 'b.md')).toBe(false);
  });

  it('never links boilerplate passages', () => {
    const idx = new EventIndex();
    const a = article('a.md', '2017-10-02', CAR_BOMB_A + '\n\nTo contact us visit our site, subscribe to the newsletter.');
    a.passages[1].kind = 'boilerplate';
    const b = article('b.md', '2017-10-03', CAR_BOMB_B + '\n\nTo contact us visit our site, subscribe to the newsletter.');
    b.passages[1].kind = 'boilerplate';
    idx.setArticle(a);
    idx.setArticle(b);
    expect(idx.related('a.md', 1)).toEqual([]);
    expect(idx.related('a.md', 0).every((l) => l.passage === 0)).toBe(true);
  });

  it('aggregates passages into related articles', () => {
    const idx = corpus();
    const arts = idx.relatedArticles('a.md');
    expect(arts[0]).toMatchObject({ file: 'b.md', passages: 1 });
    expect(arts.some((x) => x.file === 'wheat.md')).toBe(false);
  });

  it('matches names under every spelling when the names module gives entity ids', () => {
    const idx = new EventIndex();
    const a = article('a.md', '2024-12-09', 'Golani said the new government in Damascus would protect minorities after the takeover.');
    const b = article(
      'b.md',
      '2024-12-09',
      'Abu Mohammed al-Julani told reporters the new government in Damascus would protect minorities.',
    );
    a.mentions = [
      { start: 0, end: 6, entityId: 'jolani' },
      { start: 36, end: 43, entityId: 'damascus' },
    ];
    const j = b.text.indexOf('Abu Mohammed al-Julani');
    const d = b.text.indexOf('Damascus');
    b.mentions = [
      { start: j, end: j + 22, entityId: 'jolani' },
      { start: d, end: d + 8, entityId: 'damascus' },
    ];
    idx.setArticle(a);
    idx.setArticle(b);
    const links = idx.related('a.md', 0);
    expect(links[0].file).toBe('b.md');
    expect(links[0].shared).toContain('Golani');
  });
});
