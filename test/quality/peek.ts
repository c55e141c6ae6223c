// Debug: entities whose name or alias matches a pattern, on ECB+ topics: peek.ts 5,18 Cheeks|Riva
import { ecbArticles, resolveArticles } from './names-eval';
const topics = process.argv[2]!.split(',').map(Number);
const re = new RegExp(process.argv[3]!, 'i');
const arts = ecbArticles(topics);
const idx = resolveArticles(arts);
for (const e of idx.entities) if (re.test(e.name) || e.aliases.some((a) => re.test(a)))
  console.log(`${e.id} ${e.kind} "${e.name}" [${e.aliases.join(' | ')}] ${e.mentions.length} def=${e.definition?.text ?? ''}`);
