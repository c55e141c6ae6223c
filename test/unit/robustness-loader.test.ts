// Whatever is in a workspace, indexing finishes, every skipped file comes with a reason a reader can act on, the
// rest of the folder is indexed, and every position Parallax reports is exact whatever the encoding or line endings.
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { Corpus } from '../../src/core/corpus';
import { indexWorkspace } from '../../src/core/loader';
import { SAMPLES } from './samples';
import { fiveMegabyteShapes, QUERIED_SHAPES } from './speed-inputs';
import { MemoryWorkspace, type FileStat, type Workspace } from '../../src/core/workspace';

const utf8 = (s: string) => new TextEncoder().encode(s);

function utf16(s: string, endian: 'le' | 'be'): Uint8Array {
  const out = new Uint8Array((s.length + 1) * 2);
  const put = (i: number, u: number) => {
    out[2 * i + (endian === 'le' ? 0 : 1)] = u & 0xff;
    out[2 * i + (endian === 'le' ? 1 : 0)] = u >> 8;
  };
  put(0, 0xfeff);
  for (let i = 0; i < s.length; i++) put(i + 1, s.charCodeAt(i));
  return out;
}

/** Line and column of an offset computed without LineMap. */
function independentPosition(text: string, offset: number): { line: number; character: number } {
  const parts = text.slice(0, offset).split(/\r\n|\r|\n/);
  return { line: parts.length - 1, character: parts[parts.length - 1].length };
}

const withEndings = (text: string, kind: 'lf' | 'crlf' | 'cr' | 'mixed'): string => {
  const lines = text.split(/\r\n|\r|\n/);
  if (kind === 'lf') return lines.join('\n');
  if (kind === 'crlf') return lines.join('\r\n');
  if (kind === 'cr') return lines.join('\r');
  return lines.map((l, i) => l + (i === lines.length - 1 ? '' : ['\r\n', '\n', '\r'][i % 3])).join('');
};

async function load(files: Record<string, string | Uint8Array>, corpus = new Corpus()) {
  const result = await indexWorkspace(new MemoryWorkspace(files), corpus, { yieldNow: async () => {} });
  return { corpus, result, reasons: Object.fromEntries(result.skipped.map((s) => [s.file, s.reason])) };
}

/** A workspace that fails in chosen ways for chosen files, like a folder changing under the indexer. */
class FlakyWorkspace implements Workspace {
  readonly reads: string[] = [];
  constructor(
    private readonly inner: MemoryWorkspace,
    private readonly failures: Record<string, { stat?: unknown; read?: unknown; size?: number }>,
  ) {}
  listFiles() {
    return this.inner.listFiles();
  }
  async stat(file: string): Promise<FileStat> {
    const f = this.failures[file];
    if (f?.stat) throw f.stat;
    const st = await this.inner.stat(file);
    return f?.size !== undefined ? { ...st, size: f.size } : st;
  }
  async readFile(file: string): Promise<Uint8Array> {
    this.reads.push(file);
    const f = this.failures[file];
    if (f?.read) throw f.read;
    return this.inner.readFile(file);
  }
}

const enoent = () => Object.assign(new Error("ENOENT: no such file or directory, open 'x'"), { code: 'ENOENT' });

