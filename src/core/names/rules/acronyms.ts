// Rule: acronyms the text defines: "Hayat Tahrir al-Sham (HTS)", "Daesh [IS]", "JFS (Jabhat Fateh al-Sham)".
import { GROUP_HEADS } from '../lexicon';
import { initials, nameKey } from '../normalize';
import type { ArticleNames, RawMention } from '../raw';
import type { ExtractionRule } from './rule';

const ACR_TAIL = /^\s*(?:(?:group|militia|organi[sz]ation|movement|party|coalition|alliance)\s*)?[([]\s*$/;

/** "Hayat Tahrir al-Sham (HTS)", "Islamic State group (IS)", "Daesh [IS]", and "JFS (Jabhat Fateh al-Sham)". */
function findAcronyms(text: string, out: ArticleNames): void {
  const ms = out.mentions;
  const merged: RawMention[] = [];
  for (let i = 1; i < ms.length; i++) {
    const a = ms[i];
    if (!a.acr) continue;
    if (!/^\s*[)\]]/.test(text.slice(a.end, a.end + 3))) continue;
    let p = i - 1;
    const gap = text.slice(ms[p].end, a.start);
    if (!ACR_TAIL.test(gap)) continue;
    // Extend the expansion back over possessives and "of" ("People’s Protection Units").
    let first = p;
    while (first > 0) {
      const g = text.slice(ms[first - 1].end, ms[first].start);
      if (/^['’]s\s$/.test(g) || /^\s(?:of|for)(?:\s+the)?\s$/.test(g)) first--;
      else break;
    }
    const exp = ms[p];
    const expStart = ms[first].start;
    const expSurface = text.slice(expStart, exp.end);
    const expKey = nameKey(expSurface);
    const acrKey = a.key.replace(/ /g, '');
    const words = expKey.split(' ');
    const ok =
      isSubsequence(acrKey, initials(expKey)) ||
      (words.length >= 2 && GROUP_HEADS.has(words[words.length - 1])) ||
      (exp.acr !== true && /\[\s*$/.test(gap));
    if (!ok || expKey === a.key) continue;
    if (first < p) {
      // Replace the pieces by one mention of the whole expansion.
      const whole: RawMention = { ...ms[p], start: expStart, surface: expSurface, key: expKey, cue: 'group', strong: true };
      for (let k = first; k <= p; k++) merged.push(ms[k]);
      ms[first] = whole;
      for (let k = first + 1; k <= p; k++) ms[k] = { ...ms[k], key: '' };
      p = first;
    }
    const e = ms[p];
    if (!e.cue || !e.strong) ms[p] = { ...e, cue: e.acr ? e.cue : 'group' };
    out.acronyms.push({ acr: i, exp: p });
  }
  // Acronym first, expansion in brackets: "JFS (Jabhat Fateh al-Sham)".
  for (let i = 0; i + 1 < ms.length; i++) {
    const a = ms[i];
    const b = ms[i + 1];
    if (!a.acr || b.acr || !a.key || !b.key) continue;
    if (!/^\s*\(\s*$/.test(text.slice(a.end, b.start))) continue;
    if (!/^\s*\)/.test(text.slice(b.end, b.end + 3))) continue;
    if (!isSubsequence(a.key.replace(/ /g, ''), initials(b.key))) continue;
    out.acronyms.push({ acr: i, exp: i + 1 });
  }
  // Drop the pieces replaced above (keep indices stable by filtering and remapping).
  if (ms.some((m) => !m.key)) {
    const remap = new Map<number, number>();
    const kept: RawMention[] = [];
    ms.forEach((m, i) => {
      if (m.key) {
        remap.set(i, kept.length);
        kept.push(m);
      }
    });
    out.mentions = kept;
    out.acronyms = out.acronyms
      .filter((x) => remap.has(x.acr) && remap.has(x.exp))
      .map((x) => ({ acr: remap.get(x.acr)!, exp: remap.get(x.exp)! }));
    out.definitions = out.definitions.filter((d) => remap.has(d.m)).map((d) => ({ ...d, m: remap.get(d.m)! }));
  }
  void merged;
}

function isSubsequence(needle: string, hay: string): boolean {
  let j = 0;
  for (let i = 0; i < hay.length && j < needle.length; i++) if (hay[i] === needle[j]) j++;
  return j === needle.length && needle.length > 0;
}

export const acronyms: ExtractionRule = {
  name: 'acronyms',
  run(ctx) {
    findAcronyms(ctx.text, ctx.out);
  },
};
