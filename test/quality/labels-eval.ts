// Scores name resolution against a hand-made FA-KES labels file (`test/fixtures/labels/fakes-names-*.json`):
//   merged    = an entity whose every labelled occurrence (each spelling, whole word, in its listed files) lies in
//               a product mention, all of one entity id;
//   coverage  = labelled occurrences inside some product mention;
//   apart     = must-stay-apart pairs whose two sides share an entity id (target 0).
// Point it at any labels file of that shape (the lead scores the held half with it once).
import type { EntityIndex } from '../../src/core/names';

export interface LabelEntity {
  name: string;
  kind: string;
  spellings: string[];
  files: Record<string, string[]>;
}
export interface LabelPair {
  a: string;
  b: string;
  why: string;
}
export interface Labels {
  entities: LabelEntity[];
  apart: LabelPair[];
  notNames?: string[];
}

export interface LabelScore {
  entities: number;
  merged: number;
  coverage: number;
  perEntity: { name: string; found: number; total: number; ids: string[] }[];
  apartPairs: number;
  apartMerged: { a: string; b: string; ids: string[] }[];
}

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whole-word occurrences of `term` in `text` (case as written). */
function occurrences(text: string, term: string): { start: number; end: number }[] {
  const re = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRe(term)}(?![\\p{L}\\p{N}])`, 'gu');
  const out: { start: number; end: number }[] = [];
  for (let m: RegExpExecArray | null; (m = re.exec(text));) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

export function scoreLabels(index: EntityIndex, texts: Map<string, string>, labels: Labels): LabelScore {
  const idAt = (file: string, o: { start: number; end: number }): string | null => {
    // The entity whose mention overlaps the occurrence most.
    let best: string | null = null;
    let bo = 0;
    for (let p = o.start; p < o.end; p++) {
      const hit = index.at(file, p);
      if (!hit) continue;
      const ov = Math.min(hit.mention.end, o.end) - Math.max(hit.mention.start, o.start);
      if (ov > bo) {
        bo = ov;
        best = hit.entity.id;
      }
      p = Math.max(p, hit.mention.end - 1);
    }
    return best;
  };
  const labelled = new Map(labels.entities.map((e) => [e.name, e]));
  const goldIds = new Map<string, Set<string>>();
  let merged = 0,
    found = 0,
    total = 0;
  const perEntity: LabelScore['perEntity'] = [];
  for (const e of labels.entities) {
    const ids: (string | null)[] = [];
    for (const s of e.spellings)
      for (const f of e.files[s] ?? []) {
        const text = texts.get(f);
        if (!text) continue;
        for (const o of occurrences(text, s)) ids.push(idAt(f, o));
      }
    const got = ids.filter((x): x is string => x !== null);
    total += ids.length;
    found += got.length;
    const distinct = new Set(got);
    goldIds.set(e.name, distinct);
    if (ids.length > 0 && got.length === ids.length && distinct.size === 1) merged++;
    perEntity.push({ name: e.name, found: got.length, total: ids.length, ids: [...distinct] });
  }
  const idsOf = (x: string, why: string): Set<string> => {
    const g = goldIds.get(x);
    if (g) return g;
    const paren = /^(.*?)\s*\((.*)\)$/.exec(x);
    const files = why.match(/[\w.-]+\.md/g) ?? [];
    if (paren && files.length) {
      const out = new Set<string>();
      for (const f of files) {
        const text = texts.get(f);
        if (!text) continue;
        for (const o of occurrences(text, paren[1]!)) {
          const id = idAt(f, o);
          if (id) out.add(id);
        }
      }
      return out;
    }
    const name = (paren ? paren[1]! : x).toLowerCase();
    const byName = index.entities.filter((e) => e.name.toLowerCase() === name);
    const list = byName.length ? byName : index.entities.filter((e) => e.aliases.some((a) => a.toLowerCase() === name));
    return new Set(list.map((e) => e.id));
  };
  const apartMerged: LabelScore['apartMerged'] = [];
  for (const p of labels.apart) {
    const a = idsOf(p.a, p.why);
    const b = idsOf(p.b, p.why);
    const shared = [...a].filter((id) => b.has(id));
    if (shared.length) apartMerged.push({ a: p.a, b: p.b, ids: shared });
  }
  void labelled;
  return {
    entities: labels.entities.length,
    merged,
    coverage: total ? found / total : 0,
    perEntity,
    apartPairs: labels.apart.length,
    apartMerged,
  };
}
