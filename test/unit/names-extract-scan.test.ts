// Name extraction reads characters through its own scanner and shares strings and word tables across articles.
// These tests hold it to the regular expression it replaced and make sure nothing leaks from one article into
// the next one.
import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/core/article';
import { extractNames, nameKey } from '../../src/core/names';
import { tokenSpans } from '../../src/core/names/scan/tokenize';

const TOKEN_RE = /(?:\p{Lu}\.){2,}|[\p{L}\p{M}\p{N}]+(?:[’'ʼ\-‐‑][\p{L}\p{M}\p{N}]+)*[’'ʼ]?/gu;

function regexSpans(text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(TOKEN_RE)) out.push(m.index, m.index + m[0].length);
  return out;
}

/** Pieces that exercise every branch: initials, joiners, non-ASCII letters, marks, astral letters, lone surrogates. */
const PIECES = [
  'a',
  'b',
  'Z',
  'U',
  'N',
  'é',
  'É',
  'ß',
  '7',
  '\u0301',
  '𝐀',
  '𝑎',
  '😀',
  '\ud800',
  '\udc00',
  '.',
  "'",
  '’',
  'ʼ',
  '-',
  '‐',
  '‑',
  '—',
  ' ',
  '\u00a0',
  '\n',
  ',',
  '(',
  ')',
  '…',
  'al',
  'U.N.',
  'Assad’s',
  'HTS-led',
];

function article(body: string, title = 'Report'): { file: string; text: string } {
  return { file: 'x.md', text: `---\ntitle: ${title}\noutlet: Example\n---\n\n${body}\n` };
}

function extract(file: string, text: string) {
  const p = parseArticle(text);
  return extractNames({ file, text, passages: p.passages, headings: p.headings, meta: p.meta });
}

describe('token scanner', () => {
  it('finds the same tokens as the regular expression it replaced (property, 500 runs)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        expect(tokenSpans(text)).toEqual(regexSpans(text));
      }),
      { numRuns: 500 },
    );
  });

  it('reads dotted initials, possessives and hyphenated words as one token', () => {
    const text = 'The U.S.-backed SDF, Assad’s forces and al-Nusra';
    const spans = tokenSpans(text);
    const words: string[] = [];
    for (let k = 0; k < spans.length; k += 2) words.push(text.slice(spans[k], spans[k + 1]));
    expect(words).toEqual(['The', 'U.S.', 'backed', 'SDF', 'Assad’s', 'forces', 'and', 'al-Nusra']);
  });
});

describe('extractNames', () => {
  it('gives every mention its own text, its key and only flags that are set (property, 150 runs)', () => {
    const word = fc.constantFrom(
      'Bashar',
      'al-Assad',
      'Assad’s',
      'Hezbollah',
      'the',
      'said',
      'in',
      'Idlib',
      'HTS',
      'U.N.',
      'Syrian',
      'Observatory',
      'for',
      'Human',
      'Rights',
      'Érdoğan',
      '𝐀bc',
      'Deir',
      'ez-Zor',
      '(SOHR)',
      'leader',
      ',',
      '.',
    );
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 60 }), (ws) => {
        const { file, text } = article(ws.join(' '));
        const names = extract(file, text);
        for (const m of names.mentions) {
          expect(m.surface).toBe(text.slice(m.start, m.end));
          expect(m.key).toBe(nameKey(m.surface));
          for (const flag of ['acr', 'the', 'strong', 'si', 'ps'] as const) {
            if (flag in m) expect(m[flag]).toBe(true);
          }
          if ('cue' in m) expect(['person', 'group', 'place']).toContain(m.cue);
        }
        expect(new Set(names.lower).size).toBe(names.lower.length);
      }),
      { numRuns: 150 },
    );
  });

  it('lists an article’s own lower-case words only, whatever was extracted before it', () => {
    const a = article('Rebels shelled the besieged district of Aleppo, the Syrian Observatory said on Monday.');
    const b = article('Bashar al-Assad met envoys in Damascus, officials said.');
    const bAlone = extract(b.file, b.text);
    extract(a.file, a.text);
    const bAfterA = extract(b.file, b.text);
    expect(bAfterA).toEqual(bAlone);
    expect(bAfterA.lower).not.toContain('shelled');
    expect(bAfterA.lower).toEqual(expect.arrayContaining(['met', 'envoys', 'officials']));
  });

  it('gives the same result for an article however many others were extracted before it (FA-KES)', () => {
    const dir = new URL('../fixtures/fa-kes/', import.meta.url);
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.md'))
      .sort()
      .slice(0, 40);
    const read = (f: string) => readFileSync(new URL(f, dir), 'utf8');
    const first = JSON.stringify(extract(files[0], read(files[0])));
    for (const f of files.slice(1)) extract(f, read(f));
    expect(JSON.stringify(extract(files[0], read(files[0])))).toBe(first);
  });
});
