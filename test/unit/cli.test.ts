// The CLI contract of issue 2 (and the later entities/hover/related commands), driven as scripts drive it:
// `node dist/cli.js <command> --root DIR --json`. `npm test` builds dist/ before vitest runs. Commands a test asks
// independently of each other run at once (cli-process.ts); each is still its own process, checked as before.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLI_PATH as cliPath, cliProcess } from './cli-process';

const repo = path.resolve(__dirname, '../..');
const corpus = path.join(repo, 'corpus');

const cli = (args: string[]) => cliProcess(args, { timeoutMs: 60_000 });

async function json(args: string[]) {
  const r = await cli([...args, '--json']);
  expect(r.stderr).not.toMatch(/internal error|at .*\.js:\d+/);
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
}

beforeAll(() => {
  if (!fs.existsSync(cliPath)) throw new Error('dist/cli.js missing: run `npm run build` (npm test does)');
});

describe('parallax articles', () => {
  it('lists every sample article with exactly the contract fields', async () => {
    const articles = await json(['articles', '--root', corpus]);
    expect(articles.map((a: { file: string }) => a.file)).toEqual([
      '000_5016c1d33df8f1b8.txt',
      '001_77f1296ed2e53938.txt',
      '002_9dd9454bc80b340f.txt',
      '003_b26971faed8e3b9e.txt',
      '004_42a1079da01722f9.txt',
    ]);
    for (const a of articles) {
      expect(Object.keys(a).sort()).toEqual(['author', 'date', 'datePrecision', 'file', 'outlet', 'passages', 'title']);
      expect(a.passages).toBeGreaterThan(3);
    }
    const wsws = articles.find((a: { file: string }) => a.file.startsWith('001'));
    expect(wsws).toMatchObject({ author: 'Alex Lantier', date: '2024-12-10', datePrecision: 'day' });
  });

  it('reads nested folders with / separators and skips node_modules', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parallax-cli-'));
    fs.mkdirSync(path.join(dir, 'a', 'b'), { recursive: true });
    fs.mkdirSync(path.join(dir, 'node_modules', 'x'), { recursive: true });
    fs.copyFileSync(path.join(corpus, '003_b26971faed8e3b9e.txt'), path.join(dir, 'a', 'b', 'halaby.txt'));
    fs.writeFileSync(path.join(dir, 'node_modules', 'x', 'readme.md'), '# Not an article\n\nBy Someone\n');
    const files = (await json(['articles', '--root', dir])).map((a: { file: string }) => a.file);
    expect(files).toEqual(['a/b/halaby.txt']);
  });
});

describe('parallax tree', () => {
  it('groups the sample by outlet and month as the sidebar does', async () => {
    const tree = await json(['tree', '--root', corpus]);
    const outlets = tree.map((o: { outlet: string }) => o.outlet);
    expect(outlets).toContain('Havana Times');
    if (outlets.includes('Unknown outlet')) expect(outlets[outlets.length - 1]).toBe('Unknown outlet');
    const total = tree.reduce((n: number, o: { count: number }) => n + o.count, 0);
    expect(total).toBe(5);
    const havana = tree.find((o: { outlet: string }) => o.outlet === 'Havana Times');
    expect(havana.months[0]).toMatchObject({ key: '2024-12', label: 'December 2024' });
  });
});

describe('parallax search', () => {
  it('finds passages by words, fuzzily, with 1-based line ranges', async () => {
    const hits = await json(['search', '--root', corpus, '--query', 'Golan Heigts', '--limit', '5']);
    expect(hits.length).toBeGreaterThan(0);
    for (const h of hits) expect(Object.keys(h).sort()).toEqual(['date', 'endLine', 'file', 'line', 'outlet', 'score', 'text', 'title']);
    const files = hits.map((h: { file: string }) => h.file);
    expect(files).toContain('000_5016c1d33df8f1b8.txt');
    expect(files).toContain('001_77f1296ed2e53938.txt');
    const broken = hits.find((h: { file: string; line: number }) => h.file.startsWith('001') && h.line === 19);
    expect(broken, 'the paragraph broken mid-sentence is one passage spanning lines 19–21').toMatchObject({ endLine: 21 });
    expect(hits.length).toBeLessThanOrEqual(5);
  });
});

describe('glossaries', () => {
  it('reads a *.parallax.json saved as UTF-16 with a byte-order mark and puts its definition first in hovers', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parallax-glossary-'));
    for (const f of fs.readdirSync(corpus).filter((f) => f.endsWith('.txt'))) fs.copyFileSync(path.join(corpus, f), path.join(dir, f));
    const glossary = {
      entries: [{ name: 'Hadi al-Bahra', aliases: ['Bahra'], kind: 'person', definition: 'Syrian opposition politician.' }],
    };
    fs.writeFileSync(path.join(dir, 'people.parallax.json'), Buffer.from('\uFEFF' + JSON.stringify(glossary), 'utf16le'));
    const h = await json(['hover', '--root', dir, '--file', '004_42a1079da01722f9.txt', '--line', '13', '--column', '3']);
    expect(h.markdown).toMatch(/Syrian opposition politician\\?\. \*\(glossary\)\*/);
  });
});

