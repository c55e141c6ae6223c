// The persisted index: per-file parse results keyed by content hash, so a warm start never re-parses an unchanged
// file. Platform-free: the caller stores the string wherever it likes (the extension under storageUri, the CLI in
// a folder) and hands it back at the next start.
//
// Per file, what is a pure function of its text (metadata, passages, headings, parse warnings, the per-article name
// extraction), keyed by content hash. Beside them, the corpus-wide state (resolved entities, the event index) as it
// was at export, with a fingerprint of every (file, hash) pair and glossary it was computed from: it is used only
// when the fingerprint matches at the next start, so a cache can never make one file's change invisible in another
// (the event index is also reused per article, by a signature of its hash and its mentions' entities).
//
// Beside them, per file path, the size, mtime and hash the file had (FileStamp): a file whose size and mtime are
// unchanged at the next start is taken to hold the same text without hashing it again (git's rule).
//
// Format: JSON (JSON.parse is the fastest general decoder a JS engine has), with passages packed as flat number
// arrays, which is most of the volume. Anything unexpected — wrong format tag, another version, another salt,
// truncated or hand-edited data — makes the whole cache be ignored with a reason, never an exception.
import type { ArticleMeta, ParsedArticle, Passage, PassageKind } from './types';
import { NAMES_RULES_VERSION } from './names/version';

/**
 * Bump whenever the parser or this format changes what it produces for the same text (4: file stamps; 5: names
 * extractions after the JSON, stamps only for files read without warnings).
 */
const FORMAT_VERSION = 5;
/** The names extraction is cached too: its rules version is part of the cache's. */
export const CACHE_VERSION = FORMAT_VERSION * 1000 + NAMES_RULES_VERSION;
const FORMAT = 'parallax-index';

/** One file's parse, to export: everything `setText` would otherwise compute from the text alone. */
export interface CacheEntry<N = unknown> {
  hash: string;
  parsed: ParsedArticle;
  /** Per-article names extraction, when it had been computed: plain data (objects, arrays, strings, numbers). */
  names?: N;
  /** The article text, so that mention surfaces equal to their range need not be stored. */
  text?: string;
  /**
   * A names extraction still in its packed form (restored and never needed since), as the JSON string literal the
   * cache held it in: written back as it is, without decoding it.
   */
  packedNames?: string | null;
}

/**
 * One file's parse, as restored: the passages are unpacked when first asked for (the tree needs only the metadata
 * and warnings), the names extraction against the text once the file is read.
 */
export interface RestoredEntry<N = unknown> extends PackedNames<N> {
  hash: string;
  meta: ArticleMeta;
  warnings: string[];
  readonly parsed: ParsedArticle;
  /** The names extraction for this text (identical to a fresh one), or undefined when none was cached. */
  names(text: string, file: string): N | undefined;
  /** The packed names extraction's literal while it has not been unpacked (to export it as it is), else null. */
  packedNames(): string | null;
}

/** What a file was when the index was written: its size and mtime vouch for its content hash at the next start. */
export interface FileStamp {
  file: string;
  size: number;
  mtime: number;
  hash: string;
}

export type CacheDecodeResult<N = unknown> =
  { ok: true; entries: Map<string, RestoredEntry<N>>; linked: unknown; files: FileStamp[] } | { ok: false; reason: string };

/**
 * What, besides the text, decides a parse: the read options (outlet signatures) and whatever the host adds (e.g.
 * the extension version, so an update that changes the parser is never fed old results).
 */
export function cacheSalt(parts: unknown): string {
  return stableStringify(parts);
}

const KINDS: PassageKind[] = ['body', 'boilerplate'];

/** Passages as [start, end, kind, index, …] with optional reason/section as strings after the numbers. */
type PackedPassages = (number | string | null)[];
/**
 * `names`: where the packed names extraction (JSON text, parsed only when needed) lies in the names section after the
 * JSON, as [start, end) offsets, or null.
 */
