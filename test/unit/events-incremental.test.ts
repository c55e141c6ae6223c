// The event index answers the same whether it was asked while articles were still coming in (CodeLenses of
// open editors during indexing, edits after a warm start) or only once everything was in: queries build
// posting lists lazily and keep late additions in side lists, which must never change a link.
import { describe, expect, it } from 'vitest';
import { EventIndex, type EventArticleInput } from '../../src/core/events';
import { fakesEventInputs } from './events-names';

const load = fakesEventInputs;

/** Links of every passage of every `step`-th article, and its related articles. */
function answers(index: EventIndex, inputs: EventArticleInput[], step: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < inputs.length; i += step) {
    const a = inputs[i];
    out.push(JSON.stringify(index.relatedArticles(a.file, 20)));
    for (const p of a.passages) out.push(JSON.stringify(index.related(a.file, p.index, 10)));
  }
  return out;
}

/** Adds everything, then removes every third article and puts half of those back with another article's text. */
function churn(index: EventIndex, inputs: EventArticleInput[], ask: (i: number) => void): void {
  inputs.forEach((a, i) => {
    index.setArticle(a);
    ask(i);
  });
  for (let i = 0; i < inputs.length; i += 3) {
    index.removeArticle(inputs[i].file);
    ask(i);
  }
  for (let i = 0; i < inputs.length; i += 6) {
    const other = inputs[(i * 7 + 1) % inputs.length];
    index.setArticle({ ...inputs[i], text: other.text, passages: other.passages, meta: other.meta, mentions: other.mentions });
    ask(i);
  }
}

describe('event index asked while it is being filled (FA-KES)', () => {
  const inputs = load();

  it('links exactly as an index asked only at the end, through additions, removals and replacements', () => {
    const quiet = new EventIndex();
    churn(quiet, inputs, () => {});
    const busy = new EventIndex();
    const early: string[] = [];
    churn(busy, inputs, (i) => {
      if (i % 23 !== 0) return;
      const a = inputs[(i * 31) % inputs.length];
      early.push(JSON.stringify(busy.related(a.file, a.passages[1]?.index ?? 0)));
    });
    expect(early.some((x) => x !== '[]')).toBe(true); // the early questions did find links
    expect(busy.size).toBe(quiet.size);
    expect(busy.passageCount).toBe(quiet.passageCount);
    const a = answers(quiet, inputs, 4);
    expect(a.filter((x) => x !== '[]').length).toBeGreaterThan(300);
    expect(answers(busy, inputs, 4)).toEqual(a);
  }, 120_000);

  it('drops a removed article from every answer at once', () => {
    const index = new EventIndex();
    for (const a of inputs) index.setArticle(a);
    const linked = inputs.find((a) => index.relatedArticles(a.file).length > 0)!;
    const target = index.relatedArticles(linked.file)[0].file;
    index.removeArticle(target);
    expect(index.relatedArticles(linked.file).map((r) => r.file)).not.toContain(target);
    for (const p of linked.passages) expect(index.related(linked.file, p.index).map((l) => l.file)).not.toContain(target);
    expect(index.relatedArticles(target)).toEqual([]);
  }, 60_000);
});
