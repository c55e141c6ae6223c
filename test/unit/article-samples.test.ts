// The five sample articles in corpus/: metadata and passages as a reader of each file sees them.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/core/article';
import type { ParsedArticle } from '../../src/core/types';

const corpus = new URL('../../corpus/', import.meta.url);
function load(name: string): { text: string; a: ParsedArticle } {
  const text = readFileSync(new URL(name, corpus), 'utf8').replace(/^\uFEFF/, '');
  return { text, a: parseArticle(text) };
}
const slice = (text: string, r: { start: number; end: number }) => text.slice(r.start, r.end);

describe('000: one paragraph per line, no title line', () => {
  const { text, a } = load('000_5016c1d33df8f1b8.txt');
  it('makes a short title from the first sentence, not the whole paragraph', () => {
    expect(a.meta.title).toBe('Islamist militia supported by the United States and Turkey seized Damascus…');
    expect(a.meta.provenance.title).toBe('first sentence');
  });
  it('is Undated, with no outlet or author (an event day like "on Sunday" is not a publication date)', () => {
    expect(a.meta.date).toBeNull();
    expect(a.meta.outlet).toBeNull(); // "Reuters reported…" in the body does not make it a Reuters article
    expect(a.meta.author).toBeNull();
  });
  it('has one passage per line, the first line included since it is body text', () => {
    expect(a.passages).toHaveLength(27);
    expect(a.passages.every((p) => p.kind === 'body')).toBe(true);
    expect(slice(text, a.passages[14])).toBe('Trump wrote:');
    expect(a.headings).toHaveLength(0);
  });
});

describe('001: markdown title, name line, date line, WSWS footer', () => {
  const { text, a } = load('001_77f1296ed2e53938.txt');
  it('reads title, author, date and outlet', () => {
    expect(a.meta.title).toBe('US, Israel launch mass bombing campaign against Syria after fall of Assad');
    expect(a.meta.author).toBe('Alex Lantier');
    expect(a.meta.date).toMatchObject({ iso: '2024-12-10', precision: 'day' });
    expect(slice(text, a.meta.date!.source!)).toBe('10 December 2024');
    expect(a.meta.outlet).toBe('World Socialist Web Site');
  });
  it('joins the two paragraphs broken mid-sentence into one passage each', () => {
    const joined = a.passages.filter((p) => /\n\s*\n/.test(slice(text, p)));
    expect(joined).toHaveLength(2);
    expect(slice(text, joined[0])).toMatch(/^Israeli units have crossed the border into Syria to\s+seize parts of the Golan/);
    expect(slice(text, joined[1])).toMatch(/such an extraordinary\s+situation\. I have no idea/);
  });
  it('has 19 body passages and the contact footer as boilerplate', () => {
    expect(a.passages.filter((p) => p.kind === 'body')).toHaveLength(19);
    const bp = a.passages.filter((p) => p.kind === 'boilerplate');
    expect(bp.map((p) => slice(text, p))).toEqual([
      'To contact the WSWS and the Socialist Equality Party visit:',
      '**[wsws.org/contact](https://www.wsws.org/contact)**',
    ]);
    expect(bp[0].reason).toBe('contact footer');
    expect(a.passages.some((p) => slice(text, p).includes('Alex Lantier') || slice(text, p) === '10 December 2024')).toBe(false);
  });
});

describe('002: headings, "X reports.", issue footer', () => {
  const { text, a } = load('002_9dd9454bc80b340f.txt');
  it('takes outlet and month from the footer, author from "Toby Harbertson reports."', () => {
    expect(a.meta.title).toBe('Syria: Government victory in Aleppo a major setback for NATO imperialists');
    expect(a.meta.author).toBe('Toby Harbertson');
    expect(a.meta.outlet).toBe('Fight Racism! Fight Imperialism!');
    expect(a.meta.date).toMatchObject({ iso: '2017-02', precision: 'month' });
  });
  it('does not take the event date in the lead ("On 14 December 2016") as the publication date', () => {
    expect(a.meta.date!.iso).not.toBe('2016-12-14');
  });
  it('turns short lines into headings and sections', () => {
    expect(a.headings.map((h) => h.text)).toEqual([
      'Syrian army units',
      'Astana peace talks',
      'Victory in Aleppo',
      'Hypocrisy and hysteria',
    ]);
    const victory = a.passages.find((p) => slice(text, p).startsWith('Aleppo was once'));
    expect(victory?.section).toBe('Victory in Aleppo');
    expect(a.passages.filter((p) => p.kind === 'body')).toHaveLength(15);
    const last = a.passages[a.passages.length - 1];
    expect(last.kind).toBe('boilerplate');
    expect(slice(text, last)).toBe('Fight Racism! Fight Imperialism! 255 February/March 2017');
  });
});

