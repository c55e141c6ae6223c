// Two builds of the names code compared in one process (a benchmark that prints figures, not a test): each round
// extracts (or extracts and resolves) the same articles with build A then build B, in alternating order, so load
// on a shared machine falls on both alike; per-round CPU times, their minimum and median, and whether both builds
// gave the same output.
//
//   node test/bench/names-ab.mjs A_REF B_REF [--articles N] [--rounds R] [--resolve] [corpusDir]
//
// A ref is a git commit (its src/ is checked out into test/bench/out/ab-<ref>/ and bundled) or "." (the working tree).
// The corpus defaults to the bench's 10k one (test/bench/out/corpus-10k); the first N articles by path are read.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');
const out = path.join(here, 'out');
const args = process.argv.slice(2);
const value = (name, d) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : d;
};
const [refA, refB] = args;
const articles = Number(value('--articles', 3000));
const rounds = Number(value('--rounds', 5));
const resolve = args.includes('--resolve');
const corpusDir = args.slice(2).find((a, i, all) => !a.startsWith('--') && !all[i - 1]?.startsWith('--')) ?? path.join(out, 'corpus-10k');

/** Bundles the names entry of a ref: the working tree, or a commit's src/ checked out beside the bench's output. */
async function build(ref) {
  const esbuild = await import('esbuild');
  let root = repo;
  if (ref !== '.') {
    root = path.join(out, `ab-${ref}`);
    fs.rmSync(root, { recursive: true, force: true });
    fs.mkdirSync(root, { recursive: true });
    const tar = execFileSync('git', ['archive', ref, 'src'], { cwd: repo, maxBuffer: 1 << 30 });
    execFileSync('tar', ['-x', '-C', root], { input: tar });
    // The entry of the working tree, so that a commit from before it was written can be compared too.
    fs.mkdirSync(path.join(root, 'test/bench'), { recursive: true });
    fs.copyFileSync(path.join(here, 'names-entry.ts'), path.join(root, 'test/bench/names-entry.ts'));
    fs.copyFileSync(path.join(repo, 'tsconfig.json'), path.join(root, 'tsconfig.json'));
  }
  const outfile = path.join(out, `ab-${ref === '.' ? 'worktree' : ref}.cjs`);
  await esbuild.build({
    entryPoints: [path.join(root, 'test/bench/names-entry.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    mainFields: ['module', 'main'],
    nodePaths: [path.join(repo, 'node_modules')],
    outfile,
    logLevel: 'warning',
  });
  return createRequire(import.meta.url)(outfile);
}

function listFiles(dir) {
  const files = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) files.push(...listFiles(p));
    else if (/\.(md|txt)$/.test(e.name)) files.push(p);
  }
  return files;
}

const cpuMs = (c0) => {
  const d = process.cpuUsage(c0);
  return (d.user + d.system) / 1000;
};

function run(lib, inputs) {
  const c0 = process.cpuUsage();
  const names = inputs.map((i) => lib.extractNames(i));
  const extractMs = cpuMs(c0);
  let resolveMs = 0;
  let index = null;
  if (resolve) {
    const c1 = process.cpuUsage();
    index = lib.resolveEntities(
      inputs.map((i, k) => ({ file: i.file, meta: i.meta, names: names[k] })),
      [],
    );
    resolveMs = cpuMs(c1);
  }
  return { extractMs, resolveMs, names, index };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
/** Min and median over the rounds after the first (which also fills the tables that outlive an article, and JIT-compiles). */
const fmt = (xs) => {
  const warm = xs.length > 2 ? xs.slice(1) : xs;
  return `min ${Math.min(...warm).toFixed(0)} median ${median(warm).toFixed(0)} (${xs.map((x) => x.toFixed(0)).join(' ')})`;
};

const [a, b] = [await build(refA), await build(refB)];
const files = listFiles(corpusDir).sort().slice(0, articles);
const inputs = files.map((f) => {
  const text = fs.readFileSync(f, 'utf8');
  const parsed = a.parseArticle(text);
  return { file: path.relative(corpusDir, f), text, passages: parsed.passages, headings: parsed.headings, meta: parsed.meta };
});
const times = { a: { extract: [], resolve: [] }, b: { extract: [], resolve: [] } };
let same = true;
for (let r = 0; r < rounds; r++) {
  const order = r % 2 === 0 ? ['a', 'b'] : ['b', 'a'];
  const res = {};
  for (const side of order) {
    res[side] = run(side === 'a' ? a : b, inputs);
    times[side].extract.push(res[side].extractMs);
    times[side].resolve.push(res[side].resolveMs);
  }
  if (r === 0) {
    same = JSON.stringify(res.a.names) === JSON.stringify(res.b.names);
    if (resolve) {
      const ents = (x) =>
        JSON.stringify(x.index.entities.map((e) => [e.id, e.name, e.kind, e.aliases, e.related, e.mentions.map((m) => [m.file, m.start])]));
      same &&= ents(res.a) === ents(res.b);
    }
  }
}
process.stdout.write(
  `${inputs.length} articles of ${corpusDir}, ${rounds} rounds, CPU ms\n` +
    `A ${refA} extraction ${fmt(times.a.extract)}\nB ${refB} extraction ${fmt(times.b.extract)}\n` +
    (resolve ? `A ${refA} resolution ${fmt(times.a.resolve)}\nB ${refB} resolution ${fmt(times.b.resolve)}\n` : '') +
    `same output: ${same}\n`,
);
