// FA-KES: 804 real articles from 15 outlets, each with its own dateline form. Dates checked against labels
// read by eye (test/fixtures/labels/fakes-dates.json), plus coverage and range integrity.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/core/article';

const dir = new URL('../fixtures/fa-kes/', import.meta.url);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.md') && f !== 'README.md')
  .sort();
const texts = new Map(files.map((f) => [f, readFileSync(new URL(f, dir), 'utf8')]));
const labels: { file: string; date: string | null; precision: 'day' | 'month' | null; note?: string }[] = JSON.parse(
  readFileSync(new URL('../fixtures/labels/fakes-dates.json', import.meta.url), 'utf8'),
);
const outletOf = (f: string) => f.split('-')[0];

describe('FA-KES publication dates', () => {
  it('has labels for at least 3 files of each of the 15 outlets', () => {
    const per = new Map<string, number>();
    for (const l of labels) per.set(outletOf(l.file), (per.get(outletOf(l.file)) ?? 0) + 1);
    expect(new Set(files.map(outletOf)).size).toBe(15);
    for (const o of new Set(files.map(outletOf))) expect(per.get(o) ?? 0, o).toBeGreaterThanOrEqual(3);
    expect(labels.length).toBeGreaterThanOrEqual(45);
  });

  for (const l of labels) {
    it(`${l.file}: ${l.date ?? 'Undated'} (${l.note ?? ''})`, () => {
      const text = texts.get(l.file);
      expect(text, 'label names a fixture file').toBeDefined();
      const a = parseArticle(text!);
      if (l.date === null) expect(a.meta.date).toBeNull();
      else expect(a.meta.date).toMatchObject({ iso: l.date, precision: l.precision });
    });
  }

  it('dates nearly every file, and reports the share', () => {
    let dated = 0;
    const perOutlet = new Map<string, [number, number]>();
    for (const [f, text] of texts) {
      const a = parseArticle(text);
      const c = perOutlet.get(outletOf(f)) ?? [0, 0];
      c[1]++;
      if (a.meta.date) {
        dated++;
        c[0]++;
      }
      perOutlet.set(outletOf(f), c);
    }
    const share = dated / texts.size;
    console.log(
      `FA-KES date coverage: ${dated}/${texts.size} = ${(share * 100).toFixed(1)}% ` +
        [...perOutlet].map(([o, [d, n]]) => `${o} ${d}/${n}`).join(', '),
    );
    // The files left undated have no publication date in their text at all.
    expect(share).toBeGreaterThan(0.95);
  });
});

