// The same messy inputs, driven through `node dist/cli.js … --json` as a script or a reader at a terminal would:
// what they see on stdout (articles, positions) and on stderr (what was skipped and why). Questions about answers and
// positions (encodings, line endings, hover escaping) ask the CLI's runCli in this process, the whole command but the
// process start (~0.25 s of CPU each, for 28 commands); what is about the process (exit codes, what stderr says was
// skipped, hangs) still runs dist/cli.js, as a promise (cli-process.ts): commands that do not depend on each other start
// together. How long they take (a skipped file or folder costs nothing, a 5 MB line a few seconds per command) is a
// target of `npm run bench:targets` (test/bench/targets.ts), on the same folders.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../src/cli';
import { CLI_PATH as cliPath, cliProcess, nodeProcess } from './cli-process';
import { HOSTILE_ARTICLE, SAMPLES } from './samples';
import {
  fiftyMegabyteFile,
  fiveMegabyteShapes,
  nodeModulesNotes,
  sampleFiles,
  SESSION_SHAPES,
  sessionQuestion,
  symlinkLoopTree,
  tempTree,
} from './speed-inputs';

// Each test spawns the CLI several times (node start-up plus indexing every time).
vi.setConfig({ testTimeout: 90_000 });

const repo = path.resolve(__dirname, '../..');

async function cli(args: string[], timeoutMs = 120_000) {
  const r = await cliProcess(args, { timeoutMs });
  const killed = r.signal ? `killed (${r.signal}) after ${Math.round(r.ms)} ms: ${args.slice(0, 1).join(' ')} did not finish` : '';
  return { code: r.code, stdout: r.stdout, stderr: killed || r.stderr };
}

/** Runs a command with --json and returns the parsed output and stderr; any crash or hang fails the test. */
function run(command: string, root: string, ...extra: string[]) {
  return runWithin(120_000, command, root, ...extra);
}

async function runWithin(timeoutMs: number, command: string, root: string, ...extra: string[]) {
  const r = await cli([command, '--root', root, ...extra, '--json'], timeoutMs);
  expect(r.stderr).not.toMatch(/internal error|at .*\.js:\d+/);
  expect(r.code, r.stderr).toBe(0);
  return { out: JSON.parse(r.stdout), stderr: r.stderr };
}

/** cli(args) asked of runCli in this process: exit code, stdout and stderr as the process would give them. */
async function inProcess(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { out: (t) => void (stdout += t), err: (t) => void (stderr += t) });
  return { code, stdout, stderr };
}

/** run() in this process: the parsed output and stderr; any crash fails the test. */
async function ask(command: string, root: string, ...extra: string[]) {
  const r = await inProcess([command, '--root', root, ...extra, '--json']);
  expect(r.stderr).not.toMatch(/internal error|at .*\.js:\d+/);
  expect(r.code, r.stderr).toBe(0);
  return { out: JSON.parse(r.stdout), stderr: r.stderr };
}

const workspace = (files: Record<string, string | Uint8Array>): string => tempTree(files, 'parallax-robust-');

function utf16(s: string, endian: 'le' | 'be'): Buffer {
  const le = Buffer.from('\ufeff' + s, 'utf16le');
  if (endian === 'le') return le;
  const be = Buffer.from(le);
  be.swap16();
  return be;
}

const withEndings = (text: string, kind: 'lf' | 'crlf' | 'cr' | 'mixed'): string => {
  const lines = text.split(/\r\n|\r|\n/);
  if (kind === 'lf') return lines.join('\n');
  if (kind === 'crlf') return lines.join('\r\n');
  if (kind === 'cr') return lines.join('\r');
  return lines.map((l, i) => l + (i === lines.length - 1 ? '' : ['\r\n', '\n', '\r'][i % 3])).join('');
};

/** Offset of a 1-based line/column in raw text, counted without any Parallax code. */
function independentOffset(text: string, line: number, column: number): number {
  const re = /\r\n|\r|\n/g;
  let start = 0;
  for (let l = 1; l < line; l++) {
    const m = re.exec(text);
    if (!m) throw new Error(`line ${line} past the end`);
    start = m.index + m[0].length;
  }
  return start + column - 1;
}

/** Links (and images) as CommonMark would form them: an unescaped [ … unescaped ] directly followed by ( target. */
function markdownLinks(markdown: string): { label: string; target: string }[] {
  return [...markdown.matchAll(/(?<!\\)\[((?:\\.|[^\]\\])*)\]\(([^)\s]*)/g)].map((m) => ({ label: m[1], target: m[2] }));
}

