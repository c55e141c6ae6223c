// Name mentions for event tests and the evaluation: the names module's entities (one id per referent, under
// every spelling), fed to the event index exactly as the corpus index does.
import { readdirSync, readFileSync } from 'node:fs';
import { parseArticle } from '../../src/core/article';
import type { EventArticleInput, EventIndex } from '../../src/core/events';
import { extractNames, resolveEntities } from '../../src/core/names';

const fakesDir = new URL('../fixtures/fa-kes/', import.meta.url);

/** Every FA-KES article parsed as the corpus parses it, with its resolved name mentions. */
export function fakesEventInputs(): EventArticleInput[] {
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
