// The names module with its expensive entry points counted, for tests that check what a warm start does not redo
// (`vi.mock('../../src/core/names', (importOriginal) => countingNames(importOriginal, spies))`).
type NamesModule = typeof import('../../src/core/names');

export interface NameCallCounts {
  extract: number;
  resolve: number;
}

export async function countingNames(importOriginal: <T>() => Promise<T>, spies: NameCallCounts): Promise<NamesModule> {
  const m = await importOriginal<NamesModule>();
  return {
    ...m,
    extractNames: (...args: Parameters<NamesModule['extractNames']>) => (spies.extract++, m.extractNames(...args)),
    resolveEntities: (...args: Parameters<NamesModule['resolveEntities']>) => (spies.resolve++, m.resolveEntities(...args)),
    resolveEntitiesSteps: (...args: Parameters<NamesModule['resolveEntitiesSteps']>) => (spies.resolve++, m.resolveEntitiesSteps(...args)),
  };
}
