// The bytes of the shipped word table (media/words.bin): one writer, used by scripts/build-word-table.mjs and by the
// tests, and one reader, so the two cannot drift apart. Little-endian throughout.
//
//   header (48 bytes)
//     0  magic "PXWT"            4  u16 format version      6  u16 dimensions D
//     8  u32 vector words V     12  u32 words W (>= V)     16  u32 source vocabulary size (ranks are 1..this)
//    20  f32 Zipf document length (tokens; see backgroundIdf.ts)
//    24  u32 word bytes         28  u32 rank bytes         32  u32 checksum (FNV-1a of every byte after the header)
//    36  u32 stem bytes (W, or 0 when the table has no stems)    40  8 bytes reserved, zero
//   words   W lower-case words, UTF-8, each followed by '\n'; the first V have vectors; in rank order
//   ranks   W unsigned LEB128 varints: the rank of word 0, then the (positive) gap to each next rank
//   stems   W bytes, the Porter2 stem of each word as an edit of the word: low 4 bits = letters cut from its end,
//           high 4 bits = index in STEM_ENDINGS of the letters then added ("happy" → cut 1, add "i" → "happi")
//   (zero padding to a multiple of 4)
//   vectors V × D int8: each unit vector scaled so its largest component is ±127 (a per-vector scale that is not
//           stored, because only directions are ever compared)

export const WORD_TABLE_MAGIC = 'PXWT';
export const WORD_TABLE_VERSION = 2;
/** What a stem may end in that its word does not: all that Porter2 adds (y→i, a restored e, …). */
export const STEM_ENDINGS = ['', 'i', 'e', 'l', 'ie', 'y'] as const;
const HEADER_BYTES = 48;

/** What a word table holds, decoded but not yet indexed. */
export interface WordTableData {
  dimensions: number;
  /** Size of the source vocabulary the ranks count in (rank 1 = its most frequent word). */
  sourceVocabulary: number;
  /** Document length (in tokens) of the Zipf model behind background IDF, fitted when the table was built. */
  zipfDocumentLength: number;
  /** Words in rank order; the first `vectorCount` have vectors. */
  words: string[];
  /** Frequency rank of each word in the source (1-based, strictly increasing). */
  ranks: Uint32Array;
  /** The stem code of each word (see the stems section; decodeStem), or undefined when the table has none. */
  stemCodes: Uint8Array | undefined;
  vectorCount: number;
  /** vectorCount × dimensions int8 components, row-major. */
  vectors: Int8Array;
}

/** A word table file that cannot be read: not one, another version, or damaged. */
export class WordTableFormatError extends Error {
  constructor(message: string) {
    super(`Parallax word table: ${message}`);
    this.name = 'WordTableFormatError';
  }
}

