// Rule: renamings the text states: "X (formerly Y)", "X, the former Y", "X (now Y)", "X … later transformed into Y".
import { PARTICLES } from '../lexicon';
import type { ArticleNames, RawRelation } from '../raw';
import type { ExtractionRule } from './rule';
import { isSpaceCode } from '../scan/chars';

/** Renamings stated in the text: "X, the former Y", "X (formerly Y)", "X (now Y)", "X … later transformed into Y". */
function findRelations(text: string, out: ArticleNames): void {
  const ms = out.mentions;
  // Built on first need: most texts state no renaming.
  let byEnd: Map<number, number> | null = null;
  let byStart: Map<number, number> | null = null;
  const startIndex = (): Map<number, number> => {
    if (!byStart) {
      byStart = new Map<number, number>();
      for (let i = ms.length - 1; i >= 0; i--) byStart.set(ms[i].start, i);
    }
    return byStart;
  };
  const mentionEndingAt = (pos: number): number | undefined => {
    if (!byEnd) {
      byEnd = new Map<number, number>();
      for (let i = 0; i < ms.length; i++) byEnd.set(ms[i].end, i);
    }
    let e = pos;
    while (e > 0 && /\s/.test(text[e - 1])) e--;
    return byEnd.get(e);
  };
  for (let i = 0; i < ms.length; i++) {
    const x = ms[i];
    // The marker opens with a comma or a bracket, after spaces at most.
    let q = x.end;
    while (q < text.length && isSpaceCode(text.charCodeAt(q))) q++;
    if (text.charCodeAt(q) !== 44 && text.charCodeAt(q) !== 40) continue;
    const after = text.slice(x.end, x.end + 160);
    // Skip an acronym in brackets right after the name: "Jabhat Fateh Al Sham (JFS) (formerly …)".
    const marker =
      /^(?:\s*\([A-Z.]{2,8}\))?(?:,\s*|\s*\(\s*)(the\s+former|formerly(?:\s+known\s+as)?|previously(?:\s+known\s+as)?|now(?:\s+known\s+as)?|later(?:\s+renamed)?)\s+(?:the\s+)?/.exec(
        after,
      );
    if (!marker) continue;
    const relation: RawRelation['relation'] = /^(now|later)/.test(marker[1]) ? 'later' : 'formerly';
    const restStart = x.end + marker[0].length;
    // Y is the name that closes the clause; only "-ed" adjectives may stand between (“the Al Qaeda aligned Jabhat Al Nusra”).
    for (let j = i + 1; j < ms.length && ms[j].start < restStart + 100; j++) {
      const y = ms[j];
      if (y.start < restStart) continue;
      const tail = text.slice(y.end, y.end + 2);
      if (!/^\s*(?:[,;.)]|$)/.test(tail)) continue;
      const between = text.slice(restStart, y.start);
      const words = between.match(/\p{Ll}[\p{Ll}-]*/gu) ?? [];
      if (words.every((w) => /ed$/.test(w) || w === 'the' || w === 'a' || PARTICLES.has(w)) && !/[,;()]/.test(between)) {
        out.relations.push({ from: i, to: j, relation });
      }
      break;
    }
  }
  // "… X, the former …, which later transformed into Y".
  const re =
    /\b(?:which|that|and)\s+(?:was\s+)?later\s+(?:transformed|turned|evolved|morphed|became|was\s+renamed|renamed|rebranded|merged)(?:\s+itself)?(?:\s+(?:into|as|to))?\s+(?:the\s+)?/g;
  let m: RegExpExecArray | null;
  // Every such clause has "later" in it: most texts need no scan at all.
  const mayRename = text.includes('later');
  while (mayRename && (m = re.exec(text))) {
    const yStart = m.index + m[0].length;
    const yi = startIndex().get(yStart);
    if (yi === undefined) continue;
    let beforeEnd = m.index;
    while (beforeEnd > 0 && /[\s,]/.test(text[beforeEnd - 1])) beforeEnd--;
    // Skip a descriptive appositive: ", the former Al-Qaeda affiliate in Syria".
    let lastComma = beforeEnd - 1;
    while (lastComma > m.index - 120 && lastComma >= 0 && text.charCodeAt(lastComma) !== 44) lastComma--;
    if (
      lastComma > m.index - 120 &&
      lastComma >= 0 &&
      text.charCodeAt(lastComma) === 44 &&
      /^,\s*(?:the|a|an)\s/.test(text.slice(lastComma, lastComma + 24))
    ) {
      beforeEnd = lastComma;
    }
    const xi = mentionEndingAt(beforeEnd);
    if (xi !== undefined && xi !== yi) out.relations.push({ from: xi, to: yi, relation: 'later' });
  }
}

export const relations: ExtractionRule = {
  name: 'relations',
  run(ctx) {
    findRelations(ctx.text, ctx.out);
  },
};
