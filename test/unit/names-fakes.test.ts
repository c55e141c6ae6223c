// Name resolution on FA-KES (804 real articles, 15 outlets, commas and apostrophes mostly stripped), measured
// against a hand-labelled sample of merges that must and must not happen.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { hoverMarkdown, type Entity, type EntityIndex } from '../../src/core/names';
import { LineMap } from '../../src/core/text';
import type { ArticleMeta } from '../../src/core/types';
import { fakesNamesInputs, fakesResolved } from './names-inputs';

const labels = JSON.parse(readFileSync(new URL('../fixtures/labels/fakes-names.json', import.meta.url), 'utf8')) as {
  merge: string[][];
  apart: [string, string][];
};

let index: EntityIndex;
const texts = new Map<string, string>();
const metas = new Map<string, ArticleMeta>();

beforeAll(() => {
  // Every FA-KES article parsed and its names extracted, in file order (shared with the other names tests of the worker).
  const arts = fakesNamesInputs();
  for (const a of arts) {
    texts.set(a.file, a.text);
    metas.set(a.file, a.meta);
  }
  // resolveEntities(arts, []), once per worker for this file and the names tests that only read it (names-inputs.ts).
  index = fakesResolved();
}, 120_000);

/** The entity most of this surface's mentions belong to. */
function entityOf(surface: string): Entity | undefined {
  const counts = new Map<Entity, number>();
  for (const e of index.entities) {
    const n = e.mentions.filter((m) => m.surface === surface).length;
    if (n) counts.set(e, n);
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}

describe('FA-KES names', () => {
  it('merges outlet spellings and keeps look-alikes apart (precision/recall of merges on the labelled sample)', () => {
    const missing: string[] = [];
    let mergePairs = 0;
    let mergedRight = 0;
    let mergedWrong = 0;
    const misses: string[] = [];
    const wrong: string[] = [];
    for (const group of labels.merge) {
      const es = group.map((s) => [s, entityOf(s)] as const).filter(([s, e]) => e || !missing.push(s));
      for (let i = 0; i < es.length; i++) {
        for (let j = i + 1; j < es.length; j++) {
          mergePairs++;
          if (es[i][1] === es[j][1]) mergedRight++;
          else misses.push(`${es[i][0]} / ${es[j][0]}`);
        }
      }
    }
    let apartPairs = 0;
    for (const [a, b] of labels.apart) {
      const ea = entityOf(a);
      const eb = entityOf(b);
      // A side that is no name at all cannot be merged with the other: "Bashir" occurs only in TRT's repeated
      // "Related News" sidebar, page furniture that issue 11 rules out as a name source.
      if (!ea || !eb) continue;
      apartPairs++;
      if (ea === eb) {
        mergedWrong++;
        wrong.push(`${a} / ${b}`);
      }
    }
    const recall = mergedRight / mergePairs;
    const precision = mergedRight / (mergedRight + mergedWrong);
    console.log(
      `FA-KES merges: recall ${(recall * 100).toFixed(1)}% (${mergedRight}/${mergePairs} pairs), ` +
        `precision ${(precision * 100).toFixed(1)}% (${mergedWrong} wrong of ${apartPairs} must-not pairs); ` +
        `missed: ${misses.join('; ') || 'none'}; wrong: ${wrong.join('; ') || 'none'}` +
        (missing.length ? `; surfaces not found: ${missing.join(', ')}` : ''),
    );
    expect(missing).toEqual([]);
    expect(recall).toBeGreaterThanOrEqual(0.85);
    expect(precision).toBeGreaterThanOrEqual(0.9);
  });

  it('joins the stripped possessive ("Syrias", "Assads") to the name', () => {
    const syria = entityOf('Syria')!;
    expect(syria.kind).toBe('place');
    expect(index.entities.some((e) => e !== syria && e.mentions.some((m) => m.surface === 'Syrias'))).toBe(false);
    expect(entityOf('Assad')).toBe(entityOf('Bashar al-Assad'));
  });

  // How long a lookup and a hover take is a target of `npm run bench:targets` (test/bench/targets.ts), on the same
  // offsets and the same entity.
  it('answers lookups and hovers', () => {
    // Every 11th offset of every article: a hit is a mention of its entity that holds the offset (its end included).
    const wrong: string[] = [];
    let hits = 0;
    for (const [f, text] of texts)
      for (let o = 0; o < text.length; o += 11) {
        const h = index.at(f, o);
        if (!h) continue;
        hits++;
        const m = h.mention;
        const ofEntity = h.entity.mentions.some((e) => e.file === f && e.start === m.start && e.end === m.end);
        if (m.file !== f || m.start > o || m.end < o || !ofEntity) wrong.push(`${f}:${o} → ${m.file}:${m.start}-${m.end}`);
      }
    expect(hits).toBeGreaterThan(10_000);
    expect(wrong).toEqual([]);
    const maps = new Map<string, LineMap>();
    const ctx = {
      snippet: (f: string, s: number, e: number) => texts.get(f)!.slice(Math.max(0, s - 40), e + 40),
      meta: (f: string) => metas.get(f),
      lineOf: (f: string, o: number) => (maps.get(f) ?? maps.set(f, new LineMap(texts.get(f)!)).get(f)!).position(o),
    };
    const daesh = entityOf('Daesh')!;
    const hover = hoverMarkdown(daesh, daesh.mentions[0], ctx);
    expect(hover).toContain(`**${daesh.name}**`);
    expect(hover).toContain(`${daesh.mentions.length} mentions in `);
  });
});
