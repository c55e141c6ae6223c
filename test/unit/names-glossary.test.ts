// Glossary files: parsed with positions, errors located, and entries take part in resolution and come first.
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/core/article';
import { parseGlossary } from '../../src/core/glossary';
import { extractNames, resolveEntities } from '../../src/core/names';
import type { ArticleMeta, Passage } from '../../src/core/types';

const meta: ArticleMeta = {
  title: null,
  outlet: 'Test Outlet',
  author: null,
  date: { iso: '2024-12-09', precision: 'day', source: null },
  dateline: null,
  provenance: {},
};

function article(file: string, text: string) {
  // Paragraphs split on blank lines, as the article parser does for plain text.
  const passages: Passage[] = [];
  const re = /[^\n]+(?:\n(?!\n)[^\n]*)*/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) passages.push({ start: m.index, end: m.index + m[0].length, index: passages.length, kind: 'body' });
  return { file, meta, names: extractNames({ file, text, passages, headings: [], meta }) };
}

describe('parseGlossary', () => {
  it('reads entries with their source ranges', () => {
    const text = `{
  "$schema": "./glossary.schema.json",
  "entries": [
    { "name": "Hayat Tahrir al-Sham", "aliases": ["HTS", "Tahrir al-Sham"], "kind": "group",
      "definition": "Islamist armed group that led the December 2024 offensive." },
    { "name": "Khmeimim", "aliases": ["Hmeimim"], "kind": "place" }
  ]
}`;
    const { entries, errors } = parseGlossary('g.parallax.json', text);
    expect(errors).toEqual([]);
    expect(entries.map((e) => e.name)).toEqual(['Hayat Tahrir al-Sham', 'Khmeimim']);
    expect(text.slice(entries[1].source.start, entries[1].source.end)).toBe(
      '{ "name": "Khmeimim", "aliases": ["Hmeimim"], "kind": "place" }',
    );
    expect(entries[0]).toMatchObject({ kind: 'group', aliases: ['HTS', 'Tahrir al-Sham'] });
  });

  it('accepts a bare array, comments and trailing commas', () => {
    const { entries, errors } = parseGlossary('g.parallax.json', '// names\n[{ "name": "Daesh", "aliases": ["ISIS",], },]');
    expect(errors).toEqual([]);
    expect(entries[0]).toMatchObject({ name: 'Daesh', aliases: ['ISIS'] });
  });

  it('locates syntax errors', () => {
    const text = '{ "entries": [ { "name": "A" } ';
    const { entries, errors } = parseGlossary('g.parallax.json', text);
    expect(entries).toEqual([]);
    expect(errors).toHaveLength(1);
    expect(errors[0].start).toBe(text.length);
    const bad = '{ "entries": [ { name: "A" } ] }';
    const r = parseGlossary('g.parallax.json', bad);
    expect(r.errors[0].start).toBe(bad.indexOf('name'));
  });

  it('reports bad entries and keeps the good ones', () => {
    const text =
      '{ "entries": [ { "aliases": ["X"] }, { "name": "Idlib", "kind": "town" }, { "name": "Aleppo", "kind": "place" }, { "name": "Aleppo" } ] }';
    const { entries, errors } = parseGlossary('g.parallax.json', text);
    expect(entries.map((e) => e.name)).toEqual(['Idlib', 'Aleppo']);
    expect(entries[0].kind).toBeUndefined();
    expect(errors.map((e) => e.message)).toEqual([
      'entry has no "name"',
      '"kind" must be one of "person", "group", "place", "other"',
      '"Aleppo" is already defined in this glossary',
    ]);
    expect(text.slice(errors[1].start, errors[1].end)).toBe('"town"');
  });
});

