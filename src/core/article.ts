// Reading one article: front matter, metadata inferred from the text, headings, and passages with exact
// offsets. Pure function of (text, options); see types.ts for the shapes.
import type { ArticleDate, ArticleMeta, Heading, ParsedArticle, Passage, ReadOptions } from './types';
import { readFrontMatter } from './frontmatter';
import {
  boilerplateReason,
  findParagraphs,
  groupSentences,
  isBrokenSentence,
  isLinkOnly,
  sentenceBoilerplateReason,
  splitSentences,
  trimRange,
  type Para,
} from './passages';
import {
  cleanMarkup,
  isPersonNameLine,
  isTitleLine,
  readByline,
  readDateLine,
  readLeadDate,
  readReportingBy,
  readReportsLine,
  titleFromSentence,
} from './metadata';
import { compileSignatures, matchSignature, readDateline, readIssueFooter } from './outlets';
import { readDatesDetailed } from './dates';

type Role = 'title' | 'byline' | 'date' | 'heading' | 'body' | 'boilerplate' | 'skip';

interface Item extends Para {
  text: string;
  role: Role | null;
  reason?: string;
  /** Where the passage starts when a dateline opens the paragraph (the dateline is metadata, not a passage). */
  passageStart?: number;
}

/** Paragraphs longer than this are cut into sentence groups even in a many-paragraph article. */
const SPLIT_ALWAYS = 1600;
/** …and in a body of one or two paragraphs (FA-KES style), anything longer than this. */
const SPLIT_SHORT_BODY = 700;
/** How many paragraphs after the title may still be header lines (byline, date, caption). */
const HEADER_ZONE = 8;

function isSeparator(s: string): boolean {
  return s.length <= 80 && /^[-*_=~•·\s]{3,}$/.test(s);
}

