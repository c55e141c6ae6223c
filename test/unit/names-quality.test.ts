// Kinds, canonical names, organisation short forms and clean appositive definitions: what a reader sees first in
// a hover. Built on small invented articles (general rules, not facts about any sample) plus FA-KES checks.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/core/article';
import { extractNames, resolveEntities, type Entity, type EntityIndex } from '../../src/core/names';

function resolve(texts: Record<string, string>, titled = true): EntityIndex {
  // Each article gets a title line of its own, as real ones have, so its first sentence is read as prose.
  const arts = Object.entries(texts).map(([file, body]) => {
    const text = titled ? `Report ${file}\n\n${body}` : body;
    const p = parseArticle(text);
    return { file, meta: p.meta, names: extractNames({ file, text, passages: p.passages, headings: p.headings, meta: p.meta }) };
  });
  return resolveEntities(arts, []);
}
const entityOf = (idx: EntityIndex, surface: string): Entity | undefined =>
  idx.entities.find((e) => e.mentions.some((m) => m.surface === surface));

describe('kinds', () => {
  const idx = resolve({
    'a.txt':
      'Fighters from Hezbollah crossed the border on Monday. Ahrar al-Sham and Jaish al-Islam said they would hold their ground. ' +
      'Human Rights Watch said the strikes broke the law. Israel said it would respond.\n',
    'b.txt':
      'Hezbollah denied the report. Ahrar al-Sham rejected the talks while Jaish al-Islam stayed silent. ' +
      'Human Rights Watch called for an inquiry. Officials in Israel declined to comment.\n',
  });
  it('reads single-word organisation names and Arabic group names as groups', () => {
    expect(entityOf(idx, 'Hezbollah')?.kind).toBe('group');
    expect(entityOf(idx, 'Ahrar al-Sham')?.kind).toBe('group');
    expect(entityOf(idx, 'Jaish al-Islam')?.kind).toBe('group');
  });
  it('reads a multi-word name with an organisation word as a group, not a person', () => {
    expect(entityOf(idx, 'Human Rights Watch')?.kind).toBe('group');
  });
  it('reads a country as a place', () => {
    expect(entityOf(idx, 'Israel')?.kind).toBe('place');
  });
});

describe('canonical names and organisation short forms', () => {
  const idx = resolve({
    'a.txt':
      'Daesh fighters attacked the town. Daesh later withdrew, according to the Syrian Observatory for Human Rights. ' +
      'The Observatory said 12 people died.\n',
    'b.txt':
      'The Islamic State group claimed the attack. Daesh had threatened the town for weeks. The Syrian Observatory for ' +
      'Human Rights counted the dead, and the Syrian Observatory said more were missing.\n',
    'c.txt': 'Islamic State fighters returned. The Observatory reported clashes near the town.\n',
  });
  it('names an organisation by its fullest well-formed spelling and keeps the others as aliases', () => {
    const is = entityOf(idx, 'Daesh')!;
    expect(is.name).toBe('Islamic State');
    expect(is.aliases).toContain('Daesh');
  });
  it('joins "Observatory" and "Syrian Observatory" to the full name the corpus gives', () => {
    const sohr = entityOf(idx, 'Syrian Observatory for Human Rights')!;
    expect(sohr).toBeDefined();
    expect(entityOf(idx, 'Observatory')).toBe(sohr);
    expect(entityOf(idx, 'Syrian Observatory')).toBe(sohr);
    expect(sohr.name).toBe('Syrian Observatory for Human Rights');
  });
  it('does not join a short form to one of several different full names', () => {
    const two = resolve({
      'a.txt': 'The Syrian Network for Human Rights and the Arab Network for Democracy issued reports. The Network said more.\n',
      'b.txt': 'The Syrian Network for Human Rights spoke. The Arab Network for Democracy spoke. The Network was quoted.\n',
    });
    const net = entityOf(two, 'Network');
    if (net) expect(net.mentions.every((m) => m.surface === 'Network')).toBe(true);
  });
});

describe('appositive definitions', () => {
  it('end before a time phrase', () => {
    const idx = resolve({
      'a.txt': 'Residents of Damascus, the capital of Syria on Sunday, reported blasts. Later Damascus was quiet.\n',
      'b.txt': 'Hadi al-Bahra, president of the Syrian National Coalition last week, spoke. Hadi al-Bahra left.\n',
    });
    expect(entityOf(idx, 'Damascus')?.definition?.text).toBe('the capital of Syria');
    expect(entityOf(idx, 'Hadi al-Bahra')?.definition?.text).toBe('president of the Syrian National Coalition');
  });
  it('keep numbers that belong to the description', () => {
    const idx = resolve({ 'a.txt': 'Zaid Haddad, a member of the Brigade 313, spoke. Zaid Haddad left.\n' });
    expect(entityOf(idx, 'Zaid Haddad')?.definition?.text).toBe('a member of the Brigade 313');
  });
});

describe('FA-KES kinds and names', () => {
  const dir = new URL('../fixtures/fa-kes/', import.meta.url);
  const files = readdirSync(dir).filter((f) => f.endsWith('.md') && f !== 'README.md');
  const texts: Record<string, string> = {};
  for (const f of files) texts[f] = readFileSync(new URL(f, dir), 'utf8');
  const idx = resolve(texts, false);
  it('gives groups, places and canonical names a reader expects', () => {
    expect(entityOf(idx, 'Hezbollah')?.kind).toBe('group');
    expect(entityOf(idx, 'Ahrar al-Sham')?.kind).toBe('group');
    expect(entityOf(idx, 'Human Rights Watch')?.kind).toBe('group');
    expect(entityOf(idx, 'Israel')?.kind).toBe('place');
    expect(entityOf(idx, 'Daesh')?.name).toBe('Islamic State');
    const sohr = entityOf(idx, 'Syrian Observatory for Human Rights')!;
    expect(entityOf(idx, 'Observatory')).toBe(sohr);
  });
});
