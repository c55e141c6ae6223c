// Which of an article's lines a same-event list shows (lineChoice.ts): asked from a later line, another outlet's
// lead can fill that outlet's place when the fitted line preference says so, but the choice never moves an article
// up or down the list, never lengthens or shortens it, and never changes a place's score.
import { describe, expect, it } from 'vitest';
import { EventIndex } from '../../src/core/events';
import { EVENT_MODEL, type EventModel } from '../../src/core/events/score';
import { LINE_FEATURES, lineFeatures, linePreference, lineSlots } from '../../src/core/events/lineChoice';
import { article } from './events-article';

// Outlet B tells the Raqqa bombing in its lead; a later line of it repeats the asked line's detail almost word for word.
const A =
  'A car bomb killed 17 people in the centre of Raqqa on Monday, the Islamic State group said.\n\n' +
  'The car bomb in Raqqa shattered windows of the old covered market near the clock tower, where traders sell spices and cloth.';
const B =
  'Seventeen people were killed when a car bomb exploded in central Raqqa on Monday, Islamic State said.\n\n' +
  'Rescue teams searched the rubble through the night.\n\n' +
  'Windows of the old covered market near the clock tower were shattered, traders who sell spices and cloth said.';
const C = 'Traders at the old covered market near the clock tower in Aleppo sell spices and cloth again, a year after the siege.';

function index(model: EventModel): EventIndex {
  const ix = new EventIndex({ model });
  ix.setArticle(article('a.md', '2017-10-02', A, 'A'));
  ix.setArticle(article('b.md', '2017-10-02', B, 'B'));
  ix.setArticle(article('c.md', '2017-10-05', C, 'C'));
  return ix;
}

const inScoreOrder: EventModel = { ...EVENT_MODEL, cutoff: 0.01, continuation: 0.01, continuationShare: 0, lineChoice: undefined };
const leadFirst: EventModel = {
  ...inScoreOrder,
  lineChoice: { features: [...LINE_FEATURES], weights: [1, 50, 0, 0] },
};

describe('the line an article is listed by', () => {
  it('asked from a later line, a lead-preferring choice shows the other outlet by its lead, in the same place and at the same score', () => {
    const plain = index(inScoreOrder).related('a.md', 1);
    const chosen = index(leadFirst).related('a.md', 1);
    // In score order, outlet B is listed by the line that repeats the market detail.
    const firstB = plain.findIndex((l) => l.file === 'b.md');
    expect(firstB).toBeGreaterThanOrEqual(0);
    expect(plain[firstB].passage).toBe(2);
    // With the lead preferred, B's first place shows its lead; its other line follows in B's next place.
    expect(chosen[firstB].file).toBe('b.md');
    expect(chosen[firstB].passage).toBe(0);
    expect(chosen.filter((l) => l.file === 'b.md').map((l) => l.passage)).toContain(2);
    // The articles, their order, the list's length and the places' scores do not change.
    expect(chosen.map((l) => [l.file, l.score])).toEqual(plain.map((l) => [l.file, l.score]));
  });

  it('asked from a lead, the lead preference does not apply (leads meet leads through the pair score)', () => {
    const plain = index(inScoreOrder).related('a.md', 0);
    const chosen = index(leadFirst).related('a.md', 0);
    expect(chosen.map((l) => [l.file, l.passage, l.score])).toEqual(plain.map((l) => [l.file, l.passage, l.score]));
  });

  it('never lets a lead of a wrong article take a right article place: the places stay within each article', () => {
    const files = ['b', 'c', 'b', 'c'];
    // c's second line (a lead, say) is preferred over everything: it only swaps with c's first place.
    expect(lineSlots(files, [1, 0, 0.5, 9])).toEqual([0, 3, 2, 1]);
    // Preference in score order: the identity.
    expect(lineSlots(files, [4, 3, 2, 1])).toEqual([0, 1, 2, 3]);
  });
});

describe('the line features of multi-story news', () => {
  const asked = { lead: false, retold: 0.4, late: 0.75 };
  const line = (lead: boolean, passages: number, retold: number) => ({ lead, aheadInArticle: 0.5, passages, retold: () => retold });

  it("a candidate lead carries its article's length and the asked line's place; a later line carries the two retellings", () => {
    expect(lineFeatures(asked, line(true, 8, 0))).toEqual([1, 0.4, 0.5, Math.log(8), 0.75, 0]);
    expect(lineFeatures(asked, line(false, 8, 0.5))).toEqual([0, 0, 0, 0, 0, 0.4 * 0.5]);
  });

  it('asked from a lead, no line feature applies', () => {
    expect(lineFeatures({ lead: true, retold: 0, late: 0 }, line(true, 8, 0))).toEqual([0, 0, 0, 0, 0, 0]);
    expect(lineFeatures({ lead: true, retold: 0, late: 0 }, line(false, 8, 0.9))).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('a model fitted on fewer features than the code computes weighs the others 0', () => {
    const model = { features: ['logit', 'lead'], weights: [1, 2] };
    expect(linePreference(model, 0.5, [1, 0.4, 0.5, 2, 0.75, 0])).toBe(0.5 + 2);
    expect(LINE_FEATURES).toHaveLength(7);
  });
});
