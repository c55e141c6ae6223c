// The interface every resolution rule implements. The driver (`../resolve.ts`) runs the rules in the order it
// lists them over one `ResolutionState`; each rule is a generator that yields every few milliseconds of work, so
// the extension can resolve a large corpus in slices between event-loop turns.
import type { ResolutionState } from './state';

export interface ResolutionRule {
  /** What the rule does, in a few words (tests and traces name rules by it). */
  readonly name: string;
  run(s: ResolutionState): Generator<void, void, void>;
}
