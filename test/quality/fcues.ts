// Debug: cues of FA-KES mentions whose surface matches: fcues.ts 'Anas al-Abdah'
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArticle } from '../../src/core/article';
import { extractNames } from '../../src/core/names';
const dir = 'test/fixtures/fa-kes';
const re = new RegExp(process.argv[2]!);
for (const file of readdirSync(dir).filter((f) => f.endsWith('.md') && f !== 'README.md')) {
  const text = readFileSync(join(dir, file), 'utf8');
  const p = parseArticle(text);
  const n = extractNames({ file, text, passages: p.passages, headings: p.headings, meta: p.meta });
  n.mentions.forEach((m, i) => { if (re.test(m.surface)) console.log(file.slice(0, 30), JSON.stringify(m), n.definitions.filter((d) => d.m === i).map((d) => d.text)); });
}