describe('errors', () => {
  it('gives a one-line message and exit code 2 for bad arguments or an unreadable root', async () => {
    const cases = [
      ['articles'],
      ['nonsense', '--root', corpus],
      ['articles', '--root', path.join(corpus, 'does-not-exist')],
      ['search', '--root', corpus],
      ['search', '--root', corpus, '--query', 'x', '--limit', 'many'],
      ['hover', '--root', corpus, '--file', 'missing.txt', '--line', '1', '--column', '1'],
    ];
    const runs = await Promise.all(cases.map((args) => cli(args)));
    for (const [i, args] of cases.entries()) {
      const r = runs[i];
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/^parallax: /);
      expect(r.stdout).toBe('');
    }
  });
});

describe('parallax related', () => {
  it('marks a wire story another outlet carried as a copy, after the outlets telling it in their own words', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parallax-cli-'));
    const wire = [
      'A car bomb killed 17 people near a police station in the Midan district of Damascus on Monday, state media said.',
      'The blast wrecked shops and cars along the main road of the old neighbourhood, witnesses said.',
      'No group claimed responsibility for the attack, the deadliest in the capital this year.',
    ];
    const write = (file: string, outlet: string, title: string, body: string[]) =>
      fs.writeFileSync(path.join(dir, file), `---\ntitle: ${title}\noutlet: ${outlet}\ndate: 2017-10-02\n---\n\n${body.join('\n\n')}\n`);
    write('agency.md', 'Agency', 'Car bomb kills 17 in Damascus', wire);
    write('carried.md', 'Herald', 'Car bomb kills 17 in Damascus', [wire[0], wire[1], wire[2].replace('No group', 'No militant group')]);
    write('own.md', 'Courier', 'Damascus police station bombed', [
      'At least 17 people were killed on Monday when a car bomb struck a police station in Damascus Midan.',
      'Officials gave no further details about the incident to reporters.',
    ]);
    write('wheat.md', 'Farm News', 'A good harvest', ['Wheat harvest in the plains was good this year, farmers said at the grain market.']);
    const [rows, whole] = await Promise.all([
      json(['related', '--root', dir, '--file', 'agency.md', '--line', '6']),
      json(['related', '--root', dir, '--file', 'agency.md']),
    ]);
    for (const r of rows)
      expect(Object.keys(r).sort()).toEqual(['copy', 'duplicate', 'endLine', 'file', 'line', 'reason', 'score', 'text']);
    const files = rows.map((r: { file: string }) => r.file);
    expect(files[0]).toBe('own.md');
    const copy = rows.find((r: { file: string }) => r.file === 'carried.md');
    expect(copy).toMatchObject({ copy: true, duplicate: false });
    expect(copy.reason).toMatch(/^copy of this article/);
    expect(whole).toMatchObject([
      { file: 'own.md', copy: false },
      { file: 'carried.md', copy: true },
    ]);
  });
});

describe('--batch', () => {
  it('answers JSON Lines in the same order, one result per line', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parallax-batch-'));
    const batch = path.join(dir, 'q.jsonl');
    const queries = [
      { file: '000_5016c1d33df8f1b8.txt', line: 7, column: 31 },
      { file: '004_42a1079da01722f9.txt', line: 31, column: 5 },
      { file: '001_77f1296ed2e53938.txt', line: 9, column: 200 },
    ];
    fs.writeFileSync(batch, queries.map((q) => JSON.stringify(q)).join('\n') + '\n');
    const r = await cli(['hover', '--root', corpus, '--batch', batch, '--json']);
    expect(r.code).toBe(0);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    for (const l of lines) expect(Object.keys(l).sort()).toEqual(['entity', 'markdown']);
  });

  it('related: a line without "line" is the whole article, answered as related --file F answers it', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parallax-batch-'));
    const batch = path.join(dir, 'q.jsonl');
    const file = '000_5016c1d33df8f1b8.txt';
    fs.writeFileSync(batch, [{ file }, { file, line: 7 }, { line: 7 }].map((q) => JSON.stringify(q)).join('\n') + '\n');
    const [r, single] = await Promise.all([
      cli(['related', '--root', corpus, '--batch', batch, '--json']),
      json(['related', '--root', corpus, '--file', file]),
    ]);
    expect(r.code).toBe(0);
    const [article, passage, bad] = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(article.length).toBeGreaterThan(0);
    expect(article).toEqual(single);
    expect(passage.length).toBeGreaterThan(0);
    for (const p of passage)
      expect(Object.keys(p).sort()).toEqual(['copy', 'duplicate', 'endLine', 'file', 'line', 'reason', 'score', 'text']);
    expect(bad.error).toMatch(/^line 3: expected/);
  }, 60_000);
});