type PackedEntry = [
  hash: string,
  meta: ArticleMeta,
  bodyStart: number,
  headings: [number, number, string][],
  passages: PackedPassages,
  warnings: string[],
  names: [number, number] | null,
];

/**
 * `linked` is the corpus-wide state (resolved entities, event index) at export time, opaque here: the corpus checks
 * on import that it was computed from exactly the files and glossaries it has, and otherwise rebuilds it.
 */
export function encodeCache<N>(
  entries: Iterable<CacheEntry<N>>,
  salt: string,
  linked: unknown = null,
  files: readonly FileStamp[] = [],
): string {
  let out = '';
  for (const part of encodeCacheParts(entries, salt, () => linked, files)) out += part;
  return out;
}

/** Entries encoded per part, so that a host can pause between parts (tens of megabytes at 10k articles). */
const ENTRIES_PER_PART = 100;

/**
 * The cache as consecutive pieces of one JSON text, for writing it without blocking: each piece is a bounded
 * amount of work. `linked` is asked for last, once every entry is encoded.
 */
export function* encodeCacheParts<N>(
  entries: Iterable<CacheEntry<N>>,
  salt: string,
  linked: () => unknown,
  files: readonly FileStamp[] = [],
): Generator<string> {
  for (const part of jsonParts(entries, salt, linked, files)) yield asciiJson(part);
}

/**
 * JSON text with every non-ASCII character written as a \u escape (valid JSON: they can only occur inside strings).
 * A pure-ASCII cache decodes and parses as a one-byte string: 40% less time at a warm start than raw UTF-8.
 */
