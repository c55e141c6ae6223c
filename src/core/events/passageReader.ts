// Reading an article into the event store: per passage, its terms (stems with names replaced by entity tokens,
// and the dates it names as date keys), entities, times, figures and quotations.

import { leadPassage } from '../coveragePassage';
import type { ArticleMeta, Passage } from '../types';
import { isoOfDay, readEventDates, timeRefOf, type TimeRef, type TimeSpan } from './dates';
import { countTerms, fallbackMentions, readFigures, readQuotes, TermCounts, TermDictionary, type EntityMention } from './features';
import { TIME_DAY, TIME_PUB } from './score';
import { grown } from '../kit/columns';
import { MAX_TIMES, STORED_TERMS, type PassageStore } from './store';

export interface EventArticleInput {
  file: string;
  text: string;
  passages: Passage[];
  /** Where the body starts (after front matter); the title and header lines above the lead count as the lead's. */
  bodyStart?: number;
  meta: ArticleMeta;
  /** entity id of each name mention (spelling-independent), from the names module; may be empty */
  mentions: EntityMention[];
}

/** Days before its publication in which an undated passage's event is taken to have happened. */
const PUB_WINDOW = 3;
/** Distinct words as written kept in the word → term cache before it starts afresh (~100 bytes each). */
const MAX_WORDS = 200_000;

/** Reads articles into one store, keeping a cache of words as written → term ids across articles. */
export class PassageReader {
  // Per-passage scratch space.
  private readonly scratchTerms = new TermCounts();
  private readonly scratchEntities = new Set<number>();
  /** Words as written → term numbers; term number → term id (-1 until the term is first kept). */
  private readonly dict = new TermDictionary();
  private termIdOfNumber = new Int32Array(1024).fill(-1);
  private readonly dateTermMemo = new Map<number, number[]>();
  /** Entity id → term number of its token (-1 until used). */
  private entTermNumber = new Int32Array(256).fill(-1);

  constructor(private readonly store: PassageStore) {}

  /** Stores the passages of an article (not stored yet) under consecutive ids. */
  addArticle(input: EventArticleInput): void {
    const store = this.store;
    const { text, file } = input;
    const ref = timeRefOf(input.meta.date, text);
    const mentions = (input.mentions.length ? [...input.mentions] : fallbackMentions(text, 0, text.length)).sort(
      (a, b) => a.start - b.start,
    );
    const first = store.nextId;
    const pubSpans = publicationSpans(ref);
    // The word dictionary is a cache (words as written → terms); a large vocabulary starts it afresh.
    if (this.dict.words > MAX_WORDS) this.resetWords();
    let mi = 0;
    // The lead speaks for the title, dateline and headline above it (a cursor there asks about the lead), and a
    // headline is the densest statement of the event an article has.
    const lead = leadPassage(text, input.passages, input.bodyStart ?? 0);
    const titleAt = input.meta.title ? frontMatterTitleAt(text, input.meta.title, input.bodyStart ?? 0) : -1;
    // An article without body passages speaks through its header, a passage of its own after the parsed ones.
    const passages = lead && lead.index >= input.passages.length ? [...input.passages, lead] : input.passages;
    for (const p0 of passages) {
      if (p0.kind === 'boilerplate') continue;
      const p = lead && p0.index === lead.index ? lead : p0;
      while (mi < mentions.length && mentions[mi].end <= p.start) mi++;
      const pm: EntityMention[] = [];
      for (let k = mi; k < mentions.length && mentions[k].start < p.end; k++) {
        if (mentions[k].start >= p.start && mentions[k].end <= p.end) pm.push(mentions[k]);
      }
      const entSet = this.scratchEntities;
      entSet.clear();
      const tc = this.scratchTerms;
      tc.reset();
      countTerms(
        text,
        p.start,
        p.end,
        pm,
        this.dict,
        (key) => {
          const e = store.internEntity(key, text, pm);
          entSet.add(e);
          return this.entityTermNumber(e);
        },
        tc,
      );
      if (p === lead && titleAt >= 0) {
        countTerms(
          text,
          titleAt,
          titleAt + input.meta.title!.length,
          [],
          this.dict,
          (key) => this.entityTermNumber(store.internEntity(key, text, pm)),
          tc,
        );
      }
      if (tc.tokens < 3) continue; // headings, bylines, captions: nothing to link on
      // Dates the passage names become terms too, at every precision ("30 September 2015" also counts as
      // "2015"), so that two passages naming the same past day or year find each other, weighted by how rare
      // that date is in the corpus ("since 2011" is everywhere; "30 September 2015" is not).
      const spans = readEventDates(text, p.start, p.end, ref);
      for (const sp of spans) for (const no of this.dateTerms(sp)) tc.setOnce(no);
      const top = tc.top(STORED_TERMS);
      const termIds = new Int32Array(top.length);
      for (let i = 0; i < top.length; i++) {
        const slot = top[i];
        const t = this.termIdOf(tc.terms[slot]);
        termIds[i] = t;
        store.termDf[t]++;
        if (!store.termSurface[t]) {
          const entry = tc.entries[slot];
          store.termSurface[t] = entry >= 0 ? this.dict.raw(entry).toLowerCase() : '';
        }
      }
      termIds.sort(); // sorted, so two passages' terms intersect by merging
      const figures = readFigures(text, p.start, p.end);
      store.addPassage(file, {
        passage: p.index,
        termIds,
        entities: entSet,
        entityCount: entSet.size,
        times: packTimes(spans, pubSpans),
        tolls: figures.tolls,
        numbers: figures.numbers,
        quotes: readQuotes(text, p.start, p.end),
      });
    }
    store.articles.set(file, { first, count: store.nextId - first, outlet: input.meta.outlet ?? '' });
  }