describe('FA-KES structure', () => {
  it('takes title and outlet from front matter and splits each body into passages of a few sentences', () => {
    const text = texts.get('ahram-10-civilians-dead-in-air-strike-on-syria-rebel-town-monitor.md')!;
    const a = parseArticle(text);
    expect(a.meta.title).toBe('10 civilians dead in air strike on Syria rebel town Monitor');
    expect(a.meta.outlet).toBe('Ahram Online');
    expect(a.meta.provenance.outlet).toBe('front matter');
    expect(text.slice(a.bodyStart).trimStart()).toMatch(/^Friday 29 Jul 2016/);
    expect(text.slice(0, a.bodyStart)).toMatch(/^---\n[\s\S]*\n---\n$/);
    // The dateline and the repeated headline are metadata, not the first passage.
    expect(text.slice(a.passages[0].start, a.passages[0].end)).toMatch(/^At least 10 civilians were killed/);
  });

  it('keeps page leftovers apart as boilerplate: share links, tag lists, photo captions', () => {
    const sabah = texts.get('dailysabah-10-civilians-killed-by-russian-air-strikes-in-syrias-aleppo.md')!;
    const a = parseArticle(sabah);
    expect(a.passages[0].kind).toBe('boilerplate');
    expect(a.passages[0].reason).toBe('photo credit');
    expect(sabah.slice(a.passages[0].start, a.passages[0].end)).toMatch(/\(Reuters Photo\)$/);
    expect(a.passages.some((p) => sabah.slice(p.start, p.end).includes('SEND http'))).toBe(false);

    const arab = texts.get('alaraby-24-hours-of-bombardment-in-aleppo-kills-45.md')!;
    const b = parseArticle(arab);
    const tags = b.passages.find((p) => p.reason === 'tags');
    expect(tags && arab.slice(tags.start, tags.end)).toBe('Tags Aleppo Syria United States Russia');
    const next = b.passages[b.passages.indexOf(tags!) + 1];
    expect(arab.slice(next.start, next.end)).toMatch(/^At least 12 civilians were killed/);
  });

  it('marks trailing "Read Also", source credits and editors\' codes as boilerplate, not coverage', () => {
    const cases: [string, string, string][] = [
      ['alaraby-airstrikes-continue-to-rain-down-on-east-aleppo.md', 'Read Also', 'read more link'],
      ['alalam-syrian-army-kills-10-terrorists-in-missile-attack-northwest.md', '218-11', 'page furniture'],
      ['trt-air-strikes-kill-dozens-inside-syria-de-escalation-zone.md', 'Source TRTWorld and agencies', 'source credit'],
    ];
    for (const [file, tail, reason] of cases) {
      const text = texts.get(file)!;
      const a = parseArticle(text);
      const last = a.passages[a.passages.length - 1];
      expect(text.slice(last.start, last.end), file).toBe(tail);
      expect(last.kind).toBe('boilerplate');
      expect(last.reason).toBe(reason);
    }
    // "30.04.2017) Get short URL 3214 An airstrike…": the dateline leftovers are not part of the first passage.
    const sp = texts.get('sputnik-eight-civilians-killed-in-us-led-coalitions-airstrike-west-o.md')!;
    const first = parseArticle(sp).passages[0];
    expect(sp.slice(first.start, first.end)).toMatch(/^An airstrike/);
  });

  it('does not split sentences at abbreviations such as "U.S." or "Lt. Gen."', () => {
    const text = texts.get('sputnik-at-least-10-civilians-die-in-us-led-coalitions-strikes-near.md')!;
    const a = parseArticle(text);
    for (const p of a.passages) {
      const s = text.slice(p.start, p.end);
      expect(s).not.toMatch(/^(?:Gen\.|S\. )/);
      expect(s).not.toMatch(/\b(?:Lt|U\.S)\.$/);
    }
  });

  it('every passage range maps back to its text, in order, with passages of bounded size', () => {
    let sizes = 0;
    let count = 0;
    const empty: string[] = [];
    for (const [f, text] of texts) {
      const a = parseArticle(text);
      let prev = a.bodyStart;
      for (const p of a.passages) {
        expect(p.start, f).toBeGreaterThanOrEqual(prev);
        const s = text.slice(p.start, p.end);
        expect(s.length, f).toBeGreaterThan(0);
        expect(s, f).toBe(s.trim());
        prev = p.end;
        sizes += s.length;
        count++;
      }
      if (!a.passages.length) empty.push(f);
    }
    // Only bodies that hold nothing but the dateline and the repeated headline have no passage.
    for (const f of empty) {
      const body = texts.get(f)!.split(/^---$/m).slice(2).join('').trim();
      expect(body.length, f).toBeLessThan(200);
    }
    expect(empty.length).toBeLessThan(5);
    // Few sentences per passage: on average well under the ~600-character target.
    expect(sizes / count).toBeLessThan(600);
  });

  // How long parsing all 804 takes is a target of `npm run bench:targets` (test/bench/targets.ts), on the same files.
  it('finds a title and an outlet in each of the 804 files', () => {
    const missing = [...texts]
      .filter(([, t]) => {
        const { title, outlet } = parseArticle(t).meta;
        return !title || !outlet;
      })
      .map(([f]) => f);
    expect(texts.size).toBe(804);
    expect(missing).toEqual([]);
  });
});
