// A built event index saved as JSON and restored (the warm start) must link exactly as the index it came from,
// keep accepting edits, and refuse anything that is not such a state instead of linking from garbage.
//
// The warm start restores and saves the event index in small steps (the extension host must not freeze for
// ~0.5 s at 10k articles), and prepares the first query in steps: every stepwise form must answer exactly as
// the one-shot form, and must actually pause along the way.
//
// Both in one file, so that one test worker computes the shared FA-KES reference (every answer of a build and of its
// restore, about 20 s of CPU) that both compare against: as two files they ran in two workers and each computed it.
import { describe, expect, it } from 'vitest';
import { EventIndex, type EventArticleInput } from '../../src/core/events';
import { eventAnswers, fakesEventReference } from './events-names';
import { drain } from './names-inputs';

const answers = eventAnswers;

function roundTrip(index: EventIndex): EventIndex | null {
  return EventIndex.fromState(JSON.parse(JSON.stringify(index.exportState())));
}

describe('event index state (FA-KES)', () => {
  // A fresh build of FA-KES, its state as JSON and the one-shot restore of it, with every answer of both: shared with
  // the stepwise tests below (computed once per worker).
  const shared = fakesEventReference();
  const { inputs, built, restored } = shared;
  const json = shared.stateJson;

  it('restores to an index that answers every passage and article query exactly as the original', () => {
    expect(restored).not.toBeNull();
    expect(restored!.size).toBe(built.size);
    expect(restored!.passageCount).toBe(built.passageCount);
    const a = shared.builtAnswers;
    const b = shared.restoredAnswers;
    expect(a.filter((x) => x !== '[]').length).toBeGreaterThan(1000); // FA-KES passages do link
    expect(b).toEqual(a);
  }, 60_000);

  it('is compact: well under half the size than the texts it indexes', () => {
    const textChars = inputs.reduce((n, a) => n + a.text.length, 0);
    expect(json.length).toBeLessThan(textChars / 2);
  });

  it('takes edits after a restore exactly as the original does', () => {
    const original = new EventIndex();
    for (const a of inputs) original.setArticle(a);
    const warm = roundTrip(original)!;
    // An article rewritten with another article's body, one removed, one re-added unchanged.
    const [x, y, z, w] = [inputs[10], inputs[200], inputs[300], inputs[400]];
    const edited: EventArticleInput = { ...x, text: y.text, passages: y.passages, meta: y.meta, mentions: y.mentions };
    // Queried before the edits (its postings are then built, and the edits indexed on the side), unlike the original.
    const queried = new EventIndex();
    for (const a of inputs) queried.setArticle(a);
    expect(warm.relatedArticles(y.file)).toEqual(queried.relatedArticles(y.file));
    for (const ix of [original, warm, queried]) {
      ix.setArticle(edited);
      ix.removeArticle(z.file);
      ix.setArticle(w);
    }
    const rest = inputs.filter((a) => a !== z && a !== x);
    const probe = [edited, ...rest.slice(0, 120), w, y];
    expect(warm.passageCount).toBe(original.passageCount);
    // The original's answers are asked once and compared with each of the three others.
    const expected = answers(original, probe);
    expect(answers(warm, probe)).toEqual(expected);
    expect(answers(queried, probe)).toEqual(expected);
    expect(warm.related(z.file, 1)).toEqual([]);
    // The edited article is now y's text under another name: shown as y's duplicate, never as coverage (issue 12).
    expect(warm.related(edited.file, 0).some((l) => l.file === y.file && l.duplicate)).toBe(true);
    expect(warm.relatedArticles(edited.file).map((r) => r.file)).not.toContain(y.file);
    // And a second round trip after the edits still answers the same.
    expect(answers(roundTrip(warm)!, probe)).toEqual(expected);
  }, 60_000);

  it('refuses malformed or foreign states with null, never an exception', () => {
    const good = JSON.parse(json) as Record<string, unknown>;
    const variants: unknown[] = [
      null,
      undefined,
      42,
      'state',
      [],
      {},
      { ...good, version: 999 },
      { ...good, format: 'other' },
      { ...good, terms: 'x' },
      { ...good, termIds: (good.termIds as string).slice(0, -5) },
      { ...good, termIds: (good.termIds as string).slice(0, 100) + '!' + (good.termIds as string).slice(101) },
      { ...good, entityIds: (good.entityIds as string).slice(1) },
      { ...good, terms: (good.terms as string[]).slice(0, 10) },
      { ...good, files: (good.files as string[]).slice(1) },
      { ...good, figures: [] },
      { ...good, passagesPerFile: 42 },
      { ...good, quoteTexts: [] },
    ];
    for (const v of variants) expect(EventIndex.fromState(v)).toBeNull();
    // The untouched state still restores (the variants above were each one flaw away from it).
    expect(EventIndex.fromState(JSON.parse(json))).not.toBeNull();
  });

  it('restores an empty index', () => {
    const empty = EventIndex.fromState(JSON.parse(JSON.stringify(new EventIndex().exportState())));
    expect(empty).not.toBeNull();
    expect(empty!.size).toBe(0);
    empty!.setArticle(inputs[0]);
    expect(empty!.size).toBe(1);
  });
});