describe('skipped files say why; the rest is indexed', () => {
  it('skips empty and whitespace-only files, each with a reason, and indexes the others', async () => {
    const { corpus, result, reasons } = await load({
      'empty.txt': '',
      'blank.txt': ' \n\t\r\n  \u00a0\n',
      'bom-only.txt': new Uint8Array([0xef, 0xbb, 0xbf]),
      'story.txt': SAMPLES[0].text,
    });
    expect(corpus.files()).toEqual(['story.txt']);
    expect(result.indexed).toBe(1);
    expect(reasons['empty.txt']).toMatch(/empty/);
    expect(reasons['blank.txt']).toMatch(/empty|whitespace/);
    expect(reasons['bom-only.txt']).toMatch(/empty/);
  });

  it('skips a binary file named .txt as binary', async () => {
    const png = new Uint8Array([
      0x89,
      0x50,
      0x4e,
      0x47,
      0x0d,
      0x0a,
      0x1a,
      0x0a,
      0,
      0,
      0,
      0x0d,
      0x49,
      0x48,
      0x44,
      0x52,
      ...new Uint8Array(200),
    ]);
    const { corpus, reasons } = await load({ 'photo.txt': png, 'story.txt': SAMPLES[1].text });
    expect(corpus.files()).toEqual(['story.txt']);
    expect(reasons['photo.txt']).toMatch(/binary/);
  });

  it('indexes invalid UTF-8 with U+FFFD and a warning on the article', async () => {
    const bytes = new Uint8Array([...utf8(SAMPLES[2].text.slice(0, 400)), 0xff, 0xfe, 0xe9, ...utf8(SAMPLES[2].text.slice(400))]);
    const { corpus } = await load({ 'latin.txt': bytes });
    const record = corpus.get('latin.txt')!;
    expect(record).toBeDefined();
    expect(record.text).toContain('\uFFFD');
    expect(record.warnings.join(' ')).toMatch(/invalid UTF-8/);
    expect(record.parsed.passages.length).toBeGreaterThan(3);
  });

  it('reads UTF-16 LE and BE (with BOM) exactly like the UTF-8 file: metadata, passages and offsets', async () => {
    for (const sample of SAMPLES) {
      const { corpus } = await load({ 'u8.txt': sample.text, 'le.txt': utf16(sample.text, 'le'), 'be.txt': utf16(sample.text, 'be') });
      const base = corpus.get('u8.txt')!;
      for (const key of ['le.txt', 'be.txt']) {
        const r = corpus.get(key)!;
        expect(r, `${sample.name} as ${key}`).toBeDefined();
        expect(r.text).toBe(base.text);
        expect(r.parsed.meta).toEqual(base.parsed.meta);
        expect(r.parsed.passages).toEqual(base.parsed.passages);
        expect(r.warnings).toEqual(base.warnings);
      }
    }
  });

  it('reads unclosed or invalid front matter as plain text, with a warning, and keeps the body', async () => {
    const body = SAMPLES[3].text;
    const { corpus, result } = await load({
      'unclosed.md': `---\ntitle: Never closed\noutlet: Nowhere\n\n${body}`,
      'invalid.md': `---\ntitle: [unbalanced\noutlet: {\n---\n${body}`,
      'list.md': `---\n- just\n- a list\n---\n${body}`,
    });
    expect(result.skipped).toEqual([]);
    for (const key of ['unclosed.md', 'invalid.md', 'list.md']) {
      const r = corpus.get(key)!;
      expect(r.warnings.join(' '), key).toMatch(/front matter/);
      // Read as text: the outlet from broken front matter is not trusted, and the body's passages are all there.
      expect(r.parsed.meta.outlet, key).not.toBe('Nowhere');
      expect(r.parsed.passages.length, key).toBeGreaterThan(3);
    }
    expect(corpus.searchPassages('Halaby').length + corpus.searchPassages('Aleppo').length).toBeGreaterThan(0);
  });
});

