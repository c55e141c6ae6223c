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

/** How long work runs before giving the event loop back, how to give it back, and whether to stop. */
export interface SliceOptions {
  yieldNow?: () => Promise<void>;
  sliceMs?: number;
  isCancelled?: () => boolean;
  /** Called just before each yield (e.g. to report progress). */
  beforeYield?: () => void;
  now?: () => number;
}

/** The default way to give the event loop back: a macrotask, so I/O and timers run in between. */
export const yieldToEventLoop = (): Promise<void> => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * A pause to call between small pieces of work: it yields once `sliceMs` (default 12) have passed since the last
 * yield, and answers whether to go on.
 */
export function pauser(options: SliceOptions = {}): () => Promise<boolean> {
  const yieldNow = options.yieldNow ?? yieldToEventLoop;
  const sliceMs = options.sliceMs ?? 12;
  const now = options.now ?? (() => Date.now());
  let sliceStart = now();
  return async () => {
    if (now() - sliceStart >= sliceMs) {
      options.beforeYield?.();
      await yieldNow();
      sliceStart = now();
    }
    return !options.isCancelled?.();
  };
}

/** Runs a stepwise computation between pauses; null when a pause says stop. */
export async function runInSlices<T>(steps: Generator<void, T, void>, pause: () => Promise<boolean>): Promise<{ value: T } | null> {
  for (;;) {
    const step = steps.next();
    if (step.done) return { value: step.value };
    if (!(await pause())) return null;
  }
}
