// Properties that hold for any text a user might open: no throw, ranges inside the text, ordered and
// non-overlapping, deterministic, also on huge single lines.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/core/article';
import { readDates } from '../../src/core/dates';
import { degenerateTextsForParser, digitsThenMonths, hugeLineForParser } from './speed-inputs';

const RUNS = { numRuns: 200 };

// Pieces that exercise the parser's branches: line breaks of every kind, NBSP, emoji, front-matter fences,
// markdown, dates, bylines, boilerplate openers, abbreviations.
const piece = fc.constantFrom(
  '\n',
  '\r\n',
  '\r',
  '\n\n',
  '\r\n\r\n',
  ' ',
  '\u00a0',
  '\t',
  '😀',
  '𝒜',
  '---',
  '---\n',
  '...',
  '# ',
  '**',
  '•  ',
  'By Jane Roe',
  'Alex Lantier',
  '10 December 2024',
  'Wed 05 Apr 2017',
  '24.08.2013',
  'Apr 232017',
  'February/March 2017',
  'HAVANA TIMES – ',
  'BEIRUT (Reuters) - ',
  'To contact the WSWS',
  'Read more',
  'One thought on “x',
  'Comments are closed.',
  '// Photo: EFE',
  '(Reuters Photo)',
  'Tags Aleppo Syria',
  'SEND http://x',
  'U.S. ',
  'Lt. Gen. ',
  'Dr. ',
  'J. ',
  '. ',
  '? ',
  'title: "x"',
  'outlet: y',
  'date: 2017-02',
  'the army said',
  'Reports',
  'reports.',
  'on Sunday',
  'yesterday',
  ':',
  '[',
  '{',
);
const articleText = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.array(fc.oneof(piece, fc.string({ maxLength: 12 })), { maxLength: 60 }).map((a) => a.join('')),
  fc.array(piece, { maxLength: 40 }).map((a) => '---\n' + a.join('')),
);

function checkRanges(text: string, ranges: { start: number; end: number }[]) {
  let prev = 0;
  for (const r of ranges) {
    expect(Number.isInteger(r.start) && Number.isInteger(r.end)).toBe(true);
    expect(r.start).toBeGreaterThanOrEqual(prev);
    expect(r.end).toBeGreaterThan(r.start);
    expect(r.end).toBeLessThanOrEqual(text.length);
    expect(text.slice(r.start, r.end).trim().length).toBeGreaterThan(0);
    prev = r.end;
  }
}

describe('parseArticle on arbitrary text', () => {
  it('never throws; passage and heading ranges are inside the text, non-empty, ordered, non-overlapping', () => {
    fc.assert(
      fc.property(articleText, (text) => {
        const a = parseArticle(text);
        checkRanges(text, a.passages);
        checkRanges(text, a.headings);
        // Headings and passages never overlap each other either.
        const all = [...a.passages, ...a.headings].sort((x, y) => x.start - y.start);
        checkRanges(text, all);
        a.passages.forEach((p, i) => expect(p.index).toBe(i));
        expect(a.bodyStart).toBeGreaterThanOrEqual(0);
        expect(a.bodyStart).toBeLessThanOrEqual(text.length);
        if (a.meta.date) expect(a.meta.date.iso).toMatch(/^\d{4}-\d{2}(?:-\d{2})?$/);
      }),
      RUNS,
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(articleText, (text) => {
        expect(parseArticle(text)).toEqual(parseArticle(text));
      }),
      RUNS,
    );
  });

  it('with an arbitrary user signature map (including broken /regex/ keys) still never throws', () => {
    fc.assert(
      fc.property(
        articleText,
        fc.dictionary(fc.oneof(fc.string({ maxLength: 8 }), fc.constant('/[/'), fc.constant('/x+/i')), fc.string({ maxLength: 8 })),
        (text, sigs) => {
          const a = parseArticle(text, { outletSignatures: sigs });
          checkRanges(text, a.passages);
        },
      ),
      RUNS,
    );
  });
});

describe('readDates on arbitrary text', () => {
  it('never throws and returns ordered ranges inside the string with well-formed ISO dates', () => {
    fc.assert(
      fc.property(articleText, fc.option(fc.constantFrom('2024-12-10', '2017-01-01', '2016-02-29', 'nonsense')), (s, ref) => {
        const found = readDates(s, ref === null ? null : { iso: ref });
        let prev = 0;
        for (const d of found) {
          expect(d.start).toBeGreaterThanOrEqual(prev);
          expect(d.end).toBeGreaterThan(d.start);
          expect(d.end).toBeLessThanOrEqual(s.length);
          const shape = d.precision === 'day' ? /^\d{4}-\d{2}-\d{2}$/ : d.precision === 'month' ? /^\d{4}-\d{2}$/ : /^\d{4}$/;
          expect(d.iso).toMatch(shape);
          prev = d.end;
        }
      }),
      RUNS,
    );
  });
});

// That each of these parses in linear time is a target of `npm run bench:targets` (test/bench/targets.ts), on the same
// inputs.
describe('huge inputs', () => {
  it('a 5 MB single line (no breaks, few periods) parses into passages inside the text', () => {
    const big = hugeLineForParser();
    checkRanges(big, parseArticle(big).passages);
  });
  it('5 MB of one repeated character, and of blank lines, parse into passages inside the text', () => {
    for (const big of Object.values(degenerateTextsForParser())) checkRanges(big, parseArticle(big).passages);
    // A million-digit number is no day of December.
    expect(readDates(digitsThenMonths(), { iso: '2020-01-01' })).toEqual([]);
  });
});
