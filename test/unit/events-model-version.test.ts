// A cached event index names the scoring model it was built for: after an update that refits the weights, links
// scored by the old model are never restored (the corpus then rebuilds the index), while the same model's state is.
import { describe, expect, it } from 'vitest';
import { EventIndex } from '../../src/core/events';
import { EVENT_MODEL } from '../../src/core/events/score';
import { article } from './events-article';

const A = 'A car bomb killed 17 people in the centre of Raqqa on Monday, the Islamic State group said.';
const B = 'Seventeen people were killed when a car bomb exploded in Raqqa on Monday, according to Islamic State.';

describe('event index state and the scoring model', () => {
  const ix = new EventIndex();
  ix.setArticle(article('a.md', '2017-10-02', A, 'A'));
  ix.setArticle(article('b.md', '2017-10-02', B, 'B'));
  const state = JSON.parse(JSON.stringify(ix.exportState())) as Record<string, unknown>;

  it('records the shipped model version and restores a state of the same model with the same answers', () => {
    expect(state.model).toBe(EVENT_MODEL.version);
    const restored = EventIndex.fromState(state)!;
    expect(restored).not.toBeNull();
    expect(restored.related('a.md', 0)).toEqual(ix.related('a.md', 0));
    expect(ix.related('a.md', 0).map((l) => l.file)).toEqual(['b.md']);
  });

  it('refuses a state built for another model', () => {
    expect(EventIndex.fromState({ ...state, model: EVENT_MODEL.version + '-old' })).toBeNull();
  });
});
