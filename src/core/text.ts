// Decoding file bytes to text, and mapping offsets to lines/columns the way VS Code counts them.
// TextDecoder exists in Node and in browsers, so this stays platform-free.

export type DecodeResult =
  | { ok: true; text: string; encoding: 'utf-8' | 'utf-16le' | 'utf-16be'; warnings: string[] }
  | { ok: false; reason: string };

/** Share of control bytes above which a file is taken for binary, not text. */
const BINARY_CONTROL_RATIO = 0.1;

export function decodeBytes(bytes: Uint8Array): DecodeResult {
  const warnings: string[] = [];
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { ok: true, text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le', warnings };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { ok: true, text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be', warnings };
  }
  let start = 0;
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  const body = bytes.subarray(start);
  if (looksBinary(body)) return { ok: false, reason: 'binary content (NUL or control bytes), not an article' };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    // Keep reading: invalid sequences become U+FFFD, which VS Code shows the same way.
    text = new TextDecoder('utf-8').decode(body);
    warnings.push('invalid UTF-8: undecodable bytes shown as \uFFFD');
  }
  return { ok: true, text, encoding: 'utf-8', warnings };
}

function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  if (n === 0) return false;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32 && b !== 27)) control++;
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
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: offset - starts[lo] };
  }

  /** Offset of a 0-based line and character; clamps the line to the file. */
  offset(line: number, character: number): number {
    const l = Math.max(0, Math.min(line, this.lineStarts.length - 1));
    return this.lineStarts[l] + Math.max(0, character);
  }
}

/** Whitespace of any kind (including no-break spaces) folded to single spaces, trimmed. */
export function foldSpace(s: string): string {
  return s.replace(/[\s\u00a0\u2000-\u200b\u202f\u205f\u3000]+/g, ' ').trim();
}
