// Names speed on FA-KES ×N (each article copied N times under other names): extraction and full resolution,
// best of 3 runs each, CPU-bound in one process. speed.ts [N]
import { parseArticle } from '../../src/core/article';
import { extractNames, resolveEntities } from '../../src/core/names';
import { fakesArticles } from './names-eval';

const n = Number(process.argv[2] ?? 5);
const base = fakesArticles();
const parsed: { file: string; text: string; p: ReturnType<typeof parseArticle> }[] = [];
for (let k = 0; k < n; k++) for (const a of base) parsed.push({ file: `${k}/${a.file}`, text: a.text, p: parseArticle(a.text) });
const best = (fn: () => void): number => {
  let b = Infinity;
  for (let r = 0; r < 3; r++) {
    const t = performance.now();
    fn();
    b = Math.min(b, performance.now() - t);
  }
  return b;
};
let arts: { file: string; meta: ReturnType<typeof parseArticle>['meta']; names: ReturnType<typeof extractNames> }[] = [];
const ext = best(() => {
  arts = parsed.map(({ file, text, p }) => ({
    file,
    meta: p.meta,
    names: extractNames({ file, text, passages: p.passages, headings: p.headings, meta: p.meta }),
  }));
});
const res = best(() => resolveEntities(arts, []));
console.log(
  `FA-KES x${n} (${arts.length} articles): extraction ${ext.toFixed(0)} ms, resolution ${res.toFixed(0)} ms, total ${(ext + res).toFixed(0)} ms`,
);
