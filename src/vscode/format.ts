// Text shown in trees, quick picks and CodeLens, built from plain metadata. No `vscode` import, so it is
// unit-tested directly (test/unit/vscode-format.test.ts).
import type { ArticleMeta } from '../core/types';

export const UNKNOWN_OUTLET = 'Unknown outlet';
export const UNTITLED = '(untitled)';

export type MetaLike = Pick<ArticleMeta, 'title' | 'outlet' | 'author'> & { date: string | null };

/** Date as stored ("2016-12-22", "2017-03") or "Undated". */
export function dateLabel(date: string | null | undefined): string {
  return date ? date : 'Undated';
}

/** Articles tree description: "date · author" (either part left out when unknown). */
export function articleDescription(a: Pick<MetaLike, 'date' | 'author'>): string {
  return [a.date, a.author].filter((s): s is string => !!s && s.trim() !== '').join(' · ');
}

/** Quick pick label for a linked passage: "outlet · date · title". */
export function coverageLabel(a: MetaLike): string {
  return [a.outlet ?? UNKNOWN_OUTLET, dateLabel(a.date), a.title ?? UNTITLED].join(' · ');
}

/** An outlet covering a passage; `copy`: only with a copy of the asked article (a wire story it carried). */
export interface CoveringOutlet {
  outlet: string | null;
  copy: boolean;
}

/**
 * CodeLens title: "Also in: WSWS, Havana Times, AP (copy)" (at most `max` outlets, then "+N"); an outlet is marked
 * "(copy)" when all it has is a copy of the asked article, so a reader knows it tells the event in the same words.
 */
export function alsoIn(outlets: readonly (string | null | CoveringOutlet)[], max = 4): string {
  const unique: string[] = [];
  const copyOnly = new Map<string, boolean>();
  for (const o of outlets) {
    const { outlet, copy } = o !== null && typeof o === 'object' ? o : { outlet: o, copy: false };
    const name = outlet ?? UNKNOWN_OUTLET;
    if (!unique.includes(name)) unique.push(name);
    copyOnly.set(name, (copyOnly.get(name) ?? true) && copy);
  }
  const shown = unique
    .slice(0, max)
    .map((name) => (copyOnly.get(name) ? `${name} (copy)` : name))
    .join(', ');
  return `Also in: ${shown}${unique.length > max ? ` +${unique.length - max}` : ''}`;
}

/** Rows of the article tooltip: every metadata field, with where it came from when the reader knows. */
export function metadataRows(meta: ArticleMeta, path: string): [string, string][] {
  const src = (k: 'title' | 'outlet' | 'author' | 'date') => (meta.provenance[k] ? ` (${meta.provenance[k]})` : '');
  const rows: [string, string][] = [
    ['Title', (meta.title ?? UNTITLED) + src('title')],
    ['Outlet', (meta.outlet ?? UNKNOWN_OUTLET) + src('outlet')],
    ['Author', (meta.author ?? 'unknown') + src('author')],
    ['Date', meta.date ? `${meta.date.iso}${meta.date.precision === 'month' ? ' (month only)' : ''}${src('date')}` : 'Undated'],
  ];
  if (meta.dateline) rows.push(['Dateline', meta.dateline]);
  rows.push(['File', path]);
  return rows;
}

/**
 * A one-line excerpt of `text` of at most `width` characters, placed where the most of `terms` occur close together
 * (case-insensitive; the first such place), so the reader sees why a passage matched. `lead` characters come before
 * the first of those terms (default a third of the width): a narrow list shows only the excerpt's start.
 */
export function excerpt(text: string, terms: readonly string[], width = 160, lead = Math.floor(width / 3)): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= width) return flat;
  const lower = flat.toLowerCase();
  const wanted = [...new Set(terms.map((t) => t.trim().toLowerCase()).filter(Boolean))];
  const hits: { at: number; term: number }[] = [];
  wanted.forEach((t, term) => {
    for (let i = lower.indexOf(t); i >= 0; i = lower.indexOf(t, i + 1)) hits.push({ at: i, term });
  });
  hits.sort((a, b) => a.at - b.at);
  const present = new Set(hits.map((h) => h.term)).size;
  // The occurrence followed, within what the excerpt shows after it, by the most different terms.
  let at = -1;
  let best = 0;
  for (const h of hits) {
    const seen = new Set(hits.filter((o) => o.at >= h.at && o.at < h.at + width - lead).map((o) => o.term));
    if (seen.size > best) {
      best = seen.size;
      at = h.at;
    }
  }
  // The terms are too far apart for one window: one short fragment around the first occurrence of each.
  if (best < present && present > 1) {
    const firsts = [...new Map(hits.map((h) => [h.term, h.at] as const).reverse()).values()].sort((a, b) => a - b);
    const share = Math.max(24, Math.floor((width - 2 * (present - 1)) / present));
    return firsts
      .map((p, k) => fragment(flat, Math.max(k === 0 ? 0 : firsts[k - 1] + 1, p - Math.min(lead, 12)), share))
      .join(' ')
      .replace(/ … … /g, ' … ');
  }
  return fragment(flat, at < 0 ? 0 : Math.max(0, at - lead), width, true);
}

/** `width` characters of `flat` from about `start`, on word boundaries, with "…" where text is left out. */
function fragment(flat: string, from: number, width: number, fill = false): string {
  let start = fill ? Math.min(from, flat.length - width) : from;
  if (start > 0) {
    const space = flat.indexOf(' ', start);
    if (space >= 0 && space - start < 20) start = space + 1;
  }
  let end = Math.min(flat.length, start + width);
  if (end < flat.length) {
    const space = flat.lastIndexOf(' ', end);
    if (space > start + width / 2) end = space;
  }
  return (start > 0 ? '… ' : '') + flat.slice(start, end) + (end < flat.length ? ' …' : '');
}

/** Names tree group label for an entity kind ("person" → "Person"); unknown kinds go to "Other". */
export function kindLabel(kind: string): 'Person' | 'Group' | 'Place' | 'Other' {
  switch (kind.toLowerCase()) {
    case 'person':
      return 'Person';
    case 'group':
    case 'organisation':
    case 'organization':
      return 'Group';
    case 'place':
      return 'Place';
    default:
      return 'Other';
  }
}

export const KIND_ORDER = ['Person', 'Group', 'Place', 'Other'] as const;

/** Status bar text: "$(book) 5 articles" when idle, "$(sync~spin) Parallax indexing 120/804" while reading. */
export function statusText(s: { indexing: boolean; linking: boolean; done: number; total: number; articles: number }): string {
  if (s.linking) return '$(sync~spin) Parallax linking names and events';
  if (s.indexing) return s.total > 0 ? `$(sync~spin) Parallax indexing ${s.done}/${s.total}` : '$(sync~spin) Parallax indexing';
  return `$(book) ${s.articles} article${s.articles === 1 ? '' : 's'}`;
}
