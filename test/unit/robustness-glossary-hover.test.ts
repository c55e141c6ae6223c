// Glossaries and article text come from the workspace, so they are untrusted: a broken glossary never takes away
// the definitions a reader had, and nothing from a file can put a link, image or HTML into a hover.
import { describe, expect, it } from 'vitest';
import { Corpus } from '../../src/core/corpus';
import { HOSTILE_ARTICLE, sampleCorpus } from './samples';

/** The hover on the first mention of the first recurring entity whose spellings include `spelling`. */
function hoverOn(corpus: Corpus, spelling: string) {
  const e = corpus.recurringEntities().find((x) => x.name === spelling || x.aliases.includes(spelling));
  if (!e) return null;
  const m = e.mentions[0];
  return corpus.hover(m.file, m.start);
}

const glossary = (definition: string, name = 'Bashar al-Assad') =>
  JSON.stringify({ entries: [{ name, aliases: ['Assad', 'al-Assad'], kind: 'person', definition }] });

/** Links as CommonMark forms them: an unescaped [ … unescaped ] directly followed by ( target. */
function markdownLinks(markdown: string): { label: string; target: string }[] {
  return [...markdown.matchAll(/(?<!\\)\[((?:\\.|[^\]\\])*)\]\(([^)\s]*)/g)].map((m) => ({ label: m[1], target: m[2] }));
}

function expectSafe(markdown: string): void {
  for (const link of markdownLinks(markdown)) expect(link.target, markdown).toMatch(/^command:parallax\.(openMention|editInGlossary)\?/);
  expect(markdown).not.toMatch(/(?<!\\)<\s*(img|script|a|b|iframe|svg)\b/i);
  expect(markdown).not.toMatch(/(?<!\\)!\[/);
}

describe('a broken glossary keeps the last good version in use', () => {
  it('reports the error with a position inside the file and keeps the old definition in hovers', () => {
    const corpus = sampleCorpus();
    expect(corpus.setGlossary('g.parallax.json', glossary('President of Syria until December 2024.')).errors).toEqual([]);
    expect(hoverOn(corpus, 'Bashar al-Assad')?.markdown).toContain('President of Syria until December 2024');

    const broken = glossary('Edited definition that is never saved properly.').slice(0, 60);
    const { errors } = corpus.setGlossary('g.parallax.json', broken);
    expect(errors.length).toBeGreaterThan(0);
    for (const e of errors) {
      expect(e.message.length).toBeGreaterThan(3);
      expect(e.start).toBeGreaterThanOrEqual(0);
      expect(e.end).toBeLessThanOrEqual(broken.length);
      expect(e.start).toBeLessThanOrEqual(e.end);
    }
    const md = hoverOn(corpus, 'Bashar al-Assad')?.markdown ?? '';
    expect(md).toContain('President of Syria until December 2024');
    expect(md).not.toContain('never saved');

    // Fixing the file brings the new version in.
    expect(corpus.setGlossary('g.parallax.json', glossary('Syrian president from 2000 to 2024')).errors).toEqual([]);
    expect(hoverOn(corpus, 'Bashar al-Assad')?.markdown).toContain('Syrian president from 2000 to 2024');
  });

  it('survives any text as a glossary: never throws, errors are inside the text (fuzz-like sample)', () => {
    const corpus = sampleCorpus();
    const good = glossary('President of Syria.');
    const variants = [
      '',
      '{',
      '[]',
      'null',
      '{"entries": 5}',
      '{"entries": [ {"name": 5} ]}',
      '\u0000\u0001',
      good.replace(/"/g, "'"),
      good + '}',
      '/* c */ ' + good,
    ];
    for (let cut = 1; cut < good.length; cut += 7) variants.push(good.slice(0, cut));
    for (const text of variants) {
      const { errors } = corpus.setGlossary('g.parallax.json', text);
      for (const e of errors) {
        expect(e.start, text).toBeGreaterThanOrEqual(0);
        expect(e.end, text).toBeLessThanOrEqual(text.length);
      }
    }
    // Whatever came in between, hovers still work.
    expect(hoverOn(corpus, 'Assad')?.entity).toBeTruthy();
  });
});

describe('hover Markdown never lets workspace text become links, images or HTML', () => {
  it('escapes Markdown, HTML and command links in a glossary name, alias and definition', () => {
    const corpus = sampleCorpus();
    const hostile = {
      entries: [
        {
          name: 'Bashar al-Assad',
          aliases: ['Assad', '[Evil](command:workbench.action.terminal.new)', '<img src=x onerror=alert(1)>'],
          kind: 'person',
          definition:
            'See [this](command:workbench.action.terminal.new) or ![x](https://evil.example/t.png) <script>alert(1)</script> **bold** <https://evil.example>',
        },
      ],
    };
    expect(corpus.setGlossary('g.parallax.json', JSON.stringify(hostile)).errors).toEqual([]);
    const h = hoverOn(corpus, 'Assad');
    expect(h).not.toBeNull();
    expectSafe(h!.markdown);
    expect(h!.markdown).not.toMatch(/(?<!\\)<https?:/);
  });

  it('escapes article text around mentions: snippets of Markdown/HTML/link-like text stay text', () => {
    const corpus = new Corpus();
    const hostile = HOSTILE_ARTICLE;
    corpus.setText('a.txt', hostile);
    corpus.setText('b.txt', hostile.replace('Hostile Names', 'Second Copy'));
    let hovers = 0;
    for (const e of corpus.recurringEntities()) {
      for (const m of e.mentions) {
        const h = corpus.hover(m.file, m.start);
        if (!h) continue;
        hovers++;
        expectSafe(h.markdown);
        for (const link of markdownLinks(h.markdown)) expect(link.label).not.toBe('click');
      }
    }
    expect(hovers).toBeGreaterThan(5);
  });
});
