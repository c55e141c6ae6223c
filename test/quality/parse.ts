import { parseArticle } from '../../src/core/article';
import { readFileSync } from 'node:fs';
const t = readFileSync(process.argv[2]!, 'utf8');
const p = parseArticle(t);
console.log(p.meta, p.headings, p.passages.slice(0, 4).map((x) => [x.kind, x.start, x.end, t.slice(x.start, x.start + 50)]));
