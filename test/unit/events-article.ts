// Small hand-written event-index inputs for the event tests.
import type { EventArticleInput } from '../../src/core/events';
import type { Passage } from '../../src/core/types';

/** An article whose paragraphs (blank-line separated) are its passages. */
export function article(file: string, date: string | null, body: string, outlet = 'Outlet'): EventArticleInput {
  const passages: Passage[] = [];
  const re = /[^\n]+(?:\n(?!\n)[^\n]+)*/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(body))) passages.push({ start: m.index, end: m.index + m[0].length, index: passages.length, kind: 'body' });
  return {
    file,
    text: body,
    passages,
    meta: {
      title: null,
      outlet,
      author: null,
      dateline: null,
      provenance: {},
      date: date ? { iso: date, precision: 'day', source: null } : null,
    },
    mentions: [],
  };
}
