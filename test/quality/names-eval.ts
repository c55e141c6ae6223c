// Scores name resolution against cross-document entity chains, the way the shared ECB+ scorer's "Names" part does
// (`entities --all`), but in-process so that tests and tuning runs are fast. Gold files of the same shape can be
// pointed at it (ECB+ `gold/entities.json`, or a labels file converted by `labelChains`).
//   chain fully merged = every gold mention overlaps a product mention and all of them carry one entity id;
//   wrong pair        = two gold chains that share an entity id without sharing any name form;
//   coverage          = gold mentions that overlap any product mention.
import { readFileSync, readdirSync } from 'node:fs';
import { parseArticle } from '../../src/core/article';
import { extractNames, resolveEntities, type EntityIndex } from '../../src/core/names';
import { LineMap } from '../../src/core/text';

export interface GoldMention {
  file: string;
  line: number;
  column: number;
  length: number;
  form: string;
}
export interface GoldChain {
  id: string;
  descriptor: string;
  topic?: number;
  forms?: string[];
  mentions: GoldMention[];
}

export interface ChainResult {
  descriptor: string;
  found: number;
  mentions: number;
  ids: { id: string; name: string; n: number }[];
  missed: GoldMention[];
}
export interface NamesScore {
  chains: number;
  fullyMerged: number;
  mentionCoverage: number;
  wrongPairs: { name: string; a: string; b: string }[];
  perChain: ChainResult[];
}

export const ECB_TRAIN = [1, 3, 4, 6, 7, 8, 9, 10, 11, 13, 14, 16, 19, 20, 22, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33];
export const ECB_DEV = [2, 5, 12, 18, 21, 23, 34, 35];

const ecbDir = new URL('../fixtures/ecbplus/', import.meta.url);

export interface LoadedArticle {
  file: string;
  text: string;
}

/** ECB+ articles of the given topics (file names start with tNN-). */
export function ecbArticles(topics: number[]): LoadedArticle[] {
  const want = new Set(topics);
  return readdirSync(new URL('corpus/', ecbDir))
    .filter((f) => f.endsWith('.txt') && want.has(Number(/^t(\d+)-/.exec(f)?.[1])))
    .sort()
    .map((file) => ({ file, text: readFileSync(new URL(`corpus/${file}`, ecbDir), 'utf8') }));
}

/** The FA-KES fixture's articles (its README left out), in file-name order. */
export function fakesArticles(): LoadedArticle[] {
  const dir = new URL('../fixtures/fa-kes/', import.meta.url);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md') && f !== 'README.md')
    .sort()
    .map((file) => ({ file, text: readFileSync(new URL(file, dir), 'utf8') }));
}

/** ECB+ gold chains whose mentions all lie in the given topics. */
export function ecbChains(topics: number[]): GoldChain[] {
  const want = new Set(topics);
  const gold = JSON.parse(readFileSync(new URL('gold/entities.json', ecbDir), 'utf8')) as { chains: GoldChain[] };
  return gold.chains.filter((c) => c.mentions.every((m) => want.has(Number(/^t(\d+)-/.exec(m.file)?.[1]))));
}

/** Extracts and resolves names over the articles as the corpus does. */
export function resolveArticles(arts: LoadedArticle[]): EntityIndex {
  return resolveEntities(
    arts.map(({ file, text }) => {
      const p = parseArticle(text);
      return { file, meta: p.meta, names: extractNames({ file, text, passages: p.passages, headings: p.headings, meta: p.meta }) };
    }),
    [],
  );
}

const normForm = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[’']s\b/g, '')
    .replace(/[^a-z0-9 ]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

export function scoreNames(index: EntityIndex, arts: LoadedArticle[], chains: GoldChain[]): NamesScore {
  const lineMaps = new Map(arts.map((a) => [a.file, new LineMap(a.text)]));
  const byLine = new Map<string, { s: number; e: number; id: string }[]>();
  const nameOf = new Map<string, string>();
  for (const e of index.entities) {
    nameOf.set(e.id, e.name);
    for (const m of e.mentions) {
      const lm = lineMaps.get(m.file);
      if (!lm) continue;
      const p = lm.position(m.start);
      const k = `${m.file}:${p.line + 1}`;
      let list = byLine.get(k);
      if (!list) byLine.set(k, (list = []));
      list.push({ s: p.character + 1, e: p.character + 1 + (m.end - m.start), id: e.id });
    }
  }
  const resolve = (m: GoldMention): string | null => {
    let best: string | null = null;
    let bo = 0;
    for (const p of byLine.get(`${m.file}:${m.line}`) ?? []) {
      const o = Math.min(p.e, m.column + m.length) - Math.max(p.s, m.column);
      if (o > bo) {
        bo = o;
        best = p.id;
      }
    }
    return best;
  };
  let full = 0,
    found = 0,
    total = 0;
  const perChain: ChainResult[] = [];
  const owners = new Map<string, Set<number>>();
  chains.forEach((c, ci) => {
    const ids = c.mentions.map(resolve);
    total += ids.length;
    const got = ids.filter((x): x is string => x !== null);
    found += got.length;
    const distinct = new Set(got);
    if (got.length === ids.length && distinct.size === 1) full++;
    for (const id of distinct) {
      let s = owners.get(id);
      if (!s) owners.set(id, (s = new Set()));
      s.add(ci);
    }
    perChain.push({
      descriptor: c.descriptor,
      found: got.length,
      mentions: ids.length,
      ids: [...distinct].map((id) => ({ id, name: nameOf.get(id) ?? id, n: got.filter((x) => x === id).length })),
      missed: c.mentions.filter((_, i) => ids[i] === null),
    });
  });
  const formsOf = (c: GoldChain) => new Set(c.mentions.map((m) => normForm(m.form)));
  const wrongPairs: NamesScore['wrongPairs'] = [];
  for (const [id, set] of owners) {
    const cs = [...set];
    for (let i = 0; i < cs.length; i++)
      for (let j = i + 1; j < cs.length; j++) {
        const a = chains[cs[i]!]!,
          b = chains[cs[j]!]!;
        const fa = formsOf(a);
        if ([...formsOf(b)].some((f) => fa.has(f))) continue;
        wrongPairs.push({ name: nameOf.get(id) ?? id, a: a.descriptor, b: b.descriptor });
      }
  }
  return { chains: chains.length, fullyMerged: full, mentionCoverage: total ? found / total : 0, wrongPairs, perChain };
}

/** The scorer's baseline in the same run: every gold mention resolves to its last word. */
export function lastWordBaseline(chains: GoldChain[]): number {
  let full = 0;
  for (const c of chains) {
    const ids = new Set(c.mentions.map((m) => normForm(m.form).split(' ').pop()));
    if (ids.size === 1) full++;
  }
  return full;
}
