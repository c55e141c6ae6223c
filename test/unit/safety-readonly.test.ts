// Parallax never changes a reader's files: after a full session over a messy workspace (the sample articles plus
// every odd input Parallax must survive), every file, link and directory is byte-for-byte what it was, and
// nothing was added.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLI_PATH as cliPath, cliProcess } from './cli-process';

const repo = path.resolve(__dirname, '../..');
const sampleDir = path.join(repo, 'corpus');

/** Every entry under root (links not followed): path → content hash, link target or 'dir', plus mode and mtime. */
function snapshot(root: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (dir: string) => {
    for (const name of fs.readdirSync(dir).sort()) {
      const abs = path.join(dir, name);
      const rel = path.relative(root, abs);
      const st = fs.lstatSync(abs);
      const stamp = `mode=${st.mode} mtime=${st.mtimeMs} size=${st.size}`;
      if (st.isSymbolicLink()) out.set(rel, `link→${fs.readlinkSync(abs)}`);
      else if (st.isDirectory()) {
        // A directory's mtime moves when an entry is created or deleted, so even a temp file written and removed shows.
        out.set(rel, `dir mode=${st.mode} mtime=${st.mtimeMs}`);
        walk(abs);
      } else out.set(rel, `${createHash('sha256').update(fs.readFileSync(abs)).digest('hex')} ${stamp}`);
    }
  };
  walk(root);
  return out;
}

function messyWorkspace(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'parallax-safety-'));
  const put = (rel: string, content: string | Uint8Array) => {
    const abs = path.join(root, ...rel.split('/'));
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, content);
  };
  const samples = fs
    .readdirSync(sampleDir)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  const texts = samples.map((f) => fs.readFileSync(path.join(sampleDir, f), 'utf8'));
  for (const f of fs.readdirSync(sampleDir)) put(`corpus/${f}`, fs.readFileSync(path.join(sampleDir, f)));
  put('odd/empty.txt', '');
  put('odd/blank.md', ' \n\t\r\n');
  put('odd/photo.txt', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(200)]));
  put('odd/latin.txt', Buffer.concat([Buffer.from(texts[0].slice(0, 300)), Buffer.from([0xe9, 0xff]), Buffer.from(texts[0].slice(300))]));
  put('odd/utf16le.txt', Buffer.from('\ufeff' + texts[1], 'utf16le'));
  put('odd/utf16be.txt', Buffer.from('\ufeff' + texts[2], 'utf16le').swap16());
  put('odd/crlf.txt', texts[3].replace(/\n/g, '\r\n'));
  put('odd/cr.txt', texts[4].replace(/\n/g, '\r'));
  put(
    'odd/mixed.txt',
    texts[0]
      .split('\n')
      .map((l, i) => l + ['\r\n', '\n', '\r'][i % 3])
      .join(''),
  );
  const prose = texts.map((t) => t.replace(/\s+/g, ' ')).join(' ');
  // A long single line (the 5 MB case and its timings are covered in robustness-*; here it only has to be read).
  put('odd/one-line.txt', prose.repeat(Math.ceil((256 << 10) / prose.length)).slice(0, 256 << 10));
  const fd = fs.openSync(path.join(root, 'odd', 'huge.txt'), 'w');
  const block = Buffer.from(prose.repeat(Math.ceil((1 << 20) / prose.length)).slice(0, 1 << 20));
  for (let i = 0; i < 50; i++) fs.writeSync(fd, block);
  fs.closeSync(fd);
  put('odd/unclosed.md', `---\ntitle: Never closed\n\n${texts[1]}`);
  put('odd/invalid.md', `---\ntitle: [oops\n---\n${texts[2]}`);
  put('odd/x.parallax.json', '{ "entries": [ { "name": ');
  put(
    'odd/hostile.txt',
    'Hostile\n\nBy Jane Doe\n\nBashar al-Assad met [Evil](command:workbench.action.terminal.new) and <img src=x onerror=alert(1)> Bashar al-Assad.\n',
  );
  for (let i = 0; i < 200; i++) put(`node_modules/pkg${i % 20}/doc${i}.md`, `# Doc ${i}\n\nBy Someone\n`);
  fs.symlinkSync('..', path.join(root, 'odd', 'loop'), 'dir');
  fs.symlinkSync(path.join(root, 'nowhere.txt'), path.join(root, 'odd', 'dangling.txt'));
  return root;
}

