// Name finding and resolution grow linearly with the size of one article: a single huge line of prose (no line
// breaks, as some scraped files are) must not make either step super-linear.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/core/article';
import { extractNames, resolveEntities } from '../../src/core/names';

const dir = new URL('../../corpus/', import.meta.url);
const prose = readdirSync(dir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => readFileSync(new URL(f, dir), 'utf8').replace(/\s+/g, ' '))
  .join(' ');

/** CPU milliseconds (less sensitive than wall time to other load on the machine). */
function cpuMs(f: () => void): number {
  const t = process.cpuUsage();
  f();
  const d = process.cpuUsage(t);
  return (d.user + d.system) / 1000;
}

function namesOf(chars: number): number {
  const text = prose.repeat(Math.ceil(chars / prose.length)).slice(0, chars);
  const p = parseArticle(text);
  return cpuMs(() => {
    const names = extractNames({ file: 'long.txt', text, passages: p.passages, headings: p.headings, meta: p.meta });
    resolveEntities([{ file: 'long.txt', meta: p.meta, names }], []);
  });
}

describe('one huge line', () => {
  it('costs about the same per character at 250 KB and at 1 MB', () => {
    namesOf(100_000); // warm the JIT
    const small = Math.min(namesOf(250_000), namesOf(250_000));
    const big = namesOf(1_000_000);
    console.log(`names on one line: 250 KB ${small.toFixed(0)} ms CPU, 1 MB ${big.toFixed(0)} ms CPU`);
    // Linear growth gives 4x; quadratic would give 16x. Leave room for GC and a loaded machine.
    expect(big).toBeLessThan(8 * small + 200);
  }, 60_000);
});