const files = (articles: { file: string }[]) => articles.map((a) => a.file);

beforeAll(() => {
  if (!fs.existsSync(cliPath)) throw new Error('dist/cli.js missing: run `npm run build` (npm test does)');
});

describe('files that are not articles are skipped, with the reason on stderr', () => {
  it('empty and whitespace-only files', async () => {
    const root = workspace({ 'empty.txt': '', 'blank.md': '  \n\t\r\n\n', 'story.txt': SAMPLES[0].text });
    const { out, stderr } = await run('articles', root);
    expect(files(out)).toEqual(['story.txt']);
    expect(stderr).toMatch(/skipped empty\.txt: empty/);
    expect(stderr).toMatch(/skipped blank\.md: (empty|whitespace)/);
  });

  it('a binary file named .txt', async () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(300, 0)]);
    const root = workspace({ 'photo.txt': png, 'story.txt': SAMPLES[0].text });
    const { out, stderr } = await run('articles', root);
    expect(files(out)).toEqual(['story.txt']);
    expect(stderr).toMatch(/skipped photo\.txt: binary/);
  });

  it('a 50 MB file: skipped by the size cap, the rest listed as without it, and the message names the option', async () => {
    const base = workspace(sampleFiles());
    const withBig = workspace({ ...sampleFiles(), 'huge.txt': fiftyMegabyteFile() });
    const [plain, capped] = await Promise.all([run('articles', base), run('articles', withBig)]);
    expect(capped.out).toEqual(plain.out);
    expect(capped.stderr).toMatch(/skipped huge\.txt: larger than the size cap \(50\.0 MB > 10\.0 MB\); raise --max-file-size-mb/);
    const lowered = await run('articles', withBig, '--max-file-size-mb', '1');
    expect(files(lowered.out)).toEqual(files(plain.out));
    expect(lowered.stderr).toMatch(/50\.0 MB > 1\.0 MB/);
  }, 60_000);
});

describe('odd encodings are read, with exact positions', () => {
  it('invalid UTF-8: indexed, shown with U+FFFD, a warning on stderr, later lines still exact', async () => {
    const text = SAMPLES[2].text;
    const cut = text.indexOf('\n', 200);
    const bytes = Buffer.concat([Buffer.from(text.slice(0, cut)), Buffer.from([0xe9, 0xff, 0x80]), Buffer.from(text.slice(cut))]);
    const root = workspace({ 'latin.txt': bytes, 'clean.txt': text });
    const [{ out, stderr }, { out: hits }] = await Promise.all([
      run('articles', root),
      run('search', root, '--query', 'Aleppo', '--limit', '50'),
    ]);
    expect(files(out)).toEqual(['clean.txt', 'latin.txt']);
    expect(stderr).toMatch(/latin\.txt: invalid UTF-8/);
    const lines = (f: string) =>
      hits
        .filter((h: { file: string }) => h.file === f)
        .map((h: { line: number; endLine: number }) => `${h.line}-${h.endLine}`)
        .sort();
    expect(lines('latin.txt').length).toBeGreaterThan(0);
    expect(lines('latin.txt')).toEqual(lines('clean.txt'));
  });

  it('UTF-16 LE and BE with a BOM: same metadata, mentions and hovers as the UTF-8 file', async () => {
    // The UTF-8 folder's answers are asked once and compared with both UTF-16 folders (one CLI start each, not two).
    const u8 = workspace(Object.fromEntries(SAMPLES.map((s) => [s.name, s.text])));
    const a = (await ask('articles', u8)).out;
    const e8 = (await ask('entities', u8)).out;
    for (const endian of ['le', 'be'] as const) {
      const u16 = workspace(Object.fromEntries(SAMPLES.map((s) => [s.name, utf16(s.text, endian)])));
      const b = await ask('articles', u16);
      expect(b.out, endian).toEqual(a);
      expect(b.stderr, endian).not.toMatch(/skipped/);
      const e16 = (await ask('entities', u16)).out;
      expect(e16, endian).toEqual(e8);
      expect(e8.length).toBeGreaterThan(5);
    }
  });
});