beforeAll(() => {
  if (!fs.existsSync(cliPath)) throw new Error('dist/cli.js missing: run `npm run build` (npm test does)');
});

describe('Parallax never writes to the workspace', () => {
  it('leaves every file, link and directory unchanged after a full CLI session, and adds nothing', async () => {
    const root = messyWorkspace();
    const before = snapshot(root);
    expect(before.size).toBeGreaterThan(30);
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'parallax-safety-q-'));

    // Failures are collected, not thrown, so the files are compared after every command has run.
    // Commands that do not need another's answer run at once (the session is the same set of processes, overlapping).
    const failures: string[] = [];
    const json = async (args: string[]) => {
      const r = await cliProcess([...args, '--root', root, '--json']);
      if (r.code !== 0) failures.push(`${args.join(' ')} → exit ${r.code}: ${r.stderr.trim().split('\n').pop()}`);
      return r.stdout || 'null';
    };
    const [articlesJson, entitiesJson] = await Promise.all([
      json(['articles']),
      json(['entities', '--all']),
      json(['tree']),
      json(['search', '--query', 'Aleppo Assad']),
      json(['search', '--query', '[Evil](command:x) <img>']),
      json(['hover', '--file', 'odd/hostile.txt', '--line', '5', '--column', '3']),
    ]);
    const articles = (JSON.parse(articlesJson) ?? []) as { file: string }[];
    expect(articles.length).toBeGreaterThan(10);
    const entities = (JSON.parse(entitiesJson) ?? []) as { mentions: { file: string; line: number; column: number }[] }[];
    const mentionQueries = entities.flatMap((e) => e.mentions.slice(0, 3)).slice(0, 300);
    const passageQueries = articles.flatMap((a) => [1, 3, 5, 7, 9, 11].map((line) => ({ file: a.file, line, column: 1 })));
    // Whole-article coverage of five articles: the first asked as `related --file`, the other four as lines without
    // "line" in the batch (the same question; each process indexes the workspace again, ~2.5 s of CPU here).
    const [firstArticle, ...articleQueries] = articles.slice(0, 5).map((a) => ({ file: a.file }));
    const hoverBatch = path.join(scratch, 'hover.jsonl');
    fs.writeFileSync(hoverBatch, mentionQueries.map((q) => JSON.stringify(q)).join('\n'));
    const relatedBatch = path.join(scratch, 'related.jsonl');
    fs.writeFileSync(relatedBatch, [...passageQueries, ...articleQueries].map((q) => JSON.stringify(q)).join('\n'));
    const [relatedJson] = await Promise.all([
      json(['related', '--batch', relatedBatch]),
      json(['hover', '--batch', hoverBatch]),
      json(['related', '--file', firstArticle.file]),
    ]);
    const relatedAnswers = relatedJson.trim().split('\n');
    for (const answer of relatedAnswers.slice(passageQueries.length)) {
      if (!Array.isArray(JSON.parse(answer))) failures.push(`related --batch (whole article) → ${answer}`);
    }

    const after = snapshot(root);
    expect([...after.keys()]).toEqual([...before.keys()]);
    for (const [rel, sig] of before) expect(after.get(rel), rel).toBe(sig);
    // And the session really exercised everything it claims to.
    expect(failures).toEqual([]);
    expect(mentionQueries.length).toBeGreaterThan(50);
    expect(relatedAnswers).toHaveLength(passageQueries.length + articleQueries.length);
    expect(articleQueries).toHaveLength(4);
  }, 180_000);
});