describe('a folder that changes or fails under the indexer', () => {
  it('skips a listed file that was deleted or renamed before it was read, and indexes the others', async () => {
    const inner = new MemoryWorkspace({ 'a.txt': SAMPLES[0].text, 'b.txt': SAMPLES[1].text, 'c.txt': SAMPLES[2].text });
    const ws = new FlakyWorkspace(inner, { 'b.txt': { read: enoent() }, 'c.txt': { stat: enoent() } });
    const skips: string[] = [];
    const corpus = new Corpus({ maxFileBytes: 10 << 20 });
    const result = await indexWorkspace(ws, corpus, { onSkip: (f, r) => skips.push(`${f}: ${r}`), yieldNow: async () => {} });
    expect(corpus.files()).toEqual(['a.txt']);
    expect(skips).toEqual([
      'b.txt: no longer exists (deleted or renamed while indexing)',
      'c.txt: no longer exists (deleted or renamed while indexing)',
    ]);
    expect(result).toMatchObject({ indexed: 1, cancelled: false });
  });

  it('skips an unreadable file with the error in the reason, and handles non-Error throws', async () => {
    const inner = new MemoryWorkspace({ 'a.txt': SAMPLES[0].text, 'locked.txt': 'x', 'odd.txt': 'y' });
    const denied = Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    const ws = new FlakyWorkspace(inner, { 'locked.txt': { read: denied }, 'odd.txt': { read: 'a string, not an Error' } });
    const result = await indexWorkspace(ws, new Corpus(), { yieldNow: async () => {} });
    expect(result.indexed).toBe(1);
    expect(result.skipped).toEqual([
      { file: 'locked.txt', reason: 'could not be read (EACCES: permission denied)' },
      { file: 'odd.txt', reason: 'could not be read (a string, not an Error)' },
    ]);
  });

  it('drops an article from the index when a reindex finds it gone', async () => {
    const inner = new MemoryWorkspace({ 'a.txt': SAMPLES[0].text, 'b.txt': SAMPLES[1].text });
    const corpus = new Corpus();
    await indexWorkspace(inner, corpus, { yieldNow: async () => {} });
    expect(corpus.size).toBe(2);
    const ws = new FlakyWorkspace(inner, { 'b.txt': { read: enoent() } });
    await indexWorkspace(ws, corpus, { yieldNow: async () => {} });
    expect(corpus.files()).toEqual(['a.txt']);
    expect(corpus.searchPassages('Lantier').every((h) => h.file !== 'b.txt')).toBe(true);
  });

  it('costs one file, not the index, when parsing a file throws', async () => {
    class Fragile extends Corpus {
      override setText(file: string, text: string, warnings: string[] = []) {
        if (file === 'bad.txt') throw new Error('parser bug');
        return super.setText(file, text, warnings);
      }
    }
    const corpus = new Fragile();
    const { result } = await load({ 'a.txt': SAMPLES[0].text, 'bad.txt': SAMPLES[1].text, 'c.txt': SAMPLES[2].text }, corpus);
    expect(corpus.files().sort()).toEqual(['a.txt', 'c.txt']);
    expect(result.skipped).toHaveLength(1);
    expect(result.skipped[0].file).toBe('bad.txt');
    expect(result.skipped[0].reason).toMatch(/parser bug/);
  });

  it('never rejects, and accounts for every file, whatever the bytes and failures (fuzzed)', async () => {
    const fileArb = fc.record({
      bytes: fc.oneof(fc.uint8Array({ maxLength: 600 }), fc.string({ maxLength: 600 }).map(utf8)),
      fail: fc.constantFrom('none', 'none', 'read', 'stat', 'enoent', 'huge'),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(fileArb, { minLength: 1, maxLength: 12 }), async (files) => {
        const inner = new MemoryWorkspace();
        const failures: Record<string, { stat?: unknown; read?: unknown; size?: number }> = {};
        files.forEach((f, i) => {
          const name = `f${i}.txt`;
          inner.write(name, f.bytes);
          if (f.fail === 'read') failures[name] = { read: new Error('I/O error') };
          if (f.fail === 'stat') failures[name] = { stat: null };
          if (f.fail === 'enoent') failures[name] = { read: enoent() };
          if (f.fail === 'huge') failures[name] = { size: 11 << 20 };
        });
        const ws = new FlakyWorkspace(inner, failures);
        const corpus = new Corpus({ maxFileBytes: 10 << 20 });
        const result = await indexWorkspace(ws, corpus, { yieldNow: async () => {} });
        expect(result.indexed + result.skipped.length).toBe(files.length);
        expect(corpus.size).toBe(result.indexed);
        for (const s of result.skipped) expect(s.reason.length).toBeGreaterThan(5);
        // A file over the cap is never read.
        for (const [name, f] of Object.entries(failures)) if (f.size) expect(ws.reads).not.toContain(name);
      }),
      { numRuns: 60 },
    );
  });
});

describe('size cap', () => {
  it('skips a file over the cap without reading it, names the setting, and indexes the rest', async () => {
    const inner = new MemoryWorkspace({ 'a.txt': SAMPLES[0].text, 'huge.txt': SAMPLES[1].text, 'c.txt': SAMPLES[2].text });
    const ws = new FlakyWorkspace(inner, { 'huge.txt': { size: 50 << 20 } });
    const corpus = new Corpus({ maxFileBytes: 10 << 20 });
    const result = await indexWorkspace(ws, corpus, { yieldNow: async () => {} });
    expect(corpus.files().sort()).toEqual(['a.txt', 'c.txt']);
    expect(ws.reads).not.toContain('huge.txt');
    expect(result.skipped).toEqual([
      { file: 'huge.txt', reason: 'larger than the size cap (50.0 MB > 10.0 MB); raise parallax.maxFileSizeMB to read it' },
    ]);
    const cli = await indexWorkspace(ws, new Corpus({ maxFileBytes: 10 << 20 }), {
      yieldNow: async () => {},
      sizeCapSetting: '--max-file-size-mb',
    });
    expect(cli.skipped[0].reason).toMatch(/--max-file-size-mb/);
  });

  it('a cap of 0 means no cap', async () => {
    const inner = new MemoryWorkspace({ 'huge.txt': SAMPLES[1].text });
    const ws = new FlakyWorkspace(inner, { 'huge.txt': { size: 50 << 20 } });
    const corpus = new Corpus({ maxFileBytes: 0 });
    await indexWorkspace(ws, corpus, { yieldNow: async () => {} });
    expect(corpus.files()).toEqual(['huge.txt']);
  });
});