describe('003: date line, byline, newsletter footer', () => {
  const { text, a } = load('003_b26971faed8e3b9e.txt');
  it('reads title, date and byline; the outlet is not named', () => {
    expect(a.meta.title).toBe('The Syrian people’s revolution massacred in Aleppo');
    expect(a.meta.date).toMatchObject({ iso: '2016-12-13', precision: 'day' });
    expect(a.meta.author).toBe('Marcus Halaby');
    expect(a.meta.outlet).toBeNull();
  });
  it('has a question heading and a three-line footer marked boilerplate', () => {
    expect(a.headings.map((h) => h.text)).toEqual(['Imperialist intervention', 'Where next?']);
    expect(a.passages.filter((p) => p.kind === 'body')).toHaveLength(21);
    const bp = a.passages.filter((p) => p.kind === 'boilerplate');
    expect(bp.map((p) => slice(text, p))).toEqual([
      'The original print version of this article can be read here.',
      'Class struggle bulletin',
      'Stay up to date with our weekly newsletter',
    ]);
    expect(bp[2].reason).toBe('newsletter footer');
  });
});

describe('004: caption date, byline, dateline outlet, reader comments', () => {
  const { text, a } = load('004_42a1079da01722f9.txt');
  it('reads outlet from the dateline and date from the photo caption', () => {
    expect(a.meta.title).toBe('Syria: al-Assad flees to Russia as his Dictatorship Falls');
    expect(a.meta.outlet).toBe('Havana Times');
    expect(a.meta.dateline).toBe('HAVANA TIMES');
    expect(a.meta.date).toMatchObject({ iso: '2024-12-08', precision: 'day' });
    expect(a.meta.provenance.date).toBe('photo caption');
    expect(a.meta.author).toBe('EFE');
  });
  it('marks caption, republication note, read-more and the whole comment section as boilerplate', () => {
    const bp = a.passages.filter((p) => p.kind === 'boilerplate');
    expect(bp.map((p) => p.reason)).toEqual([
      'photo credit',
      'republication note',
      'read more link',
      'reader comments',
      'reader comments',
      'reader comments',
    ]);
    expect(slice(text, bp[bp.length - 1])).toBe('Comments are closed.');
    expect(a.passages.filter((p) => p.kind === 'body')).toHaveLength(18);
    expect(a.headings.map((h) => h.text)).toEqual(['The Operation Against Bashar al-Assad', 'Transitional Government']);
  });
});

describe('all samples', () => {
  it('every passage and heading range maps back to trimmed, non-empty text in order', () => {
    for (const name of [
      '000_5016c1d33df8f1b8.txt',
      '001_77f1296ed2e53938.txt',
      '002_9dd9454bc80b340f.txt',
      '003_b26971faed8e3b9e.txt',
      '004_42a1079da01722f9.txt',
    ]) {
      const { text, a } = load(name);
      let prev = 0;
      a.passages.forEach((p, i) => {
        expect(p.index).toBe(i);
        expect(p.start).toBeGreaterThanOrEqual(prev);
        const s = slice(text, p);
        expect(s.length).toBeGreaterThan(0);
        expect(s).toBe(s.trim());
        prev = p.end;
      });
      for (const h of a.headings) expect(cleanHeading(slice(text, h))).toBe(h.text);
    }
  });
  it('reads the same article the same way with CRLF line ends, a lone-CR file and NBSP', () => {
    const { text, a } = load('001_77f1296ed2e53938.txt');
    for (const variant of [
      text.replace(/\n/g, '\r\n'),
      text.replace(/\n/g, '\r'),
      text.replace(/ /g, (m, i: number) => (i % 7 === 0 ? '\u00a0' : m)),
    ]) {
      const b = parseArticle(variant);
      expect(b.meta.title?.replace(/\u00a0/g, ' ')).toBe(a.meta.title);
      expect(b.meta.author).toBe(a.meta.author);
      expect(b.meta.date?.iso).toBe(a.meta.date?.iso);
      expect(b.passages).toHaveLength(a.passages.length);
    }
  });
});

function cleanHeading(s: string): string {
  return s
    .replace(/^#+\s*/, '')
    .replace(/\s+/g, ' ')
    .trim();
}