describe('line endings: every reported line and column is exact', () => {
  const kinds = ['lf', 'crlf', 'cr', 'mixed'] as const;
  const roots = Object.fromEntries(
    kinds.map((k) => [k, workspace(Object.fromEntries(SAMPLES.map((s) => [s.name, withEndings(s.text, k)])))]),
  );
  // `entities` of each folder, asked of the CLI once and read by the three tests below (the folders never change).
  const entitiesAnswers = new Map<string, Promise<unknown>>();
  const entitiesOf = (k: (typeof kinds)[number]) => {
    if (!entitiesAnswers.has(k))
      entitiesAnswers.set(
        k,
        ask('entities', roots[k]).then((r) => r.out),
      );
    return entitiesAnswers.get(k)!;
  };

  it('entities, search, tree and related answer identically for LF, CRLF, CR and mixed files', async () => {
    const answers = [];
    for (const k of kinds)
      answers.push({
        tree: (await ask('tree', roots[k])).out,
        entities: (await entitiesOf(k)) as unknown[],
        search: (await ask('search', roots[k], '--query', 'Assad regime', '--limit', '20')).out,
        related: (await ask('related', roots[k], '--file', SAMPLES[0].name, '--line', '7')).out,
      });
    expect(answers[0].entities.length).toBeGreaterThan(5);
    expect(answers[0].search.length).toBeGreaterThan(0);
    for (let i = 1; i < kinds.length; i++) expect(answers[i], kinds[i]).toEqual(answers[0]);
  });

  it('each mention line/column points at the name in the raw file, counted independently', async () => {
    for (const k of kinds) {
      const raw = Object.fromEntries(SAMPLES.map((s) => [s.name, withEndings(s.text, k)]));
      const lf = Object.fromEntries(SAMPLES.map((s) => [s.name, withEndings(s.text, 'lf')]));
      const entities = (await entitiesOf(k)) as {
        name: string;
        aliases: string[];
        mentions: { file: string; line: number; column: number; length: number }[];
      }[];
      let checked = 0;
      for (const e of entities) {
        for (const m of e.mentions) {
          const at = independentOffset(raw[m.file], m.line, m.column);
          const inRaw = raw[m.file].slice(at, at + m.length);
          const atLf = independentOffset(lf[m.file], m.line, m.column);
          expect(inRaw, `${k} ${e.name} ${m.file}:${m.line}:${m.column}`).toBe(lf[m.file].slice(atLf, atLf + m.length));
          expect(inRaw).not.toMatch(/[\r\n]/);
          // The text there is a spelling of the name (case and apostrophes aside).
          expect(inRaw.length).toBeGreaterThan(1);
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(20);
    }
  });

  it('hover at a mention gives the same entity for every line-ending style', async () => {
    const lfEntities = (await entitiesOf('lf')) as { id: string; mentions: { file: string; line: number; column: number }[] }[];
    const queries = lfEntities
      .slice(0, 20)
      .map((e) => ({ file: e.mentions[0].file, line: e.mentions[0].line, column: e.mentions[0].column }));
    const batch = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'parallax-q-')), 'q.jsonl');
    fs.writeFileSync(batch, queries.map((q) => JSON.stringify(q)).join('\n'));
    const results = [];
    for (const k of kinds) {
      const r = await inProcess(['hover', '--root', roots[k], '--batch', batch, '--json']);
      expect(r.code).toBe(0);
      // Snippet labels are cut by a character window (a CRLF file shows a few characters less context); the
      // entity, counts and link targets (which carry line and column) must be identical.
      results.push(
        r.stdout
          .trim()
          .split('\n')
          .map((l) => JSON.parse(l) as { entity: string | null; markdown: string })
          .map((h) => ({ entity: h.entity, markdown: h.markdown.replace(/\[(?:\\.|[^\]\\])*\]\(/g, '[…](') })),
      );
    }
    expect(results[0].map((h) => h.entity)).toEqual(lfEntities.slice(0, 20).map((e) => e.id));
    for (let i = 1; i < kinds.length; i++) expect(results[i], kinds[i]).toEqual(results[0]);
  });
});

