// Name mentions for event tests and the evaluation: the names module's entities (one id per referent, under
// every spelling), fed to the event index exactly as the corpus index does.
import { readdirSync, readFileSync } from 'node:fs';
import { parseArticle } from '../../src/core/article';
import { EventIndex, type EventArticleInput } from '../../src/core/events';
import { extractNames, resolveEntities } from '../../src/core/names';
import { cachedFixture } from './fixture-cache';
import { deepFreeze } from './names-inputs';

const fakesDir = new URL('../fixtures/fa-kes/', import.meta.url);

let fakesInputs: readonly EventArticleInput[] | undefined;

/**
 * Every FA-KES article parsed as the corpus parses it, with its resolved name mentions. Parsed and resolved once per
 * run by the global setup and kept on disk (fixture-cache.ts: keyed by the fixture, the core and this file), read once
 * per test worker (four test files ask for them; test files share one module graph, see vitest.config.ts): a fresh
 * array of the same articles, which are frozen so that no test or index can change what the next one reads.
 */
export function fakesEventInputs(): EventArticleInput[] {
  fakesInputs ??= deepFreeze(cachedFixture('fakes-event-inputs', FAKES_EVENT_SOURCES, readFakesEventInputs));
  return [...fakesInputs];
}

/** What fakesEventInputs is computed from (repository paths): a change to any of them computes it again. */
const FAKES_EVENT_SOURCES = ['test/fixtures/fa-kes', 'src/core', 'test/unit/events-names.ts', 'test/unit/names-inputs.ts'];

function readFakesEventInputs(): EventArticleInput[] {
  const inputs: EventArticleInput[] = [];
  for (const f of readdirSync(fakesDir).sort()) {
    if (!f.endsWith('.md') || f === 'README.md') continue;
    const text = readFileSync(new URL(f, fakesDir), 'utf8');
    const parsed = parseArticle(text);
    inputs.push({ file: f, text, passages: parsed.passages, meta: parsed.meta, mentions: [] });
  }
  return namesInputs(inputs);
}

export function namesInputs(inputs: EventArticleInput[]): EventArticleInput[] {
  const resolved = resolveEntities(
    inputs.map((a) => ({
      file: a.file,
      meta: a.meta,
      names: extractNames({ file: a.file, text: a.text, passages: a.passages, headings: [], meta: a.meta }),
    })),
    [],
  );
  const byFile = new Map<string, EventArticleInput['mentions']>();
  for (const e of resolved.entities) {
    for (const m of e.mentions) {
      let list = byFile.get(m.file);
      if (!list) byFile.set(m.file, (list = []));
      list.push({ start: m.start, end: m.end, entityId: e.id });
    }
  }
  return inputs.map((a) => ({ ...a, mentions: (byFile.get(a.file) ?? []).sort((x, y) => x.start - y.start) }));
}

/** Every answer an event index gives: related articles of every file and the links of every passage. */
export function eventAnswers(index: EventIndex, inputs: EventArticleInput[]): string[] {
  const out: string[] = [];
  for (const a of inputs) {
    out.push(JSON.stringify(index.relatedArticles(a.file, 50)));
    for (const p of a.passages) out.push(JSON.stringify(index.related(a.file, p.index, 20)));
  }
  return out;
}

export interface FakesEventReference {
  inputs: EventArticleInput[];
  /** An index built from every FA-KES article (in file order) and only queried since. */
  built: EventIndex;
  /** `built`'s exported state as JSON, taken before any query. */
  stateJson: string;
  /**
   * eventAnswers of `built`: the reference every other path to the same index (a restore, a stepwise restore, a
   * prepared build) is compared against. Kept on disk under the same sources as the inputs (fixture-cache.ts), so a
   * later run reads it instead of answering every FA-KES passage again.
   */
  builtAnswers: string[];
  /** An index restored (one-shot) from stateJson, and its eventAnswers. */
  restored: EventIndex | null;
  restoredAnswers: string[];
}

let reference: FakesEventReference | undefined;

/**
 * The FA-KES reference that the state and step tests both compare against (a fresh build, its exported state, the
 * one-shot restore of that state and every answer of each), computed once per test worker instead of once per file:
 * answering every FA-KES passage costs seconds per index. Nothing here may be edited: tests edit indexes of their own.
 */
export function fakesEventReference(): FakesEventReference {
  if (reference) return reference;
  const inputs = fakesEventInputs();
  const built = new EventIndex();
  for (const a of inputs) built.setArticle(a);
  const stateJson = JSON.stringify(built.exportState());
  const restored = EventIndex.fromState(JSON.parse(stateJson));
  let builtAnswers: string[] | undefined;
  let restoredAnswers: string[] | undefined;
  reference = {
    inputs,
    built,
    stateJson,
    restored,
    // Answered by `built` itself (a build and a query answer the same whenever they run): a separate build of the same
    // articles in the global setup cost a second build and ~6 s before any worker could start.
    get builtAnswers() {
      return (builtAnswers ??= cachedFixture('fakes-event-answers', FAKES_EVENT_SOURCES, () => eventAnswers(built, inputs)));
    },
    get restoredAnswers() {
      return (restoredAnswers ??= restored ? eventAnswers(restored, inputs) : []);
    },
  };
  return reference;
}
