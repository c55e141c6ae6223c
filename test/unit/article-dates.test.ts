// readDates: explicit forms as outlets write them, and relative dates resolved against a publication date.
import { describe, expect, it } from 'vitest';
import { readDates, parseDateValue } from '../../src/core/dates';
import { parseArticle } from '../../src/core/article';

const one = (s: string, ref?: { iso: string }) => readDates(s, ref).map((d) => [s.slice(d.start, d.end), d.iso, d.precision]);

describe('readDates: explicit forms', () => {
  it.each([
    ['Wed 05 Apr 2017', '2017-04-05'],
    ['Friday 29 Jul 2016', '2016-07-29'],
    ['Wed Jun 1 2016', '2016-06-01'],
    ['Published February 18 2015', '2015-02-18'],
    ['Date of publication 5 July 2016', '2016-07-05'],
    ['24.08.2013', '2013-08-24'],
    ['6-09-2013', '2013-09-06'],
    ['01-11-2014', '2014-11-01'],
    ['26.11.2014', '2014-11-26'],
    ['Last updated at Apr 232017', '2017-04-23'],
    ['Posted on April 19 2017 by Asharq Al-Awsat', '2017-04-19'],
    ['August 22 2013 1849 UTC+3', '2013-08-22'],
    ['27 Apr 2017', '2017-04-27'],
    ['Tuesday 4 April 2017', '2017-04-04'],
    ['Wednesday 07 December 2016', '2016-12-07'],
    ['in Homs, December 8, 2024. // Photo', '2024-12-08'],
    ['2017-04-05', '2017-04-05'],
    ['Aug. 1 2016', '2016-08-01'],
  ])('%s → %s', (s, iso) => {
    const found = readDates(s).filter((d) => d.precision === 'day');
    expect(found[0]?.iso).toBe(iso);
  });

  it('reads month precision from "February/March 2017" and "October 2023"', () => {
    expect(one('Fight Racism! Fight Imperialism! 255 February/March 2017')).toEqual([['February/March 2017', '2017-02', 'month']]);
    expect(one('since October 2023 the regime')).toEqual([['October 2023', '2023-10', 'month']]);
  });

  it('rejects impossible days and lowercase "may"', () => {
    // What remains readable is the month.
    expect(one('31 February 2016')).toEqual([['February 2016', '2016-02', 'month']]);
    expect(readDates('it may 2016 be')).toEqual([]);
    expect(one('killed 305 December 2016')).toEqual([['December 2016', '2016-12', 'month']]);
  });

  it('without a reference date, relative and year-less dates are not guessed', () => {
    expect(readDates('He fled on Sunday, yesterday, on 14 December.')).toEqual([]);
  });
});

describe('readDates: relative to a publication date', () => {
  const ref = { iso: '2024-12-10' }; // a Tuesday
  it('resolves weekdays to the most recent one, and yesterday/last night to the day before', () => {
    expect(one('Assad stepped down Sunday', ref)).toEqual([['Sunday', '2024-12-08', 'day']]);
    expect(one('Yesterday morning', ref)).toEqual([['Yesterday', '2024-12-09', 'day']]);
    expect(one('Last night, Israeli sources', ref)).toEqual([['Last night', '2024-12-09', 'day']]);
    expect(one('said on Tuesday', ref)).toEqual([['Tuesday', '2024-12-10', 'day']]);
    expect(one('Reuters reported last Tuesday', ref)).toEqual([['Tuesday', '2024-12-03', 'day']]);
  });
  it('gives a year-less date the reference year, or the year before when it would be in the future', () => {
    expect(one('on 14 December', { iso: '2017-01-20' })).toEqual([['14 December', '2016-12-14', 'day']]);
    expect(one('on November 27', ref)).toEqual([['November 27', '2024-11-27', 'day']]);
  });
  it('with only a month or year known, places year-less dates but does not guess weekdays', () => {
    expect(one('on 14 December, and on Sunday', { iso: '2017-02' })).toEqual([['14 December', '2016-12-14', 'day']]);
    expect(one('on 14 December, and yesterday', { iso: '2016' })).toEqual([['14 December', '2016-12-14', 'day']]);
  });
  it('prefers the explicit date over the weekday in "on Sunday 4 April 2017"', () => {
    expect(one('on Sunday 4 April 2017', ref)).toEqual([['Sunday 4 April 2017', '2017-04-04', 'day']]);
  });
  it('reads a year after a preposition with year precision', () => {
    expect(one('the civil war began in 2011', ref)).toEqual([['2011', '2011', 'year']]);
  });
});

describe('front matter dates', () => {
  it('accepts ISO, month-only and written dates', () => {
    expect(parseDateValue('2016-07-29')).toEqual({ iso: '2016-07-29', precision: 'day' });
    expect(parseDateValue('2016-07-29T10:00:00Z')).toEqual({ iso: '2016-07-29', precision: 'day' });
    expect(parseDateValue('2017-02')).toEqual({ iso: '2017-02', precision: 'month' });
    expect(parseDateValue('5 July 2016')).toEqual({ iso: '2016-07-05', precision: 'day' });
    expect(parseDateValue('soon')).toBeNull();
  });
  it('front matter wins over text, and all its fields are read', () => {
    const a = parseArticle(
      '---\ntitle: "A headline"\nsource: The Paper\nbyline: [Jane Roe, John Doe]\ndate: 2020-03-04\n---\n\n10 December 2024\n\nBody text here, long enough to be a paragraph of its own.\n',
    );
    expect(a.meta).toMatchObject({
      title: 'A headline',
      outlet: 'The Paper',
      author: 'Jane Roe, John Doe',
      date: { iso: '2020-03-04', precision: 'day', source: null },
    });
    expect(a.warnings).toEqual([]);
  });
  it('unclosed or invalid front matter: read as plain text with a warning', () => {
    const unclosed = parseArticle('---\ntitle: x\n\nBy Jane Roe\n\nSome body text that goes on for a while.\n');
    expect(unclosed.warnings.join()).toMatch(/unclosed front matter/);
    expect(unclosed.bodyStart).toBe(0);
    expect(unclosed.meta.author).toBe('Jane Roe');
    const invalid = parseArticle('---\ntitle: [unclosed\n---\nBody text that goes on.\n');
    expect(invalid.warnings.join()).toMatch(/invalid front matter/);
    expect(invalid.bodyStart).toBe(0);
  });
});

describe('outlet signatures', () => {
  const text = 'A headline\n\nBody text that goes on for a while and names nobody.\n\nPublished by example-news.net\n';
  it('uses the user map, which overrides the built-in table', () => {
    expect(parseArticle(text).meta.outlet).toBeNull();
    expect(parseArticle(text, { outletSignatures: { 'example-news.net': 'Example News' } }).meta.outlet).toBe('Example News');
    const wsws = 'Title line\n\nBody text that goes on for a while.\n\nTo contact the WSWS visit us.\n';
    expect(parseArticle(wsws).meta.outlet).toBe('World Socialist Web Site');
    expect(parseArticle(wsws, { outletSignatures: { WSWS: 'WSWS' } }).meta.outlet).toBe('WSWS');
    expect(parseArticle(wsws, { outletSignatures: { '/contact the (\\w+)/': 'By Regex' } }).meta.outlet).toBe('By Regex');
  });
  it('reads "CITY (Agency) –" datelines', () => {
    const a = parseArticle('Headline here\n\nBEIRUT (Reuters) - Syrian forces advanced on Monday, a monitor said.\n');
    expect(a.meta.dateline).toBe('BEIRUT');
    expect(a.meta.outlet).toBe('Reuters');
  });
});
