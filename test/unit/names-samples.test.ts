// Names on the five sample articles: every recurring person, group and place under all its spellings is one
// entity, look-alikes stay apart, definitions come from the text, and hovers only link Parallax commands.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/core/article';
import { extractNames, hoverMarkdown, resolveEntities, type ArticleNames, type Entity, type EntityIndex } from '../../src/core/names';
import { LineMap } from '../../src/core/text';
import type { ArticleMeta } from '../../src/core/types';

const dir = new URL('../../corpus/', import.meta.url);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.txt'))
  .sort();
const texts = new Map(files.map((f) => [f, readFileSync(new URL(f, dir), 'utf8')]));

function load(extra: Record<string, string> = {}): {
  index: EntityIndex;
  arts: { file: string; meta: ArticleMeta; names: ArticleNames }[];
} {
  const all = new Map([...texts, ...Object.entries(extra)]);
  const arts = [...all].map(([file, text]) => {
    const p = parseArticle(text);
    return { file, meta: p.meta, names: extractNames({ file, text, passages: p.passages, headings: p.headings, meta: p.meta }) };
  });
  return { index: resolveEntities(arts, []), arts };
}

const { index } = load();

/** Entities that have a mention with exactly this surface text. */
function entitiesOf(surface: string, idx = index): Entity[] {
  return idx.entities.filter((e) => e.mentions.some((m) => m.surface === surface));
}
function entityOf(surface: string, idx = index): Entity {
  const es = entitiesOf(surface, idx);
  expect(
    es.map((e) => e.name),
    `"${surface}" should be one entity`,
  ).toHaveLength(1);
  return es[0];
}

describe('one entity per referent, under every spelling in the samples', () => {
  const groups: [string, string[]][] = [
    ['Golani', ['Golani', 'Al-Julani', 'Abu Mohammad al-Golani', 'Abu Mohammed al-Julani']],
    ['HTS', ['HTS', 'Hayat Tahrir al-Sham', 'Hay’at Tahrir al-Sham']],
    ['Khmeimim', ['Khmeimim', 'Hmeimin']],
    ['Latakia', ['Latakia', 'Lattakia']],
    ['Assad', ['Assad', 'Bashar al-Assad', 'Al-Assad', 'Bashar Assad', 'Bashar Al-Assad', 'al-Assad']],
    ['Erdogan', ['Erdogan', 'Recep Tayyip Erdogan']],
    ['Putin', ['Putin', 'Vladimir Putin']],
    ['Islamic State', ['IS', 'Islamic State', 'Daesh', 'Isis']],
    ['Nusra', ['Nusra Front', 'Al-Nusra Front', 'Jabhat Al Nusra']],
    ['JFS', ['JFS', 'Jabhat Fateh al-Sham', 'Jabhat Fateh Al Sham']],
    ['IDF', ['IDF', 'Israel Defence Forces']],
    ['IRGC', ['IRGC', 'Islamic Revolutionary Guard Corps']],
    ['YPG', ['YPG']],
    ['Deir Ezzor', ['Deir Ezzor', 'Deir Ez Zor']],
    ['Jalali', ['Jalali', 'Mohamed al-Jalali']],
    ['Ryabkov', ['Ryabkov', 'Sergei Ryabkov']],
    ['Bahra', ['Hadi al-Bahra', 'Al-Bahra']],
    ['US', ['US', 'USA']],
    ['Biden', ['Biden', 'Joe Biden']],
  ];
  for (const [label, spellings] of groups) {
    it(label, () => {
      const ids = new Set(spellings.map((s) => entityOf(s).id));
      expect(ids.size, `${spellings.join(' / ')} → ${[...ids].join(', ')}`).toBe(1);
      expect(index.recurring().some((e) => e.id === [...ids][0])).toBe(true);
    });
  }
});

