// The coverage timeline of the Other Coverage view (issue 14): who told an event when.
import { describe, expect, it } from 'vitest';
import { BAR_WIDTH, dateText, timelineRows, timelineSummary, type TimelineInput } from '../../src/vscode/timeline';

const entry = (file: string, outlet: string | null, date: string | null, current = false): TimelineInput => ({
  file,
  outlet,
  title: file,
  date,
  current,
  start: 0,
  end: 1,
});

describe('timelineRows', () => {
  it('orders articles by date, first report first, undated last, one row per article, bars placed in time', () => {
    const rows = timelineRows([
      entry('wsws.txt', 'WSWS', '2024-12-10', true),
      entry('havana.txt', 'Havana Times', '2024-12-08'),
      entry('havana.txt', 'Havana Times', '2024-12-08'),
      entry('x.txt', null, null),
      entry('frfi.txt', 'FRFI', '2024-12-09'),
    ]);
    expect(rows.map((r) => r.file)).toEqual(['havana.txt', 'frfi.txt', 'wsws.txt', 'x.txt']);
    expect(rows.map((r) => r.label.slice(BAR_WIDTH + 1))).toEqual(['8 Dec 2024', '9 Dec 2024', '10 Dec 2024', 'undated']);
    expect(rows.map((r) => r.description)).toEqual([
      'Havana Times · first',
      'FRFI · +1 day',
      'WSWS · +2 days · this article',
      'Unknown outlet',
    ]);
    const bars = rows.map((r) => r.label.slice(0, BAR_WIDTH));
    expect(bars.map((b) => b.indexOf('●'))).toEqual([0, Math.round((BAR_WIDTH - 1) / 2), BAR_WIDTH - 1, -1]);
    // Same characters in every bar, so they line up in a proportional font too.
    for (const b of bars.slice(0, 3)) expect([...b].sort().join('')).toBe([...bars[0]].sort().join(''));
    expect(timelineSummary(rows)).toBe('first: Havana Times, 8 Dec 2024 · 4 outlets');
  });

  it('speaks of months and years for coverage far apart, and shows month-only dates as months', () => {
    const rows = timelineRows([entry('a', 'Workers Power', '2016-12-13'), entry('b', 'FRFI', '2017-02'), entry('c', 'WSWS', '2024-12-09')]);
    expect(rows.map((r) => r.description.split(' · ')[1])).toEqual(['first', '+50 days', '+8 years']);
    expect(dateText('2017-02')).toBe('Feb 2017');
  });
});
