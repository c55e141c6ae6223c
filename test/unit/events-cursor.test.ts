// Every place a reader's cursor can be maps to a passage for other coverage: title line, dateline and a headline run
// into the first body line belong to the lead; a heading to the passage below it; boilerplate stays itself.
import { describe, expect, it } from 'vitest';
import { Corpus } from '../../src/core/corpus';
import { coveragePassageAt, leadPassage } from '../../src/core/coveragePassage';
import { parseArticle } from '../../src/core/article';

const TEXT = [
  'Car bomb kills 17 in Damascus',
  '',
  'Monday October 2, 2017',
  '',
  'A car bomb killed 17 people near a police station in the Midan district of Damascus on Monday, a monitor said.',
  '',
  '## Reactions',
  '',
  'The government condemned the attack on the police station and promised to find those behind it.',
].join('\n');

describe('the passage a cursor place asks about', () => {
  const parsed = parseArticle(TEXT);
  const at = (needle: string) => coveragePassageAt(TEXT, parsed.passages, parsed.bodyStart, TEXT.indexOf(needle));
  const lead = leadPassage(TEXT, parsed.passages, parsed.bodyStart)!;

  it('the title line and the date line belong to the lead, whose range starts at the title', () => {
    expect(lead.start).toBe(0);
    expect(TEXT.slice(lead.start, lead.end)).toMatch(/^Car bomb kills 17[\s\S]*a monitor said\.$/);
    expect(at('Car bomb kills')?.index).toBe(lead.index);
    expect(at('October 2')?.index).toBe(lead.index);
    expect(at('A car bomb killed')?.index).toBe(lead.index);
  });

  it('a heading belongs to the passage below it', () => {
    const below = parsed.passages.find((p) => TEXT.slice(p.start, p.end).startsWith('The government'))!;
    expect(at('## Reactions')?.index).toBe(below.index);
  });

  it('the corpus answers from the title line what it answers from the lead', () => {
    const corpus = new Corpus();
    corpus.setText('a.txt', TEXT);
    corpus.setText(
      'b.txt',
      'Damascus bombing\n\nAt least 17 people were killed on Monday when a car bomb struck a police station in the Midan district of Damascus.\n\nOfficials gave no details.',
    );
    corpus.setText(
      'c.txt',
      'Wheat harvest\n\nThe wheat harvest in the northern plains was better than expected this year, farmers said.\n\nPrices fell.',
    );
    const fromTitle = corpus.related('a.txt', 0, 5);
    const fromLead = corpus.related('a.txt', TEXT.indexOf('A car bomb killed'), 5);
    expect(fromTitle.length).toBeGreaterThan(0);
    expect(fromTitle).toEqual(fromLead);
    expect(fromTitle[0].file).toBe('b.txt');
    // The linked lead's range starts at the other article's title line, and its text is the passage itself.
    expect(fromTitle[0].start).toBe(0);
    expect(fromTitle[0].text).toMatch(/^At least 17/);
  });

  it('an article that is only a headline (no body passage) links as its lead, both ways, and is found at article level', () => {
    const corpus = new Corpus();
    const headline = 'Car bomb kills 17 near Damascus police station in Midan district\n\nSource: https://example.com/damascus-bomb\n';
    corpus.setText('h.txt', headline);
    corpus.setText('a.txt', TEXT);
    corpus.setText(
      'c.txt',
      'Wheat harvest\n\nThe wheat harvest in the northern plains was better than expected this year, farmers said.\n\nPrices fell.',
    );
    expect(corpus.get('h.txt')!.parsed.passages.filter((p) => p.kind === 'body')).toEqual([]);
    const fromHeadline = corpus.related('h.txt', 3, 5);
    expect(fromHeadline.map((r) => r.file)).toEqual(['a.txt']);
    // The headline's passage is the headline, never the source credit below it.
    const back = corpus.related('a.txt', TEXT.indexOf('A car bomb killed'), 5).find((r) => r.file === 'h.txt')!;
    expect(back).toBeDefined();
    expect(back.start).toBe(0);
    expect(back.text).toBe('Car bomb kills 17 near Damascus police station in Midan district');
    expect(corpus.relatedArticles('h.txt').map((r) => r.file)).toEqual(['a.txt']);
  });
});
