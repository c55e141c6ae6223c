// Resolving a large corpus takes seconds; done in one synchronous call it would freeze the extension host. The
// stepwise form yields often enough for a caller to give the event loop back every few milliseconds, and its
// result is exactly the one-call result.
import { beforeAll, describe, expect, it } from 'vitest';
import { resolveEntities, resolveEntitiesSteps, type ResolveInput } from '../../src/core/names';
import { drain, fakesNamesInputs, fakesResolved } from './names-inputs';

let arts: ResolveInput[];

beforeAll(() => {
  // Every FA-KES article parsed and its names extracted, in file order (shared with the other names tests of the worker).
  arts = fakesNamesInputs();
}, 120_000);

describe('stepwise resolution', () => {
  // The one-call resolution of FA-KES, once per worker for both tests below and the other names tests (names-inputs.ts).
  const resolvedOnce = fakesResolved;

  // That no step holds on for long (its longest step) is a target of `npm run bench:targets` (test/bench/targets.ts),
  // on the same articles.
  it('yields many times on FA-KES and returns the same index as one call', () => {
    const whole = resolvedOnce();
    const { value: stepped, pauses: yields } = drain(resolveEntitiesSteps(arts, []));
    expect(yields).toBeGreaterThan(20);
    expect(stepped.entities).toEqual(whole.entities);
    // Every file's mention list, compared in one assertion.
    expect(arts.map((a) => stepped.mentionsIn(a.file))).toEqual(arts.map((a) => whole.mentionsIn(a.file)));
    // Both leave the same hints behind: an edit attaches the same way.
    const edited = arts[5];
    const a = stepped.withArticle(edited.file, null);
    const b = whole.withArticle(edited.file, null);
    expect(a.entities).toEqual(b.entities);
    // Two full resolutions of FA-KES: seconds of wall time on a machine shared with other work (the step
    // lengths above are CPU time).
  }, 30_000);

  it('can be abandoned half-way without affecting a later resolution', () => {
    const steps = resolveEntitiesSteps(arts, []);
    for (let i = 0; i < 10; i++) steps.next();
    steps.return(undefined as never);
    expect(resolveEntities(arts, []).entities).toEqual(resolvedOnce().entities);
  });
});
