// One benchmark measurement per process (run.mjs starts each in a fresh `node --expose-gc`), so heap and RSS
// peaks of one measurement never mix with another's. Prints one JSON object on the last line of stdout.
//
//   measure <task> <corpusDir> <workDir> [options JSON]
//   tasks: prep | baseline | cold | warm | warmlink | heap | link | queries
import * as fs from 'node:fs';
import * as path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import MiniSearch from 'minisearch';
import { Corpus } from '../../src/core/corpus';
import { DEFAULT_EXCLUDE, DEFAULT_INCLUDE } from '../../src/core/fileFilter';
import { indexWorkspace } from '../../src/core/loader';
import { FsWorkspace } from '../../src/node/fsWorkspace';

declare const gc: (() => void) | undefined;

const [task, corpusDir, workDir, optionsJson] = process.argv.slice(2);
const options: { hovers?: number; related?: number; edits?: number; seed?: number; warm?: boolean; changed?: boolean } = optionsJson
  ? JSON.parse(optionsJson)
  : {};

/** The corpus as it is on disk, except one article that was edited since the cache was written (a sentence added). */
class EditedWorkspace extends FsWorkspace {
  edited: string | null = null;
  override async listFiles(): Promise<string[]> {
    const files = await super.listFiles();
    this.edited = files.filter((f) => /\.(txt|md)$/.test(f)).sort()[0] ?? null;
    return files;
  }
  override async readFile(file: string): Promise<Uint8Array> {
    const bytes = await super.readFile(file);
    if (file !== this.edited) return bytes;
    return new TextEncoder().encode(
      new TextDecoder().decode(bytes) + '\n\nOfficials in Hama said three more people were wounded on Sunday.\n',
    );
  }
  /** The edited file's stat says so, as the file system's would: a new size and mtime. */
  override async stat(file: string): Promise<{ size: number; mtime: number }> {
    const st = await super.stat(file);
    return file === this.edited ? { size: (await this.readFile(file)).length, mtime: Date.now() } : st;
  }
}

function collect(): void {
  if (typeof gc === 'function') {
    gc();
    gc();
  }
}

function memory(): { heapUsedMB: number; arrayBuffersMB: number; rssMB: number; peakRssMB: number } {
  const m = process.memoryUsage();
  return {
    // `external` already holds `arrayBuffers` (Node's documentation; a 100 MB Uint8Array adds 100 MB to each): adding
    // both counted every typed column twice (the event index's, the packed names extractions).
    heapUsedMB: mb(m.heapUsed + m.external),
    arrayBuffersMB: mb(m.arrayBuffers),
    rssMB: mb(m.rss),
    peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
  };
}

function mb(n: number): number {
  return Math.round(n / (1 << 20));
}

function ms(t0: number): number {
  return Math.round((performance.now() - t0) * 10) / 10;
}

/** CPU milliseconds (user + system) of this process since `c0`: the figure that other load on the machine does not inflate. */
function cpuMs(c0: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(c0);
  return Math.round((d.user + d.system) / 100) / 10;
}

function newCorpus(): Corpus {
  return new Corpus({ include: DEFAULT_INCLUDE, exclude: DEFAULT_EXCLUDE, maxFileBytes: 10 << 20 });
}

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function percentiles(samples: number[]): { n: number; p50: number; p95: number; p99: number; max: number } {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => round3(s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0);
  return { n: s.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: round3(s[s.length - 1] ?? 0) };
}

function round3(n: number): number {
  return Math.round(n * 1000) / 1000;
}

/** Cold or warm load through the real loader (yielding between slices), then names and events forced. */
async function fullIndex(corpus: Corpus, watchLoop: boolean, heapByPhase = false, ws: FsWorkspace = new FsWorkspace(corpusDir)) {
  // Retained heap after each phase (measured outside the timed windows): where the memory goes.
  const heap: Record<string, number> = {};
  const phaseHeap = (phase: string) => {
    if (!heapByPhase) return;
    collect();
    heap[phase] = memory().heapUsedMB;
  };
  phaseHeap('start');
  const loop = monitorEventLoopDelay({ resolution: 5 });
  if (watchLoop) loop.enable();
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const result = await indexWorkspace(ws, corpus, {});
  const loadMs = ms(t0);
  const loadCpuMs = cpuMs(c0);
  loop.disable();
  phaseHeap('texts+parsed');
  const t1 = performance.now();
  const c1 = process.cpuUsage();
  const entities = corpus.entities();
  const namesMs = ms(t1);
  const namesCpuMs = cpuMs(c1);
  phaseHeap('+names');
  const first = corpus.files().sort()[0];
  const t2 = performance.now();
  const c2 = process.cpuUsage();
  corpus.relatedArticles(first, 10);
  const eventsMs = ms(t2);
  const eventsCpuMs = cpuMs(c2);
  phaseHeap('+events');
  return {
    files: result.indexed,
    skipped: result.skipped.length,
    entities: entities.entities.length,
    recurring: entities.recurring().length,
    loadMs,
    namesMs,
    eventsMs,
    totalMs: round3(loadMs + namesMs + eventsMs),
    loadCpuMs,
    namesCpuMs,
    eventsCpuMs,
    totalCpuMs: round3(loadCpuMs + namesCpuMs + eventsCpuMs),
    heapByPhaseMB: heapByPhase ? heap : undefined,
    eventLoop: watchLoop
      ? { p50: round3(loop.percentile(50) / 1e6), p99: round3(loop.percentile(99) / 1e6), max: round3(loop.max / 1e6) }
      : null,
  };
}

