// Scores name resolution against a hand-made FA-KES labels file (`test/fixtures/labels/fakes-names-*.json`):
//   merged    = an entity whose every labelled occurrence (each spelling, whole word, in its listed files) lies in
//               a product mention, all of one entity id;
//   occurrence = a whole-word match of a spelling that is the name written there: Parallax's mention at that place
//               is that spelling, or the text's capitalised name run there is (titles, nationality and calendar
//               words around it aside). A spelling inside a longer, different name ("Trump" in "Ivanka Trump",
//               "Rastan" in "Talbisa al-Rastan", "Waer" in "al-Waer") or inside a longer spelling of the same
//               entity (counted once, as that spelling) is no occurrence;
//   coverage  = labelled occurrences inside some product mention;
//   apart     = must-stay-apart pairs whose two sides share an entity id (target 0).
// Point it at any labels file of that shape (the lead scores the held half with it once).
import type { EntityIndex } from '../../src/core/names';
import {
  COUNTRIES,
  DAYS,
  DEMONYMS,
  GROUP_HEADS,
  MONTHS,
  PARTICLES,
  STOPWORDS,
  TITLE_HEADS,
  TITLE_MODIFIERS,
} from '../../src/core/names/lexicon';

export interface LabelEntity {
  name: string;
  kind: string;
  spellings: string[];
  files: Record<string, string[]>;
}
export interface LabelPair {
  a: string;
  b: string;
  why: string;
}
export interface Labels {
  entities: LabelEntity[];
  apart: LabelPair[];
  notNames?: string[];
}

export interface LabelScore {
  entities: number;
  merged: number;
  coverage: number;
  /** `missed`: the labelled occurrences no product mention covers (file and offsets), for reading them in context. */
  perEntity: { name: string; found: number; total: number; ids: string[]; missed: { file: string; start: number; end: number }[] }[];
  apartPairs: number;
  apartMerged: { a: string; b: string; ids: string[] }[];
}

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The whole-word pattern of each term, built once: a score asks for every labelled spelling in every file it reads. */
const termPatterns = new Map<string, RegExp>();

