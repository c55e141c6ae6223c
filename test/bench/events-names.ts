// Name mentions for the event evaluation. Until the names module resolves entities, the event index falls
// back to its own capitalised-run mentions, so inputs are passed through unchanged.
import type { EventArticleInput } from '../../src/core/events';

export function namesInputs(inputs: EventArticleInput[]): EventArticleInput[] {
  return inputs;
}
