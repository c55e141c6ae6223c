// The Articles tree as plain data: outlet → month → article, as the sidebar and `parallax tree` show it.
import type { ArticleMeta, DatePrecision } from './types';

export const UNKNOWN_OUTLET = 'Unknown outlet';
export const UNDATED = 'Undated';

export interface TreeArticle {
  file: string;
  title: string;
  outlet: string;
  author: string | null;
  date: string | null;
  datePrecision: DatePrecision | null;
}

export interface TreeMonth {
  /** "YYYY-MM", or "undated". */
  key: string;
  /** "December 2024", or "Undated". */
  label: string;
  articles: TreeArticle[];
}

export interface TreeOutlet {
  outlet: string;
  count: number;
  months: TreeMonth[];
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function monthLabel(key: string): string {
  if (key === 'undated') return UNDATED;
  const [y, m] = key.split('-');
  return `${MONTHS[Number(m) - 1] ?? m} ${y}`;
}

/** A readable title for an article with none: its file name without folders and extension. */
export function fallbackTitle(file: string): string {
  const base = decodeURIComponent(file.split('/').pop() ?? file);
  return base.replace(/\.(txt|md|markdown)$/i, '');
}

/**
 * Groups articles by outlet (alphabetical, "Unknown outlet" last), then by month (newest first, "Undated" last);
 * within a month newest first, then by title. Month-precision dates sort after day dates of the same month.
 */
export function buildTree(articles: { file: string; meta: ArticleMeta }[]): TreeOutlet[] {
  const byOutlet = new Map<string, Map<string, TreeArticle[]>>();
  for (const { file, meta } of articles) {
    const outlet = meta.outlet?.trim() || UNKNOWN_OUTLET;
    const date = meta.date?.iso ?? null;
    const key = date ? date.slice(0, 7) : 'undated';
    let months = byOutlet.get(outlet);
    if (!months) byOutlet.set(outlet, (months = new Map()));
    let list = months.get(key);
    if (!list) months.set(key, (list = []));
    list.push({
      file,
      title: meta.title?.trim() || fallbackTitle(file),
      outlet,
      author: meta.author,
      date,
      datePrecision: meta.date?.precision ?? null,
    });
  }
  const outlets = [...byOutlet.keys()].sort((a, b) => {
    if (a === UNKNOWN_OUTLET) return 1;
    if (b === UNKNOWN_OUTLET) return -1;
    return a.localeCompare(b, 'en', { sensitivity: 'base' });
  });
  return outlets.map((outlet) => {
    const months = byOutlet.get(outlet)!;
    const keys = [...months.keys()].sort((a, b) => (a === 'undated' ? 1 : b === 'undated' ? -1 : b.localeCompare(a)));
    const groups = keys.map((key) => ({
      key,
      label: monthLabel(key),
      articles: months
        .get(key)!
        .sort(
          (a, b) =>
            sortableDate(b.date).localeCompare(sortableDate(a.date)) || a.title.localeCompare(b.title) || a.file.localeCompare(b.file),
        ),
    }));
    return { outlet, count: groups.reduce((n, g) => n + g.articles.length, 0), months: groups };
  });
}

/** "YYYY-MM" sorts as day 00 of its month, i.e. after every day-precision date of that month when newest first. */
function sortableDate(iso: string | null): string {
  return iso === null ? '' : iso.length === 7 ? `${iso}-00` : iso;
}
