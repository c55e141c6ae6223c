// Editing one article updates names without resolving the whole corpus again: hovers on the edited article point
// at the entities a full resolution would choose, removed articles leave no mentions behind, and `link()` settles
// the corpus back to exactly a full resolution.
import { describe, expect, it } from 'vitest';
import { Corpus } from '../../src/core/corpus';
import { resolveEntities, type Entity, type EntityIndex } from '../../src/core/names';
import { fakesNamesInputs } from './names-inputs';
import { fakesCopies, fakesEdit } from './speed-inputs';
import { SAMPLES, sampleCorpus } from './samples';

const EDITED = SAMPLES.find((s) => /al-Julani/.test(s.text))!;
const ADDED =
  '\n\nIn a later statement, HTS leader Abu Mohammed al-Julani met Zorvath Quillane in Idlib. ' +
  'Zorvath Quillane said the talks with al-Julani were constructive.\n';

/** A fresh corpus of the given texts, fully resolved. */
function fullIndex(texts: Map<string, string>): EntityIndex {
  const c = new Corpus();
  for (const [file, text] of texts) c.setText(file, text);
  return c.entities();
}

/**
 * Which entity this is, independent of its id: an id comes from the entity's commonest spelling, which one edit can
 * change ("Abu Mohammad al-Golani" → "Abu Mohammed al-Julani"), while the incremental update keeps ids stable.
 */
function identity(e: Entity | undefined, edited: string): string | undefined {
  if (!e) return undefined;
  const elsewhere = e.mentions.filter((m) => m.file !== edited).map((m) => `${m.file}:${m.start}`);
  return elsewhere.length ? elsewhere.sort().join(' ') : e.name;
}

/** Every entity as id → its mentions (file:start-end), for comparing two resolutions exactly. */
function shape(index: EntityIndex): Map<string, string[]> {
  return new Map(index.entities.map((e) => [e.id, e.mentions.map((m) => `${m.file}:${m.start}-${m.end}`).sort()]));
}

