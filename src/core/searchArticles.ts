// Open Article: which articles a few typed words mean, by their metadata. A reader types a title's words
// ("khan sheikhoun"), an outlet ("reuters") or a date ("2017-04", "april 2017"), so the order is: articles with
// more of the words in the title first, then in the outlet, then in the date, author or file name; then newest.
// Words match as typed prefixes ("sheikh") or in any inflection ("bombing" for "bombed"); a typo in a long word
// (one letter off) counts half. A word found nowhere does not hide an article that has the others.
import { searchTerm, tokenizeWords } from './search';
import type { ArticleMeta } from './types';

export interface ArticleCandidate {
  file: string;
  meta: ArticleMeta;
}

export interface RankedArticle {
  file: string;
  /** Higher is better; for display and ties only, the order is the ranking. */
  score: number;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** The fields in ranking order, each worth a fixed place: title words outrank any number of outlet words. */
const FIELD_WEIGHTS = [1_000_000, 10_000, 100, 1] as const;

interface Word {
  raw: string;
  stem: string | null;
}

export function rankArticles(candidates: Iterable<ArticleCandidate>, query: string, limit: number): RankedArticle[] {
  const words: Word[] = tokenizeWords(query.toLowerCase()).map((raw) => ({ raw, stem: searchTerm(raw) }));
  if (words.length === 0) return [];
  const ranked: (RankedArticle & { date: string })[] = [];
  for (const { file, meta } of candidates) {
    const fields = fieldsOf(file, meta);
    let score = 0;
    for (const w of words) {
      // Each typed word counts once, in the most important field it matches.
      for (let f = 0; f < fields.length; f++) {
        const m = matchIn(w, fields[f]);
        if (m > 0) {
          score += m * FIELD_WEIGHTS[f];
          break;
        }
      }
    }
    if (score > 0) ranked.push({ file, score, date: meta.date?.iso ?? '' });
  }
  ranked.sort((a, b) => b.score - a.score || b.date.localeCompare(a.date) || a.file.localeCompare(b.file));
  return ranked.slice(0, limit).map(({ file, score }) => ({ file, score }));
}

/**
 * Each article's words by field, kept while its metadata object lives (a correction makes a new one): stemming every
 * title again at each keystroke would cost a noticeable pause at tens of thousands of articles.
 */
const FIELDS = new WeakMap<ArticleMeta, { file: string; fields: Word[][] }>();

function fieldsOf(file: string, meta: ArticleMeta): Word[][] {
  const known = FIELDS.get(meta);
  if (known && known.file === file) return known.fields;
  const fields = [
    fieldWords(meta.title),
    fieldWords(meta.outlet),
    fieldWords([meta.date?.iso, monthName(meta.date?.iso), meta.author].filter(Boolean).join(' ')),
    fieldWords(file),
  ];
  FIELDS.set(meta, { file, fields });
  return fields;
}

function fieldWords(text: string | null | undefined): Word[] {
  return tokenizeWords((text ?? '').toLowerCase()).map((raw) => ({ raw, stem: searchTerm(raw) }));
}

/** 1 for a prefix or same-stem match, 0.5 for one letter off in a word of five or more, else 0. */
function matchIn(w: Word, field: Word[]): number {
  let best = 0;
  for (const t of field) {
    if (t.raw.startsWith(w.raw) || (w.stem !== null && t.stem === w.stem)) return 1;
    if (w.raw.length >= 5 && withinOneEdit(w.raw, t.raw.slice(0, w.raw.length + 1)) && withinOneEdit(w.raw, t.raw)) best = 0.5;
  }
  return best;
}

function monthName(iso: string | undefined): string {
  return iso ? (MONTHS[Number(iso.slice(5, 7)) - 1] ?? '') : '';
}

/** Levenshtein distance ≤ 1. */
function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    if (++edits > 1) return false;
    if (a.length > b.length) i++;
    else if (a.length < b.length) j++;
    else {
      i++;
      j++;
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}
