// The word table's file format: what the build script writes (the same encoder) reads back, and a damaged or
// foreign file is refused with a message that says what is wrong.
import { describe, expect, it } from 'vitest';
import { WordTable } from '../../src/core/words/wordTable';
import { encodeWordTable, WordTableFormatError } from '../../src/core/words/wordTableFormat';

function tinyTable(): Uint8Array {
  return encodeWordTable({
    dimensions: 3,
    sourceVocabulary: 1000,
    zipfDocumentLength: 100,
    entries: [
      { word: 'the', rank: 1, vector: [1, 0, 0] },
      { word: 'seized', rank: 40, vector: [0, 1, 0.2] },
      { word: 'captured', rank: 55, vector: [0, 0.9, 0.3] },
      { word: 'banana', rank: 300, vector: [0.1, -0.2, -1] },
      { word: 'café', rank: 400 },
      { word: 'syria', rank: 500 },
      { word: 'zygote', rank: 999 },
    ],
  });
}

describe('word table format', () => {
  it('round-trips words, ranks and vector directions', () => {
    const t = WordTable.fromBytes(tinyTable());
    expect(t.dimensions).toBe(3);
    expect(t.vectorCount).toBe(4);
    expect(t.wordCount).toBe(7);
    expect(t.rank('the')).toBe(1);
    expect(t.rank('Seized')).toBe(40);
    expect(t.rank('café')).toBe(400);
    expect(t.rank('zygote')).toBe(999);
    expect(t.rank('unknown')).toBeUndefined();
    expect(t.vector('café')).toBeUndefined();
    const v = t.vector('captured')!;
    expect(Math.hypot(...v)).toBeCloseTo(1, 5);
    const n = Math.hypot(0, 0.9, 0.3);
    expect(v[1]).toBeCloseTo(0.9 / n, 2);
    expect(v[2]).toBeCloseTo(0.3 / n, 2);
    expect(t.similarity('seized', 'captured')!).toBeGreaterThan(0.9);
    expect(t.similarity('seized', 'banana')!).toBeLessThan(0);
    expect(t.similarity('seized', 'zygote')).toBeUndefined();
    expect(t.neighbours('seized', 2).map((n) => n.word)).toEqual(['captured', 'the']);
  });

  it('looks words up lower-cased and without a possessive', () => {
    const t = WordTable.fromBytes(tinyTable());
    expect(t.rank('SEIZED')).toBe(40);
    expect(t.rank("banana's")).toBe(300);
    expect(t.rank('banana’s')).toBe(300);
    expect(t.rank('Syrias')).toBe(500);
  });

  it('writes the same bytes for the same input', () => {
    expect(Buffer.from(tinyTable()).equals(Buffer.from(tinyTable()))).toBe(true);
  });

  it('gives rarer words a higher background IDF, and unknown words the highest', () => {
    const t = WordTable.fromBytes(tinyTable());
    const idf = ['the', 'seized', 'banana', 'zygote', 'neverseen'].map((w) => t.backgroundIdf(w));
    for (let i = 1; i < idf.length; i++) expect(idf[i]!).toBeGreaterThanOrEqual(idf[i - 1]!);
    expect(idf[0]!).toBeLessThan(0.5);
    expect(t.backgroundIdf('neverseen')).toBe(t.maxIdf);
    // The source has no one-letter words: "a" and initials are the commonest, not the rarest.
    expect(t.backgroundIdf('a')).toBe(t.idfOfRank(1));
  });

  it('refuses a file that is not a word table, of another version, truncated or damaged', () => {
    const good = tinyTable();
    const expectError = (bytes: Uint8Array, message: RegExp) => {
      expect(() => WordTable.fromBytes(bytes)).toThrow(WordTableFormatError);
      expect(() => WordTable.fromBytes(bytes)).toThrow(message);
    };
    expectError(new Uint8Array(0), /too short/);
    expectError(new TextEncoder().encode('{"words": ["the", "a"], "padding": "..............................."}'), /not a word table/);
    const otherVersion = good.slice();
    otherVersion[4] = 99;
    expectError(otherVersion, /version 99/);
    expectError(good.subarray(0, good.length - 5), /truncated or damaged/);
    const flipped = good.slice();
    flipped[60] ^= 0xff;
    expectError(flipped, /checksum/);
  });

  it('refuses to write what it could not read back', () => {
    const base = { dimensions: 2, sourceVocabulary: 10, zipfDocumentLength: 50 };
    expect(() =>
      encodeWordTable({
        ...base,
        entries: [
          { word: 'b', rank: 2 },
          { word: 'a', rank: 1 },
        ],
      }),
    ).toThrow(/increasing/);
    expect(() =>
      encodeWordTable({
        ...base,
        entries: [
          { word: 'a', rank: 1 },
          { word: 'b', rank: 2, vector: [1, 0] },
        ],
      }),
    ).toThrow(/first/);
    expect(() => encodeWordTable({ ...base, entries: [{ word: 'A', rank: 1 }] })).toThrow(/bad word/);
    expect(() => encodeWordTable({ ...base, entries: [{ word: 'a', rank: 1, vector: [1, 0, 0] }] })).toThrow(/components/);
  });

  it('views the table by stem: combined rank, the most frequent form stands for the stem', () => {
    const bytes = encodeWordTable({
      dimensions: 2,
      sourceVocabulary: 100,
      zipfDocumentLength: 50,
      entries: [
        { word: 'killed', rank: 10, vector: [1, 0], stem: 'kill' },
        { word: 'killing', rank: 20, vector: [0.9, 0.1], stem: 'kill' },
        { word: 'happy', rank: 30, vector: [0, 1], stem: 'happi' },
        { word: 'kills', rank: 40, stem: 'kill' },
        { word: 'happiness', rank: 50, stem: 'happi' },
      ],
    });
    const t = WordTable.fromBytes(bytes);
    const stem = (w: string) => w.replace(/(ed|ing|s)$/, '');
    const view = t.byStem(stem);
    expect(t.byStem(stem)).toBe(view);
    expect(view.representative('kill')).toBe('killed');
    expect(view.rank('kill')!).toBeCloseTo(1 / (1 / 10 + 1 / 20 + 1 / 40), 6);
    expect(view.backgroundIdf('kill')).toBeLessThan(t.backgroundIdf('killed'));
    expect(view.similarity('kill', 'kill')).toBe(1);
    expect(view.stemOf('Killing')).toBe('kill');
    expect(view.vector('nothing')).toBeUndefined();
    expect(view.representative('happi')).toBe('happy');
    expect(view.rank('happi')!).toBeCloseTo(1 / (1 / 30 + 1 / 50), 6);
    expect(view.similarity('kill', 'happi')!).toBeLessThan(0.2);
  });

  it('stores a stem as an edit of its word, and refuses one it cannot hold', () => {
    const base = { dimensions: 1, sourceVocabulary: 10, zipfDocumentLength: 50 };
    expect(() => encodeWordTable({ ...base, entries: [{ word: 'dogs', rank: 1, stem: 'cat' }] })).toThrow(/stem "cat" of "dogs"/);
    expect(() =>
      encodeWordTable({
        ...base,
        entries: [
          { word: 'dogs', rank: 1, stem: 'dog' },
          { word: 'cat', rank: 2 },
        ],
      }),
    ).toThrow(/every word/);
    const noStems = WordTable.fromBytes(encodeWordTable({ ...base, entries: [{ word: 'dogs', rank: 1 }] }));
    expect(() => noStems.byStem((w) => w)).toThrow(/no stems/);
  });
});