async function main(): Promise<unknown> {
  const cacheFile = path.join(workDir, 'index-cache.json');
  const passagesFile = path.join(workDir, 'passages.json');
  switch (task) {
    case 'prep': {
      // The passages Parallax cuts, written down so the baseline indexes exactly the same text without parsing.
      const corpus = newCorpus();
      await indexWorkspace(new FsWorkspace(corpusDir), corpus, { yieldNow: async () => {} });
      const out: [string, number[]][] = [];
      let passages = 0;
      let chars = 0;
      for (const r of corpus.all()) {
        const ranges: number[] = [];
        for (const p of r.parsed.passages) if (p.kind !== 'boilerplate') ranges.push(p.start, p.end);
        passages += ranges.length / 2;
        chars += r.text.length;
        out.push([r.file, ranges]);
      }
      fs.writeFileSync(passagesFile, JSON.stringify(out));
      return { files: out.length, passages, chars };
    }
    case 'baseline': {
      // What a plain MiniSearch plugin does: read every file, add every passage, default settings.
      const list: [string, number[]][] = JSON.parse(fs.readFileSync(passagesFile, 'utf8'));
      collect();
      const before = memory();
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      const docs: { id: number; text: string }[] = [];
      let id = 0;
      for (const [file, ranges] of list) {
        const text = fs.readFileSync(path.join(corpusDir, file), 'utf8');
        for (let i = 0; i < ranges.length; i += 2) docs.push({ id: id++, text: text.slice(ranges[i], ranges[i + 1]) });
      }
      const readMs = ms(t0);
      const readCpuMs = cpuMs(c0);
      const t1 = performance.now();
      const c1 = process.cpuUsage();
      const search = new MiniSearch({ fields: ['text'] });
      search.addAll(docs);
      const addAllMs = ms(t1);
      const addAllCpuMs = cpuMs(c1);
      const after = memory();
      collect();
      const retained = memory();
      return {
        passages: docs.length,
        readMs,
        addAllMs,
        totalMs: round3(readMs + addAllMs),
        readCpuMs,
        addAllCpuMs,
        totalCpuMs: round3(readCpuMs + addAllCpuMs),
        heapBeforeMB: before.heapUsedMB,
        heapRetainedMB: retained.heapUsedMB,
        arrayBuffersRetainedMB: retained.arrayBuffersMB,
        heapAfterMB: after.heapUsedMB,
        peakRssMB: retained.peakRssMB,
        keep: search.documentCount,
      };
    }
    case 'cold': {
      collect();
      const corpus = newCorpus();
      const r = await fullIndex(corpus, true, true);
      // Then link(), as the extension runs it once loaded (it prepares the first edit's and query's structures): the
      // memory a session holds from then on.
      await corpus.link({ yieldNow: async () => {} });
      collect();
      r.heapByPhaseMB!['linked'] = memory().heapUsedMB;
      // What a session that never searches holds: the full-text index is built on the first search only.
      const peakRssBeforeSearchMB = memory().peakRssMB;
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      corpus.searchPassages('killed in air strikes', 10);
      const searchMs = ms(t0);
      const searchCpuMs = cpuMs(c0);
      const after = memory();
      collect();
      const retained = memory();
      const t1 = performance.now();
      const cache = corpus.exportCache();
      const exportMs = ms(t1);
      const t2 = performance.now();
      fs.writeFileSync(cacheFile, cache);
      const writeMs = ms(t2);
      return {
        ...r,
        peakRssBeforeSearchMB,
        firstSearchMs: searchMs,
        firstSearchCpuMs: searchCpuMs,
        heapAfterMB: after.heapUsedMB,
        heapRetainedMB: retained.heapUsedMB,
        arrayBuffersRetainedMB: retained.arrayBuffersMB,
        peakRssMB: retained.peakRssMB,
        cacheMB: round3(cache.length / (1 << 20)),
        exportMs,
        writeMs,
        parsed: corpus.stats.parsed,
      };
    }
    case 'warm': {
      collect();
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      const corpus = newCorpus();
      const data = fs.readFileSync(cacheFile);
      const readMs = ms(t0);
      const t1 = performance.now();
      const imported = corpus.importCache(data);
      const importMs = ms(t1);
      const importCpuMs = cpuMs(c0);
      const r = await fullIndex(corpus, true, false, options.changed ? new EditedWorkspace(corpusDir) : undefined);
      const states = corpus.derivedStates();
      collect();
      return {
        ...r,
        states,
        totalMs: round3(readMs + importMs + r.totalMs),
        totalCpuMs: round3(importCpuMs + r.totalCpuMs),
        importCpuMs,
        readCacheMs: readMs,
        importMs,
        imported,
        parsed: corpus.stats.parsed,
        restored: corpus.stats.restored,
        peakRssMB: memory().peakRssMB,
        heapRetainedMB: memory().heapUsedMB,
      };
    }
    case 'heap': {
      // Where the retained heap after the first search goes: each structure is let go in turn (search index, event
      // index, names extractions, entity index, parses, texts) and the heap measured after each. A structure's
      // figure is what letting it go frees, given the ones before it are gone already.
      const corpus = newCorpus();
      if (options.warm && fs.existsSync(cacheFile)) corpus.importCache(fs.readFileSync(cacheFile));
      await fullIndex(corpus, false);
      await corpus.link({ yieldNow: async () => {} });
      corpus.searchPassages('killed in air strikes', 10);
      collect();
      const total = memory().heapUsedMB;
      // Internals reached on purpose: this is accounting, not a feature.
      const derived = (corpus as unknown as { derived: Record<string, Record<string, unknown>> }).derived;
      const records = corpus.all() as unknown as Record<string, unknown>[];
      const parts: Record<string, number> = {};
      let last = total;
      const drop = (what: string, free: () => void) => {
        free();
        collect();
        const now = memory().heapUsedMB;
        parts[what] = last - now;
        last = now;
      };
      drop('search index', () => void (derived.search.index = null));
      drop('event index', () => void (derived.events.index = null));
      drop('names extractions', () => (derived.names.extractions as Map<string, unknown>).clear());
      // The event index remembers the entity index it was synced with.
      drop('entity index', () => void (derived.names.index = derived.events.syncedWith = null));
      drop('parses and line maps', () => {
        for (const r of records) {
          r.parsedValue = null;
          r.lineMap = null;
        }
      });
      // A record holds its text, or the file's bytes to decode it again from (record.ts).
      drop('texts', () => {
        for (const r of records) r.textValue = r.decodeText = null;
      });
      return { totalMB: total, partsMB: parts, restMB: last };
    }
    case 'warmlink': {
      // A warm start as the extension runs it: the cache imported, the workspace read, then link(); its features
      // answer from the moment link() calls onAnswering (with an article edited since, before names are resolved in
      // full, which link() then does in the background).
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      const corpus = newCorpus();
      corpus.importCache(fs.readFileSync(cacheFile));
      await indexWorkspace(options.changed ? new EditedWorkspace(corpusDir) : new FsWorkspace(corpusDir), corpus, {});
      const loadMs = ms(t0);
      let answering: { ms: number; cpuMs: number; names: string } | null = null;
      const linked = await corpus.link({
        onAnswering: () => (answering = { ms: ms(t0), cpuMs: cpuMs(c0), names: corpus.derivedStates().names }),
      });
      return { linked, loadMs, answering, linkedMs: ms(t0), linkedCpuMs: cpuMs(c0), names: corpus.derivedStates().names };
    }
    case 'link': {
      // What the extension does after loading: corpus.link() resolves names and links events in yielded slices.
      // The event-loop delay here is what a user typing in the editor meanwhile would feel.
      const corpus = newCorpus();
      if (fs.existsSync(cacheFile) && options.warm) corpus.importCache(fs.readFileSync(cacheFile));
      await indexWorkspace(new FsWorkspace(corpusDir), corpus, { yieldNow: async () => {} });
      const loop = monitorEventLoopDelay({ resolution: 5 });
      loop.enable();
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      const linked = await corpus.link();
      const linkMs = ms(t0);
      const linkCpuMs = cpuMs(c0);
      loop.disable();
      const eventLoop = { p50: round3(loop.percentile(50) / 1e6), p99: round3(loop.percentile(99) / 1e6), max: round3(loop.max / 1e6) };
      // The other long jobs of a session, also in slices: the full-text index (first search) and writing the cache.
      const sliced = async (job: () => Promise<unknown>) => {
        const l = monitorEventLoopDelay({ resolution: 5 });
        l.enable();
        const t = performance.now();
        await job();
        const wall = ms(t);
        l.disable();
        return { ms: wall, p50: round3(l.percentile(50) / 1e6), p99: round3(l.percentile(99) / 1e6), max: round3(l.max / 1e6) };
      };
      const search = await sliced(() => corpus.prepareSearch());
      const exportCache = await sliced(() => corpus.exportCacheInSlices());
      return { linked, linkMs, linkCpuMs, eventLoop, search, exportCache };
    }
    case 'queries': {
      const corpus = newCorpus();
      if (fs.existsSync(cacheFile)) corpus.importCache(fs.readFileSync(cacheFile));
      await fullIndex(corpus, false);
      // As the extension does after loading: link() also prepares what the first edit and query would build.
      await corpus.link({ yieldNow: async () => {} });
      const random = rng(options.seed ?? 7);
      const files = corpus.files().sort();
      const pickFile = () => files[Math.floor(random() * files.length)];
      // Hover: random positions anywhere in articles (most are not on a name: the common case while reading),
      // and positions on mentions (the case that builds markdown).
      const hoverAny: number[] = [];
      const hoverOnName: number[] = [];
      const mentions = corpus.entities().entities.flatMap((e) => e.mentions);
      corpus.hover(files[0], 0);
      for (let i = 0; i < (options.hovers ?? 2000); i++) {
        const f = pickFile();
        const o = Math.floor(random() * corpus.get(f)!.text.length);
        const t = performance.now();
        corpus.hover(f, o);
        hoverAny.push(performance.now() - t);
        const m = mentions[Math.floor(random() * mentions.length)];
        const t2 = performance.now();
        corpus.hover(m.file, m.start);
        hoverOnName.push(performance.now() - t2);
      }
      // Show Other Coverage: random body passages.
      const related: number[] = [];
      let linked = 0;
      for (let i = 0; i < (options.related ?? 300); i++) {
        const f = pickFile();
        const body = corpus.get(f)!.parsed.passages.filter((p) => p.kind === 'body');
        if (!body.length) continue;
        const p = body[Math.floor(random() * body.length)];
        const t = performance.now();
        const links = corpus.related(f, p.start, 10);
        related.push(performance.now() - t);
        if (links.length) linked++;
      }
      const relatedArticles: number[] = [];
      for (let i = 0; i < 50; i++) {
        const f = pickFile();
        const t = performance.now();
        corpus.relatedArticles(f, 10);
        relatedArticles.push(performance.now() - t);
      }
      // One edited article: setText, then the queries that follow an edit (hover and related in that article,
      // which bring names and events up to date).
      const edits: number[] = [];
      const editParts: { setText: number; hover: number; related: number }[] = [];
      for (let i = 0; i < (options.edits ?? 10); i++) {
        const f = pickFile();
        const text = corpus.get(f)!.text;
        const cut = text.indexOf('. ', Math.floor(text.length / 2));
        const edited = text.slice(0, cut + 2) + `Officials in Hama said ${i + 2} more people were wounded. ` + text.slice(cut + 2);
        const t0 = performance.now();
        corpus.setText(f, edited);
        const t1 = performance.now();
        corpus.hover(f, cut + 20);
        const t2 = performance.now();
        const p = corpus.passageAt(f, cut + 2);
        corpus.related(f, p ? p.start : 0, 10);
        const t3 = performance.now();
        edits.push(t3 - t0);
        editParts.push({ setText: round3(t1 - t0), hover: round3(t2 - t1), related: round3(t3 - t2) });
      }
      return {
        hoverAny: percentiles(hoverAny),
        hoverOnName: percentiles(hoverOnName),
        related: { ...percentiles(related), linkedShare: round3(linked / Math.max(1, related.length)) },
        relatedArticles: percentiles(relatedArticles),
        edit: { ...percentiles(edits), parts: editParts },
      };
    }
    default:
      throw new Error(`unknown task ${task}`);
  }
}

main().then(
  (result) => {
    process.stdout.write('\n' + JSON.stringify(result) + '\n');
    // The corpus holds no handles, but MiniSearch's background vacuum could keep a timer alive.
    process.exit(0);
  },
  (e) => {
    process.stderr.write(String((e as Error)?.stack ?? e) + '\n');
    process.exit(1);
  },
);