describe('glossary in resolution', () => {
  const a = article('a.txt', 'Fighters of Tahrir al-Sham entered Hama on Thursday.\n\nTahrir al-Sham said the city was calm.\n');
  const b = article('b.txt', 'The Islamist group HTS took Aleppo, a monitor said.\n');
  const { entries } = parseGlossary(
    'names.parallax.json',
    JSON.stringify({
      entries: [
        {
          name: 'Hayat Tahrir al-Sham',
          aliases: ['HTS', 'Tahrir al-Sham'],
          kind: 'group',
          definition: 'Islamist armed group.',
          links: ['Aleppo'],
        },
        { name: 'Zenobia', kind: 'person', definition: 'Queen of Palmyra.' },
      ],
    }),
  );
  const idx = resolveEntities([a, b], entries);

  it('joins glossary aliases and puts the glossary definition first', () => {
    const hts = idx.entities.find((e) => e.mentions.some((m) => m.surface === 'HTS'))!;
    expect(hts.name).toBe('Hayat Tahrir al-Sham');
    expect(hts.mentions.map((m) => m.surface).sort()).toEqual(['HTS', 'Tahrir al-Sham', 'Tahrir al-Sham']);
    expect(hts.definition).toMatchObject({ text: 'Islamist armed group.', origin: 'glossary', file: 'names.parallax.json' });
    expect(hts.glossary?.file).toBe('names.parallax.json');
    expect(hts.kind).toBe('group');
    const aleppo = idx.entities.find((e) => e.name === 'Aleppo')!;
    expect(hts.related).toContainEqual({ id: aleppo.id, relation: 'see also' });
  });

  it('offers glossary entries even without mentions', () => {
    const z = idx.recurring().find((e) => e.name === 'Zenobia');
    expect(z?.mentions).toEqual([]);
    expect(z?.kind).toBe('person');
  });
});

describe('the sample glossary', () => {
  it('parses without errors and every entry has a kind and a definition', async () => {
    const { readFileSync } = await import('node:fs');
    const text = readFileSync(new URL('../../corpus/sample.parallax.json', import.meta.url), 'utf8');
    const { entries, errors } = parseGlossary('corpus/sample.parallax.json', text);
    expect(errors).toEqual([]);
    expect(entries.length).toBeGreaterThan(0);
    for (const e of entries) {
      expect(e.kind, e.name).toBeDefined();
      expect(e.definition, e.name).toBeTruthy();
    }
  });
});

describe('hidden glossary entries', () => {
  it('a name the reader hid is no mention anywhere, under any of its spellings', () => {
    const texts: Record<string, string> = {
      'a.txt':
        'Report\n\nThe strikes hit the town on Monday, said Rami Abdel Rahman of the monitor. Youtube Subscribe to our channel for more.\n',
      'b.txt': 'Report\n\nRami Abdel Rahman said more people had died in the town by Tuesday. Youtube Subscribe to our channel for more.\n',
    };
    const arts = Object.entries(texts).map(([file, text]) => {
      const p = parseArticle(text);
      return { file, meta: p.meta, names: extractNames({ file, text, passages: p.passages, headings: p.headings, meta: p.meta }) };
    });
    const { entries, errors } = parseGlossary('g.parallax.json', '{ "entries": [ { "name": "Youtube Subscribe", "hidden": true } ] }');
    expect(errors).toEqual([]);
    expect(entries[0]!.hidden).toBe(true);
    const before = resolveEntities(arts, []);
    expect(before.entities.some((e) => e.name === 'Youtube Subscribe')).toBe(true);
    const after = resolveEntities(arts, entries);
    expect(after.entities.some((e) => e.mentions.some((m) => m.surface === 'Youtube Subscribe'))).toBe(false);
    expect(after.entities.find((e) => e.name === 'Rami Abdel Rahman')?.mentions).toHaveLength(2);
    // An edited article keeps it hidden.
    const edited = after.withArticle('a.txt', arts[0]!);
    expect(edited.entities.some((e) => e.mentions.some((m) => m.surface === 'Youtube Subscribe'))).toBe(false);
  });
  it('rejects a "hidden" that is not true or false', () => {
    const { errors } = parseGlossary('g.parallax.json', '{ "entries": [ { "name": "X", "hidden": "yes" } ] }');
    expect(errors.map((e) => e.message)).toContain('"hidden" must be true or false');
  });
});
