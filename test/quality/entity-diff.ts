// Which mentions changed entity between two outputs of `cli.js entities --all --json` (before and after a names
// change), grouped by (entity before, entity after) and shown in context, so that every change can be read:
//   entity-diff.ts <before.json> <after.json> <corpus root> [--context]
// Entities are compared by id; a mention is its (file, line, column).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface Row {
  id: string;
  kind: string;
  mentions: { file: string; line: number; column: number; length: number }[];
}

const [beforeFile, afterFile, root] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
if (!beforeFile || !afterFile || !root) {
  console.error('usage: entity-diff.ts <before.json> <after.json> <corpus root> [--context]');
  process.exit(2);
}
const withContext = process.argv.includes('--context');

function byMention(file: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of JSON.parse(readFileSync(file, 'utf8')) as Row[])
    for (const m of e.mentions) out.set(`${m.file}\t${m.line}\t${m.column}\t${m.length}`, `${e.id} (${e.kind})`);
  return out;
}

const before = byMention(beforeFile);
const after = byMention(afterFile);
const groups = new Map<string, string[]>();
for (const key of new Set([...before.keys(), ...after.keys()])) {
  const a = before.get(key) ?? '-';
  const b = after.get(key) ?? '-';
  if (a === b) continue;
  const g = `${a} -> ${b}`;
  const l = groups.get(g);
  if (l) l.push(key);
  else groups.set(g, [key]);
}
const lines = new Map<string, string[]>();
const lineOf = (file: string, line: number): string => {
  let ls = lines.get(file);
  if (!ls) lines.set(file, (ls = readFileSync(join(root, file), 'utf8').split('\n')));
  return ls[line - 1] ?? '';
};
for (const [g, keys] of [...groups].sort((x, y) => y[1].length - x[1].length)) {
  console.log(`${keys.length} ${g}`);
  if (!withContext) continue;
  for (const key of keys) {
    const [file, line, column, length] = key.split('\t');
    const text = lineOf(file!, Number(line));
    const at = Number(column) - 1;
    console.log(`    ${file}:${line}  …${text.slice(Math.max(0, at - 50), at + Number(length) + 50)}…`);
  }
}
