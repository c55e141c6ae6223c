// Decoding and line mapping for messy files: what a reader notices is whether a file opens at all, whether its
// characters are right, and whether every position Parallax reports lands on the same spot VS Code shows.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBytes, LineMap } from '../../src/core/text';
import { lineMapText } from './speed-inputs';

const utf8 = (s: string) => new TextEncoder().encode(s);

function utf16(s: string, endian: 'le' | 'be', bom: boolean): Uint8Array {
  const out = new Uint8Array((s.length + (bom ? 1 : 0)) * 2);
  let o = 0;
  const put = (u: number) => {
    if (endian === 'le') {
      out[o++] = u & 0xff;
      out[o++] = u >> 8;
    } else {
      out[o++] = u >> 8;
      out[o++] = u & 0xff;
    }
  };
  if (bom) put(0xfeff);
  for (let i = 0; i < s.length; i++) put(s.charCodeAt(i));
  return out;
}

/** Line and column of an offset computed without LineMap: split the prefix on every break VS Code recognises. */
function independentPosition(text: string, offset: number): { line: number; character: number } {
  const parts = text.slice(0, offset).split(/\r\n|\r|\n/);
  return { line: parts.length - 1, character: parts[parts.length - 1].length };
}

const ARTICLE = 'Syria’s rebels — “HTS” — took Aleppo.\nDamascus fell on 8 December.\n\nBy Jane Doe';

describe('decodeBytes', () => {
  it('reads plain UTF-8, and drops a UTF-8 BOM so offsets start after it', () => {
    const plain = decodeBytes(utf8(ARTICLE));
    expect(plain).toMatchObject({ ok: true, text: ARTICLE, encoding: 'utf-8', warnings: [] });
    const withBom = decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(ARTICLE)]));
    expect(withBom).toMatchObject({ ok: true, text: ARTICLE, warnings: [] });
  });

  it('reads UTF-16 LE and BE with a BOM: same text (BOM dropped), no warning', () => {
    for (const endian of ['le', 'be'] as const) {
      const r = decodeBytes(utf16(ARTICLE, endian, true));
      expect(r, endian).toMatchObject({ ok: true, text: ARTICLE, encoding: `utf-16${endian}`, warnings: [] });
    }
  });

  it('keeps characters outside the BMP (surrogate pairs) intact in UTF-16', () => {
    const text = 'Flag 🇸🇾 and 𝒜 in the text';
    for (const endian of ['le', 'be'] as const) {
      const r = decodeBytes(utf16(text, endian, true));
      expect(r.ok && r.text).toBe(text);
    }
  });

  it('reads BOM-less UTF-16 of ASCII-range text (as VS Code guesses it), with a warning that it was guessed', () => {
    const text = 'Aleppo\r\nBy Jane Doe\r\n' + 'The city fell. '.repeat(50);
    for (const endian of ['le', 'be'] as const) {
      const r = decodeBytes(utf16(text, endian, false));
      expect(r.ok, endian).toBe(true);
      if (!r.ok) continue;
      expect(r.text).toBe(text);
      expect(r.encoding).toBe(`utf-16${endian}`);
      expect(r.warnings.join(' ')).toMatch(/no byte-order mark/);
    }
  });

  it('treats BOM-less UTF-16 with non-Latin text in its first bytes as binary (no zero-byte pattern to guess from)', () => {
    // Decision (documented on decodeBytes): VS Code shows this file as binary too, so there are no editor
    // positions Parallax could disagree with; a reader who wants it read saves it with a BOM.
    const r = decodeBytes(utf16('حلب Aleppo '.repeat(200), 'le', false));
    expect(r).toMatchObject({ ok: false, reason: expect.stringMatching(/binary/) });
  });

  it('skips a binary file named .txt (PNG header, NULs) and says why', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 1, 2, 3, 0, 0, 7]);
    const r = decodeBytes(png);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/binary/);
  });

  it('skips control-byte soup without NULs as binary, but keeps text with a few form feeds or escapes', () => {
    const soup = new Uint8Array(4000).map((_, i) => (i % 3 === 0 ? 1 + (i % 7) : 0x41));
    expect(decodeBytes(soup).ok).toBe(false);
    const text = 'Page one.\f\nPage two \u001b[1mbold\u001b[0m.\n'.repeat(20);
    expect(decodeBytes(utf8(text))).toMatchObject({ ok: true, text });
  });

  it('skips a UTF-16 BOM in front of binary data', () => {
    const bytes = new Uint8Array([0xff, 0xfe, 0, 0, 1, 0, 2, 0, 0, 0, 5, 0]);
    expect(decodeBytes(bytes)).toMatchObject({ ok: false });
  });

  it('reads invalid UTF-8 (Latin-1 bytes, truncated sequences) with U+FFFD and a warning, never skips it', () => {
    const bytes = new Uint8Array([...utf8('Caf'), 0xe9, ...utf8(' in Hom'), 0xe2, 0x80, ...utf8('s\nBy Jane Doe')]);
    const r = decodeBytes(bytes);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.text.startsWith('Caf\uFFFD in Hom')).toBe(true);
    expect(r.text.endsWith('s\nBy Jane Doe')).toBe(true);
    expect(r.warnings.join(' ')).toMatch(/invalid UTF-8/);
  });

  it('reads an odd-length UTF-16 file (last byte cut off) with U+FFFD and a warning', () => {
    const bytes = utf16('Aleppo fell', 'le', true);
    const r = decodeBytes(bytes.subarray(0, bytes.length - 1));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.text).toBe('Aleppo fel\uFFFD');
    expect(r.warnings.join(' ')).toMatch(/invalid UTF-16LE/);
  });

  it('decodes empty input as empty text (the corpus decides to skip it)', () => {
    expect(decodeBytes(new Uint8Array())).toMatchObject({ ok: true, text: '' });
    expect(decodeBytes(new Uint8Array([0xff, 0xfe]))).toMatchObject({ ok: true, text: '' });
  });

  it('never throws and always returns text or a reason, for any bytes (fuzzed)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2048 }), (bytes) => {
        const r = decodeBytes(bytes);
        if (r.ok) expect(typeof r.text).toBe('string');
        else expect(r.reason.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });

  it('round-trips any string through UTF-8 and UTF-16 with a BOM (fuzzed)', () => {
    // Strings without lone surrogates and without control soup: text a person would write.
    const textArb = fc
      .string({ unit: 'grapheme', maxLength: 300 })
      .filter((s) => !/[\u0000-\u0008\u000e-\u001f]/.test(s) && !s.startsWith('\uFEFF'));
    fc.assert(
      fc.property(textArb, (text) => {
        expect(decodeBytes(utf8(text))).toMatchObject({ ok: true, text });
        expect(decodeBytes(utf16(text, 'le', true))).toMatchObject({ ok: true, text });
        expect(decodeBytes(utf16(text, 'be', true))).toMatchObject({ ok: true, text });
      }),
      { numRuns: 300 },
    );
  });
});

