// `parallax <command> --root DIR [--json]`: the core from a terminal. Scripts and tests drive Parallax through this
// contract (see README "CLI"); JSON on stdout, one-line errors on stderr with exit code 2, never a stack trace.
// The program is cliProcess.ts (process arguments, streams and exit code); runCli here is the whole command, so tests
// whose question is not about the process (positions, answers) ask it in-process, without a Node start per command.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Corpus } from './core/corpus';
import { DEFAULT_EXCLUDE, DEFAULT_INCLUDE } from './core/fileFilter';
import { indexWorkspace } from './core/loader';
import { loadWordTable } from './node/wordTableFile';
import { FsWorkspace } from './node/fsWorkspace';

class UsageError extends Error {}

const COMMANDS = ['articles', 'tree', 'search', 'entities', 'hover', 'related'] as const;
type Command = (typeof COMMANDS)[number];

const USAGE = `usage: parallax <command> --root DIR [--json] [options]
commands:
  articles                         every article with its metadata
  tree                             outlets → months → articles, as the sidebar shows them
  search --query Q [--limit K]     full-text search over passages
  entities                         recurring names with spellings, definition and mentions
  hover --file F --line L --column C | --batch FILE
  related --file F [--line L [--column C]] [--limit K] | --batch FILE
options: --include GLOB, --exclude GLOB (repeatable), --max-file-size-mb N, --all (entities: also single mentions)
lines and columns are 1-based; columns count UTF-16 code units, as VS Code does`;

interface Args {
  command: Command;
  root: string;
  json: boolean;
  query?: string;
  limit?: number;
  file?: string;
  line?: number;
  column?: number;
  batch?: string;
  include: string[];
  exclude: string[];
  maxFileMb: number;
  all: boolean;
}

function parseArgs(argv: string[]): Args {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h') throw new UsageError(USAGE);
  if (!(COMMANDS as readonly string[]).includes(command))
    throw new UsageError(`unknown command '${command}' (expected one of: ${COMMANDS.join(', ')})`);
  const args: Partial<Args> & { include: string[]; exclude: string[] } = {
    command: command as Command,
    json: false,
    include: [],
    exclude: [],
    maxFileMb: 10,
    all: false,
  };
  const value = (i: number, flag: string): string => {
    const v = rest[i + 1];
    if (v === undefined || v.startsWith('--')) throw new UsageError(`${flag} needs a value`);
    return v;
  };
  const int = (v: string, flag: string, min: number): number => {
    if (!/^\d+$/.test(v) || Number(v) < min) throw new UsageError(`${flag} must be a whole number ≥ ${min}, got '${v}'`);
    return Number(v);
  };
  for (let i = 0; i < rest.length; i++) {
    const flag = rest[i];
    switch (flag) {
      case '--json':
        args.json = true;
        continue;
      case '--all':
        args.all = true;
        continue;
      case '--root':
        args.root = value(i, flag);
        break;
      case '--query':
        args.query = value(i, flag);
        break;
      case '--limit':
        args.limit = int(value(i, flag), flag, 1);
        break;
      case '--file':
        args.file = value(i, flag);
        break;
      case '--line':
        args.line = int(value(i, flag), flag, 1);
        break;
      case '--column':
        args.column = int(value(i, flag), flag, 1);
        break;
      case '--batch':
        args.batch = value(i, flag);
        break;
      case '--include':
        args.include.push(value(i, flag));
        break;
      case '--exclude':
        args.exclude.push(value(i, flag));
        break;
      case '--max-file-size-mb':
        args.maxFileMb = int(value(i, flag), flag, 0);
        break;
      default:
        throw new UsageError(`unknown option '${flag}'`);
    }
    i++;
  }
  if (!args.root) throw new UsageError('--root DIR is required');
  if (args.command === 'search' && !args.query) throw new UsageError('search needs --query Q');
  if (args.command === 'hover' && !args.batch && (!args.file || !args.line || !args.column))
    throw new UsageError('hover needs --file F --line L --column C, or --batch FILE');
  if (args.command === 'related' && !args.batch && !args.file)
    throw new UsageError('related needs --file F (with --line L for a passage), or --batch FILE');
  return args as Args;
}

/** Where a command's output goes: the process's stdout and stderr, or a test's buffers. */
export interface CliOutput {
  out(text: string): void;
  err(text: string): void;
}

