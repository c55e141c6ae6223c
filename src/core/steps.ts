// Stepwise computations: generators that yield between small pieces of work, so that a host can pause between
// steps (the extension host must never block for long) or run them to their end at once (the CLI, tests).

/** Runs a stepwise computation to its end at once. */
export function runToEnd<T>(steps: Generator<void, T, void>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * A counter of work done in a stepwise computation: `spent(units)` is true each time `step` units have been spent
 * since the last true, i.e. when it is time to yield.
 */
export function workBudget(step: number): (units: number) => boolean {
  let budget = step;
  return (units) => {
    budget -= units;
    if (budget > 0) return false;
    budget = step;
    return true;
  };
}