/** Whole-word occurrences of `term` in `text` (case as written). */
function occurrences(text: string, term: string): { start: number; end: number }[] {
  let re = termPatterns.get(term);
  if (!re) termPatterns.set(term, (re = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRe(term)}(?![\\p{L}\\p{N}])`, 'gu')));
  re.lastIndex = 0;
  const out: { start: number; end: number }[] = [];
  for (let m: RegExpExecArray | null; (m = re.exec(text));) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

type Span = { start: number; end: number };
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’]*/uy;
const isUpper = (c: string): boolean => c !== c.toLowerCase() && c === c.toUpperCase();
/**
 * Words that end a name run rather than lengthen it: function words (a capital there opens a sentence), titles,
 * nationalities, countries, calendar words, and acronyms (a name of their own: "Manbij HRW says").
 */
const breaker = (w: string): boolean => {
  const l = w.toLowerCase().replace(/['’]s$/, '');
  // FA-KES texts lost their apostrophes: "Lebanons al-Manar" is Lebanon's.
  return (
    COUNTRIES.has(l.replace(/s$/, '')) ||
    (STOPWORDS.has(l) && l !== 'of') ||
    TITLE_HEADS.has(l) ||
    TITLE_MODIFIERS.has(l) ||
    DEMONYMS.has(l) ||
    /(?:ian|ean|ese)$/.test(l) ||
    COUNTRIES.has(l) ||
    MONTHS.has(l) ||
    DAYS.has(l) ||
    /^[A-Z]{2,6}$/.test(w)
  );
};
/** Lower-case words that sit inside a name between capitalised ones ("Talbisa al-Rastan", "Army of Islam"). */
const joiner = (w: string): boolean => w === 'of' || PARTICLES.has(w.toLowerCase());
/** The word ending at `end` (exclusive), or null. */
function wordBefore(text: string, end: number): Span | null {
  let s = end;
  while (s > 0 && /[\p{L}\p{N}'’]/u.test(text[s - 1]!)) s--;
  return s < end && /[\p{L}\p{N}]/u.test(text[s]!) ? { start: s, end } : null;
}
function wordAt(text: string, start: number): Span | null {
  WORD.lastIndex = start;
  const m = WORD.exec(text);
  return m ? { start, end: start + m[0].replace(/['’]s$/, '').length } : null;
}
/** A sentence or line written in title case or capitals (a headline), where capitals do not delimit names. */
function inTitleCase(text: string, o: Span): boolean {
  const from = Math.max(text.lastIndexOf('\n', o.start - 1), text.lastIndexOf('. ', o.start - 1)) + 1;
  const ends = [text.indexOf('\n', o.end), text.indexOf('. ', o.end)].filter((x) => x >= 0);
  const words = text.slice(from, ends.length ? Math.min(...ends) : text.length).match(/\p{L}{4,}/gu) ?? [];
  return words.length >= 3 && words.filter((w) => isUpper(w[0]!)).length >= 0.7 * words.length;
}
/**
 * Whether the capitalised name run around `o` holds more name than `o`: capitalised words (and name particles
 * between them) joined to it by one space or a hyphen, up to a breaker word. A labelled name right beside it
 * (`beside`) is another name run together with it (FA-KES texts lost their commas), not part of it; an
 * organisation head noun at its end ("Al Mayadeen TV channel", "Sana News") does not make a different name.
 */
function insideLongerRun(text: string, o: Span, beside: (side: 'left' | 'right', edge: number, to: number) => boolean): boolean {
  // An acronym is a name of its own; capitals in a headline do not delimit names.
  if (/^[A-Z]{2,6}$/.test(text.slice(o.start, o.end)) || inTitleCase(text, o)) return false;
  const left: Span[] = [];
  for (let at = o.start; ;) {
    const sep = text[at - 1];
    if (sep !== ' ' && sep !== '-') break;
    const w = wordBefore(text, at - 1);
    if (!w) break;
    const word = text.slice(w.start, w.end);
    if (breaker(word) || (!isUpper(word[0]!) && !joiner(word))) break;
    left.unshift(w);
    at = w.start;
  }
  const right: Span[] = [];
  for (let at = o.end; ;) {
    const sep = text[at];
    if (sep !== ' ' && sep !== '-') break;
    const w = wordAt(text, at + 1);
    if (!w) break;
    const word = text.slice(w.start, w.end);
    if (breaker(word) || (!isUpper(word[0]!) && !joiner(word))) break;
    right.push(w);
    if (/^['’]s/.test(text.slice(w.end, w.end + 2))) break;
    at = w.end;
  }
  const edge = (w: Span): string => text.slice(w.start, w.end);
  while (left.length && joiner(edge(left[0]!))) left.shift();
  while (right.length && (joiner(edge(right.at(-1)!)) || GROUP_HEADS.has(edge(right.at(-1)!).toLowerCase()))) right.pop();
  if (left.length && beside('left', o.start, left[0]!.start)) left.length = 0;
  if (right.length && beside('right', o.end, right.at(-1)!.end)) right.length = 0;
  return left.length > 0 || right.length > 0;
}

export function scoreLabels(index: EntityIndex, texts: Map<string, string>, labels: Labels): LabelScore {
  /** The entity whose mention overlaps the occurrence most, and whether a mention there runs past it. */
  const hitAt = (file: string, o: Span): { id: string | null; longer: boolean } => {
    let best: string | null = null;
    let bo = 0;
    let longer = false;
    for (let p = o.start; p < o.end; p++) {
      const hit = index.at(file, p);
      if (!hit) continue;
      const ov = Math.min(hit.mention.end, o.end) - Math.max(hit.mention.start, o.start);
      if (hit.mention.start < o.start || hit.mention.end > o.end) longer = true;
      if (ov > bo) {
        bo = ov;
        best = hit.entity.id;
      }
      p = Math.max(p, hit.mention.end - 1);
    }
    return { id: best, longer };
  };
  /**
   * The entity ids at each occurrence of the given spellings in one file; an occurrence inside a longer one of
   * the same list, or inside a longer different name both in Parallax's mention and in the text, is left out.
   */
  const everySpelling = [...new Set(labels.entities.flatMap((e) => e.spellings))];
  const labelledRuns = new Map<string, Span[]>();
  /** Occurrences of every labelled spelling (any entity) in one file, possessives without apostrophe included. */
  const labelledIn = (file: string, text: string): Span[] => {
    let out = labelledRuns.get(file);
    if (!out) {
      out = everySpelling.flatMap((s) => [...occurrences(text, s), ...occurrences(text, s + 's')]);
      labelledRuns.set(file, out);
    }
    return out;
  };
  /**
   * The entity ids at each occurrence of the given spellings in one file. An occurrence inside a longer spelling
   * of the same entity counts once, as that spelling; one inside a longer different name both in Parallax's
   * mention and in the text is left out.
   */
  const idsAt = (
    file: string,
    text: string,
    spellings: readonly string[],
    all: readonly string[],
    missed?: { file: string; start: number; end: number }[],
  ): (string | null)[] => {
    const longest = all.flatMap((s) => occurrences(text, s));
    const spans = new Map<string, Span>();
    for (const o of spellings.flatMap((s) => occurrences(text, s))) {
      let span = o;
      for (const x of longest) if (x.start <= span.start && x.end >= span.end) span = x;
      spans.set(`${span.start}:${span.end}`, span);
    }
    const beside = (side: 'left' | 'right', edge: number, to: number): boolean =>
      labelledIn(file, text).some((x) =>
        side === 'left' ? x.end >= edge - 1 && x.end < edge && x.start <= to : x.start <= edge + 1 && x.start > edge && x.end >= to,
      );
    const out: (string | null)[] = [];
    for (const o of spans.values()) {
      const hit = hitAt(file, o);
      if (!(hit.id !== null && !hit.longer) && insideLongerRun(text, o, beside)) continue;
      if (hit.id === null) missed?.push({ file, start: o.start, end: o.end });
      out.push(hit.id);
    }
    return out;
  };
  const labelled = new Map(labels.entities.map((e) => [e.name, e]));
  const goldIds = new Map<string, Set<string>>();
  let merged = 0,
    found = 0,
    total = 0;
  const perEntity: LabelScore['perEntity'] = [];
  for (const e of labels.entities) {
    const ids: (string | null)[] = [];
    const missed: { file: string; start: number; end: number }[] = [];
    const byFile = new Map<string, string[]>();
    for (const s of e.spellings) for (const f of e.files[s] ?? []) byFile.set(f, [...(byFile.get(f) ?? []), s]);
    for (const [f, spellings] of byFile) {
      const text = texts.get(f);
      if (text) ids.push(...idsAt(f, text, spellings, e.spellings, missed));
    }
    const got = ids.filter((x): x is string => x !== null);
    total += ids.length;
    found += got.length;
    const distinct = new Set(got);
    goldIds.set(e.name, distinct);
    if (ids.length > 0 && got.length === ids.length && distinct.size === 1) merged++;
    perEntity.push({ name: e.name, found: got.length, total: ids.length, ids: [...distinct], missed });
  }
  const idsOf = (x: string, why: string): Set<string> => {
    const g = goldIds.get(x);
    if (g) return g;
    const paren = /^(.*?)\s*\((.*)\)$/.exec(x);
    const files = why.match(/[\w.-]+\.md/g) ?? [];
    if (paren && files.length) {
      const out = new Set<string>();
      for (const f of files) {
        const text = texts.get(f);
        if (!text) continue;
        for (const id of idsAt(f, text, [paren[1]!], [paren[1]!])) if (id) out.add(id);
      }
      return out;
    }
    const name = (paren ? paren[1]! : x).toLowerCase();
    const byName = index.entities.filter((e) => e.name.toLowerCase() === name);
    const list = byName.length ? byName : index.entities.filter((e) => e.aliases.some((a) => a.toLowerCase() === name));
    return new Set(list.map((e) => e.id));
  };
  const apartMerged: LabelScore['apartMerged'] = [];
  for (const p of labels.apart) {
    const a = idsOf(p.a, p.why);
    const b = idsOf(p.b, p.why);
    const shared = [...a].filter((id) => b.has(id));
    if (shared.length) apartMerged.push({ a: p.a, b: p.b, ids: shared });
  }
  void labelled;
  return {
    entities: labels.entities.length,
    merged,
    coverage: total ? found / total : 0,
    perEntity,
    apartPairs: labels.apart.length,
    apartMerged,
  };
}