describe('no wrong merges', () => {
  it('reads "Assad" in the headline of 001 as a mention of Bashar al-Assad', () => {
    const file = files.find((f) => f.startsWith('001'))!;
    const off = texts.get(file)!.indexOf('fall of Assad') + 'fall of '.length;
    expect(index.at(file, off)?.entity.name).toBe('Bashar al-Assad');
  });

  it('keeps Hafez al-Assad apart from Bashar al-Assad, and bare "Assad" goes to Bashar', () => {
    const hafez = entityOf('Hafez al-Assad');
    expect(hafez.id).not.toBe(entityOf('Bashar al-Assad').id);
    expect(entityOf('Assad').id).toBe(entityOf('Bashar al-Assad').id);
    expect(hafez.mentions.every((m) => m.surface === 'Hafez al-Assad')).toBe(true);
  });
  it('reads "Israel Katz" as a person, not the country', () => {
    const katz = entityOf('Israel Katz');
    expect(katz.kind).toBe('person');
    expect(katz.id).not.toBe(entityOf('Israel').id);
    expect(katz.definition?.text).toContain('Defense Minister');
  });
  it('does not treat nationality adjectives as names, nor merge them with countries', () => {
    expect(entitiesOf('Iranian')).toHaveLength(0);
    expect(entitiesOf('Israeli')).toHaveLength(0);
    expect(entityOf('Iran').aliases).not.toContain('Iranian');
  });
  it('links renamings instead of merging them', () => {
    const nusra = entityOf('Nusra Front');
    const jfs = entityOf('Jabhat Fateh al-Sham');
    const hts = entityOf('HTS');
    expect(new Set([nusra.id, jfs.id, hts.id]).size).toBe(3);
    expect(jfs.related).toContainEqual({ id: nusra.id, relation: 'formerly' });
    expect(nusra.related).toContainEqual({ id: jfs.id, relation: 'later' });
    expect(nusra.related).toContainEqual({ id: hts.id, relation: 'later' });
    expect(hts.related).toContainEqual({ id: nusra.id, relation: 'formerly' });
  });
  it('keeps Homs, Hama and Hamas apart', () => {
    expect(new Set([entityOf('Homs').id, entityOf('Hama').id, entityOf('Hamas').id]).size).toBe(3);
  });
});

describe('what is and is not a mention', () => {
  const surfaces = new Set(index.entities.flatMap((e) => e.mentions.map((m) => m.surface)));
  it('skips sentence openers, days, months and headings in capitals', () => {
    for (const w of [
      'However',
      'Yesterday',
      'Sunday',
      'December',
      'Last',
      'Refugees',
      'Videos',
      'THE SIEGE',
      'SIEGE',
      'HAVANA TIMES',
      'HAVANA',
    ]) {
      expect(surfaces.has(w), w).toBe(false);
    }
  });
  it('strips possessives and titles from the name', () => {
    const assad = entityOf('Bashar al-Assad');
    const file = files.find((f) => texts.get(f)!.includes('Assad’s collapse'))!;
    const off = texts.get(file)!.indexOf('Assad’s collapse');
    const hit = index.at(file, off + 2);
    expect(hit?.entity.id).toBe(assad.id);
    expect(hit?.mention.surface).toBe('Assad');
    expect(surfaces.has('President Bashar al-Assad')).toBe(false);
    expect(surfaces.has('Cardinal Mario Zenari')).toBe(false);
    expect(entityOf('Mario Zenari').kind).toBe('person');
  });
  it('finds names inside quotes', () => {
    const file = files.find((f) => texts.get(f)!.includes('“President Assad arrived'))!;
    const off = texts.get(file)!.indexOf('Assad arrived');
    expect(index.at(file, off)?.entity.name).toBe('Bashar al-Assad');
  });
});

