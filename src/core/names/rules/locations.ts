// Rule: places the text locates in another place, "X in Y" where both are names: "al-Jaberiyeh village in Hama
// province", "the Salihiah neighbourhood of Hasakeh city", "Hadar in the southern Quneitra countryside", "al-Msheirfeh
// near the city of Raqqa", "Hajjar east of the town of Rabia". Only the words between the two names are read; which
// of them are places is for resolution to say (a person "in Damascus" is no place in Damascus).
import type { ExtractionRule } from './rule';

const DIRECTION = String.raw`(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)?`;
/** What may stand between a place and the place it is said to be in, and nothing else. */
const LOCATIVE = new RegExp(
  String.raw`^(?:\s+(?:village|town|city|neighbou?rhood|district|area|camp|quarter|region|residential neighbou?rhood))?` +
    String.raw`\s*,?\s*(?:(?:which|that)\s+(?:is|lies)\s+|located\s+|situated\s+|lying\s+)?` +
    // "in", "near", "outside", "east of"; "of" only after a neighbourhood's head ("the Salihiah neighbourhood of
    // Hasakeh"), not after "suburb" ("the Damascus suburb of Daraya" names the suburb second).
    String.raw`(?:in|near|outside|(?:to\s+the\s+|just\s+)?${DIRECTION}\s+of|(?<=(?:neighbou?rhood|district|quarter)\s*)of)\s+` +
    String.raw`(?:the\s+)?(?:${DIRECTION}\s+)?(?:(?:countryside|province|city|town|suburbs|outskirts|governorate|region|part)\s+of\s+)?` +
    String.raw`(?:the\s+)?(?:(?:city|town|province)\s+of\s+)?(?:rural\s+)?$`,
  'i',
);

export const locations: ExtractionRule = {
  name: 'places located in places',
  run(ctx) {
    const ms = ctx.out.mentions;
    const text = ctx.text;
    let within: number[] | undefined;
    for (let i = 0; i + 1 < ms.length; i++) {
      const gap = ms[i + 1]!.start - ms[i]!.end;
      if (gap < 3 || gap > 70) continue;
      if (LOCATIVE.test(text.slice(ms[i]!.end, ms[i + 1]!.start))) (within ??= []).push(i, i + 1);
    }
    if (within) ctx.out.within = within;
  },
};
