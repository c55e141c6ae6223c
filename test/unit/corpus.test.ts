// The Corpus as the extension and the CLI use it: incremental updates, snippets, and the derived queries.
import { describe, expect, it } from 'vitest';
import { sampleCorpus } from './samples';

const sample = sampleCorpus;

describe('Corpus', () => {
  it('keeps hover snippets inside the body: front matter never shows as part of a sentence', () => {
    const c = sample();
    c.setText(
      'wire.md',
      '---\ntitle: Wire copy\noutlet: Test Wire\nauthor: Desk\ndate: 2024-12-08\n---\nAbu Mohammad al-Golani spoke in Damascus on Sunday.\n',
    );
    const text = c.get('wire.md')!.text;
    const h = c.hover('000_5016c1d33df8f1b8.txt', c.get('000_5016c1d33df8f1b8.txt')!.text.indexOf('Golani'));
    expect(h?.markdown).toContain('Golani');
    expect(h?.markdown).not.toMatch(/outlet:|date: 2024|---/);
    const snippet = c.snippet('wire.md', text.indexOf('Abu'), text.indexOf('Abu') + 22);
    expect(snippet.startsWith('Abu Mohammad al-Golani')).toBe(true);
  });

  it('re-indexes an edited article and forgets a removed one', () => {
    const c = sample();
    const files = () => c.searchPassages('Interfax').map((h) => h.file);
    expect(files()[0]).toBe('000_5016c1d33df8f1b8.txt');
    expect(files()).not.toContain('extra.txt');
    c.setText('extra.txt', 'Extra report\n\nRussian jets flew on Monday, the Interfax news agency said.\n');
    expect(files()).toContain('extra.txt');
    c.setText('extra.txt', 'Extra report\n\nNothing about air bases here at all.\n');
    expect(files()).not.toContain('extra.txt');
    c.remove('extra.txt');
    expect(c.files()).not.toContain('extra.txt');
    expect(c.size).toBe(5);
  });

  it('finds articles by outlet, author and title words, fuzzily', () => {
    const c = sample();
    expect(c.searchArticles('havana')[0]?.file).toBe('004_42a1079da01722f9.txt');
    expect(c.searchArticles('Lantier')[0]?.file).toBe('001_77f1296ed2e53938.txt');
    expect(c.searchArticles('massacred Alepo')[0]?.file).toBe('003_b26971faed8e3b9e.txt');
  });

  it('renames keep the article and its names under the new key', () => {
    const c = sample();
    c.rename('004_42a1079da01722f9.txt', 'moved/havana.txt');
    expect(c.get('004_42a1079da01722f9.txt')).toBeUndefined();
    const text = c.get('moved/havana.txt')!.text;
    expect(c.entityAt('moved/havana.txt', text.indexOf('al-Julani'))?.entity.name).toMatch(/Golani|Julani/);
  });

  it('offers other articles only as related coverage, never boilerplate', () => {
    const c = sample();
    const file = '001_77f1296ed2e53938.txt';
    const text = c.get(file)!.text;
    const related = c.related(file, text.indexOf('Israeli units have crossed'));
    expect(related.length).toBeGreaterThan(0);
    for (const r of related) {
      expect(r.file).not.toBe(file);
      expect(c.get(r.file)!.parsed.passages[r.passage].kind).toBe('body');
    }
    expect(c.related(file, text.indexOf('To contact the WSWS'))).toEqual([]);
    // Comparing outlets: no article floods the list with its own neighbouring paragraphs.
    const counts = new Map<string, number>();
    for (const r of c.related(file, text.indexOf('Ryabkov confirmed'), 20)) counts.set(r.file, (counts.get(r.file) ?? 0) + 1);
    expect(Math.max(...counts.values())).toBeLessThanOrEqual(2);
    // Reasons show words as written, not index stems.
    for (const r of related) expect(r.reason).not.toMatch(/\b(offensi|forc|preside)\b/);
  });

  it('finds every article with a search that comes while the full-text index is still being built in slices', async () => {
    const c = sample();
    let n = 0;
    let during: string[] = [];
    const building = c.prepareSearch({
      sliceMs: 0,
      yieldNow: async () => {
        // After two of the five articles: a search now must still see all of them.
        if (++n === 2) during = c.searchPassages('twelve-day offensive').map((h) => h.file);
      },
    });
    await building;
    expect(during).toContain('004_42a1079da01722f9.txt');
    expect(c.searchPassages('twelve-day offensive').map((h) => h.file)).toEqual(during);
  });

  it('links names and events in slices that give the event loop back, and resolves again when the corpus changes meanwhile', async () => {
    const c = sample();
    let yields = 0;
    expect(await c.link({ sliceMs: 0, yieldNow: async () => void yields++ })).toBe(true);
    // names and events: each built article by article between pauses
    expect(yields).toBeGreaterThanOrEqual(2 * c.size);
    // The full-text index is left to the first search (as much work as linking, and only a search needs it).
    expect(c.searchReady).toBe(false);
    yields = 0;
    expect(await c.prepareSearch({ sliceMs: 0, yieldNow: async () => void yields++ })).toBe(true);
    expect(yields).toBeGreaterThanOrEqual(c.size);
    expect(c.searchReady).toBe(true);
    expect(c.searchPassages('Interfax')[0]?.file).toBe('000_5016c1d33df8f1b8.txt');
    const text = c.get('004_42a1079da01722f9.txt')!.text;
    expect(c.related('004_42a1079da01722f9.txt', text.indexOf('President Assad arrived in Moscow')).length).toBeGreaterThan(0);

    const d = sample();
    let n = 0;
    const edited = d.link({
      sliceMs: 0,
      yieldNow: async () => {
        // After the five per-article extractions, while the corpus-wide resolution runs in steps.
        if (++n === 7) d.setText('late.txt', 'Late news\n\nHadi al-Bahra spoke in Doha on Sunday.\n');
      },
    });
    expect(await edited).toBe(true);
    expect(d.entityAt('late.txt', 'Late news\n\n'.length)?.entity.name).toBe('Hadi al-Bahra');
    // The resolution that finished is the one with the late article: its name counts it among the mentions.
    expect(d.entityAt('late.txt', 'Late news\n\n'.length)!.entity.mentions.some((m) => m.file === 'late.txt')).toBe(true);
  });
});
