// Reader corrections of article metadata (issue 14): stored in the "articles" section of a *.parallax.json beside
// the articles, never in them, and used by the tree, search, hovers and the CLI alike.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Corpus } from '../../src/core/corpus';
import { applyCorrection, correctedText, parseCorrections, relativeToSidecar } from '../../src/core/corrections';
import { parseGlossary } from '../../src/core/glossary';
import { cliProcess } from './cli-process';

const repo = path.resolve(__dirname, '../..');
const ARTICLE =
  'Syria: rebels enter Homs\n\nBy A. Writer\n\nRebels entered Homs on Saturday after a week of fighting around the city.\n\nResidents said the army had left overnight.\n';

describe('parseCorrections', () => {
  it('reads corrections by path relative to the file, and reports bad fields without dropping the good ones', () => {
    const text = `{
      // a comment, as VS Code's JSON allows
      "entries": [],
      "articles": {
        "./news/a.txt": { "outlet": "Reuters", "date": "2016-12-13" },
        "b.txt": { "date": "2016-13-01", "title": "Real title", "colour": "red" },
        "/etc/c.txt": { "outlet": "X" },
      }
    }`;
    const { corrections, errors } = parseCorrections(text);
    expect(corrections.get('news/a.txt')).toEqual({ outlet: 'Reuters', date: '2016-12-13' });
    expect(corrections.get('b.txt')).toEqual({ title: 'Real title' });
    expect(corrections.has('/etc/c.txt')).toBe(false);
    expect(errors.map((e) => e.message)).toEqual([
      expect.stringContaining('"date" must be'),
      expect.stringContaining('unknown field "colour"'),
      expect.stringContaining('relative'),
    ]);
    for (const e of errors) expect(text.slice(e.start, e.end)).toMatch(/2016-13-01|colour|\/etc\/c\.txt/);
  });

  it('a file with only corrections is not a broken glossary, and a plain glossary has no corrections', () => {
    expect(parseGlossary('x.parallax.json', '{ "articles": { "a.txt": { "outlet": "TASS" } } }').errors).toEqual([]);
    expect(parseCorrections('{ "entries": [ { "name": "HTS" } ] }')).toEqual({ corrections: new Map(), errors: [] });
  });

  it('applies a correction over inferred metadata and says where each value came from', () => {
    const inferred = {
      title: 'Rebels entered Homs on…',
      outlet: null,
      author: 'A. Writer',
      date: null,
      dateline: null,
      provenance: { title: 'first sentence' },
    };
    const meta = applyCorrection(inferred, { title: 'Rebels enter Homs', date: '2024-12' });
    expect(meta).toMatchObject({
      title: 'Rebels enter Homs',
      outlet: null,
      author: 'A. Writer',
      date: { iso: '2024-12', precision: 'month' },
    });
    expect(meta.provenance).toMatchObject({ title: 'correction', date: 'correction' });
    expect(inferred.title).toBe('Rebels entered Homs on…');
  });
});

describe('correctedText', () => {
  it('adds, changes and removes one article’s correction and keeps the rest of the file as it was', () => {
    const glossary = '{\n  // names\n  "entries": [\n    { "name": "HTS", "kind": "group" }\n  ]\n}\n';
    const added = correctedText(glossary, 'a b/x.txt', { outlet: 'SANA', title: '' });
    expect(added).toContain('// names');
    expect(added).toContain('    { "name": "HTS", "kind": "group" }');
    expect(parseGlossary('g.parallax.json', added).entries.map((e) => [e.name, e.kind])).toEqual([['HTS', 'group']]);
    expect(parseCorrections(added).corrections.get('a b/x.txt')).toEqual({ outlet: 'SANA' });
    const changed = correctedText(added, 'a b/x.txt', { outlet: 'SANA', date: '2017-04-05' });
    expect(parseCorrections(changed).corrections.get('a b/x.txt')).toEqual({ outlet: 'SANA', date: '2017-04-05' });
    const removed = correctedText(changed, 'a b/x.txt', {});
    expect(parseCorrections(removed).corrections.size).toBe(0);
    expect(parseGlossary('g.parallax.json', removed).entries.map((e) => e.name)).toEqual(['HTS']);
  });

  it('creates a new file with the schema, and refuses to edit a file that is not valid JSON', () => {
    const fresh = correctedText(null, 'x.txt', { author: 'EFE' }, { schema: 'https://example.invalid/s.json' });
    expect(JSON.parse(fresh)).toEqual({ $schema: 'https://example.invalid/s.json', articles: { 'x.txt': { author: 'EFE' } } });
    expect(() => correctedText('{ "entries": [', 'x.txt', { author: 'EFE' })).toThrow(/not valid JSON/);
  });

  it('finds an article’s path relative to a sidecar, for URIs and plain paths', () => {
    expect(relativeToSidecar('file:///w/My%20News/s.parallax.json', 'file:///w/My%20News/sub/a.txt')).toBe('sub/a.txt');
    expect(relativeToSidecar('file:///w/other/s.parallax.json', 'file:///w/My%20News/a.txt')).toBeNull();
    expect(relativeToSidecar('s.parallax.json', 'sub/a.txt')).toBe('sub/a.txt');
  });
});