function asciiJson(json: string): string {
  return /[^\x00-\x7f]/.test(json) ? json.replace(/[^\x00-\x7f]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0')) : json;
}

/** File stamps per part of the encoded text. */
const STAMPS_PER_PART = 2000;

/** The cache opens with the names section: `{"names":["<its length, NAMES_LENGTH_DIGITS digits>",` then the literals. */
const NAMES_OPEN = '{"names":["';
const NAMES_LENGTH_DIGITS = 12;

function* jsonParts<N>(
  entries: Iterable<CacheEntry<N>>,
  salt: string,
  linked: () => unknown,
  files: readonly FileStamp[],
): Generator<string> {
  // The names extractions (two thirds of the volume) come first, as one JSON array of string literals whose length
  // is written at its head: the next start cuts them off without parsing them (JSON.parse then scans a third of
  // the text), and one extraction is parsed out of its literal only when it is needed. The whole stays one JSON text.
  const names: string[] = [];
  let namesLength = 0;
  const namesRange = (literal: string | null): [number, number] | null => {
    if (literal === null) return null;
    // Measured as written: every part is made ASCII (asciiJson), which must not move the offsets.
    const part = ',' + asciiJson(literal);
    names.push(part);
    namesLength += part.length;
    return [namesLength - part.length + 1, namesLength];
  };
  const parts: string[] = [];
  let batch: PackedEntry[] = [];
  const flush = () => {
    parts.push((parts.length ? ',' : '') + JSON.stringify(batch).slice(1, -1));
    batch = [];
  };
  for (const e of entries) {
    const p = e.parsed;
    // Passages are restored with index = position; anything else is not cached rather than cached wrong.
    if (!p.passages.every((x, i) => x.index === i)) continue;
    batch.push([
      e.hash,
      p.meta,
      p.bodyStart,
      p.headings.map((h) => [h.start, h.end, h.text]),
      packPassages(p.passages),
      p.warnings,
      namesRange(e.names !== undefined ? JSON.stringify(asciiJson(JSON.stringify(packNames(e.names, e.text)))) : (e.packedNames ?? null)),
    ]);
    if (batch.length >= ENTRIES_PER_PART) {
      flush();
      yield ''; // a place to pause: the entries are written once the names section before them is complete
    }
  }
  if (batch.length) flush();
  yield NAMES_OPEN + String(namesLength).padStart(NAMES_LENGTH_DIGITS, '0') + '"';
  for (let i = 0; i < names.length; i += ENTRIES_PER_PART) yield names.slice(i, i + ENTRIES_PER_PART).join('');
  yield `],"format":${JSON.stringify(FORMAT)},"version":${CACHE_VERSION},"salt":${JSON.stringify(salt)},"entries":[`;
  yield* parts;
  // Columns (paths, sizes, mtimes, hashes), a part per slice: at 10k files one array of objects is ~1 MB of keys.
  for (let i = 0; i < files.length || i === 0; i += STAMPS_PER_PART) {
    const slice = files.slice(i, i + STAMPS_PER_PART);
    yield (i === 0 ? '],"files":[' : ',') + JSON.stringify(slice.flatMap((f) => [f.file, f.size, f.mtime, f.hash])).slice(1, -1);
  }
  yield '],"linked":';
  // Field by field, two levels deep (the entity index, the event index and their columns are megabytes each).
  yield* valueParts(linked() ?? null, 2);
  yield '}';
}

/** JSON text of `value` in pieces: the fields of objects down to `depth` levels each a piece of their own. */
function* valueParts(value: unknown, depth: number): Generator<string> {
  if (depth <= 0 || !isObject(value)) {
    yield JSON.stringify(value) ?? 'null';
    return;
  }
  let sep = '{';
  for (const [key, v] of Object.entries(value)) {
    if (v === undefined || typeof v === 'function') continue;
    yield sep + JSON.stringify(key) + ':';
    yield* valueParts(v, depth - 1);
    sep = ',';
  }
  yield sep === ',' ? '}' : '{}';
}

/** The names section: the text of [start, end) (a JSON string literal), and its length. */
interface NamesSection {
  length: number;
  slice(start: number, end: number): string;
}

/**
 * Cuts the names section off the head of the cache (its length is written there) without scanning it; `rest` is the
 * remaining JSON text (as a string, or as the bytes after its opening brace). Null: not a cache of this format.
 */
function splitNames(data: string | Uint8Array): { section: NamesSection; rest: string | Uint8Array } | null {
  const head = NAMES_OPEN.length + NAMES_LENGTH_DIGITS + 1;
  const headText = typeof data === 'string' ? data.slice(0, head) : String.fromCharCode(...data.subarray(0, head));
  if (!headText.startsWith(NAMES_OPEN) || headText[head - 1] !== '"') return null;
  const digits = headText.slice(NAMES_OPEN.length, head - 1);
  if (!/^[0-9]+$/.test(digits)) return null;
  const end = head + Number(digits);
  // The section is followed by `],` and the other fields.
  if (end + 2 > data.length) return null;
  if (typeof data === 'string') {
    if (data.slice(end, end + 2) !== '],') return null;
    const names = data.slice(head, end);
    return { section: { length: names.length, slice: (a, b) => names.slice(a, b) }, rest: '{' + data.slice(end + 2) };
  }
  if (data[end] !== 0x5d || data[end + 1] !== 0x2c) return null;
  // Kept as bytes (a copy, so the caller's buffer can go): one extraction is decoded when it is needed. ASCII only.
  const names = data.slice(head, end);
  const decoder = new TextDecoder('utf-8');
  return { section: { length: names.length, slice: (a, b) => decoder.decode(names.subarray(a, b)) }, rest: data.subarray(end + 2) };
}

export function decodeCache<N = unknown>(data: string | Uint8Array, salt: string): CacheDecodeResult<N> {
  const split = splitNames(data);
  if (!split) return { ok: false, reason: 'not a Parallax index' };
  let text: string;
  try {
    text = typeof split.rest === 'string' ? split.rest : '{' + new TextDecoder('utf-8', { fatal: true }).decode(split.rest);
  } catch {
    return { ok: false, reason: 'not UTF-8' };
  }
  const section = split.section;
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'not valid JSON (truncated or corrupt)' };
  }
  if (!isObject(root) || root.format !== FORMAT) return { ok: false, reason: 'not a Parallax index' };
  if (root.version !== CACHE_VERSION) return { ok: false, reason: `format version ${String(root.version)}, expected ${CACHE_VERSION}` };
  if (root.salt !== salt) return { ok: false, reason: 'written with other read settings or another Parallax version' };
  if (!Array.isArray(root.entries)) return { ok: false, reason: 'no entries' };
  const entries = new Map<string, RestoredEntry<N>>();
  for (const raw of root.entries as unknown[]) {
    const entry = unpackEntry<N>(raw, section);
    // One malformed entry means the file was damaged or hand-edited: trust none of it.
    if (!entry) return { ok: false, reason: 'malformed entry' };
    entries.set(entry.hash, entry);
  }
  return { ok: true, entries, linked: root.linked ?? null, files: unpackStamps(root.files) };
}

