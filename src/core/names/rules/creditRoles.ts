// Rule: the people a wire credit names are the outlet's journalists ("Reporting by Oliver Holmes; Editing by John
// Stonestreet" in a Reuters story: a Reuters reporter and a Reuters editor). The credit is all a reader learns of
// them, so it is their description, and it says they are people (a surname such as "Irish" alone would not).
import type { ExtractionRule } from './rule';
import { CREDIT_CLAUSE, CREDIT_ROLES } from '../scan/credits';
import { intern } from '../scan/strings';

/** How far before a name its credit's opening words may be ("Additional reporting by A in Beirut and B in …"). */
const REACH = 160;

/** Between the credit's opening and the name: other names, places after "in", and separators; no other prose. */
const CREDIT_GAP = /^(?:[\s;,()]|\band\b|\bin\b|\p{Lu}[\p{L}'’.-]*)*$/u;

/** Just before the name: "by", "and", or a separator. */
const CREDITED_SLOT = /(?:\bby|\band|[;,])\s+$/i;

export const creditRoles: ExtractionRule = {
  name: 'journalists named in wire credits',
  run(ctx) {
    const { text, out } = ctx;
    const outlet = ctx.input.meta.outlet;
    const ms = out.mentions;
    // The last credited name: the next name right after it, one space apart, is the next of the same list (a list
    // that lost its commas, read as names of two words each by the scan: "Editing by Gareth Jones Stephen Powell").
    let lastEnd = -1;
    let lastRole = -1;
    let lastFrom = 0;
    let lastOpens = 0;
    for (let i = 0; i < ms.length; i++) {
      const m = ms[i];
      if (lastRole >= 0 && m.start === lastEnd + 1 && text.charCodeAt(lastEnd) === 32) {
        credit(i, lastRole, lastFrom, lastOpens);
        lastEnd = m.end;
        continue;
      }
      // Cheap tests first, on a few characters each (every mention of a 5 MB line passes here): the slot, then a
      // "by" within reach.
      if (!CREDITED_SLOT.test(text.slice(Math.max(0, m.start - 6), m.start))) continue;
      const from = Math.max(0, m.start - REACH);
      const before = text.slice(from, m.start);
      if (!before.includes(' by')) continue;
      let role = -1;
      let opens = -1;
      let after = -1;
      CREDIT_CLAUSE.lastIndex = 0;
      for (let w = CREDIT_CLAUSE.exec(before); w; w = CREDIT_CLAUSE.exec(before)) {
        role = w.slice(1).findIndex((g) => g !== undefined);
        opens = w.index + w[0].search(/\p{L}/u);
        after = w.index + w[0].length;
      }
      if (role < 0 || !CREDIT_GAP.test(before.slice(after))) continue;
      credit(i, role, from, opens);
      [lastEnd, lastRole, lastFrom, lastOpens] = [m.end, role, from, opens];
    }

    function credit(i: number, role: number, from: number, opens: number): void {
      const m = ms[i];
      const what = outlet ? `${outlet} ${CREDIT_ROLES[role]}` : CREDIT_ROLES[role];
      out.definitions.push({ m: i, text: intern(what), origin: 'role', start: from + opens, end: m.end });
      ms[i] = { ...m, cue: 'person', strong: true };
    }
  },
};
