// CPU time of the event scorer answering every FA-KES passage and article once, and a SHA-256 of all the answers
// (a benchmark that prints figures, not a test): a speed-up of the scorer must leave the hash unchanged.
//
//   npm run bench:events   (from the repository root)
//
// The index is built through the core once (names resolved as the corpus resolves them); then, timed: every
// article's related articles and every passage's links (what Show Other Coverage asks), and every passage's full
// candidate list (ids, order, scores rounded to 1e-9 and feature values), which is what the hash covers.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseArticle } from '../../src/core/article';
import { EventIndex, type EventArticleInput } from '../../src/core/events';
import { eventAnswers, namesInputs } from '../unit/events-names';

const FAKES = path.join('test', 'fixtures', 'fa-kes');

/** Every FA-KES article parsed as the corpus parses it, with the mentions the names module resolves (as the tests do). */
function fakesInputs(): EventArticleInput[] {
  const inputs: EventArticleInput[] = [];
  for (const f of readdirSync(FAKES).sort()) {
    if (!f.endsWith('.md') || f === 'README.md') continue;
    const text = readFileSync(path.join(FAKES, f), 'utf8');
    const parsed = parseArticle(text);
    inputs.push({ file: f, text, passages: parsed.passages, meta: parsed.meta, mentions: [] });
  }
  return namesInputs(inputs);
}

const cpuMs = (since: NodeJS.CpuUsage): number => {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1000;
};
const round9 = (x: number): number => Math.round(x * 1e9) / 1e9;

const inputs = fakesInputs();
const index = new EventIndex();
const buildStart = process.cpuUsage();
for (const a of inputs) index.setArticle(a);
index.related(inputs[0].file, 0); // the posting lists are built at the first query: count them with the build
const buildMs = cpuMs(buildStart);

const hash = createHash('sha256');
const passages = inputs.reduce((n, a) => n + a.passages.length, 0);
const answerStart = process.cpuUsage();
// The same answers the event state tests compare (eventAnswers), hashed in order.
for (const answer of eventAnswers(index, inputs)) hash.update(answer);
const answerMs = cpuMs(answerStart);
const candidateStart = process.cpuUsage();
for (const a of inputs)
  for (const p of a.passages)
    hash.update(JSON.stringify(index.candidates(a.file, p.index).map((c) => [c.file, c.passage, round9(c.score), c.features.map(round9)])));
const candidateMs = cpuMs(candidateStart);

console.log(`FA-KES: ${inputs.length} articles, ${passages} passages`);
console.log(`build (with posting lists)            ${buildMs.toFixed(0)} ms CPU`);
console.log(`related articles + links, every one   ${answerMs.toFixed(0)} ms CPU`);
console.log(`candidates of every passage           ${candidateMs.toFixed(0)} ms CPU`);
console.log(`answers sha256 ${hash.digest('hex')}`);
