// How closely the one-article update agrees with the full resolution: every article is taken out of a fully resolved
// corpus and attached back through `withArticle`, and each of its mentions is compared with the full resolution's.
// `test/quality/run.sh run-incremental.ts ecb-train|fakes [--list]`.
import { readdirSync, readFileSync } from 'node:fs';
import { parseArticle } from '../../src/core/article';
import { extractNames, resolveEntities, type ResolveInput } from '../../src/core/names';
import { ecbArticles, ECB_TRAIN } from './names-eval';

const which = process.argv[2] ?? 'ecb-train';
const texts =
  which === 'fakes'
    ? readdirSync(new URL('../fixtures/fa-kes/', import.meta.url))
        .filter((f) => f.endsWith('.md') && f !== 'README.md')
        .sort()
        .map((file) => ({ file, text: readFileSync(new URL(`../fixtures/fa-kes/${file}`, import.meta.url), 'utf8') }))
    : ecbArticles(ECB_TRAIN);
const inputs: ResolveInput[] = texts.map(({ file, text }) => {
  const p = parseArticle(text);
  return { file, meta: p.meta, names: extractNames({ file, text, passages: p.passages, headings: p.headings, meta: p.meta }) };
});
const full = resolveEntities(inputs, []);
let total = 0;
let same = 0;
let other = 0;
let missing = 0;
let extra = 0;
const list = process.argv.includes('--list');
for (const input of inputs) {
  const back = full.withArticle(input.file, null).withArticle(input.file, input);
  const want = full.mentionsIn(input.file);
  const got = back.mentionsIn(input.file);
  const gotAt = new Map(got.map((m) => [`${m.start}-${m.end}`, m.entityId]));
  const wantAt = new Set(want.map((m) => `${m.start}-${m.end}`));
  const text = texts.find((t) => t.file === input.file)!.text;
  for (const m of want) {
    total++;
    const g = gotAt.get(`${m.start}-${m.end}`);
    if (g === m.entityId) same++;
    else {
      if (g === undefined) missing++;
      else other++;
      if (list)
        console.log(`  ${g === undefined ? 'MISSING' : 'OTHER'} ${input.file} "${text.slice(m.start, m.end)}": ${m.entityId} -> ${g}`);
    }
  }
  for (const m of got)
    if (!wantAt.has(`${m.start}-${m.end}`)) {
      extra++;
      if (list) console.log(`  EXTRA ${input.file} "${text.slice(m.start, m.end)}" -> ${m.entityId}`);
    }
}
console.log(
  `${which}: ${inputs.length} articles, ${total} mentions; back through withArticle: same entity ${same}, another ${other}, missing ${missing}; extra ${extra}`,
);
