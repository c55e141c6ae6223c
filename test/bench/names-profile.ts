// The names phase alone, timed and hashed (a benchmark that prints figures, not a test): every article of a corpus
// read through the loader, then, timed, each article's names extraction and the corpus-wide resolution, as
// `Corpus.entities()` runs them. A speed-up of the names code must leave both hashes unchanged.
//
//   npm run bench:names -- [corpusDir] [--profile FILE.cpuprofile | --alloc] [--extract-only]
//
// The corpus defaults to the bench's 10k one (test/bench/out/corpus-10k, made by `npm run bench -- --only 10k`).
// --profile records a CPU profile of the timed part only (the loading is left out) and prints the functions with
// most self time (test/bench/profile-top.mjs); --alloc samples what the timed part allocates instead and prints the
// functions that allocate most (bytes sampled, live or not: what the garbage collector has to sweep).
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import { Session } from 'node:inspector/promises';
import { Corpus } from '../../src/core/corpus';
import { DEFAULT_EXCLUDE, DEFAULT_INCLUDE } from '../../src/core/fileFilter';
import { indexWorkspace } from '../../src/core/loader';
import { extractNames, resolveEntities, type ArticleNames } from '../../src/core/names';
import { FsWorkspace } from '../../src/node/fsWorkspace';
// @ts-expect-error a plain ES module of the bench, without types
import { sourceLines, topSelfTime } from './profile-top.mjs';

const args = process.argv.slice(2);
const profileAt = args.indexOf('--profile');
const profileFile = profileAt >= 0 ? args[profileAt + 1] : undefined;
const alloc = args.includes('--alloc');
/** Extraction alone (a change to it alone leaves the resolution's input, and so its work, as it was when the hash is). */
const extractOnly = args.includes('--extract-only');
const corpusDir = args.find((a, i) => !a.startsWith('--') && i !== profileAt + 1) ?? 'test/bench/out/corpus-10k';

interface SamplingNode {
  callFrame: { functionName: string; url: string; lineNumber: number };
  selfSize: number;
  children: SamplingNode[];
}

/** Bytes allocated per function in a sampling heap profile, biggest first. */
function allocationTop(root: SamplingNode, n: number): string[] {
  const bytes = new Map<string, number>();
  const memo = new Map<string, string[] | null>();
  let total = 0;
  const walk = (node: SamplingNode): void => {
    const f = node.callFrame;
    const src = f.url ? ((sourceLines(f.url, memo) as string[] | null)?.[f.lineNumber] ?? f.url) : '';
    const key = `${f.functionName || '(anonymous)'} ${src}:${f.lineNumber + 1}`;
    bytes.set(key, (bytes.get(key) ?? 0) + node.selfSize);
    total += node.selfSize;
    for (const c of node.children) walk(c);
  };
  walk(root);
  return [...bytes]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([fn, b]) => `${(b / 1e6).toFixed(1).padStart(8)} MB ${((100 * b) / total).toFixed(1).padStart(5)}%  ${fn}`);
}

const cpuMs = (since: NodeJS.CpuUsage): number => {
  const d = process.cpuUsage(since);
  return Math.round((d.user + d.system) / 1000);
};

async function main(): Promise<void> {
  const corpus = new Corpus({ include: DEFAULT_INCLUDE, exclude: DEFAULT_EXCLUDE, maxFileBytes: 10 << 20 });
  await indexWorkspace(new FsWorkspace(corpusDir), corpus, {});
  const records = corpus.all();
  // Texts are decoded lazily; reading them here keeps the decoding out of the timed part.
  let chars = 0;
  for (const r of records) chars += r.text.length;

  const session = profileFile || alloc ? new Session() : null;
  if (session) session.connect();
  if (session && profileFile) {
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 500 });
    await session.post('Profiler.start');
  }
  if (session && alloc)
    await session.post('HeapProfiler.startSampling', {
      samplingInterval: 1 << 14,
      includeObjectsCollectedByMajorGC: true,
      includeObjectsCollectedByMinorGC: true,
    });
  const c0 = process.cpuUsage();
  const extractions: ArticleNames[] = records.map((r) =>
    extractNames({ file: r.file, text: r.text, passages: r.parsed.passages, headings: r.parsed.headings, meta: r.parsed.meta }),
  );
  const extractMs = cpuMs(c0);
  const c1 = process.cpuUsage();
  const index = extractOnly
    ? null
    : resolveEntities(
        records.map((r, k) => ({ file: r.file, meta: r.meta, names: extractions[k] })),
        [],
      );
  const resolveMs = cpuMs(c1);
  if (session && profileFile) {
    const { profile } = await session.post('Profiler.stop');
    fs.writeFileSync(profileFile, JSON.stringify(profile));
    for (const r of topSelfTime(profile, 45) as { fn: string; ms: number; share: number }[]) {
      process.stdout.write(`${String(r.ms).padStart(7)} ms ${r.share.toFixed(1).padStart(5)}%  ${r.fn}\n`);
    }
  }
  if (session && alloc) {
    const { profile } = await session.post('HeapProfiler.stopSampling');
    process.stdout.write(allocationTop(profile.head as SamplingNode, 40).join('\n') + '\n');
  }
  session?.disconnect();

  const extractHash = createHash('sha256');
  for (const e of extractions) extractHash.update(JSON.stringify(e));
  const entityHash = createHash('sha256');
  for (const e of index?.entities ?? []) {
    entityHash.update(
      JSON.stringify([
        e.id,
        e.name,
        e.kind,
        e.aliases,
        e.definition?.text ?? null,
        e.related,
        e.mentions.map((m) => [m.file, m.start, m.end]),
      ]),
    );
  }
  process.stdout.write(
    `${corpusDir}: ${records.length} articles, ${(chars / 1e6).toFixed(1)} M characters, ${index?.entities.length ?? '(not resolved)'} entities\n` +
      `extraction  ${extractMs} ms CPU\nresolution  ${resolveMs} ms CPU\nnames phase ${extractMs + resolveMs} ms CPU\n` +
      `extractions sha256 ${extractHash.digest('hex')}\nentities    sha256 ${entityHash.digest('hex')}\n`,
  );
}

main().catch((e) => {
  process.stderr.write(String(e?.stack ?? e) + '\n');
  process.exit(1);
});
