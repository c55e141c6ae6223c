// Debug: heading leftovers of some files: heads.ts 7 t07-ecbplus-1.txt
import { parseArticle } from '../../src/core/article';
import { extractNames } from '../../src/core/names';
import { ecbArticles } from './names-eval';
for (const { file, text } of ecbArticles(process.argv[2]!.split(',').map(Number))) {
  if (process.argv[3] && file !== process.argv[3]) continue;
  const p = parseArticle(text);
  const n = extractNames({ file, text, passages: p.passages, headings: p.headings, meta: p.meta });
  console.log(file, JSON.stringify(p.meta.title), p.headings, (n.heads ?? []).map((h) => h.surface), n.mentions.filter((m) => m.start < 200).map((m) => m.surface));
}