/** Stamps as flat [file, size, mtime, hash, …]; anything malformed is dropped (those files are simply hashed). */
function unpackStamps(raw: unknown): FileStamp[] {
  if (!Array.isArray(raw) || raw.length % 4 !== 0) return [];
  const out: FileStamp[] = [];
  for (let i = 0; i < raw.length; i += 4) {
    const [file, size, mtime, hash] = raw.slice(i, i + 4) as unknown[];
    if (typeof file !== 'string' || typeof size !== 'number' || typeof mtime !== 'number' || typeof hash !== 'string') return [];
    out.push({ file, size, mtime, hash });
  }
  return out;
}

function packPassages(passages: Passage[]): PackedPassages {
  const out: PackedPassages = [];
  for (const p of passages) {
    out.push(p.start, p.end, KINDS.indexOf(p.kind), p.reason ?? null, p.section ?? null);
  }
  return out;
}

function unpackEntry<N>(raw: unknown, section: NamesSection): RestoredEntry<N> | null {
  if (!Array.isArray(raw) || raw.length !== 7) return null;
  const [hash, meta, bodyStart, headings, passages, warnings, names] = raw as PackedEntry;
  if (typeof hash !== 'string' || !isObject(meta) || typeof bodyStart !== 'number') return null;
  if (!Array.isArray(headings) || !Array.isArray(passages) || passages.length % 5 !== 0 || !Array.isArray(warnings)) return null;
  for (const h of headings) {
    if (!Array.isArray(h) || typeof h[0] !== 'number' || typeof h[1] !== 'number' || typeof h[2] !== 'string') return null;
  }
  // Checked now (a damaged entry means trusting none of the cache), built when first asked for.
  for (let i = 0; i < passages.length; i += 5) {
    if (typeof passages[i] !== 'number' || typeof passages[i + 1] !== 'number' || KINDS[passages[i + 2] as number] === undefined)
      return null;
  }
  if (names !== null && !isRange(names, section.length)) return null;
  let parsed: ParsedArticle | null = null;
  const restoredMeta = meta as unknown as ArticleMeta;
  const restoredWarnings = warnings.map(String);
  // Kept packed in the names section until a resolution needs it (a warm start of an unchanged corpus never does):
  // parsing a million mentions into arrays costs time and memory for nothing. Unpacked once, then the packed form is
  // let go. Copies of the file share the result.
  let packed: [number, number] | null = names;
  let first: Record<string, unknown> | undefined;
  return {
    hash,
    meta: restoredMeta,
    warnings: restoredWarnings,
    get parsed(): ParsedArticle {
      parsed ??= {
        meta: restoredMeta,
        bodyStart,
        headings: headings.map((h) => ({ start: h[0], end: h[1], text: h[2] })),
        passages: unpackPassages(passages),
        warnings: restoredWarnings,
      };
      return parsed;
    },
    names: (text, file) => {
      if (!first && packed) {
        // Damaged names cost their extraction (the caller extracts them from the text), never a wrong answer.
        first = unpackNamesText(packedText(section, packed), text, file);
        packed = null;
      }
      if (!first) return undefined;
      return (first.file === file ? first : { ...first, file }) as N;
    },
    packedNames: () => (packed ? section.slice(packed[0], packed[1]) : null),
  };
}

