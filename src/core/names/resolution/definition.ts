// An entity's definition: the most trusted, most repeated description the texts give of its mentions.
import type { Definition, ResolveInput } from '../model';
import type { RawDefinition } from '../raw';
import { ORIGIN_RANK } from '../votes';
import { DEFS, type Recs } from './records';

export function pickDefinition(
  recs: Recs,
  rs: Int32Array,
  arts: ResolveInput[],
  defs: (Map<number, RawDefinition[]> | null)[],
  person: boolean,
): Definition | null {
  const cands = new Map<string, { n: number; d: Definition }>();
  const add = (text: string, origin: Definition['origin'], art: number, start: number, end: number): void => {
    // A title in front of a name describes a person; in front of a place it was part of the place's name ("Heavy
    // Bombardment Sheikh" of Sheikh Maqsoud).
    if (origin === 'title' && !person) return;
    const norm = `${origin}:${text.toLowerCase()}`;
    const c = cands.get(norm);
    if (c) c.n++;
    else {
      const meta = arts[art].meta;
      cands.set(norm, { n: 1, d: { text, origin, file: arts[art].file, start, end, outlet: meta.outlet, date: meta.date?.iso ?? null } });
    }
  };
  for (const i of rs) {
    if (!(recs.flags[i] & DEFS)) continue;
    const art = recs.art[i];
    for (const d of defs[art]!.get(recs.idx[i])!) add(d.text, d.origin, art, d.start, d.end);
  }
  // An acronym's expansion is another spelling (shown as "also written"), not a description: "HTS: Hayat Tahrir
  // al-Sham" tells a reader nothing the name does not, so acronym definitions are not candidates.
  // A shorter title counts for a longer one that ends with it ("President" supports "Syrian President").
  const all = [...cands.values()];
  for (const c of all) {
    if (c.d.origin !== 'title') continue;
    const low = c.d.text.toLowerCase();
    for (const o of all) {
      if (o !== c && o.d.origin === 'title' && low.length > o.d.text.length && low.endsWith(` ${o.d.text.toLowerCase()}`)) c.n += o.n;
    }
  }
  let best: { n: number; d: Definition } | null = null;
  const score = (c: { n: number; d: Definition }): number =>
    ORIGIN_RANK[c.d.origin] * 1000 + Math.min(c.n, 50) * 10 + Math.min(c.d.text.length, 80) / 10;
  for (const c of cands.values()) if (!best || score(c) > score(best)) best = c;
  return best?.d ?? null;
}