async function load(args: Args, io: CliOutput): Promise<{ corpus: Corpus; ws: FsWorkspace }> {
  let st: fs.Stats;
  try {
    st = fs.statSync(args.root);
  } catch {
    throw new UsageError(`cannot read root '${args.root}': no such directory`);
  }
  if (!st.isDirectory()) throw new UsageError(`root '${args.root}' is not a directory`);
  try {
    fs.readdirSync(args.root);
  } catch (e) {
    throw new UsageError(`cannot read root '${args.root}': ${(e as NodeJS.ErrnoException).code ?? 'unreadable'}`);
  }
  const ws = new FsWorkspace(args.root);
  const corpus = new Corpus({
    include: args.include.length ? args.include : DEFAULT_INCLUDE,
    exclude: [...DEFAULT_EXCLUDE, ...args.exclude],
    maxFileBytes: args.maxFileMb * 1024 * 1024,
    sizeCapSetting: '--max-file-size-mb',
  });
  const warn = (m: string) => io.err(`parallax: ${m}\n`);
  // Word rarity in news at large for event linking; without the shipped table, the workspace's own rarity. Only
  // `related` links events: reading and indexing the 3 MB table was half the run time of every small command.
  if (args.command === 'related') {
    try {
      corpus.setWordTable(loadWordTable());
    } catch (e) {
      warn(`word table not loaded (${(e as Error).message}); event links use the workspace's word rarity alone`);
    }
  }
  await indexWorkspace(ws, corpus, {
    onSkip: (file, reason) => warn(`skipped ${file}: ${reason}`),
    onGlossary: (file, report) => {
      if (report.reason) warn(`glossary ${file}: ${report.reason}`);
      for (const e of report.errors) warn(`glossary ${file}: ${e.message}`);
    },
    yieldNow: async () => {},
  });
  for (const r of corpus.all()) for (const w of r.warnings) warn(`${r.file}: ${w}`);
  return { corpus, ws };
}

/** A --file argument as the corpus key: root-relative with '/' separators. */
function fileKey(args: Args, file: string): string {
  const abs = path.resolve(args.root, file);
  const rel = path.relative(path.resolve(args.root), abs);
  return rel.split(path.sep).join('/');
}

function offsetOf(corpus: Corpus, file: string, line: number, column: number): number {
  const record = corpus.get(file);
  if (!record) throw new UsageError(`'${file}' is not an indexed article under --root`);
  if (line > record.lines.lineCount) throw new UsageError(`line ${line} is past the end of '${file}' (${record.lines.lineCount} lines)`);
  return corpus.offsetAt(file, line - 1, column - 1);
}

function hoverAt(corpus: Corpus, file: string, line: number, column: number) {
  const h = corpus.hover(file, offsetOf(corpus, file, line, column));
  return { entity: h?.entity ?? null, markdown: h?.markdown ?? '' };
}

function relatedAt(corpus: Corpus, file: string, line: number | undefined, column: number | undefined, limit: number) {
  if (line === undefined) {
    if (!corpus.get(file)) throw new UsageError(`'${file}' is not an indexed article under --root`);
    return corpus.relatedArticles(file, limit).map((a) => ({ file: a.file, score: a.score, passages: a.passages, copy: a.copy === true }));
  }
  const offset = offsetOf(corpus, file, line, column ?? 1);
  return corpus.related(file, offset, limit).map((r) => ({
    file: r.file,
    line: corpus.position(r.file, r.start).line + 1,
    endLine: corpus.position(r.file, r.end).line + 1,
    score: r.score,
    reason: r.reason,
    text: r.text,
    copy: r.copy === true,
    duplicate: r.duplicate === true,
  }));
}

async function run(args: Args, io: CliOutput): Promise<unknown> {
  const { corpus } = await load(args, io);
  switch (args.command) {
    case 'articles':
      return corpus
        .all()
        .sort((a, b) => (a.file < b.file ? -1 : 1))
        .map((r) => ({
          file: r.file,
          title: r.meta.title,
          outlet: r.meta.outlet,
          author: r.meta.author,
          date: r.meta.date?.iso ?? null,
          datePrecision: r.meta.date?.precision ?? null,
          passages: r.parsed.passages.filter((p) => p.kind === 'body').length,
        }));
    case 'tree':
      return corpus.tree();
    case 'search':
      return corpus.searchPassages(args.query!, args.limit ?? 20).map((h) => {
        const meta = corpus.get(h.file)?.meta;
        return {
          file: h.file,
          line: corpus.position(h.file, h.start).line + 1,
          endLine: corpus.position(h.file, h.end).line + 1,
          score: h.score,
          text: h.text,
          // Which article a hit is from, as the Search Passages list shows it (corrections applied).
          outlet: meta?.outlet ?? null,
          date: meta?.date?.iso ?? null,
          title: meta?.title ?? null,
        };
      });
    case 'entities': {
      const index = corpus.entities();
      const list = args.all ? index.entities : index.recurring();
      return list.map((e) => ({
        id: e.id,
        name: e.name,
        kind: e.kind,
        aliases: e.aliases,
        definition: e.definition?.text ?? null,
        related: e.related,
        mentions: e.mentions.map((m) => {
          const p = corpus.position(m.file, m.start);
          return { file: m.file, line: p.line + 1, column: p.character + 1, length: m.end - m.start };
        }),
      }));
    }
    case 'hover':
      if (args.batch) return batch(args, io, 'line', (q) => hoverAt(corpus, fileKey(args, q.file), q.line!, q.column!));
      return hoverAt(corpus, fileKey(args, args.file!), args.line!, args.column!);
    case 'related':
      if (args.batch)
        return batch(args, io, 'article', (q) => relatedAt(corpus, fileKey(args, q.file), q.line, q.column, args.limit ?? 10));
      return relatedAt(corpus, fileKey(args, args.file!), args.line, args.column, args.limit ?? 10);
  }
}