  /** Term numbers of a time span's date keys ("@2015-09-30", "@2015-09", "@2015"), finest first; memoised. */
  private dateTerms(sp: TimeSpan): number[] {
    const key = sp.from * 4 + (sp.precision === 'day' ? 0 : sp.precision === 'month' ? 1 : 2);
    let nos = this.dateTermMemo.get(key);
    if (!nos) {
      const iso = isoOfDay(sp.from);
      nos = [];
      if (sp.precision === 'day') nos.push(this.dict.termNumber('@' + iso));
      if (sp.precision !== 'year') nos.push(this.dict.termNumber('@' + iso.slice(0, 7)));
      nos.push(this.dict.termNumber('@' + iso.slice(0, 4)));
      this.dateTermMemo.set(key, nos);
    }
    return nos;
  }

  private resetWords(): void {
    this.dateTermMemo.clear();
    this.dict.clear();
    this.termIdOfNumber.fill(-1);
    this.entTermNumber.fill(-1);
  }

  private termIdOf(termNumber: number): number {
    if (termNumber >= this.termIdOfNumber.length) this.termIdOfNumber = grown(this.termIdOfNumber, termNumber + 1, -1);
    let id = this.termIdOfNumber[termNumber];
    if (id < 0) this.termIdOfNumber[termNumber] = id = this.store.internTerm(this.dict.terms[termNumber]);
    return id;
  }

  private entityTermNumber(e: number): number {
    if (e >= this.entTermNumber.length) this.entTermNumber = grown(this.entTermNumber, e + 1, -1);
    let no = this.entTermNumber[e];
    if (no < 0) this.entTermNumber[e] = no = this.dict.termNumber(this.store.entToken[e]);
    return no;
  }
}

function publicationSpans(ref: TimeRef): TimeSpan[] {
  if (ref.day !== null) return [{ from: ref.day - PUB_WINDOW, to: ref.day, precision: 'day' }];
  if (ref.year !== null) {
    const from = Math.floor(Date.UTC(ref.year, 0, 1) / 86400000);
    const to = Math.floor(Date.UTC(ref.year + 1, 0, 1) / 86400000) - 1;
    return [{ from, to, precision: 'year' }];
  }
  return [];
}

/**
 * The times a passage's event may be at. A passage that names a day (or a weekday resolved against the
 * publication date) is about that day; otherwise it is about the periods it names and, as the news usually
 * is, the days just before publication.
 */
function packTimes(spans: TimeSpan[], pub: TimeSpan[]): number[] {
  const flat: number[] = [];
  // Distinct (from, to, flags) triples in order; false once there are enough. Comparing two passages' times is
  // pairwise; a passage naming more distinct times than this is a chronology, not an event report, and its
  // first ones are enough.
  const add = (s: TimeSpan, f: number): boolean => {
    for (let k = 0; k < flat.length; k += 3) if (flat[k] === s.from && flat[k + 1] === s.to && flat[k + 2] === f) return true;
    flat.push(s.from, s.to, f);
    return flat.length < 3 * MAX_TIMES;
  };
  if (spans.some((s) => s.precision === 'day')) {
    for (const s of spans) if (s.precision === 'day' && !add(s, TIME_DAY)) break;
  } else {
    let room = true;
    for (const s of spans) if (!(room = add(s, 0))) break;
    if (room) for (const s of pub) if (!add(s, TIME_PUB)) break;
  }
  return flat;
}

/** Offset of a front-matter title in the text (before the body), or -1: the title then counts towards the lead. */
function frontMatterTitleAt(text: string, title: string, bodyStart: number): number {
  if (bodyStart <= 0) return -1;
  const at = text.lastIndexOf(title, bodyStart);
  return at >= 0 && at + title.length <= bodyStart ? at : -1;
}