describe('one edited article', () => {
  it('resolves the edited article’s existing names to the entities a full resolution picks, and a new name to a new entity', () => {
    const c = sampleCorpus();
    const before = c.entities();
    const text = EDITED.text + ADDED;
    c.setText(EDITED.name, text);
    const after = c.entities();
    expect(after).not.toBe(before);

    const texts = new Map(SAMPLES.map((s) => [s.name, s.text]));
    texts.set(EDITED.name, text);
    const full = fullIndex(texts);

    // Existing names in the new paragraph.
    const julaniAt = text.lastIndexOf('al-Julani');
    const julani = c.entityAt(EDITED.name, julaniAt)?.entity;
    expect(identity(julani, EDITED.name)).toBe(identity(full.at(EDITED.name, julaniAt)?.entity, EDITED.name));
    expect(julani!.mentions.filter((m) => m.file !== EDITED.name).length).toBeGreaterThan(0);
    const htsAt = text.lastIndexOf('HTS');
    expect(identity(c.entityAt(EDITED.name, htsAt)?.entity, EDITED.name)).toBe(identity(full.at(EDITED.name, htsAt)?.entity, EDITED.name));
    // Ids of existing entities stay as they were until the next full resolution.
    expect(julani?.id).toBe(before.at(EDITED.name, EDITED.text.lastIndexOf('al-Julani'))?.entity.id);

    // Every mention of the edited article, old paragraphs included.
    const fullMentions = full.entities.flatMap((e) => e.mentions.filter((m) => m.file === EDITED.name).map((m) => ({ m, e })));
    const agree = fullMentions.filter(
      ({ m, e }) => identity(c.entityAt(EDITED.name, m.start)?.entity, EDITED.name) === identity(e, EDITED.name),
    ).length;
    console.log(`edited sample article: ${agree} of ${fullMentions.length} mentions resolve as in a full resolution`);
    expect(agree / fullMentions.length).toBeGreaterThan(0.9);

    // The brand-new name is one entity with both mentions.
    const newAt = text.lastIndexOf('Zorvath Quillane');
    const fresh = c.entityAt(EDITED.name, newAt)?.entity;
    expect(fresh?.name).toBe('Zorvath Quillane');
    expect(fresh?.mentions).toHaveLength(2);
    expect(c.entityAt(EDITED.name, text.indexOf('Zorvath Quillane'))?.entity).toBe(fresh);
    expect(c.recurringEntities()).toContain(fresh);
    expect(c.hover(EDITED.name, newAt)?.markdown).toContain('Zorvath Quillane');
  });

  it('joins an unknown acronym to the one name with its initials in the same article', () => {
    const c = sampleCorpus();
    c.entities();
    const text = EDITED.text + '\n\nThe Qarvani Liberation Brigades moved north. Later the QLB said it held the road.\n';
    c.setText(EDITED.name, text);
    const acronym = c.entityAt(EDITED.name, text.lastIndexOf('QLB'))?.entity;
    expect(acronym).toBeDefined();
    expect(acronym).toBe(c.entityAt(EDITED.name, text.lastIndexOf('Qarvani'))?.entity);
    // As a full resolution of the same texts decides.
    const texts = new Map(SAMPLES.map((s) => [s.name, s.text]));
    texts.set(EDITED.name, text);
    const full = fullIndex(texts);
    expect(full.at(EDITED.name, text.lastIndexOf('QLB'))?.entity).toBe(full.at(EDITED.name, text.lastIndexOf('Qarvani'))?.entity);
  });

  it('forgets a removed article’s mentions, and names only it used', () => {
    const c = sampleCorpus();
    c.entities();
    c.setText(EDITED.name, EDITED.text + ADDED);
    const freshId = c.entityAt(EDITED.name, (EDITED.text + ADDED).lastIndexOf('Zorvath'))!.entity.id;
    c.remove(EDITED.name);
    const index = c.entities();
    expect(index.entities.some((e) => e.mentions.some((m) => m.file === EDITED.name))).toBe(false);
    expect(index.mentionsIn(EDITED.name)).toEqual([]);
    expect(index.byId(freshId)).toBeUndefined();
    expect(c.entityAt(EDITED.name, 0)).toBeNull();
    // Names the other articles share stay.
    const other = SAMPLES.find((s) => s.name !== EDITED.name && /Assad/.test(s.text))!;
    expect(c.entityAt(other.name, other.text.indexOf('Assad'))).not.toBeNull();
  });

  it('mentionsIn lists one file’s mentions by start with the entity each belongs to', () => {
    const c = sampleCorpus();
    const index = c.entities();
    const list = index.mentionsIn(EDITED.name);
    expect(list.length).toBeGreaterThan(10);
    for (let i = 1; i < list.length; i++) expect(list[i].start).toBeGreaterThanOrEqual(list[i - 1].start);
    for (const m of list) expect(index.at(EDITED.name, m.start)?.entity.id).toBe(m.entityId);
  });

  it('after a series of edits, link() gives exactly a fresh full resolution', async () => {
    const c = sampleCorpus();
    c.entities();
    const texts = new Map(SAMPLES.map((s) => [s.name, s.text]));
    const edits: [string, string | null][] = [
      [EDITED.name, EDITED.text + ADDED],
      ['new.txt', 'Wire report\n\nBashar al-Assad and Zorvath Quillane met in Damascus. Assad said little.\n'],
      [SAMPLES[0].name, null],
      ['new.txt', 'Wire report\n\nVladimir Putin spoke to Zorvath Quillane. Putin was brief.\n'],
      ['renamed.txt', null],
    ];
    for (const [file, text] of edits) {
      if (text === null && file === 'renamed.txt') {
        c.rename(SAMPLES[1].name, file);
        texts.set(file, texts.get(SAMPLES[1].name)!);
        texts.delete(SAMPLES[1].name);
      } else if (text === null) {
        c.remove(file);
        texts.delete(file);
      } else {
        c.setText(file, text);
        texts.set(file, text);
      }
      c.entities();
    }
    expect(await c.link({ yieldNow: async () => {} })).toBe(true);
    expect(shape(c.entities())).toEqual(shape(fullIndex(texts)));
  });

  it('re-feeds only the changed article to the event index, and related coverage follows it', () => {
    const c = sampleCorpus();
    const source = SAMPLES.find((s) => /President Assad arrived in Moscow/.test(s.text))!;
    const at = source.text.indexOf('President Assad arrived in Moscow');
    expect(c.related(source.name, at).map((r) => r.file)).not.toContain('copy.txt');
    const passage = c.passageAt(source.name, at)!;
    const copy = `Copied report\n\n${source.text.slice(passage.start, passage.end)}\n`;
    c.setText('copy.txt', copy);
    expect(c.related(source.name, at).map((r) => r.file)).toContain('copy.txt');
    expect(c.related('copy.txt', copy.indexOf('President Assad')).map((r) => r.file)).toContain(source.name);
    c.remove('copy.txt');
    expect(c.related(source.name, at).map((r) => r.file)).not.toContain('copy.txt');
  });
});

// That one edit costs far less than a full resolution is a target of `npm run bench:targets` (test/bench/targets.ts),
// on the same corpora and the same edit.
describe('one edit of a large corpus', () => {
  // Every FA-KES article with its names extracted, in file order (shared with the other names tests of the worker).
  const articles = fakesNamesInputs();

  it('finds a name the edit adds, on FA-KES and FA-KES ×10', () => {
    const edit = fakesEdit(articles);
    for (const copies of [1, 10]) {
      const index = resolveEntities(fakesCopies(articles, copies), []).withArticle(edit.file, edit.names(false));
      const hit = index.at(edit.file, edit.text.lastIndexOf('Zorvath Quillane'));
      expect(hit?.entity.name, `×${copies}`).toBe('Zorvath Quillane');
    }
  }, 240_000);
});
