// Self time per function in a V8 CPU profile (`.cpuprofile`, as `node --cpu-prof` or the inspector writes it), biggest
// first. A function in an esbuild bundle is named with the source file the bundle's "// src/…" markers put it under.
//
//   node test/bench/profile-top.mjs FILE.cpuprofile [N]
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

/** For a bundle: the source file each line belongs to (esbuild writes "// path/to/file.ts" before each module). */
export function sourceLines(url, memo) {
  if (memo.has(url)) return memo.get(url);
  let lines;
  try {
    const file = url.startsWith('file:') ? fileURLToPath(url) : url;
    const text = fs.readFileSync(file, 'utf8');
    lines = [];
    let current = path.basename(file);
    for (const line of text.split('\n')) {
      const m = /^\/\/ ((?:src|test|node_modules)\/\S+)$/.exec(line);
      if (m) current = m[1];
      lines.push(current);
    }
  } catch {
    lines = null;
  }
  memo.set(url, lines);
  return lines;
}

/** Functions by self time: [{ fn, ms, share }], `share` in percent of the profile's sampled time. */
export function topSelfTime(profile, n = 30) {
  const nodes = new Map(profile.nodes.map((x) => [x.id, x]));
  const memo = new Map();
  const self = new Map();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const f = nodes.get(id).callFrame;
    let where = '';
    if (f.url) {
      const lines = sourceLines(f.url, memo);
      const src = lines?.[f.lineNumber] ?? path.basename(f.url);
      where = ` ${src}:${f.lineNumber + 1}`;
    }
    const key = `${f.functionName || '(anonymous)'}${where}`;
    self.set(key, (self.get(key) ?? 0) + profile.timeDeltas[i]);
    total += profile.timeDeltas[i];
  });
  return [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([fn, us]) => ({ fn: fn.slice(0, 160), ms: Math.round(us / 1000), share: Math.round((1000 * us) / total) / 10 }));
}

// Run as a command (not when bundled into another script, where import.meta is not available).
if (process.argv[1]?.endsWith('profile-top.mjs')) {
  const [file, n] = process.argv.slice(2);
  const rows = topSelfTime(JSON.parse(fs.readFileSync(file, 'utf8')), Number(n ?? 40));
  for (const r of rows) process.stdout.write(`${String(r.ms).padStart(7)} ms ${r.share.toFixed(1).padStart(5)}%  ${r.fn}\n`);
}
