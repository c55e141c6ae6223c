// Rule: equivalences the text states: "the Syrian Civil Defence, known as the White Helmets", "Jaysh al-Islam (Army
// of Islam)".
import { GROUP_GENERIC, GROUP_HEADS } from '../lexicon';
import type { ArticleNames, RawMention } from '../raw';
import type { ExtractionRule } from './rule';

/** ", known as the", "also known as", "better known as" between two names. */
const KNOWN_AS = /^\s*[,–—-]?\s*(?:(?:also|better|commonly|widely|locally|popularly)\s+)?known\s+as\s+(?:the\s+)?["“‘']?\s*$/i;

/**
 * Equivalences the text states between two names: "the Syrian Civil Defence, known as the White Helmets", and a
 * group's name with its translation in brackets, "Jaysh al-Islam (Army of Islam)" (a group word on either side,
 * so "Aleppo (Syria)" is no equivalence). Recorded with the acronyms: both join one entity.
 */
function findEquivalences(text: string, out: ArticleNames): void {
  const ms = out.mentions;
  const taken = new Set(out.acronyms.flatMap((a) => [a.acr, a.exp]));
  const groupish = (m: RawMention): boolean => {
    const ws = m.key.split(' ');
    return ws.length >= 2 && (ws.some((w) => GROUP_HEADS.has(w)) || GROUP_GENERIC.has(ws[0]!));
  };
  for (let i = 0; i + 1 < ms.length; i++) {
    const a = ms[i]!;
    const b = ms[i + 1]!;
    if (!a.key || !b.key || a.key === b.key || taken.has(i) || taken.has(i + 1)) continue;
    const gap = text.slice(a.end, b.start);
    if (gap.length > 40) continue;
    const knownAs = KNOWN_AS.test(gap);
    const bracketed =
      !knownAs &&
      /^\s*\(\s*(?:the\s+)?$/i.test(gap) &&
      /^\s*\)/.test(text.slice(b.end, b.end + 3)) &&
      !a.acr &&
      !b.acr &&
      (groupish(a) || groupish(b));
    if (!knownAs && !bracketed) continue;
    out.acronyms.push({ acr: i + 1, exp: i });
    taken.add(i);
    taken.add(i + 1);
  }
}

export const equivalences: ExtractionRule = {
  name: 'equivalences',
  run(ctx) {
    findEquivalences(ctx.text, ctx.out);
  },
};