describe('kinds and definitions from the text', () => {
  it('assigns kinds from cues', () => {
    expect(entityOf('Assad').kind).toBe('person');
    expect(entityOf('HTS').kind).toBe('group');
    expect(entityOf('Latakia').kind).toBe('place');
    expect(entityOf('Khmeimim').kind).toBe('place');
    expect(entityOf('Damascus').kind).toBe('place');
    expect(entityOf('Golan Heights').kind).toBe('place');
  });
  it('takes appositives and role titles as definitions, with their source', () => {
    const bahra = entityOf('Hadi al-Bahra');
    expect(bahra.definition?.text).toBe('president of the Syrian National Coalition');
    expect(bahra.definition?.origin).toBe('appositive');
    expect(bahra.definition?.file).toBe(files.find((f) => texts.get(f)!.includes('Hadi al-Bahra, president')));
    const ryabkov = entityOf('Sergei Ryabkov');
    expect(ryabkov.definition).toMatchObject({ text: 'Russian Deputy Foreign Minister', origin: 'title' });
    expect(entityOf('Bashar al-Assad').definition?.text).toBe('Syrian President');
    expect(entityOf('Golani').definition?.text).toContain('former al-Qaeda asset');
  });
  it('names an acronym by its expansion, which is another spelling and not a definition (issue 11)', () => {
    const irgc = entityOf('IRGC');
    expect(irgc.name).toBe('Islamic Revolutionary Guard Corps');
    expect(irgc.aliases).toContain('IRGC');
    expect(irgc.definition?.origin).not.toBe('acronym');
  });
});

describe('lookup and hover', () => {
  const lineMaps = new Map<string, LineMap>();
  const ctx = (_idx: EntityIndex, all: Map<string, string>, metas: Map<string, ArticleMeta>) => ({
    snippet: (f: string, s: number, e: number) => all.get(f)!.slice(Math.max(0, s - 40), e + 40),
    meta: (f: string) => metas.get(f),
    lineOf: (f: string, o: number) => {
      if (!lineMaps.has(f)) lineMaps.set(f, new LineMap(all.get(f)!));
      return lineMaps.get(f)!.position(o);
    },
  });

  it('finds the mention under an offset and nothing between mentions', () => {
    const file = files[0];
    const text = texts.get(file)!;
    const off = text.indexOf('Recep Tayyip Erdogan');
    expect(index.at(file, off + 8)?.entity.name).toBe('Recep Tayyip Erdogan');
    expect(index.at(file, text.indexOf('foreknowledge'))).toBeNull();
  });

  it('shows name, kind, definition, spellings, counts and links to other mentions', () => {
    const { arts } = load();
    const metas = new Map(arts.map((a) => [a.file, a.meta]));
    const e = entityOf('Golani');
    const md = hoverMarkdown(e, e.mentions[0], ctx(index, texts, metas));
    expect(md).toContain('Abu Mohammad al\\-Golani');
    expect(md).toContain('· person');
    expect(md).toMatch(/\d+ mentions in \d+ articles/);
    expect(md).toContain('Also written:');
    const links = [...md.matchAll(/\]\((\w+):([\w.]+)\?([^)]*)\)/g)];
    expect(links.length).toBeGreaterThanOrEqual(2);
    for (const l of links) expect(l[1] === 'command' && l[2].startsWith('parallax.')).toBe(true);
    const open = links.find((l) => l[2] === 'parallax.openMention')!;
    const [f, line, ch] = JSON.parse(decodeURIComponent(open[3]));
    expect(texts.get(f)!.split('\n')[line].slice(ch)).toMatch(/^(Golani|Al-Julani|Abu Moham)/);
    expect(md).toContain(`command:parallax.editInGlossary?${encodeURIComponent(JSON.stringify([e.id]))}`);
  });

  it('escapes article text so it can never form links or HTML', () => {
    const evil =
      'Zaid Haddad, the [leader](command:workbench.action.terminal.new) of <img src=x onerror=alert(1)> *the* http://evil.example group, spoke.\n\n' +
      'Zaid Haddad said [click](https://evil.example) again.\n';
    const extra = { 'evil.txt': evil };
    const all = new Map([...texts, ...Object.entries(extra)]);
    const { index: idx, arts } = load(extra);
    const metas = new Map(arts.map((a) => [a.file, a.meta]));
    const e = entitiesOf('Zaid Haddad', idx)[0];
    expect(e).toBeDefined();
    const md = hoverMarkdown(e, null, ctx(idx, all, metas));
    // Every link target is a Parallax command; no raw HTML or bare URL survives.
    const targets = [...md.matchAll(/\]\(([^)\s]*)/g)].map((m) => m[1]);
    expect(targets.length).toBeGreaterThan(0);
    for (const t of targets) expect(t).toMatch(/^command:parallax\./);
    expect(md).not.toMatch(/<img/);
    expect(md).not.toContain('http://evil');
    expect(md).not.toContain('](https');
  });
});
