// Prints the most frequent persons and groups on FA-KES, as the Names view lists them: top.ts [N]
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { resolveArticles } from './names-eval';
const dir = 'test/fixtures/fa-kes';
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.md') && f !== 'README.md')
  .sort();
const idx = resolveArticles(files.map((file) => ({ file, text: readFileSync(join(dir, file), 'utf8') })));
const n = Number(process.argv[2] ?? 50);
const top = idx
  .recurring()
  .filter((e) => e.kind === 'person' || e.kind === 'group')
  .sort((a, b) => b.mentions.length - a.mentions.length)
  .slice(0, n);
top.forEach((e, i) =>
  console.log(`${i + 1}. ${e.kind} ${e.name} (${e.mentions.length}) ${e.definition ? '— ' + e.definition.text.slice(0, 60) : ''}`),
);
