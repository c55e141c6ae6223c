// Debug: entity mentions of one file after resolving its topic: file.ts 1 t01-ecbplus-1.txt
import { ecbArticles, resolveArticles } from './names-eval';
const arts = ecbArticles(process.argv[2]!.split(',').map(Number));
const idx = resolveArticles(arts);
for (const e of idx.entities) for (const m of e.mentions) if (m.file === process.argv[3]) console.log(m.start, JSON.stringify(m.surface), '->', e.id, e.kind);