/**
 * A names extraction held packed in memory, as the cache holds it (see `packNames`), and unpacked again when a
 * resolution needs it. Once names are resolved an article's extraction is needed only by the next full resolution
 * (after edits) and by the cache export, never by a query: held as objects it was the largest part of the heap after
 * the full-text index (a million mention objects at 10k articles). A restored entry (`RestoredEntry`) is one too.
 */
export interface PackedNames<N = unknown> {
  /** The extraction, identical to the one packed (`file` as given), or undefined when it cannot be unpacked. */
  names(text: string, file: string): N | undefined;
  /** The JSON string literal the cache writes for it (exported as it is, without packing it again). */
  packedNames(): string | null;
}

/** An extraction packed for memory: `text` is the article's, whose ranges supply the mention surfaces left out. */
export function packExtraction<N>(names: N, text: string): PackedNames<N> {
  // Held as the bytes of the JSON inside the cache's literal (the literal escapes every quote again: a fifth more),
  // ASCII: one byte a character, where the string JSON.stringify builds from a text with any non-Latin-1 character
  // takes two, ASCII or not.
  const bytes = new TextEncoder().encode(asciiJson(JSON.stringify(packNames(names, text))));
  const json = () => new TextDecoder().decode(bytes);
  return {
    names: (t, file) => unpackNamesText(json(), t, file) as N | undefined,
    packedNames: () => JSON.stringify(json()),
  };
}

/** The packed extraction held by a literal of the names section; '' when damaged (then unpacking it fails). */
function packedText(section: NamesSection, [start, end]: [number, number]): string {
  try {
    const text: unknown = JSON.parse(section.slice(start, end));
    return typeof text === 'string' ? text : '';
  } catch {
    return '';
  }
}

function isRange(v: unknown, length: number): v is [number, number] {
  return (
    Array.isArray(v) && v.length === 2 && Number.isInteger(v[0]) && Number.isInteger(v[1]) && 0 <= v[0] && v[0] <= v[1] && v[1] <= length
  );
}

function unpackPassages(passages: PackedPassages): Passage[] {
  const out: Passage[] = [];
  for (let i = 0; i < passages.length; i += 5) {
    const p: Passage = {
      start: passages[i] as number,
      end: passages[i + 1] as number,
      index: i / 5,
      kind: KINDS[passages[i + 2] as number],
    };
    const reason = passages[i + 3];
    const section = passages[i + 4];
    if (typeof reason === 'string') p.reason = reason;
    if (typeof section === 'string') p.section = section;
    out.push(p);
  }
  return out;
}

// Names extractions are most of a cache's volume: every mention is an object with the same few fields. They are
// stored column-wise (field names once per article, not once per mention), and a mention's surface is left out
// when it is exactly the text of its range, which the restored file supplies. Generic over the fields, so a new
// field in the extraction is kept without a change here. The `file` field is the key it is restored under.
const SAME_AS_TEXT = 0;

interface PackedRows {
  /** Field names; a row's missing field is null in its column (a flag column is a string of t, f and _). */
  k: string[];
  c: (unknown[] | string)[];
}

function packNames(names: unknown, text: string | undefined): unknown {
  if (!isObject(names)) return names;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(names)) {
    if (key === 'file') continue;
    if (key === 'mentions' && Array.isArray(value) && value.every(isObject)) out[key] = packRows(value as Record<string, unknown>[], text);
    else if (isWordList(value)) out[key] = { words: value.join(' ') };
    else out[key] = value;
  }
  return out;
}

/** Lists of single words (the distinct lower-case words of an article) are stored as one space-separated string. */
function isWordList(v: unknown): v is string[] {
  return Array.isArray(v) && v.length > 0 && v.every((w) => typeof w === 'string' && w !== '' && !/\s/.test(w));
}