const BATCHED = Symbol('batched');

/**
 * --batch: JSON Lines of {file, line, column} in, one JSON result per line out, same order. Where the command also
 * answers for a whole article (`related --file F`), a line without "line" asks that (`'article'`): a script asking
 * about many articles pays for one index, not one per article.
 */
function batch(
  args: Args,
  io: CliOutput,
  withoutLine: 'line' | 'article',
  answer: (q: { file: string; line?: number; column?: number }) => unknown,
): typeof BATCHED {
  let input: string;
  try {
    input = args.batch === '-' ? fs.readFileSync(0, 'utf8') : fs.readFileSync(args.batch!, 'utf8');
  } catch {
    throw new UsageError(`cannot read --batch file '${args.batch}'`);
  }
  const out: string[] = [];
  input.split(/\r?\n/).forEach((raw, i) => {
    if (!raw.trim()) return;
    try {
      const q = JSON.parse(raw);
      const articleLevel = withoutLine === 'article' && q?.line === undefined;
      if (typeof q?.file !== 'string' || (!articleLevel && (!Number.isInteger(q.line) || q.line < 1)))
        throw new UsageError(
          `expected {"file": string, "line"${withoutLine === 'article' ? '?' : ''}: integer ≥ 1, "column"?: integer ≥ 1}`,
        );
      const column = Number.isInteger(q.column) && q.column >= 1 ? q.column : 1;
      out.push(JSON.stringify(answer(articleLevel ? { file: q.file } : { file: q.file, line: q.line, column })));
    } catch (e) {
      out.push(JSON.stringify({ error: `line ${i + 1}: ${e instanceof SyntaxError ? 'not JSON' : (e as Error).message}` }));
    }
  });
  io.out(out.join('\n') + (out.length ? '\n' : ''));
  return BATCHED;
}

function printText(command: Command, result: unknown): string {
  const rows = result as Record<string, unknown>[];
  switch (command) {
    case 'articles':
      return rows
        .map(
          (a) =>
            `${a.file}\n  ${a.title ?? '(untitled)'} — ${a.outlet ?? 'Unknown outlet'} · ${a.date ?? 'Undated'}${a.author ? ` · ${a.author}` : ''} · ${a.passages} passages`,
        )
        .join('\n');
    case 'tree':
      return (
        result as {
          outlet: string;
          count: number;
          months: { label: string; articles: { title: string; date: string | null; author: string | null }[] }[];
        }[]
      )
        .map((o) =>
          [
            `${o.outlet} (${o.count})`,
            ...o.months.flatMap((m) => [
              `  ${m.label} (${m.articles.length})`,
              ...m.articles.map((a) => `    ${a.title} — ${[a.date ?? 'Undated', a.author].filter(Boolean).join(' · ')}`),
            ]),
          ].join('\n'),
        )
        .join('\n');
    case 'search':
      return rows
        .map(
          (h) =>
            `${h.file}:${h.line}-${h.endLine} (${h.score}) ${h.outlet ?? 'Unknown outlet'} · ${h.date ?? 'Undated'} · ${h.title ?? '(untitled)'}\n  ${h.text}`,
        )
        .join('\n');
    case 'entities':
      return rows
        .map(
          (e) =>
            `${e.name} [${e.kind}] ${(e.mentions as unknown[]).length} mentions${(e.aliases as string[]).length ? ` — also ${(e.aliases as string[]).join(', ')}` : ''}${e.definition ? `\n  ${e.definition}` : ''}`,
        )
        .join('\n');
    case 'hover':
      return (result as { markdown: string }).markdown || '(no recognised name here)';
    case 'related':
      return rows.length === 0
        ? '(no other coverage found)'
        : rows
            .map((r) =>
              'line' in r
                ? `${r.file}:${r.line}-${r.endLine} (${r.score}) ${r.reason}\n  ${r.text}`
                : `${r.file} (${r.score}, ${r.passages} passages)`,
            )
            .join('\n');
  }
}

/** Runs one command (argv without node and the script): writes its output to `io` and returns the exit code. */
export async function runCli(argv: string[], io: CliOutput): Promise<number> {
  let args: Args;
  try {
    args = parseArgs(argv);
    const result = await run(args, io);
    if (result !== BATCHED) io.out((args.json ? JSON.stringify(result, null, 2) : printText(args.command, result)) + '\n');
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(e.message === USAGE ? USAGE + '\n' : `parallax: ${e.message}\n`);
      return 2;
    }
    io.err(`parallax: internal error: ${(e as Error).message}\n`);
    return 1;
  }
}