function isHeadingLike(item: Item): boolean {
  const t = item.text;
  if (/^#{1,6}\s/.test(t)) return item.lineCount === 1 && t.length <= 200;
  if (item.lineCount > 1 || t.length > 90) return false;
  const c = cleanMarkup(t);
  if (!c || !/\p{L}/u.test(c)) return false;
  if (!/^[\p{Lu}\p{N}"“‘'(]/u.test(c)) return false;
  const words = c.split(' ').length;
  if (words > 10) return false;
  const last = c[c.length - 1];
  if (last === '?') return words <= 6;
  return !/[.,;:!…"”’)\]]/.test(last);
}

export function parseArticle(text: string, options?: ReadOptions): ParsedArticle {
  if (typeof text !== 'string') text = String(text ?? '');
  const warnings: string[] = [];
  const fm = readFrontMatter(text);
  if (fm.warning) warnings.push(fm.warning);
  const bodyStart = fm.bodyStart;
  const signatures = compileSignatures(options?.outletSignatures);

  // Paragraphs, with sentences broken across a blank line joined again.
  const raw = findParagraphs(text, bodyStart);
  const items: Item[] = [];
  for (const p of raw) {
    const prev = items[items.length - 1];
    if (prev && isBrokenSentence(text, prev, p)) {
      prev.end = p.end;
      prev.lineCount += p.lineCount;
      prev.text = text.slice(prev.start, prev.end);
      continue;
    }
    const t = text.slice(p.start, p.end);
    items.push({ ...p, text: t, role: isSeparator(t) ? 'skip' : null });
  }

  const meta: ArticleMeta = { title: null, outlet: null, author: null, date: null, dateline: null, provenance: {} };
  // Candidates in order of trust; the first found of the best kind wins.
  const dates: { rank: number; date: ArticleDate; how: string }[] = [];
  const addDate = (rank: number, iso: string, precision: 'day' | 'month', source: { start: number; end: number } | null, how: string) =>
    dates.push({ rank, date: { iso, precision, source }, how });

  if (fm.fields.title) {
    meta.title = fm.fields.title;
    meta.provenance.title = 'front matter';
  }
  if (fm.fields.author) {
    meta.author = fm.fields.author;
    meta.provenance.author = 'front matter';
  }
  if (fm.fields.outlet) {
    meta.outlet = fm.fields.outlet;
    meta.provenance.outlet = 'front matter';
  }
  if (fm.fields.date) addDate(0, fm.fields.date.iso, fm.fields.date.precision, null, 'front matter');

  // Title: the first line when it is short, else a title made from the opening sentence.
  let k = items.findIndex((it) => it.role === null);
  if (k >= 0) {
    const first = items[k];
    // Only a single short line can be a title; cleaning a whole body paragraph would be wasted work.
    const cleaned = first.lineCount === 1 && first.text.length <= 300 ? cleanMarkup(first.text) : '';
    if (meta.title) {
      if (first.lineCount === 1 && cleaned.toLowerCase() === meta.title.toLowerCase()) {
        first.role = 'title';
        k++;
      }
    } else if (isTitleLine(first.text, first.lineCount)) {
      meta.title = cleaned;
      meta.provenance.title = 'first line';
      first.role = 'title';
      k++;
    } else {
      const t = titleFromSentence(first.text);
      if (t) {
        meta.title = t;
        meta.provenance.title = 'first sentence';
      }
    }
  }

  // Header lines between the title and the body: byline, date line, photo caption, a name alone, a kicker.
  for (let seen = 0; k >= 0 && k < items.length && seen < HEADER_ZONE; k++, seen++) {
    const it = items[k];
    if (it.role !== null) continue;
    const byline = readByline(it.text);
    if (byline) {
      it.role = 'byline';
      if (!meta.author) {
        meta.author = byline;
        meta.provenance.author = 'byline';
      }
      continue;
    }
    const dl = readDateLine(it.text);
    if (dl && dl.precision !== 'year') {
      it.role = 'date';
      addDate(1, dl.iso, dl.precision, { start: it.start + dl.start, end: it.start + dl.end }, 'date line');
      continue;
    }
    const reason = boilerplateReason(it.text);
    if (reason === 'photo credit') {
      it.role = 'boilerplate';
      it.reason = reason;
      const cd = readDatesDetailed(it.text.slice(0, 400)).find((d) => d.precision === 'day');
      if (cd) addDate(4, cd.iso, 'day', { start: it.start + cd.start, end: it.start + cd.end }, 'photo caption');
      continue;
    }
    if (!meta.author && isPersonNameLine(it.text)) {
      it.role = 'byline';
      meta.author = cleanMarkup(it.text);
      meta.provenance.author = 'name line';
      continue;
    }
    if (isHeadingLike(it)) {
      it.role = 'heading';
      continue;
    }
    break;
  }

  // Everything else: boilerplate, standalone dates, headings, body.
  let inComments = false;
  for (const it of items) {
    if (it.role !== null) continue;
    const reason = boilerplateReason(it.text) ?? (isLinkOnly(it.text) ? 'link' : null);
    if (inComments || reason) {
      it.role = 'boilerplate';
      it.reason = inComments ? 'reader comments' : reason!;
      if (reason === 'reader comments') inComments = true;
      if (reason === 'photo credit') {
        const cd = readDatesDetailed(it.text.slice(0, 400)).find((d) => d.precision === 'day');
        if (cd) addDate(4, cd.iso, 'day', { start: it.start + cd.start, end: it.start + cd.end }, 'photo caption');
      }
      continue;
    }
    const dl = readDateLine(it.text);
    if (dl) {
      it.role = 'date';
      addDate(3, dl.iso, dl.precision as 'day' | 'month', { start: it.start + dl.start, end: it.start + dl.end }, 'date line');
      continue;
    }
    it.role = isHeadingLike(it) ? 'heading' : 'body';
  }

  // Footer: an issue line ("Name 255 February/March 2017") among the last paragraphs.
  let footerOutlet: string | null = null;
  for (let j = items.length - 1; j >= Math.max(0, items.length - 3); j--) {
    const it = items[j];
    if (it.role === 'title') break;
    const f = readIssueFooter(it.text);
    if (f) {
      it.role = 'boilerplate';
      it.reason = 'outlet footer';
      footerOutlet = f.outlet;
      const md = readDatesDetailed(it.text).find((d) => d.precision === 'month');
      addDate(5, f.iso, 'month', md ? { start: it.start + md.start, end: it.start + md.end } : null, 'footer');
      break;
    }
  }

  // The tail after the last body paragraph is page furniture: headings and short lines there belong to it
  // ("Class struggle bulletin" above "Stay up to date with our weekly newsletter").
  let tailReason: string | null = null;
  for (let j = items.length - 1; j >= 0; j--) {
    const it = items[j];
    if (it.role === 'skip' || it.role === 'date') continue;
    if (it.role === 'boilerplate') {
      tailReason = it.reason ?? tailReason;
      continue;
    }
    if (tailReason && it.role === 'heading') {
      it.role = 'boilerplate';
      it.reason = tailReason;
      continue;
    }
    break;
  }

  const bodyItems = items.filter((it) => it.role === 'body');

  // Dateline ("HAVANA TIMES –", "BEIRUT (Reuters) -") at the start of one of the first body paragraphs.
  let datelineOutlet: string | null = null;
  for (const it of bodyItems.slice(0, 3)) {
    const d = readDateline(it.text, signatures);
    if (d) {
      meta.dateline = d.place;
      datelineOutlet = d.outlet;
      break;
    }
  }

  // Publication dateline opening the body (FA-KES forms); its furniture is not part of the first passage.
  if (bodyItems.length) {
    const lead = bodyItems[0];
    if (lead === items.find((it) => it.role === 'body' || it.role === 'boilerplate') || lead.text.length > SPLIT_SHORT_BODY) {
      const ld = readLeadDate(lead.text, meta.title);
      if (ld) {
        addDate(2, ld.date.iso, 'day', { start: lead.start + ld.date.start, end: lead.start + ld.date.end }, 'dateline');
        if (ld.leadEnd !== null) lead.passageStart = lead.start + ld.leadEnd;
      }
    }
  }

  // Author from the text when no byline named one.
  if (!meta.author) {
    for (const it of bodyItems.slice(0, 3)) {
      const a = readReportsLine(it.text);
      if (a) {
        meta.author = a;
        meta.provenance.author = 'reports line';
        break;
      }
    }
  }
  if (!meta.author) {
    for (const it of items.slice(-6)) {
      const a = readReportingBy(it.text);
      if (a) {
        meta.author = a;
        meta.provenance.author = 'credit line';
        break;
      }
    }
  }

  // Outlet: front matter, then the dateline, then signatures in the parts that speak for the outlet.
  if (!meta.outlet && datelineOutlet) {
    meta.outlet = datelineOutlet;
    meta.provenance.outlet = 'dateline';
  }
  if (!meta.outlet) {
    const zones: string[] = [];
    if (meta.dateline) zones.push(meta.dateline);
    for (const it of items) {
      if (it.role === 'byline' || it.role === 'date' || it.role === 'boilerplate') zones.push(it.text.slice(0, 2000));
    }
    const last = items[items.length - 1];
    if (last && last.role === 'body' && last.text.length <= 200) zones.push(last.text);
    for (const z of zones) {
      const hit = matchSignature(z, signatures);
      if (hit) {
        meta.outlet = hit.outlet;
        meta.provenance.outlet = 'signature';
        break;
      }
    }
  }
  if (!meta.outlet && footerOutlet) {
    meta.outlet = footerOutlet;
    meta.provenance.outlet = 'footer';
  }
  if (!meta.outlet) {
    for (const it of items) {
      if (it.role !== 'boilerplate' || it.reason !== 'republication note') continue;
      const m = /\bby ((?:the )?\p{Lu}[\p{L}'’.&-]*(?: \p{Lu}[\p{L}'’.&-]*){0,4})\.?\s*$/u.exec(it.text.slice(-120));
      if (m) {
        meta.outlet = m[1];
        meta.provenance.outlet = 'republication note';
        break;
      }
    }
  }
  if (!meta.outlet && options?.outletSignatures && Object.keys(options.outletSignatures).length) {
    // The user's own signatures are trusted anywhere in the text.
    const userOnly = compileSignatures(options.outletSignatures).filter((s) =>
      Object.prototype.hasOwnProperty.call(options.outletSignatures, s.key),
    );
    const hit = matchSignature(text.slice(bodyStart), userOnly);
    if (hit) {
      meta.outlet = hit.outlet;
      meta.provenance.outlet = 'user signature';
    }
  }

  if (dates.length) {
    dates.sort((a, b) => a.rank - b.rank);
    meta.date = dates[0].date;
    meta.provenance.date = dates[0].how;
  }

  // Headings, sections and passages.
  const headings: Heading[] = [];
  const passages: Passage[] = [];
  const shortBody = bodyItems.length <= 2;
  let section: string | undefined;
  const push = (start: number, end: number, kind: 'body' | 'boilerplate', reason?: string) => {
    const r = trimRange(text, start, end);
    if (r.start >= r.end) return;
    const p: Passage = { start: r.start, end: r.end, index: passages.length, kind };
    if (reason) p.reason = reason;
    if (section !== undefined) p.section = section;
    passages.push(p);
  };
  for (const it of items) {
    if (it.role === 'heading') {
      section = cleanMarkup(it.text) || it.text;
      headings.push({ start: it.start, end: it.end, text: section });
      continue;
    }
    if (it.role === 'boilerplate') {
      push(it.start, it.end, 'boilerplate', it.reason ?? 'boilerplate');
      continue;
    }
    if (it.role !== 'body') continue;
    const start = it.passageStart ?? it.start;
    const length = it.end - start;
    if (length <= SPLIT_ALWAYS && !(shortBody && length > SPLIT_SHORT_BODY)) {
      push(start, it.end, 'body');
      continue;
    }
    // Long body: sentence groups, keeping page leftovers (share links, tags, captions) apart.
    const sentences = splitSentences(text, start, it.end);
    let run: { start: number; end: number }[] = [];
    const flush = () => {
      for (const g of groupSentences(run)) push(g.start, g.end, 'body');
      run = [];
    };
    for (const s of sentences) {
      const why = sentenceBoilerplateReason(text.slice(s.start, Math.min(s.end, s.start + 601)));
      if (why) {
        flush();
        push(s.start, s.end, 'boilerplate', why);
      } else {
        run.push(s);
      }
    }
    flush();
  }

  return { meta, bodyStart, headings, passages, warnings };
}
