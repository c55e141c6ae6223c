// Decoding file bytes to text, and mapping offsets to lines/columns the way VS Code counts them.
// TextDecoder exists in Node and in browsers, so this stays platform-free.
import { SPACE_CLASS } from './kit/chars';
import { lastAtMost } from './kit/search';

export type DecodeResult =
  { ok: true; text: string; encoding: 'utf-8' | 'utf-16le' | 'utf-16be'; warnings: string[] } | { ok: false; reason: string };

/** Share of control bytes above which a file is taken for binary, not text. */
const BINARY_CONTROL_RATIO = 0.1;
/** How much of a file's start is sniffed for binary content. */
const BINARY_SNIFF_BYTES = 8192;
/** How much of a BOM-less file's start must look like UTF-16 to be read as UTF-16 (VS Code sniffs 512 bytes). */
const UTF16_SNIFF_BYTES = 512;

// Decoders hold no state between non-streaming calls: one each, not one per file (a fifth of decoding time at 10k).
const UTF8_STRICT = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const UTF8_LENIENT = new TextDecoder('utf-8', { ignoreBOM: true });

export const BINARY_REASON = 'binary content (NUL or control bytes), not an article';

/**
 * Bytes → text, the way VS Code opens the same file, so that offsets agree with `document.offsetAt`:
 * - a UTF-8 BOM, UTF-16 LE BOM or UTF-16 BE BOM is honoured and dropped (offsets count from after it);
 * - without a BOM, a file with NUL bytes is binary UNLESS its first 512 bytes alternate strictly between a zero
 *   byte and a non-zero one (ASCII-range text saved as UTF-16 without a BOM). That is the same guess VS Code makes
 *   (its "zero byte detection"); UTF-16 text whose first 512 bytes hold non-Latin-1 characters has no zero bytes
 *   in a fixed place and is treated as binary, by VS Code and by Parallax alike. A guessed UTF-16 file carries a
 *   warning, because the guess can be wrong;
 * - invalid UTF-8 or UTF-16 never stops reading: bad sequences become U+FFFD (as the editor shows them), with a warning.
 * Never throws.
 */
export function decodeBytes(bytes: Uint8Array): DecodeResult {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return decodeUtf16(bytes.subarray(2), 'utf-16le', []);
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return decodeUtf16(bytes.subarray(2), 'utf-16be', []);
  let start = 0;
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  const body = bytes.subarray(start);
  if (start === 0) {
    const guessed = guessUtf16WithoutBom(body);
    if (guessed) return decodeUtf16(body, guessed, [`no byte-order mark: read as ${guessed.toUpperCase()} (guessed from its zero bytes)`]);
  }
  if (looksBinary(body)) return { ok: false, reason: BINARY_REASON };
  const warnings: string[] = [];
  let text: string;
  try {
    text = UTF8_STRICT.decode(body);
  } catch {
    // Keep reading: invalid sequences become U+FFFD, which VS Code shows the same way.
    text = UTF8_LENIENT.decode(body);
    warnings.push('invalid UTF-8: undecodable bytes shown as \uFFFD');
  }
  return { ok: true, text, encoding: 'utf-8', warnings };
}

function decodeUtf16(body: Uint8Array, encoding: 'utf-16le' | 'utf-16be', warnings: string[]): DecodeResult {
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    text = new TextDecoder(encoding, { ignoreBOM: true }).decode(body);
    warnings.push(`invalid ${encoding.toUpperCase()}: undecodable bytes shown as \uFFFD`);
  }
  // A BOM in front of binary data (or of NUL-padded records) is still not an article.
  if (looksBinaryText(text)) return { ok: false, reason: BINARY_REASON };
  return { ok: true, text, encoding, warnings };
}

/** VS Code's guess for BOM-less UTF-16: zero bytes, each in the high half of its code unit, in the sniffed prefix. */
function guessUtf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, UTF16_SNIFF_BYTES);
  if (n < 2) return null;
  let le = true;
  let be = true;
  let zero = false;
  for (let i = 0; i < n; i++) {
    const isZero = bytes[i] === 0;
    const odd = i % 2 === 1;
    if (isZero) zero = true;
    if (odd ? !isZero : isZero) le = false; // LE ASCII: 'A' 00
    if (odd ? isZero : !isZero) be = false; // BE ASCII: 00 'A'
    if (!le && !be) return null;
  }
  if (!zero) return null;
  return le ? 'utf-16le' : 'utf-16be';
}

function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, BINARY_SNIFF_BYTES);
  if (n === 0) return false;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32 && b !== 27)) control++;
  }
  return control / n > BINARY_CONTROL_RATIO;
}

function looksBinaryText(text: string): boolean {
  const n = Math.min(text.length, BINARY_SNIFF_BYTES / 2);
  if (n === 0) return false;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return true;
    if (c < 9 || (c > 13 && c < 32 && c !== 27)) control++;
  }
  return control / n > BINARY_CONTROL_RATIO;
}

/**
 * Line starts of a text. Line breaks are \r\n, \n or a lone \r (VS Code treats all three as breaks),
 * so ranges stay exact for CRLF, CR-only and mixed files.
 */
export class LineMap {
  readonly lineStarts: Uint32Array;

  constructor(text: string) {
    const starts: number[] = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.lineStarts = Uint32Array.from(starts);
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** 0-based line and character (UTF-16 units) of an offset. */
  position(offset: number): { line: number; character: number } {
    const starts = this.lineStarts;
    const line = Math.max(0, lastAtMost(starts, offset));
    return { line, character: offset - starts[line] };
  }

  /** Offset of a 0-based line and character; clamps the line to the file. */
  offset(line: number, character: number): number {
    const l = Math.max(0, Math.min(line, this.lineStarts.length - 1));
    return this.lineStarts[l] + Math.max(0, character);
  }
}

/** Whitespace of any kind (including no-break spaces) folded to single spaces, trimmed. */
export function foldSpace(s: string): string {
  return s.replace(SPACE_RUN, ' ').replace(EDGE_SPACE, '');
}

const SPACE_RUN = new RegExp(`[${SPACE_CLASS}]+`, 'g');
/** The fold leaves at most one space at either end; NEL and U+200B are not removed by String.prototype.trim. */
const EDGE_SPACE = /^ | $/g;
