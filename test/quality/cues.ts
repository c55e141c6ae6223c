// Debug: the cues extraction gives to mentions whose key matches: cues.ts 5 '^cheeks$'
import { parseArticle } from '../../src/core/article';
import { extractNames } from '../../src/core/names';
import { ecbArticles } from './names-eval';
const topics = process.argv[2]!.split(',').map(Number);
const re = new RegExp(process.argv[3]!, 'i');
const counts = new Map<string, number>();
for (const { file, text } of ecbArticles(topics)) {
  const p = parseArticle(text);
  const n = extractNames({ file, text, passages: p.passages, headings: p.headings, meta: p.meta });
  for (const m of n.mentions) if (re.test(m.key)) {
    const c = `${m.key} cue=${m.cue ?? '-'} strong=${!!m.strong} the=${!!m.the}`;
    counts.set(c, (counts.get(c) ?? 0) + 1);
    if (process.argv[4] && m.cue === process.argv[4]) console.log(`${file}: …${text.slice(m.start - 30, m.end + 30).replace(/\n/g, ' ')}…`);
  }
}
for (const [c, n] of counts) console.log(n, c);
