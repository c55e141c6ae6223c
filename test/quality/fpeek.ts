// Debug: FA-KES entities whose name or alias matches: fpeek.ts 'Urum|Orum'
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { resolveArticles } from './names-eval';
const dir = 'test/fixtures/fa-kes';
const files = readdirSync(dir).filter((f) => f.endsWith('.md') && f !== 'README.md').sort();
const idx = resolveArticles(files.map((file) => ({ file, text: readFileSync(join(dir, file), 'utf8') })));
const re = new RegExp(process.argv[2]!, 'i');
for (const e of idx.entities) if (re.test(e.name) || e.aliases.some((a) => re.test(a)))
  console.log(`${e.id} ${e.kind} "${e.name}" [${e.aliases.join(' | ')}] ${e.mentions.length} def=${e.definition?.text ?? ''}`);