describe('positions stay exact for any line endings', () => {
  const kinds = ['lf', 'crlf', 'cr', 'mixed'] as const;
  // The samples in each line-ending style, indexed once and read by both tests below (they only query the corpora).
  const loaded = new Map<(typeof kinds)[number], Promise<Corpus>>();
  const corpusWith = (kind: (typeof kinds)[number]) => {
    if (!loaded.has(kind))
      loaded.set(
        kind,
        load(Object.fromEntries(SAMPLES.map((s) => [s.name, withEndings(s.text, kind)]))).then((r) => r.corpus),
      );
    return loaded.get(kind)!;
  };
  afterAll(() => loaded.clear());

  it('passages, headings and name mentions sit on the same line/column in LF, CRLF, CR and mixed files', async () => {
    const corpora = await Promise.all(kinds.map(corpusWith));
    const view = (corpus: Corpus) =>
      SAMPLES.map((s) => {
        const r = corpus.get(s.name)!;
        const pos = (o: number) => {
          const p = r.lines.position(o);
          expect(p).toEqual(independentPosition(r.text, o));
          return `${p.line}:${p.character}`;
        };
        return {
          meta: { ...r.parsed.meta, date: r.parsed.meta.date?.iso ?? null },
          passages: r.parsed.passages.map((p) => `${p.kind} ${pos(p.start)}-${pos(p.end)}`),
          headings: r.parsed.headings.map((h) => `${h.text} ${pos(h.start)}`),
        };
      });
    const mentions = (corpus: Corpus) =>
      corpus
        .recurringEntities()
        .flatMap((e) =>
          e.mentions.map((m) => {
            const r = corpus.get(m.file)!;
            const p = r.lines.position(m.start);
            expect(p).toEqual(independentPosition(r.text, m.start));
            return `${e.name} ${m.file} ${p.line}:${p.character}+${m.end - m.start} ${r.text.slice(m.start, m.end)}`;
          }),
        )
        .sort();
    const base = view(corpora[0]);
    const baseMentions = mentions(corpora[0]);
    expect(baseMentions.length).toBeGreaterThan(10);
    for (let i = 1; i < kinds.length; i++) {
      expect(view(corpora[i]), kinds[i]).toEqual(base);
      expect(mentions(corpora[i]), kinds[i]).toEqual(baseMentions);
    }
  });

  it('hover and search give the same answers at the same line/column whatever the line endings', async () => {
    const answers = await Promise.all(
      kinds.map(async (kind) => {
        const corpus = await corpusWith(kind);
        const hovers: string[] = [];
        for (const e of corpus.recurringEntities().slice(0, 15)) {
          const m = e.mentions[0];
          const p = corpus.position(m.file, m.start);
          const h = corpus.hover(m.file, corpus.offsetAt(m.file, p.line, p.character + 1));
          // Snippet labels are cut by a character window, so a CRLF file shows a few characters less context;
          // everything else (entity, counts, link targets with their line/column) must be identical.
          hovers.push(`${m.file}:${p.line}:${p.character} ${h?.entity} ${h?.markdown.replace(/\[(?:\\.|[^\]\\])*\]\(/g, '[…](')}`);
        }
        const hits = corpus
          .searchPassages('Aleppo', 10)
          .map((h) => `${h.file} ${corpus.position(h.file, h.start).line}-${corpus.position(h.file, h.end).line} ${h.text}`);
        return { hovers, hits };
      }),
    );
    expect(answers[0].hovers.length).toBeGreaterThan(3);
    expect(answers[0].hits.length).toBeGreaterThan(0);
    for (let i = 1; i < kinds.length; i++) expect(answers[i], kinds[i]).toEqual(answers[0]);
  });
});

