import { describe, expect, it } from 'vitest';
import { buildTree, monthLabel } from '../../src/core/tree';
import type { ArticleMeta } from '../../src/core/types';

function meta(outlet: string | null, iso: string | null, title: string, author: string | null = null): ArticleMeta {
  return {
    title,
    outlet,
    author,
    date: iso ? { iso, precision: iso.length === 7 ? 'month' : 'day', source: null } : null,
    dateline: null,
    provenance: {},
  };
}

describe('articles tree model', () => {
  const tree = buildTree([
    { file: 'a.txt', meta: meta('WSWS', '2024-12-10', 'Bombing campaign', 'Alex Lantier') },
    { file: 'b.txt', meta: meta(null, null, 'No outlet, no date') },
    { file: 'c.txt', meta: meta('WSWS', '2024-12-09', 'Earlier in December') },
    { file: 'd.txt', meta: meta('WSWS', '2016-12', 'Month only') },
    { file: 'e.txt', meta: meta('Havana Times', null, 'Undated piece') },
    { file: 'f.txt', meta: meta('Havana Times', '2024-12-08', 'Assad flees') },
    { file: 'g.txt', meta: meta('WSWS', '2016-12-13', 'Day in same month') },
  ]);

  it('orders outlets alphabetically with Unknown outlet last, and counts articles', () => {
    expect(tree.map((o) => [o.outlet, o.count])).toEqual([
      ['Havana Times', 2],
      ['WSWS', 4],
      ['Unknown outlet', 1],
    ]);
  });

  it('groups by month, newest first, Undated last', () => {
    expect(tree[0].months.map((m) => m.label)).toEqual(['December 2024', 'Undated']);
    expect(tree[1].months.map((m) => m.key)).toEqual(['2024-12', '2016-12']);
    expect(tree[2].months.map((m) => m.label)).toEqual(['Undated']);
  });

  it('sorts articles newest first within a month, month-precision after day dates', () => {
    expect(tree[1].months[0].articles.map((a) => a.title)).toEqual(['Bombing campaign', 'Earlier in December']);
    expect(tree[1].months[1].articles.map((a) => a.title)).toEqual(['Day in same month', 'Month only']);
  });

  it('labels months in words', () => {
    expect(monthLabel('2017-02')).toBe('February 2017');
    expect(monthLabel('undated')).toBe('Undated');
  });

  it('falls back to the file name when an article has no title', () => {
    const t = buildTree([{ file: 'dir/some-article.md', meta: meta(null, null, '') }]);
    expect(t[0].months[0].articles[0].title).toBe('some-article');
  });
});
