// Time and memory of names beside one pathological 5 MB line (a benchmark that prints figures, not a test): each
// shape in a fresh process with a 4 GB heap, so that one that runs out of memory says so instead of ending the run.
//
//   npm run bench:pathological [-- 'shape' …]   (from the repository root)
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Corpus } from '../../src/core/corpus';

const fill = (unit: string): string => unit.repeat(Math.ceil((5 << 20) / unit.length)).slice(0, 5 << 20);

/** The 5 MB lines: each is a shape that once went quadratic or ran out of memory in name extraction. */
const SHAPES: Record<string, () => string> = {
  'hyphen-joined names': () => fill('Al-Assad-'),
  'hyphen-joined names, full stop': () => `${fill('Al-Assad-').slice(0, -1)}.`,
  'hyphen-joined names with spaces, full stop': () => `${fill('Al-Assad ').slice(0, -1)}.`,
  'title-cased words, full stop': () => `${fill('Al Assad Bin Ali ').slice(0, -1)}.`,
  'words in capitals, full stop': () => `${fill('AL ASSAD BIN ALI ').slice(0, -1)}.`,
  // A heading line made of the words of a long name the prose gives, in another order: every run from every word
  // could be a known name.
  'title-cased words of a prose name': () =>
    `The reporters in the city were told by many officials working at the ministry that ${'Al Assad Bin Ali '.repeat(6)}had met with some of the others in the north on that day, and that they had left for good.\n${fill('Ali Bin Assad ')}`,
};

const OTHER = 'Moscow\n\nPresident Bashar al-Assad fled to Moscow on Sunday, officials said.';

function measure(shape: string): void {
  // The first sample article, which names Bashar al-Assad.
  const first = fs
    .readdirSync('corpus')
    .filter((f) => f.endsWith('.txt'))
    .sort()[0];
  const story = fs.readFileSync(path.join('corpus', first), 'utf8');
  const corpus = new Corpus();
  const t0 = performance.now();
  corpus.setText('long.txt', SHAPES[shape]());
  corpus.setText('story.txt', story);
  corpus.setText('other.txt', OTHER);
  const t1 = performance.now();
  const entities = corpus.recurringEntities();
  const t2 = performance.now();
  const hover = corpus.hover('story.txt', story.indexOf('Assad') + 1);
  const mentionsInLine = entities.reduce((n, e) => n + e.mentions.filter((m) => m.file === 'long.txt').length, 0);
  const mem = process.memoryUsage();
  console.log(
    JSON.stringify({
      shape,
      parseMs: Math.round(t1 - t0),
      namesMs: Math.round(t2 - t1),
      entities: entities.length,
      mentionsInLine,
      hover: hover?.entity ?? null,
      heapMB: Math.round(mem.heapUsed / 1e6),
      rssMB: Math.round(mem.rss / 1e6),
      // The peak, which is what runs out.
      peakRssMB: Math.round((process.resourceUsage().maxRSS * 1024) / 1e6),
    }),
  );
}

const asked = process.argv.slice(2);
if (process.env.PATHOLOGICAL_CHILD) {
  measure(asked[0]);
} else {
  const self = process.argv[1];
  for (const shape of asked.length ? asked : Object.keys(SHAPES)) {
    if (!SHAPES[shape]) throw new Error(`unknown shape '${shape}' (expected one of: ${Object.keys(SHAPES).join(', ')})`);
    const t0 = performance.now();
    const r = spawnSync(process.execPath, ['--max-old-space-size=4096', self, shape], {
      env: { ...process.env, PATHOLOGICAL_CHILD: '1' },
      encoding: 'utf8',
      timeout: 300_000,
    });
    const wall = ((performance.now() - t0) / 1000).toFixed(1);
    const line = r.stdout.trim().split('\n').pop() ?? '';
    if (r.status === 0) console.log(`${line.slice(0, -1)},"wallS":${wall}}`);
    else {
      const why = /heap out of memory|Reached heap limit/.test(r.stderr)
        ? 'out of memory'
        : r.signal
          ? `killed (${r.signal})`
          : `exit ${r.status}`;
      console.log(JSON.stringify({ shape, failed: why, wallS: Number(wall) }));
    }
  }
}