// How long each of these takes is a target of `npm run bench:targets` (test/bench/targets.ts), on the same lines.
describe('a single 5 MB line', () => {
  const shapes = fiveMegabyteShapes();
  // Names and related over 5 MB of prose or title-cased words are run only in a child process (robustness-cli), where
  // a slow or hanging name finder is killed by a timeout instead of stalling the whole test run.
  const queried = QUERIED_SHAPES;

  for (const [shape, text] of Object.entries(shapes)) {
    it(`indexes ${shape}`, async () => {
      const { corpus, result } = await load({ 'long.txt': text, 'story.txt': SAMPLES[0].text });
      expect(result.skipped).toEqual([]);
      expect(corpus.get('long.txt')!.lines.lineCount).toBe(1);
      expect(corpus.tree().reduce((n, o) => n + o.count, 0)).toBe(2);
    }, 30_000);
  }

  // The names of the other articles are still found, and found quickly, beside a line of name-like words.
  const named = [
    'hyphen-joined names',
    'hyphen-joined names ending in a full stop',
    'hyphen-joined names with spaces ending in a full stop',
    'title-cased words ending in a full stop',
  ];
  const OTHER_STORY = 'Moscow\n\nPresident Bashar al-Assad fled to Moscow on Sunday, officials said.';
  for (const shape of named) {
    it(`finds the recurring names of the other articles beside ${shape}`, async () => {
      const story = SAMPLES[0].text;
      const { corpus } = await load({ 'long.txt': shapes[shape], 'story.txt': story, 'other.txt': OTHER_STORY });
      const t0 = performance.now();
      const entities = corpus.recurringEntities();
      const hover = corpus.hover('story.txt', story.indexOf('Assad') + 1);
      console.log(`5 MB line (${shape}): names and hover in ${(performance.now() - t0).toFixed(0)} ms`);
      const assad = entities.find((e) => e.mentions.some((m) => m.file === 'other.txt' && m.surface.includes('Assad')));
      expect(assad).toBeDefined();
      expect(assad!.mentions.some((m) => m.file === 'story.txt')).toBe(true);
      expect(hover?.entity).toBe(assad!.id);
      // A name read in the long line is a few words of it, never the line.
      let longest = 0;
      for (const e of entities) for (const m of e.mentions) longest = Math.max(longest, m.end - m.start);
      expect(longest).toBeLessThan(200);
    }, 60_000);
  }

  for (const shape of queried) {
    it(`answers search, hover, names and related over ${shape}`, async () => {
      const { corpus } = await load({ 'long.txt': shapes[shape], 'story.txt': SAMPLES[0].text });
      const hits = corpus.searchPassages('Aleppo Assad', 5);
      corpus.recurringEntities();
      corpus.hover('story.txt', SAMPLES[0].text.indexOf('Assad') + 1);
      corpus.related('long.txt', 1000, 5);
      expect(Array.isArray(hits)).toBe(true);
    }, 120_000);
  }
});

describe('multi-root', () => {
  it('keeps two folders with the same relative paths apart when keys are prefixed by folder', async () => {
    const corpus = new Corpus();
    const left = new MemoryWorkspace({ 'news/story.txt': SAMPLES[0].text, 'only-left.txt': SAMPLES[2].text });
    const right = new MemoryWorkspace({ 'news/story.txt': SAMPLES[1].text });
    await indexWorkspace(left, corpus, { keyOf: (f) => `file:///left/${f}`, yieldNow: async () => {} });
    await indexWorkspace(right, corpus, { keyOf: (f) => `file:///right/${f}`, yieldNow: async () => {} });
    expect(corpus.files().sort()).toEqual(['file:///left/news/story.txt', 'file:///left/only-left.txt', 'file:///right/news/story.txt']);
    expect(corpus.get('file:///left/news/story.txt')!.text).toBe(SAMPLES[0].text);
    expect(corpus.get('file:///right/news/story.txt')!.text).toBe(SAMPLES[1].text);
    // Every answer names a key that exists, so the editor can always open it.
    const keys = new Set(corpus.files());
    for (const e of corpus.recurringEntities()) for (const m of e.mentions) expect(keys.has(m.file)).toBe(true);
    for (const h of corpus.searchPassages('Syria', 20)) expect(keys.has(h.file)).toBe(true);
    expect(corpus.tree().reduce((n, o) => n + o.count, 0)).toBe(3);
    // A folder whose file vanished on reindex loses only its own article.
    const gone = new FlakyWorkspace(right, { 'news/story.txt': { read: enoent() } });
    await indexWorkspace(gone, corpus, { keyOf: (f) => `file:///right/${f}`, yieldNow: async () => {} });
    expect(corpus.files().sort()).toEqual(['file:///left/news/story.txt', 'file:///left/only-left.txt']);
  });
});
