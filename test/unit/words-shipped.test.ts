// The shipped word table (media/words.bin) as the event linking uses it: words that news uses for the same thing
// are closer than unrelated words, rarity follows how common a word is, and stems find their words.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { loadWordTable } from '../../src/node/wordTableFile';

const stem = createRequire(__filename)('wink-porter2-stemmer') as (word: string) => string;

describe('shipped word table', () => {
  const table = loadWordTable();

  it('puts paraphrases used across outlets closer than unrelated words', () => {
    const pairs: Array<[string, string, string]> = [
      // [word, paraphrase, unrelated]
      ['seized', 'captured', 'banana'],
      ['killed', 'dead', 'umbrella'],
      ['airstrike', 'bombing', 'wedding'],
      ['fled', 'escaped', 'recipe'],
      ['arrested', 'detained', 'guitar'],
      ['offensive', 'assault', 'lunch'],
      ['earthquake', 'quake', 'election'],
      ['resigned', 'quit', 'volcano'],
      ['hospital', 'clinic', 'football'],
      ['announced', 'declared', 'spinach'],
    ];
    for (const [word, paraphrase, unrelated] of pairs) {
      const close = table.similarity(word, paraphrase);
      const far = table.similarity(word, unrelated);
      expect(close, `${word}/${paraphrase}`).toBeDefined();
      expect(far, `${word}/${unrelated}`).toBeDefined();
      expect(close!, `${word}/${paraphrase} vs ${word}/${unrelated}`).toBeGreaterThan(far! + 0.2);
    }
  });

  it('finds neighbours in meaning', () => {
    const near = table.neighbours('rebels', 10).map((n) => n.word);
    expect(near.some((w) => ['insurgents', 'militants', 'fighters', 'guerrillas', 'rebel'].includes(w))).toBe(true);
    expect(near).not.toContain('rebels');
  });

  it('rates common words as less rare than specific ones, and unknown words as rarest', () => {
    const order = ['the', 'government', 'ceasefire', 'sarin', 'qwzxvbnm'];
    const idf = order.map((w) => table.backgroundIdf(w));
    for (let i = 1; i < idf.length; i++) expect(idf[i]!, `${order[i - 1]} < ${order[i]}`).toBeGreaterThan(idf[i - 1]!);
    expect(table.rank('the')).toBe(1);
  });

  it('is seen by stem through the project stemmer', () => {
    const view = table.byStem(stem);
    const s = view.stemOf('Killings');
    expect(s).toBe(stem('killed'));
    expect(view.vector(s)).toBeDefined();
    expect(view.rank(s)!).toBeLessThan(table.rank('killings')!);
    expect(view.similarity(view.stemOf('seized'), view.stemOf('captured'))!).toBeGreaterThan(
      view.similarity(view.stemOf('seized'), view.stemOf('banana'))! + 0.2,
    );
  });
});
