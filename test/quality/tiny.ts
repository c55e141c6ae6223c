// Debug: entities of tiny inline articles given as JSON: tiny.ts '{"a.txt":"..."}'
import { parseArticle } from '../../src/core/article';
import { extractNames, resolveEntities } from '../../src/core/names';
const texts = JSON.parse(process.argv[2]!) as Record<string, string>;
const idx = resolveEntities(Object.entries(texts).map(([file, text]) => {
  const p = parseArticle(text);
  const n = extractNames({ file, text, passages: p.passages, headings: p.headings, meta: p.meta });
  console.log(file, p.meta.title, p.passages.map((x) => [x.kind, x.start, x.end]), n.mentions.map((m) => m.surface), n.heads?.map((h) => h.surface));
  return { file, meta: p.meta, names: n };
}), []);
for (const e of idx.entities) console.log(e.id, e.kind, e.name, e.mentions.map((m) => `${m.file}:${m.start}:${m.surface}`).join(' '));
