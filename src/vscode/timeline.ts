// The coverage timeline of the Other Coverage view: for the passage at the cursor, which outlets told the event and
// when, as rows ordered by publication date with a bar placing each date between the first report and the last.
// Plain data, no `vscode` import (unit-tested in test/unit/vscode-timeline.test.ts); the view turns rows into tree
// items, so it works wherever tree views do (desktop and browser).

export interface TimelineInput {
  file: string;
  outlet: string | null;
  title: string | null;
  /** "YYYY-MM-DD", "YYYY-MM" or null. */
  date: string | null;
  /** The article being read (its row is marked, and it has no link). */
  current: boolean;
  /** Where its linked passage is (the best one, when it has several). */
  start: number;
  end: number;
}

export interface TimelineRow extends TimelineInput {
  /**
   * The date bar, then the date: "●··········· 8 Dec 2024", "·····●······ 10 Dec 2024". The bar comes first because a
   * narrow side bar cuts a row's end; every bar has one "●" and the same number of "·", so the bars line up.
   */
  label: string;
  /** The outlet and the delay after the first report: "Havana Times · first", "WSWS · +2 days · this article". */
  description: string;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAY_MS = 86_400_000;
export const BAR_WIDTH = 12;

/**
 * One row per article (the first entry of a file wins: callers pass the best passage first), dated rows from the
 * first report to the last, undated ones after them. The bar is linear in time; every row's bar has the same width.
 */
export function timelineRows(entries: readonly TimelineInput[], width = BAR_WIDTH): TimelineRow[] {
  const byFile = new Map<string, TimelineInput>();
  for (const e of entries) if (!byFile.has(e.file)) byFile.set(e.file, e);
  const rows = [...byFile.values()];
  const time = (d: string | null) =>
    d ? Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, d.length > 7 ? Number(d.slice(8, 10)) : 1) : NaN;
  const dated = rows
    .filter((r) => !Number.isNaN(time(r.date)))
    .sort((a, b) => time(a.date) - time(b.date) || Number(b.current) - Number(a.current) || (a.outlet ?? '').localeCompare(b.outlet ?? ''));
  const undated = rows.filter((r) => Number.isNaN(time(r.date)));
  const first = dated.length ? time(dated[0].date) : 0;
  const span = dated.length ? time(dated[dated.length - 1].date) - first : 0;
  return [
    ...dated.map((r) => {
      const t = time(r.date);
      const at = span === 0 ? 0 : Math.round(((t - first) / span) * (width - 1));
      const days = Math.round((t - first) / DAY_MS);
      const bar = '·'.repeat(at) + '●' + '·'.repeat(width - 1 - at);
      return {
        ...r,
        label: `${bar} ${dateText(r.date!)}`,
        description: `${r.outlet ?? 'Unknown outlet'} · ${days === 0 ? 'first' : `+${delay(days)}`}${r.current ? ' · this article' : ''}`,
      };
    }),
    ...undated.map((r) => ({
      ...r,
      label: `${'·'.repeat(width)} undated`,
      description: `${r.outlet ?? 'Unknown outlet'}${r.current ? ' · this article' : ''}`,
    })),
  ];
}

/** "13 Dec 2016", or "Feb 2017" for a month-precision date. */
export function dateText(iso: string): string {
  const month = MONTHS[Number(iso.slice(5, 7)) - 1] ?? iso.slice(5, 7);
  return iso.length > 7 ? `${Number(iso.slice(8, 10))} ${month} ${iso.slice(0, 4)}` : `${month} ${iso.slice(0, 4)}`;
}

function delay(days: number): string {
  if (days < 60) return `${days} day${days === 1 ? '' : 's'}`;
  if (days < 730) return `${Math.round(days / 30.44)} months`;
  return `${Math.round(days / 365.25)} years`;
}

/** The summary on the timeline group: who told it first, and over how long. */
export function timelineSummary(rows: readonly TimelineRow[]): string {
  const dated = rows.filter((r) => r.date);
  if (dated.length === 0) return 'no dates known';
  const outlets = new Set(rows.map((r) => r.outlet ?? 'Unknown outlet')).size;
  return `first: ${dated[0].outlet ?? 'Unknown outlet'}, ${dateText(dated[0].date!)} · ${outlets} outlet${outlets === 1 ? '' : 's'}`;
}