describe('LineMap', () => {
  const variants: Record<string, string> = {
    lf: 'Title\nBy Jane Doe\n\nFirst paragraph.\nSecond line.\n',
    crlf: 'Title\r\nBy Jane Doe\r\n\r\nFirst paragraph.\r\nSecond line.\r\n',
    cr: 'Title\rBy Jane Doe\r\rFirst paragraph.\rSecond line.\r',
    mixed: 'Title\r\nBy Jane Doe\n\rFirst paragraph.\rSecond line.\r\n',
  };

  it('gives the same line/column for the same word whatever the line endings', () => {
    for (const [name, text] of Object.entries(variants)) {
      const lines = new LineMap(text);
      expect(lines.lineCount, name).toBe(6);
      expect(lines.position(text.indexOf('Jane')), name).toEqual({ line: 1, character: 3 });
      expect(lines.position(text.indexOf('Second')), name).toEqual({ line: 4, character: 0 });
      expect(lines.offset(3, 6), name).toBe(text.indexOf('paragraph'));
    }
  });

  it('agrees with an independent line/column count at every offset, for any mix of line endings (fuzzed)', () => {
    const piece = fc.oneof(fc.constantFrom('\n', '\r', '\r\n', ' ', 'ab', 'é', '🇸🇾'), fc.string({ maxLength: 5 }));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (pieces) => {
        const text = pieces.join('');
        const lines = new LineMap(text);
        for (let offset = 0; offset <= text.length; offset++) {
          // The gap inside a \r\n pair is not a position an editor can hold.
          if (text[offset - 1] === '\r' && text[offset] === '\n') continue;
          const p = lines.position(offset);
          expect(p).toEqual(independentPosition(text, offset));
          expect(lines.offset(p.line, p.character)).toBe(offset);
        }
      }),
      { numRuns: 300 },
    );
  });

  // Its time is a target of `npm run bench:targets` (test/bench/targets.ts), on the same line.
  it('maps a single 5 MB line', () => {
    const text = lineMapText();
    const lines = new LineMap(text);
    const p = lines.position(text.length - 1);
    expect(lines.lineCount).toBe(1);
    expect(p).toEqual({ line: 0, character: text.length - 1 });
  });
});