/** Flag columns (true, false or absent) as one character per row. */
const FLAG_CHARS: Record<string, boolean | null> = { t: true, f: false, _: null };

function packFlags(column: unknown[]): string | null {
  let out = '';
  for (const v of column) {
    if (v === true) out += 't';
    else if (v === false) out += 'f';
    else if (v === null) out += '_';
    else return null;
  }
  return out;
}

function packRows(rows: Record<string, unknown>[], text: string | undefined): PackedRows {
  // One pass over the rows (a 10k-article corpus has a million mentions): columns are created as keys turn up.
  const keys: string[] = [];
  const columnOf = new Map<string, unknown[]>();
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    for (const k in r) {
      let v = r[k];
      if (v === undefined) continue;
      let col = columnOf.get(k);
      if (!col) {
        col = new Array<unknown>(rows.length).fill(null);
        columnOf.set(k, col);
        keys.push(k);
      }
      if (
        k === 'surface' &&
        text !== undefined &&
        typeof v === 'string' &&
        typeof r.start === 'number' &&
        r.end === r.start + v.length &&
        text.startsWith(v, r.start)
      ) {
        v = SAME_AS_TEXT;
      }
      col[i] = v;
    }
  }
  return { k: keys, c: keys.map((k) => packFlags(columnOf.get(k)!) ?? columnOf.get(k)!) };
}

function isPackedRows(v: unknown): v is PackedRows {
  if (!isObject(v) || !Array.isArray(v.k) || !Array.isArray(v.c) || v.k.length !== v.c.length) return false;
  const n = Array.isArray(v.c[0]) || typeof v.c[0] === 'string' ? v.c[0].length : 0;
  return (
    v.k.every((k) => typeof k === 'string') &&
    v.c.every((col) => (Array.isArray(col) || (typeof col === 'string' && /^[tf_]*$/.test(col))) && col.length === n)
  );
}

function unpackNamesText(json: string, text: string, file: string): Record<string, unknown> | undefined {
  let names: unknown;
  try {
    names = JSON.parse(json);
  } catch {
    return undefined;
  }
  if (!isObject(names) || !(names.mentions === undefined || isPackedRows(names.mentions))) return undefined;
  try {
    return unpackNames(names, text, file) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

function unpackNames(packed: Record<string, unknown>, text: string, file: string): unknown {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(packed)) {
    if (key === 'mentions' && isObject(value)) out[key] = unpackRows(value as unknown as PackedRows, text);
    else if (isObject(value) && typeof value.words === 'string' && Object.keys(value).length === 1) out[key] = value.words.split(' ');
    else out[key] = value;
  }
  out.file = file;
  return out;
}

function unpackRows(packed: PackedRows, text: string): Record<string, unknown>[] {
  const n = packed.c[0]?.length ?? 0;
  const rows: Record<string, unknown>[] = [];
  for (let i = 0; i < n; i++) {
    const r: Record<string, unknown> = {};
    packed.k.forEach((k, j) => {
      const col = packed.c[j];
      const v = typeof col === 'string' ? FLAG_CHARS[(col as string)[i]] : col[i];
      if (v !== null && v !== undefined) r[k] = v;
    });
    if (r.surface === SAME_AS_TEXT) r.surface = text.slice(r.start as number, r.end as number);
    rows.push(r);
  }
  return rows;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** JSON with sorted keys, so equal settings give an equal salt whatever order they were written in. */
function stableStringify(v: unknown): string {
  if (Array.isArray(v)) return '[' + v.map(stableStringify).join(',') + ']';
  if (isObject(v)) {
    return (
      '{' +
      Object.keys(v)
        .sort()
        .filter((k) => v[k] !== undefined)
        .map((k) => JSON.stringify(k) + ':' + stableStringify(v[k]))
        .join(',') +
      '}'
    );
  }
  return JSON.stringify(v ?? null);
}
