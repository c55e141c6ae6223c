// The warm start restores and saves the event index in small steps (the extension host must not freeze for
// ~0.5 s at 10k articles), and prepares the first query in steps: every stepwise form must answer exactly as
// the one-shot form, and must actually pause along the way.
import { describe, expect, it } from 'vitest';
import { EventIndex, type EventArticleInput } from '../../src/core/events';
import { eventAnswers, fakesEventReference } from './events-names';
import { drain } from './names-inputs';

const answers = eventAnswers;

describe('stepwise event index state and query preparation (FA-KES)', () => {
  // A fresh build of FA-KES, its state as JSON and the one-shot restore of it, with every answer of both: shared with
  // events-state.test.ts (computed once per worker).
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

  it('exports the same state in steps as in one go, pausing along the way', () => {
    const { value, pauses } = drain(build().exportStateSteps());
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
    const ix = build();
    const steps = ix.exportStateSteps();
    steps.next();
    ix.removeArticle(inputs[0].file);
    expect(() => drain(steps)).toThrow();
  });
});
