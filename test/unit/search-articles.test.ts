// Open Article's ranking (issue 14): titles first, then outlet, then date. On FA-KES, "khan sheikhoun" used to list
// "More than 50 civilians killed…" first (a fuzzy "than" for "khan").
import * as fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Corpus } from '../../src/core/corpus';
import { sampleCorpus } from './samples';

const DIR = new URL('../fixtures/fa-kes/', import.meta.url);
let corpus: Corpus;

beforeAll(() => {
  corpus = new Corpus();
  for (const name of fs.readdirSync(DIR).filter((f) => f.endsWith('.md')))
    corpus.setText(name, fs.readFileSync(new URL(name, DIR), 'utf8'));
}, 120_000);

describe('Open Article on FA-KES', () => {
  it('"khan sheikhoun" lists titles with those words, and no title that only looks like them ("than")', () => {
    const hits = corpus.searchArticles('khan sheikhoun', 100);
    expect(hits.length).toBeGreaterThan(0);
    for (const h of hits) expect(h.title).toMatch(/\bkhan\b|\bsheikhoun\b/i);
    expect(hits.some((h) => /^More than 50 civilians/.test(h.title ?? ''))).toBe(false);
  });

  it('a word still being typed matches as a prefix, and an outlet name lists that outlet', () => {
    const typed = corpus.searchArticles('sheikh maq', 5);
    expect(typed[0].title).toMatch(/Sheikh Maqsood/);
    const reuters = corpus.searchArticles('reuters', 20);
    expect(reuters.length).toBe(20);
    expect(reuters.every((h) => h.outlet === 'Reuters' || /reuters/i.test(h.title ?? ''))).toBe(true);
  });

  it('a title word outranks the same word in the outlet or the file name only', () => {
    const hits = corpus.searchArticles('aleppo', 50);
    const firstNonTitle = hits.findIndex((h) => !/aleppo/i.test(h.title ?? ''));
    const lastTitle = hits.map((h) => /aleppo/i.test(h.title ?? '')).lastIndexOf(true);
    if (firstNonTitle >= 0) expect(lastTitle).toBeLessThan(firstNonTitle);
  });
});

describe('Open Article ranking', () => {
  it('ranks both title words over one, a title word over an outlet word, and newest first among equals', () => {
    const c = new Corpus();
    const article = (title: string, outlet: string, date: string, body: string) =>
      `---\ntitle: "${title}"\noutlet: ${outlet}\ndate: ${date}\n---\n\n${body}\n`;
    c.setText(
      'a.md',
      article(
        'More than 50 civilians killed in suspected gas attack',
        'Reuters',
        '2017-04-04',
        'The attack on Khan Sheikhoun killed dozens.',
      ),
    );
    c.setText('b.md', article('Khan Sheikhoun residents bury their dead', 'TASS', '2017-04-05', 'Funerals were held.'));
    c.setText('c.md', article('Rebels retake Khan Touman', 'SANA', '2016-05-06', 'Fighting south of Aleppo.'));
    c.setText('d.md', article('Khan Sheikhoun: what we know', 'Al Arabiya', '2017-04-07', 'A summary.'));
    c.setText('e.md', article('Aid convoy reaches Idlib', 'Khan News', '2017-04-10', 'Trucks arrived.'));
    expect(c.searchArticles('khan sheikhoun', 10).map((h) => h.file)).toEqual(['d.md', 'b.md', 'c.md', 'e.md']);
  });
});

describe('Open Article on the sample', () => {
  it('finds an article by a date month and by a corrected outlet', () => {
    const sample = sampleCorpus();
    sample.setGlossary('fix.parallax.json', JSON.stringify({ articles: { '003_b26971faed8e3b9e.txt': { outlet: 'Workers Power' } } }));
    expect(sample.searchArticles('workers power', 5)[0]).toMatchObject({ file: '003_b26971faed8e3b9e.txt', outlet: 'Workers Power' });
    expect(sample.searchArticles('december 2016', 5)[0].file).toBe('003_b26971faed8e3b9e.txt');
  });
});
