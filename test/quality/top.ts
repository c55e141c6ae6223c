// Prints the most frequent persons and groups on FA-KES, as the Names view lists them: top.ts [N]
import { fakesArticles, resolveArticles } from './names-eval';
const idx = resolveArticles(fakesArticles());
const n = Number(process.argv[2] ?? 50);
const top = idx
  .recurring()
  .filter((e) => e.kind === 'person' || e.kind === 'group')
  .sort((a, b) => b.mentions.length - a.mentions.length)
  .slice(0, n);
top.forEach((e, i) =>
  console.log(`${i + 1}. ${e.kind} ${e.name} (${e.mentions.length}) ${e.definition ? '— ' + e.definition.text.slice(0, 60) : ''}`),
);
