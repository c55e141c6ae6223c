// Debug: articles whose lower-case word list holds a word: lower.ts 1 lohan
import { parseArticle } from '../../src/core/article';
import { extractNames } from '../../src/core/names';
import { ecbArticles } from './names-eval';
for (const { file, text } of ecbArticles(process.argv[2]!.split(',').map(Number))) {
  const p = parseArticle(text);
  const n = extractNames({ file, text, passages: p.passages, headings: p.headings, meta: p.meta });
  if ((n.lower ?? []).includes(process.argv[3]!)) console.log(file);
}
