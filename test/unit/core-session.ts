// A child process for robustness-cli: indexes a folder once, through the same core calls as `parallax` (dist/cli.js)
// makes for each command (the file system workspace, the default include/exclude, the 10 MB cap, the shipped word
// table, the loader; then articles, search, entities with positions, hover and related), and answers every command
// on that one index. The CLI indexes the folder again for every command: over a 5 MB line that was most of the test
// file's time. It runs as a process of its own (bundled by the test with esbuild) so that a hang is still killed by a
// timeout instead of stalling the test run, as a CLI command would be.
//
//   node core-session.cjs ROOT WORD_TABLE '{"file": F, "query": Q, "line": L, "column": C}'
//
// Prints one JSON object: each command's answer (as the CLI's --json shapes it) and the milliseconds of CPU each took
// (CPU, so that other work on a shared machine does not count against it).
import { Corpus } from '../../src/core/corpus';
import { DEFAULT_EXCLUDE, DEFAULT_INCLUDE } from '../../src/core/fileFilter';
import { indexWorkspace } from '../../src/core/loader';
import { FsWorkspace } from '../../src/node/fsWorkspace';
import { loadWordTable } from '../../src/node/wordTableFile';

async function main(): Promise<void> {
  const [root, wordTable, json] = process.argv.slice(2);
  const ask = JSON.parse(json) as { file: string; query: string; line: number; column: number };
  const ms: Record<string, number> = {};
  const timed = async <T>(label: string, f: () => T | Promise<T>): Promise<T> => {
    const t0 = process.cpuUsage();
    const r = await f();
    const d = process.cpuUsage(t0);
    ms[label] = Math.round((d.user + d.system) / 1000);
    return r;
  };
  const corpus = new Corpus({
    include: DEFAULT_INCLUDE,
    exclude: [...DEFAULT_EXCLUDE],
    maxFileBytes: 10 * 1024 * 1024,
    sizeCapSetting: '--max-file-size-mb',
  });
  corpus.setWordTable(loadWordTable(wordTable));
  const skipped: string[] = [];
  await timed('index', () =>
    indexWorkspace(new FsWorkspace(root), corpus, {
      onSkip: (file, reason) => skipped.push(`${file}: ${reason}`),
      yieldNow: async () => {},
    }),
  );
  const at = (file: string, offset: number) => corpus.position(file, offset).line + 1;
  const articles = await timed('articles', () =>
    corpus
      .all()
      .map((r) => r.file)
      .sort(),
  );
  const search = await timed('search', () =>
    corpus.searchPassages(ask.query, 5).map((h) => ({ file: h.file, line: at(h.file, h.start), endLine: at(h.file, h.end) })),
  );
  const entities = await timed('entities', () =>
    corpus
      .entities()
      .recurring()
      .map((e) => ({
        id: e.id,
        mentions: e.mentions.map((m) => {
          const p = corpus.position(m.file, m.start);
          return { file: m.file, line: p.line + 1, column: p.character + 1, length: m.end - m.start };
        }),
      })),
  );
  const offset = corpus.offsetAt(ask.file, ask.line - 1, ask.column - 1);
  const hover = await timed('hover', () => corpus.hover(ask.file, offset)?.entity ?? null);
  const related = await timed('related', () =>
    corpus.related(ask.file, corpus.offsetAt(ask.file, ask.line - 1, 0), 10).map((r) => ({ file: r.file, line: at(r.file, r.start) })),
  );
  process.stdout.write(JSON.stringify({ skipped, articles, search, entities: entities.length, hover, related, ms }) + '\n');
}

main().catch((e: unknown) => {
  process.stderr.write(`core-session: ${(e as Error).stack ?? String(e)}\n`);
  process.exitCode = 1;
});