function fnv1a(bytes: Uint8Array, from: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < bytes.length; i++) {
    h ^= bytes[i]!;
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Quantises a vector to int8 with its own scale: the largest |component| becomes 127. Direction is kept to within
 * rounding, which is all a cosine needs.
 */
export function quantiseVector(v: ArrayLike<number>, out: Int8Array, offset: number): void {
  let max = 0;
  for (let i = 0; i < v.length; i++) max = Math.max(max, Math.abs(v[i]!));
  const s = max > 0 ? 127 / max : 0;
  for (let i = 0; i < v.length; i++) out[offset + i] = Math.round(v[i]! * s);
}

export interface WordTableInput {
  dimensions: number;
  sourceVocabulary: number;
  zipfDocumentLength: number;
  /** Rank order; entries with a vector must all come before those without. */
  entries: ReadonlyArray<{ word: string; rank: number; vector?: ArrayLike<number>; stem?: string }>;
}

/** The stems-section byte for a word and its stem; throws when the stem is not an edit of the word's end that fits. */
export function encodeStem(word: string, stem: string): number {
  for (let keep = Math.min(word.length, stem.length); keep >= 0; keep--) {
    if (word.slice(0, keep) !== stem.slice(0, keep)) continue;
    const ending = STEM_ENDINGS.indexOf(stem.slice(keep) as (typeof STEM_ENDINGS)[number]);
    const cut = word.length - keep;
    if (ending < 0 || cut > 15) break;
    return cut | (ending << 4);
  }
  throw new WordTableFormatError(
    `stem ${JSON.stringify(stem)} of ${JSON.stringify(word)} is not an edit of its end that the format can hold`,
  );
}

/** The stem of a word from its stems-section byte (checked when the table is decoded). */
export function decodeStem(word: string, code: number): string {
  if (code === 0) return word;
  const ending = STEM_ENDINGS[code >> 4];
  const cut = code & 15;
  if (ending === undefined || cut > word.length) throw new WordTableFormatError(`bad stem code ${code} for ${JSON.stringify(word)}`);
  return word.slice(0, word.length - cut) + ending;
}

/** Encodes a word table. Throws on input that the reader would reject, so a bad table is never written. */
export function encodeWordTable(input: WordTableInput): Uint8Array {
  const { dimensions: D, entries } = input;
  if (!Number.isInteger(D) || D < 1 || D > 65535) throw new WordTableFormatError(`bad dimensions ${D}`);
  let V = 0;
  while (V < entries.length && entries[V]!.vector) V++;
  for (let i = V; i < entries.length; i++) {
    if (entries[i]!.vector) throw new WordTableFormatError('words with vectors must come first');
  }
  const seen = new Set<string>();
  let prev = 0;
  const rankBytes: number[] = [];
  for (const e of entries) {
    if (!e.word || e.word !== e.word.toLowerCase() || /[\n\r]/.test(e.word))
      throw new WordTableFormatError(`bad word ${JSON.stringify(e.word)}`);
    if (seen.has(e.word)) throw new WordTableFormatError(`duplicate word ${e.word}`);
    seen.add(e.word);
    if (!Number.isInteger(e.rank) || e.rank <= prev || e.rank > input.sourceVocabulary) {
      throw new WordTableFormatError(`ranks must be strictly increasing within 1..${input.sourceVocabulary} (${e.word}: ${e.rank})`);
    }
    let gap = e.rank - prev;
    prev = e.rank;
    while (gap >= 0x80) {
      rankBytes.push((gap & 0x7f) | 0x80);
      gap >>>= 7;
    }
    rankBytes.push(gap);
    if (e.vector && e.vector.length !== D)
      throw new WordTableFormatError(`vector of ${e.word} has ${e.vector.length} components, not ${D}`);
  }
  const withStems = entries.filter((e) => e.stem !== undefined).length;
  if (withStems !== 0 && withStems !== entries.length) throw new WordTableFormatError('either every word has a stem or none has');
  const stemBytes = withStems ? entries.map((e) => encodeStem(e.word, e.stem!)) : [];
  const wordBytes = new TextEncoder().encode(entries.map((e) => e.word + '\n').join(''));
  const vectorStart = align4(HEADER_BYTES + wordBytes.length + rankBytes.length + stemBytes.length);
  const bytes = new Uint8Array(vectorStart + V * D);
  bytes.set(wordBytes, HEADER_BYTES);
  bytes.set(rankBytes, HEADER_BYTES + wordBytes.length);
  bytes.set(stemBytes, HEADER_BYTES + wordBytes.length + rankBytes.length);
  const vectors = new Int8Array(bytes.buffer, vectorStart, V * D);
  for (let i = 0; i < V; i++) quantiseVector(entries[i]!.vector!, vectors, i * D);

  const view = new DataView(bytes.buffer);
  for (let i = 0; i < 4; i++) bytes[i] = WORD_TABLE_MAGIC.charCodeAt(i);
  view.setUint16(4, WORD_TABLE_VERSION, true);
  view.setUint16(6, D, true);
  view.setUint32(8, V, true);
  view.setUint32(12, entries.length, true);
  view.setUint32(16, input.sourceVocabulary, true);
  view.setFloat32(20, input.zipfDocumentLength, true);
  view.setUint32(24, wordBytes.length, true);
  view.setUint32(28, rankBytes.length, true);
  view.setUint32(36, stemBytes.length, true);
  view.setUint32(32, fnv1a(bytes, HEADER_BYTES), true);
  return bytes;
}

function align4(n: number): number {
  return (n + 3) & ~3;
}

/** Decodes and checks a word table; a file that is not one, of another version or damaged gives a WordTableFormatError. */
export function decodeWordTable(bytes: Uint8Array): WordTableData {
  if (bytes.length < HEADER_BYTES) throw new WordTableFormatError(`file too short (${bytes.length} bytes) to be a word table`);
  const magic = String.fromCharCode(bytes[0]!, bytes[1]!, bytes[2]!, bytes[3]!);
  if (magic !== WORD_TABLE_MAGIC)
    throw new WordTableFormatError(`not a word table (magic ${JSON.stringify(magic)}, expected "${WORD_TABLE_MAGIC}")`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint16(4, true);
  if (version !== WORD_TABLE_VERSION)
    throw new WordTableFormatError(`format version ${version}, this Parallax reads version ${WORD_TABLE_VERSION}`);
  const D = view.getUint16(6, true);
  const V = view.getUint32(8, true);
  const W = view.getUint32(12, true);
  const sourceVocabulary = view.getUint32(16, true);
  const zipfDocumentLength = view.getFloat32(20, true);
  const wordByteCount = view.getUint32(24, true);
  const rankByteCount = view.getUint32(28, true);
  const checksum = view.getUint32(32, true);
  const stemByteCount = view.getUint32(36, true);
  if (D < 1 || V > W || !(zipfDocumentLength > 0) || (stemByteCount !== 0 && stemByteCount !== W))
    throw new WordTableFormatError('inconsistent header');
  const vectorStart = align4(HEADER_BYTES + wordByteCount + rankByteCount + stemByteCount);
  if (bytes.length !== vectorStart + V * D) {
    throw new WordTableFormatError(`length ${bytes.length} bytes, the header says ${vectorStart + V * D} (truncated or damaged)`);
  }
  if (fnv1a(bytes, HEADER_BYTES) !== checksum) throw new WordTableFormatError('checksum mismatch (damaged file)');

  const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(HEADER_BYTES, HEADER_BYTES + wordByteCount));
  const words = text.split('\n');
  words.pop(); // after the last '\n'
  if (words.length !== W) throw new WordTableFormatError(`${words.length} words, the header says ${W}`);

  const ranks = new Uint32Array(W);
  let p = HEADER_BYTES + wordByteCount;
  const rankEnd = p + rankByteCount;
  let rank = 0;
  for (let i = 0; i < W; i++) {
    let gap = 0;
    let shift = 0;
    for (;;) {
      if (p >= rankEnd) throw new WordTableFormatError('rank section ends early');
      const b = bytes[p++]!;
      gap += (b & 0x7f) * 2 ** shift;
      shift += 7;
      if (b < 0x80) break;
    }
    rank += gap;
    if (gap === 0 || rank > sourceVocabulary) throw new WordTableFormatError('ranks out of order');
    ranks[i] = rank;
  }
  if (p !== rankEnd) throw new WordTableFormatError('rank section longer than its words');
  let stemCodes: Uint8Array | undefined;
  if (stemByteCount) {
    stemCodes = bytes.subarray(rankEnd, rankEnd + W);
    for (let i = 0; i < W; i++) {
      const c = stemCodes[i]!;
      if (c >> 4 >= STEM_ENDINGS.length || (c & 15) > words[i]!.length)
        throw new WordTableFormatError(`bad stem code ${c} for ${JSON.stringify(words[i])}`);
    }
  }
  const vectors = new Int8Array(bytes.buffer, bytes.byteOffset + vectorStart, V * D);
  return { dimensions: D, sourceVocabulary, zipfDocumentLength, words, ranks, stemCodes, vectorCount: V, vectors };
}
