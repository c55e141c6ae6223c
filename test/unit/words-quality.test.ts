// Quality floor of the shipped word vectors on held-apart data: ECB+ dev topics (the table's size and dimensions
// were chosen on ECB+ train; scripts/measure-word-table.mjs prints the same figures for both splits).
// Different words that gold names as the same event ("seized" / "captured") must be closer than words of unrelated
// events. Exact word matching cannot tell these pairs apart at all (AUC 0.5, none found): that is the baseline.
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadWordTable } from '../../src/node/wordTableFile';

const stem = createRequire(__filename)('wink-porter2-stemmer') as (word: string) => string;
const DEV_TOPICS = [2, 5, 12, 18, 21, 23, 34, 35];

interface Chain {
  topic: number;
  triggers: string[];
}

describe('shipped word vectors on ECB+ dev', () => {
  it('rank same-event paraphrases above unrelated word pairs (AUC ≥ 0.68; measured 0.72)', () => {
    const table = loadWordTable();
    const gold = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../fixtures/ecbplus/gold/passages.json'), 'utf8')) as {
      chains: Chain[];
    };
    // One word per stem of each chain's single-word triggers.
    const chains = gold.chains
      .filter((c) => DEV_TOPICS.includes(c.topic))
      .map((c) => ({
        topic: c.topic,
        words: [
          ...new Map(
            c.triggers
              .map((t) => t.toLowerCase())
              .filter((t) => /^\p{L}+$/u.test(t))
              .map((t) => [stem(t), t]),
          ).values(),
        ],
      }));
    const positives: Array<[string, string, number]> = [];
    for (const c of chains)
      for (let i = 0; i < c.words.length; i++)
        for (let j = i + 1; j < c.words.length; j++) positives.push([c.words[i]!, c.words[j]!, c.topic]);
    expect(positives.length).toBeGreaterThan(150);
    // Each positive pair against its first word paired with a trigger of another topic's chain (fixed choice).
    const negatives = positives.map(([a, , topic], k) => {
      const others = chains.filter((c) => c.topic !== topic && c.words.length > 0);
      const c = others[(k * 7919) % others.length]!;
      return [a, c.words[(k * 104729) % c.words.length]!] as const;
    });
    const sim = (a: string, b: string) => table.similarity(a, b) ?? 0;
    const pos = positives.map(([a, b]) => sim(a, b));
    const neg = negatives.map(([a, b]) => sim(a, b));
    let wins = 0;
    for (const p of pos) for (const n of neg) wins += p > n ? 1 : p === n ? 0.5 : 0;
    const auc = wins / (pos.length * neg.length);
    expect(auc).toBeGreaterThanOrEqual(0.68);
    // At the cosine that only 5% of unrelated pairs exceed, a soft match finds a quarter of the paraphrases or more.
    const cut = [...neg].sort((x, y) => x - y)[Math.floor(0.95 * (neg.length - 1))]!;
    expect(pos.filter((p) => p > cut).length / pos.length).toBeGreaterThanOrEqual(0.25);
  });
});