describe('Corpus with corrections', () => {
  it('shows corrected metadata in the tree, article search and hovers, and the inferred values again when removed', () => {
    const corpus = new Corpus();
    corpus.setText('news/homs.txt', ARTICLE);
    const inferred = corpus.get('news/homs.txt')!.meta;
    expect(inferred.outlet).toBeNull();
    const sidecar = 'news/fixes.parallax.json';
    const { errors } = corpus.setGlossary(
      sidecar,
      JSON.stringify({ articles: { 'homs.txt': { outlet: 'Syria Direct', date: '2024-12-07' } } }),
    );
    expect(errors).toEqual([]);
    const tree = corpus.tree();
    expect(tree.map((o) => o.outlet)).toEqual(['Syria Direct']);
    expect(tree[0].months[0].articles[0]).toMatchObject({ date: '2024-12-07', title: 'Syria: rebels enter Homs' });
    expect(corpus.searchArticles('syria direct')[0]).toMatchObject({ file: 'news/homs.txt', outlet: 'Syria Direct' });
    // The parse itself (cached by content hash) is untouched.
    expect(corpus.get('news/homs.txt')!.parsed.meta.outlet).toBeNull();
    corpus.removeGlossary(sidecar);
    expect(corpus.tree().map((o) => o.outlet)).toEqual(['Unknown outlet']);
  });

  it('applies corrections to articles read after the sidecar, and keeps the last good corrections when the file breaks', () => {
    const corpus = new Corpus();
    corpus.setGlossary('fixes.parallax.json', '{ "articles": { "a.txt": { "outlet": "TASS" } } }');
    corpus.setText('a.txt', ARTICLE);
    expect(corpus.get('a.txt')!.meta.outlet).toBe('TASS');
    const { errors } = corpus.setGlossary('fixes.parallax.json', '{ "articles": { "a.txt": { "outlet": 7 } } }');
    expect(errors.length).toBe(1);
    expect(corpus.get('a.txt')!.meta.outlet).toBe('TASS');
  });
});

describe('the bundled sample', () => {
  it('`parallax tree --root corpus` shows every article under a named outlet, dated, with a real title', async () => {
    const r = await cliProcess(['tree', '--root', path.join(repo, 'corpus'), '--json']);
    expect(r.code).toBe(0);
    const tree = JSON.parse(r.stdout) as {
      outlet: string;
      months: { key: string; articles: { title: string; date: string | null; file: string }[] }[];
    }[];
    expect(tree.map((o) => o.outlet).sort()).toEqual([
      'Fight Racism! Fight Imperialism!',
      'Havana Times',
      'Workers Power',
      'World Socialist Web Site',
    ]);
    const articles = tree.flatMap((o) => o.months.flatMap((m) => m.articles));
    expect(articles).toHaveLength(5);
    expect(new Set(articles.map((a) => a.date)).size).toBe(5);
    for (const a of articles) {
      expect(a.date).not.toBeNull();
      expect(a.title).not.toMatch(/…$/);
    }
    // The sidecar holds the corrections; the article files themselves are the originals.
    expect(fs.readFileSync(path.join(repo, 'corpus/000_5016c1d33df8f1b8.txt'), 'utf8')).toMatch(
      /^Islamist militia supported by the United States/,
    );
  });
});

describe('corrections reach hovers and survive the cache', () => {
  const glossaryText = fs.readFileSync(path.join(repo, 'corpus/sample.parallax.json'), 'utf8');

  it('a hover lists the corrected outlet of the article a mention is in', async () => {
    const { sampleCorpus } = await import('./samples');
    const corpus = sampleCorpus();
    corpus.setGlossary('sample.parallax.json', glossaryText);
    const text = corpus.get('000_5016c1d33df8f1b8.txt')!.text;
    const h = corpus.hover('000_5016c1d33df8f1b8.txt', text.indexOf('Golani was the subject'));
    expect(h?.markdown).toMatch(/mentions in 2 articles \(World Socialist Web Site, Havana Times\)/);
    expect(h?.markdown).toContain('— World Socialist Web Site\\, 2024\\-12\\-09');
    expect(h?.markdown).not.toContain('Unknown outlet');
  });

  it('a warm start from the cache shows the corrections, and a changed correction wins over the cached state', async () => {
    const { SAMPLES } = await import('./samples');
    const a = new Corpus();
    a.setGlossary('sample.parallax.json', glossaryText);
    for (const s of SAMPLES) a.setText(s.name, s.text);
    await a.link({ yieldNow: async () => {} });
    const cache = a.exportCache();
    const b = new Corpus();
    b.setGlossary('sample.parallax.json', glossaryText);
    expect(b.importCache(cache).ok).toBe(true);
    for (const s of SAMPLES) b.setText(s.name, s.text);
    expect(b.stats.parsed).toBe(0);
    expect(b.tree().map((o) => o.outlet)).toContain('Workers Power');
    b.setGlossary('sample.parallax.json', correctedText(glossaryText, '003_b26971faed8e3b9e.txt', { outlet: 'Workers Power (UK)' }));
    expect(b.tree().map((o) => o.outlet)).toContain('Workers Power (UK)');
    const text = b.get('003_b26971faed8e3b9e.txt')!.text;
    const hit = b.hover('003_b26971faed8e3b9e.txt', text.indexOf('Assad’s'));
    expect(hit?.markdown).toContain('Workers Power \\(UK\\)');
  });
});
