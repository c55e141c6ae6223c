// A record read from a file whose text is a two-byte string keeps the file's bytes and decodes them again when its
// text is needed (record.ts, Corpus.setBytes): the text it gives must be the one decoded at indexing, byte-order mark,
// curly quotes, line breaks and all, however many other texts were read since.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Corpus } from '../../src/core/corpus';
import { decodeBytes } from '../../src/core/text';

const utf8 = (s: string) => new TextEncoder().encode(s);

const piece = fc.constantFrom('Syria', ' ', '\n', '\r\n', '’', '“', '”', 'é', '—', '日本', '😀', 'al-Assad said.', 'Aleppo');

describe('texts kept as bytes', () => {
  it('gives every article the text decoded at indexing, after other articles pushed it out of the recent texts', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(piece, { minLength: 1, maxLength: 30 }), { minLength: 1, maxLength: 40 }),
        fc.boolean(),
        (parts, bom) => {
          const corpus = new Corpus();
          const expected = new Map<string, string>();
          parts.forEach((p, i) => {
            const text = `Title ${i}\n\n${p.join('')} Aleppo.`;
            const bytes = utf8(text);
            const withBom = bom ? new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]) : bytes;
            const decoded = decodeBytes(withBom);
            if (!decoded.ok) throw new Error('not decodable');
            expect(corpus.setBytes(`a${i}.md`, withBom).ok).toBe(true);
            expected.set(`a${i}.md`, decoded.text);
          });
          // Twice over, in two orders: later reads come after every other text was decoded again.
          for (const order of [[...expected.keys()], [...expected.keys()].reverse()]) {
            for (const file of order) {
              const r = corpus.get(file)!;
              expect(r.text).toBe(expected.get(file));
              expect(r.lines.lineCount).toBe(expected.get(file)!.split(/\r\n|\r|\n/).length);
            }
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('keeps an editor buffer’s text as given', () => {
    const corpus = new Corpus();
    corpus.setText('a.md', 'Title\n\n“Unsaved” words about Aleppo.');
    for (let i = 0; i < 40; i++) corpus.setBytes(`b${i}.md`, utf8(`Other ${i}\n\n“Quoted” Syria text ${i}.`));
    expect(corpus.get('a.md')!.text).toBe('Title\n\n“Unsaved” words about Aleppo.');
  });
});