describe('a single 5 MB line', () => {
  const all = fiveMegabyteShapes();
  const shapes = Object.fromEntries(SESSION_SHAPES.map((s) => [s, all[s]]));
  /** The child is killed after this long: a hang, not a slow command (each one's time is a benchmark target). */
  const HANG_MS = 75_000;
  // The five commands are asked of one index in one child process (core-session.ts: the core calls the CLI makes for
  // each; the CLI would index the 5 MB line again for each command), killed if it hangs.
  let session = '';
  beforeAll(async () => {
    const { build } = await import('esbuild');
    session = path.join(repo, 'node_modules', '.cache', 'parallax-test', `core-session-${process.pid}.cjs`);
    await build({
      entryPoints: [path.join(__dirname, 'core-session.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      mainFields: ['module', 'main'],
      outfile: session,
      logLevel: 'warning',
    });
  });
  afterAll(() => fs.rmSync(session, { force: true }));

  for (const [shape, line] of Object.entries(shapes)) {
    it(`${shape}: indexed and queried, no hang`, async () => {
      const root = workspace({ 'one-line.txt': line, ...sampleFiles() });
      const ask = sessionQuestion(line);
      const r = await nodeProcess(session, [root, path.join(repo, 'media', 'words.bin'), JSON.stringify(ask)], {
        timeoutMs: HANG_MS,
      });
      const wall = Math.round(r.ms);
      expect(r.signal, `killed after ${wall} ms: did not finish`).toBeNull();
      expect(r.code, r.stderr).toBe(0);
      const out = JSON.parse(r.stdout) as {
        skipped: string[];
        articles: string[];
        search: unknown[];
        entities: number;
        related: unknown[];
        ms: Record<string, number>;
      };
      expect(out.skipped).toEqual([]);
      expect(out.articles).toContain('one-line.txt');
      expect(out.search.length).toBeGreaterThan(0);
    }, 120_000);
  }
});

describe('front matter and glossaries that do not parse', () => {
  it('reads unclosed or invalid front matter as text, with a warning on stderr', async () => {
    const body = SAMPLES[3].text;
    const root = workspace({ 'unclosed.md': `---\ntitle: Never closed\n\n${body}`, 'invalid.md': `---\ntitle: [oops\n---\n${body}` });
    const { out, stderr } = await run('articles', root);
    expect(files(out)).toEqual(['invalid.md', 'unclosed.md']);
    expect(stderr).toMatch(/unclosed\.md: .*front matter/);
    expect(stderr).toMatch(/invalid\.md: .*front matter/);
    for (const a of out) expect(a.passages).toBeGreaterThan(3);
  });

  it('reports a broken glossary on stderr and keeps answering', async () => {
    const root = workspace({
      'x.parallax.json': '{ "entries": [ { "name": "Assad", ',
      ...Object.fromEntries(SAMPLES.map((s) => [s.name, s.text])),
    });
    const { out, stderr } = await run('entities', root);
    expect(stderr).toMatch(/glossary x\.parallax\.json: /);
    expect(out.length).toBeGreaterThan(5);
  });
});

describe('the folder itself', () => {
  it('a directory symlinked to its parent: the walk ends and each article is listed once', async () => {
    const { out } = await run('articles', symlinkLoopTree());
    expect(files(out)).toEqual(SAMPLES.slice(0, 2).map((s) => `news/${s.name}`));
  });

  it('thousands of files under node_modules are excluded by default', async () => {
    const plain = workspace(sampleFiles());
    const heavy = workspace({ ...sampleFiles(), ...nodeModulesNotes() });
    const [a, b] = await Promise.all([run('articles', plain), run('articles', heavy)]);
    expect(b.out).toEqual(a.out);
  }, 60_000);
});

describe('article text that looks like Markdown, HTML or links', () => {
  const hostile = HOSTILE_ARTICLE;

  it('hover Markdown escapes article text: no raw HTML, no link except to Parallax commands', async () => {
    const root = workspace({
      'hostile.txt': hostile,
      'other.txt': hostile.replace('Hostile Names', 'More Hostile Names'),
      ...Object.fromEntries(SAMPLES.slice(0, 2).map((s) => [s.name, s.text])),
    });
    const entities = (await ask('entities', root)).out as { name: string; mentions: { file: string; line: number; column: number }[] }[];
    const queries = entities.flatMap((e) =>
      e.mentions
        .filter((m) => m.file.endsWith('hostile.txt') || m.file === 'other.txt')
        .map((m) => ({ file: m.file, line: m.line, column: m.column })),
    );
    expect(queries.length).toBeGreaterThan(3);
    const batch = path.join(root, '..', `q-${path.basename(root)}.jsonl`);
    fs.writeFileSync(batch, queries.map((q) => JSON.stringify(q)).join('\n'));
    const r = await inProcess(['hover', '--root', root, '--batch', batch, '--json']);
    expect(r.code).toBe(0);
    const hovers = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { entity: string | null; markdown: string });
    expect(hovers.filter((h) => h.markdown).length).toBeGreaterThan(3);
    for (const { markdown } of hovers) {
      // Any link that survives must target a Parallax command; article text must not form links or images.
      for (const link of markdownLinks(markdown)) {
        expect(link.target, markdown).toMatch(/^command:parallax\./);
        expect(link.label, markdown).not.toBe('click');
      }
      // No raw HTML tag from the article (an escaped one reads as text).
      expect(markdown, markdown).not.toMatch(/(?<!\\)<(img|b|script)\b/i);
    }
  });
});