describe('stepwise event index state and query preparation (FA-KES)', () => {
  // A fresh build of FA-KES, its state as JSON and the one-shot restore of it, with every answer of both: shared with
  // the one-shot tests above (computed once per worker).
  const shared = fakesEventReference();
  const inputs = shared.inputs;
  const build = () => {
    const ix = new EventIndex();
    for (const a of inputs) ix.setArticle(a);
    return ix;
  };
  const built = shared.built;
  const oneShotJson = shared.stateJson;
  const expected = shared.builtAnswers;

  // A fresh build that is only exported (which changes nothing), then edited by the last test of this block.
  let exported: EventIndex | undefined;
  const exportedBuild = () => (exported ??= build());

  it('exports the same state in steps as in one go, pausing along the way', () => {
    const { value, pauses } = drain(exportedBuild().exportStateSteps());
    expect(JSON.stringify(value)).toBe(oneShotJson);
    expect(pauses).toBeGreaterThanOrEqual(5);
  });

  it('restores in steps an index that answers every passage exactly as the one-shot restore', () => {
    const { value: stepped, pauses } = drain(EventIndex.fromStateSteps(JSON.parse(oneShotJson)));
    expect(stepped).not.toBeNull();
    expect(pauses).toBeGreaterThanOrEqual(10);
    expect(stepped!.passageCount).toBe(built.passageCount);
    const a = shared.restoredAnswers; // answers of the one-shot restore of oneShotJson
    expect(a.filter((x) => x !== '[]').length).toBeGreaterThan(1000); // FA-KES passages do link
    expect(answers(stepped!, inputs)).toEqual(a);
    expect(a).toEqual(expected);
  }, 60_000);

  it('refuses a foreign or broken state in steps with null, as the one-shot restore does', () => {
    const good = JSON.parse(oneShotJson) as Record<string, unknown>;
    for (const bad of [null, 'x', { ...good, version: 99 }, { ...good, termIds: good.termIds + '!' }, { ...good, passage: 7 }]) {
      expect(drain(EventIndex.fromStateSteps(bad)).value).toBeNull();
      expect(EventIndex.fromState(bad)).toBeNull();
    }
  });

  it('prepares the first query in steps, after a cold build and after a restore, with unchanged answers', () => {
    const cold = build();
    expect(drain(cold.prepareQueriesSteps()).pauses).toBeGreaterThanOrEqual(5);
    // Prepared already: nothing left to do.
    expect(drain(cold.prepareQueriesSteps()).pauses).toBe(0);
    expect(answers(cold, inputs)).toEqual(expected);
    const warm = EventIndex.fromState(JSON.parse(oneShotJson))!;
    expect(drain(warm.prepareQueriesSteps()).pauses).toBeGreaterThanOrEqual(5);
    expect(answers(warm, inputs)).toEqual(expected);
  }, 60_000);

  it('answers correctly when edits and queries happen between the preparation steps', () => {
    const [x, y, z] = [inputs[5], inputs[100], inputs[250]];
    const edited: EventArticleInput = { ...x, text: y.text, passages: y.passages, meta: y.meta, mentions: y.mentions };
    const reference = build();
    reference.setArticle(edited);
    reference.removeArticle(z.file);

    const ix = build();
    const steps = ix.prepareQueriesSteps();
    steps.next();
    steps.next();
    // A query mid-way builds what it needs itself; an edit mid-way makes the preparation start over.
    expect(ix.relatedArticles(y.file)).toEqual(built.relatedArticles(y.file));
    steps.next();
    ix.setArticle(edited);
    ix.removeArticle(z.file);
    drain(steps);
    const rest = inputs.filter((a) => a !== x && a !== z);
    expect(answers(ix, [edited, ...rest])).toEqual(answers(reference, [edited, ...rest]));
    expect(ix.related(z.file, 1)).toEqual([]);
    // The edited article is y's text under another name: y's duplicate, never its coverage (issue 12).
    expect(ix.related(edited.file, 0).some((l) => l.file === y.file && l.duplicate)).toBe(true);
    expect(ix.relatedArticles(edited.file).map((r) => r.file)).not.toContain(y.file);
  }, 60_000);

  it('refuses to finish an export when the index is edited between its steps (the state would mix two versions)', () => {
    const ix = exportedBuild();
    const steps = ix.exportStateSteps();
    steps.next();
    ix.removeArticle(inputs[0].file);
    expect(() => drain(steps)).toThrow();
  });
});
