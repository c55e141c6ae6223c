// The shipped word table (media/words.bin) as the event linking uses it: rarity follows how common a word is, and
// stems find their words.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { loadWordTable } from '../../src/node/wordTableFile';

const stem = createRequire(__filename)('wink-porter2-stemmer') as (word: string) => string;

describe('shipped word table', () => {
  const table = loadWordTable();

  it('ships ranks only: no word vectors (measured in event linking on ECB+ dev, they did not pay for their 2 MB)', () => {
    expect(table.vectorCount).toBe(0);
    expect(table.similarity('seized', 'captured')).toBeUndefined();
    expect(table.rank('ceasefire')).toBeDefined();
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
    expect(view.rank(s)!).toBeLessThan(table.rank('killings')!);
  });
});
