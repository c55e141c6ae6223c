import { describe, expect, it } from 'vitest';
import { alsoIn, articleDescription, coverageLabel, excerpt, kindLabel, metadataRows, statusText } from '../../src/vscode/format';
import type { ArticleMeta } from '../../src/core/types';

describe('tree and quick pick text', () => {
  it('describes an article as "date · author", leaving out what is unknown', () => {
    expect(articleDescription({ date: '2016-12-22', author: 'Bill Van Auken' })).toBe('2016-12-22 · Bill Van Auken');
    expect(articleDescription({ date: null, author: 'Bill Van Auken' })).toBe('Bill Van Auken');
    expect(articleDescription({ date: '2017-03', author: null })).toBe('2017-03');
    expect(articleDescription({ date: null, author: '  ' })).toBe('');
  });

  it('labels linked passages "outlet · date · title" with readable fallbacks', () => {
    expect(coverageLabel({ outlet: 'WSWS', date: '2024-12-09', title: 'Assad flees', author: null })).toBe(
      'WSWS · 2024-12-09 · Assad flees',
    );
    expect(coverageLabel({ outlet: null, date: null, title: null, author: null })).toBe('Unknown outlet · Undated · (untitled)');
  });

  it('lists each outlet once in the CodeLens, in rank order, and counts the rest', () => {
    expect(alsoIn(['WSWS', 'Havana Times', 'WSWS'])).toBe('Also in: WSWS, Havana Times');
    expect(alsoIn(['A', 'B', 'C', 'D', 'E', 'F'], 4)).toBe('Also in: A, B, C, D +2');
    expect(alsoIn([null])).toBe('Also in: Unknown outlet');
  });

  it('marks an outlet "(copy)" in the CodeLens when all it has is a copy of this article', () => {
    expect(
      alsoIn([
        { outlet: 'Reuters', copy: false },
        { outlet: 'Yahoo News', copy: true },
        { outlet: 'AP', copy: true },
        { outlet: 'AP', copy: false },
      ]),
    ).toBe('Also in: Reuters, Yahoo News (copy), AP');
  });

  it('puts every metadata field and its source in the tooltip rows', () => {
    const meta: ArticleMeta = {
      title: 'Aleppo falls',
      outlet: 'Havana Times',
      author: null,
      date: { iso: '2016-12', precision: 'month', source: null },
      dateline: 'HAVANA TIMES',
      provenance: { outlet: 'dateline', date: 'footer' },
    };
    const rows = Object.fromEntries(metadataRows(meta, 'corpus/a.txt'));
    expect(rows).toEqual({
      Title: 'Aleppo falls',
      Outlet: 'Havana Times (dateline)',
      Author: 'unknown',
      Date: '2016-12 (month only) (footer)',
      Dateline: 'HAVANA TIMES',
      File: 'corpus/a.txt',
    });
  });

  it('groups entity kinds into the four Names groups', () => {
    expect(['person', 'Group', 'organisation', 'place', 'event', ''].map(kindLabel)).toEqual([
      'Person',
      'Group',
      'Group',
      'Place',
      'Other',
      'Other',
    ]);
  });
});

describe('excerpt', () => {
  const text =
    'The first sentence is filler. ' +
    'More filler words here. '.repeat(10) +
    'Then Khmeimim airbase was struck at dawn. ' +
    'Tail words. '.repeat(10);

  it('keeps a short text whole, whitespace folded', () => {
    expect(excerpt('  a\n\nshort   text ', [])).toBe('a short text');
  });

  it('centres a long text on the first shared term, within the width, on word boundaries', () => {
    const out = excerpt(text, ['khmeimim'], 80);
    expect(out).toContain('Khmeimim airbase');
    expect(out.startsWith('… ')).toBe(true);
    expect(out.replace(/^… | …$/g, '').length).toBeLessThanOrEqual(80);
    const inner = out.replace(/^… | …$/g, '');
    expect(text).toContain(inner);
    expect(/^\S/.test(inner) && /\S$/.test(inner)).toBe(true);
  });

  it('is placed where most of the terms occur together, not at the first of them', () => {
    const long =
      'Aleppo ' + 'filler words go on here. '.repeat(12) + 'people were evacuated from eastern Aleppo by bus. ' + 'tail. '.repeat(12);
    const out = excerpt(long, ['aleppo', 'evacu'], 100, 20);
    expect(out).toContain('evacuated from eastern Aleppo');
    expect(out.startsWith('… ')).toBe(true);
  });

  it('shows a fragment around each term when they are too far apart for one window', () => {
    const long =
      'Troops retook Aleppo. ' + 'filler words go on here. '.repeat(12) + 'Thousands were evacuated by bus. ' + 'tail. '.repeat(12);
    const out = excerpt(long, ['aleppo', 'evacu'], 100, 20);
    expect(out).toMatch(/Aleppo.* … .*evacuated/);
    expect(out.length).toBeLessThanOrEqual(110);
  });

  it('starts at the beginning when no term occurs', () => {
    expect(excerpt(text, ['Damascus'], 60).startsWith('The first sentence')).toBe(true);
  });
});

describe('status bar text', () => {
  it('shows the article count when idle and progress while indexing', () => {
    const idle = { indexing: false, linking: false, done: 0, total: 0, articles: 5 };
    expect(statusText(idle)).toBe('$(book) 5 articles');
    expect(statusText({ ...idle, articles: 1 })).toBe('$(book) 1 article');
    expect(statusText({ ...idle, indexing: true, done: 120, total: 804 })).toBe('$(sync~spin) Parallax indexing 120/804');
    expect(statusText({ ...idle, indexing: true })).toBe('$(sync~spin) Parallax indexing');
    expect(statusText({ ...idle, indexing: true, linking: true, done: 804, total: 804 })).toMatch(/linking/);
  });
});
