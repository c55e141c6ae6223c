// Texts without commas glue neighbouring names ("Deir Ezzor Aleppo"): a rare multi-word form that splits entirely
// into common forms is read as those forms. Titled names ("Defense Minister Israel Katz") stay whole. Single
// ordinary words ("Activists") are dropped, unless the corpus makes them a speaker's surname ("White said" beside
// Terry White) or the short name of a plural it writes after "the" ("the Heels" beside the Tar Heels).
import { personBesideOther, segment, SpelledCounts, trailingAcronym, type Part } from '../../glued';
import { GROUP_HEADS, PLACE_HEADS } from '../../lexicon';
import { initials } from '../../normalize';
import { kindOf } from '../../votes';
import type { Form } from '../forms';
import { ACR, CUE, CUE_GROUP, CUE_PERSON, DEFS, PS, Recs, SI, STRONG, THE } from '../records';
import type { ResolutionRule } from '../rule';
import { STEP, type ResolutionState } from '../state';
import { SHOUTING_LETTERS } from '../../scan/chunks';
import { formsOf } from './count-forms';

/** A nickname in quotes or brackets inside a name ('Vincent "The Chin" Gigante'): a full name, never a glued run. */
export const NICKNAME_INSIDE = /\S\s+["“'‘(][^"”'’)]+["”'’)]\s+\S/;

/** The corpus names a person in full with this word as the surname ("Terry White"). */
export const SPEAKER_SURNAME = 1;
/** The corpus writes a name after "the" ending in this plural ("the Tar Heels"). */
export const THE_PLURAL = 2;

/**
 * A one-word mention that is also an ordinary lower-case word of the corpus is no name (its flags, -1), except: a
 * speaker's surname ("White said" opening a sentence, where the corpus names a Terry White: its capital is no longer
 * just the sentence's), and a capitalised plural after "the" mid-sentence ("the Heels", where the corpus names the
 * Tar Heels). `exceptions` says which of the two the corpus allows for this word; the one-article update asks the
 * same with the exceptions the full resolution recorded.
 */
export function ordinaryWordKept(flags: number, spoke: boolean, exceptions: number): number {
  if (flags & SI && spoke && exceptions & SPEAKER_SURNAME) return flags & ~SI;
  if ((flags & (SI | THE)) === THE && exceptions & THE_PLURAL) return flags;
  return -1;
}

/**
 * The flags of one part of a split run: the mention's other flags; "strong" and the cue belonged to the whole run,
 * an acronym part reads as a group's, and only the first part opens the sentence.
 */
export function partFlags(fl: number, p: Part): number {
  return (fl & (THE | ACR | PS | DEFS)) | (p.s === 0 && fl & SI ? SI : 0) | (p.acr ? CUE_GROUP : 0);
}

export const gluedRuns: ResolutionRule = {
  name: 'glued runs split, ordinary words dropped',
  *run(s: ResolutionState) {
    const common = s.common;
    const expansions = s.arts.map((a) => (a.names.acronyms.length ? new Set(a.names.acronyms.map((d) => d.exp)) : null));
    // Splits depend only on the surface text and whether apostrophes were stripped, so each is worked out once.
    const plans = [new Map<string, Part[] | null>(), new Map<string, Part[] | null>()];
    const recs = s.recs;
    // A word is no ordinary word in an article that names someone or something by a longer name ending in it:
    // "Felt died" after "Mark Felt", "Gray was killed" after "Kimani Gray" are surnames, not "felt" and "gray".
    const tailsOf = new Map<number, Set<string>>();
    // So is it where the article uses alone the given name of a person the corpus names in full with it: "Kimani
    // (Kiki) Gray", read as three names, still makes "Gray" a surname.
    const surnamesOf = new Map<string, Set<string>>();
    for (const f of s.forms.list) {
      if (f.words !== 2 || f.acr || f.votes.person === 0) continue;
      const [first, last] = f.key.split(' ') as [string, string];
      const set = surnamesOf.get(first);
      if (!set) surnamesOf.set(first, new Set([last]));
      else set.add(last);
    }
    // Surnames of people the corpus names by given name and surname ("Terry White"), for a speaker's surname alone:
    // the full name must read as a person's ("Syria Activists", a glued place and common noun, does not).
    const namedSurnames = new Set<string>();
    for (const f of s.forms.list) {
      if (f.words !== 2 || f.acr) continue;
      const kind = kindOf(f.votes);
      if (kind.kind === 'person' && kind.decisive) namedSurnames.add(f.key.slice(f.key.indexOf(' ') + 1));
    }
    // Plural last words of the names the corpus writes after "the" ("the Tar Heels", "the Golan Heights"), for the
    // short name a story uses alone ("the Heels"): teams and bands are named in the plural. Not a head noun ("the
    // Forces" may be any forces).
    const theTails = new Set<string>();
    for (const f of s.forms.list) {
      if (f.words < 2 || f.acr || f.votes.notPerson < 2 || 2 * f.votes.notPerson < f.count) continue;
      const last = f.key.slice(f.key.lastIndexOf(' ') + 1);
      if (/[^s]s$/.test(last) && !GROUP_HEADS.has(last) && !PLACE_HEADS.has(last)) theTails.add(last);
    }
    // A glued part is known by how often the corpus writes it under any spelling (`SpelledCounts`): "Nour El Din
    // El Zinki Yasser Al Youssef" holds the Zinki group and its spokesman, each written otherwise elsewhere.
    const spelled = new SpelledCounts();
    for (const f of s.forms.list) if (f.words >= 2 && !f.acr) spelled.add(f.key, f.count);
    const spelledCount = (key: string): number => spelled.of(key);
    if (s.spent(s.forms.list.length >> 2)) yield;
    // Two words that open with a given name two other people of the corpus bear ("John Owen" beside "John Kerry"
    // and "John Jenkin") are a full name, not two names glued, unless the second is a place or group of its own.
    // Per form id: 0 not yet looked at, 1 no, 2 yes.
    const givenMemo = new Uint8Array(s.forms.list.length);
    const givenAndSurname = (f: Form): boolean => {
      if (f.words !== 2) return false;
      if (givenMemo[f.id]) return givenMemo[f.id] === 2;
      const [first, last] = f.key.split(' ') as [string, string];
      const set = surnamesOf.get(first);
      const others = set ? set.size - (set.has(last) ? 1 : 0) : 0;
      const l = s.formOf(last);
      const k = l ? kindOf(l.votes) : null;
      // A first word that is a place or group of its own is no given name ("Damascus Terrorists").
      const g = s.formOf(first);
      const gk = g && g.count >= 3 ? kindOf(g.votes) : null;
      const hit = others >= 2 && (!k || !k.decisive || k.kind === 'person') && !(gk && gk.decisive && gk.kind !== 'person');
      givenMemo[f.id] = hit ? 2 : 1;
      return hit;
    };
    // Once per article and key; a given name borne by many people says little about any one surname.
    const lastArt = new Int32Array(s.keyStr.length).fill(-1);
    yield* s.slices(recs.n, (from) => {
      const to = Math.min(recs.n, from + STEP);
      for (let i = from; i < to; i++) {
        const k = recs.k[i];
        if (recs.flags[i] & ACR || lastArt[k] === recs.art[i]) continue;
        lastArt[k] = recs.art[i];
        const f = s.forms.byK[k]!;
        const tails = f.words > 1 ? null : surnamesOf.get(f.key);
        if (f.words < 2 && (!tails || tails.size > 8)) continue;
        let set = tailsOf.get(recs.art[i]);
        if (!set) tailsOf.set(recs.art[i], (set = new Set()));
        if (tails) for (const t of tails) set.add(t);
        else set.add(f.key.slice(f.key.lastIndexOf(' ') + 1));
      }
      return to;
    });
    const next = new Recs(recs.n + (recs.n >> 4));
    let changed = false;
    yield* s.slices(recs.n, (from) => {
      let i = from;
      for (let budget = STEP; i < recs.n && budget > 0; i++, budget--) {
        const k = recs.k[i];
        const fl = recs.flags[i];
        const art = recs.art[i];
        const f = s.forms.byK[k]!;
        let plan: Part[] | null = null;
        if (f.words === 1) {
          // A long word in capitals that the corpus writes in lower case is shouting ("PEOPLE", "URGENT"), not an
          // acronym: short ones that are words ("WHO", "CARE") are acronyms as often as not.
          if (fl & ACR && f.key.length >= SHOUTING_LETTERS && !s.glossaryKeys.has(f.key) && common(recs.surface[i])) {
            s.dropped.add(f.key);
            changed = true;
            continue;
          }
          if (!(fl & ACR) && !s.glossaryKeys.has(f.key) && !tailsOf.get(art)?.has(f.key) && common(recs.surface[i])) {
            const exceptions = (namedSurnames.has(f.key) ? SPEAKER_SURNAME : 0) | (theTails.has(f.key) ? THE_PLURAL : 0);
            if (exceptions) s.ordinaryExceptions.set(f.key, exceptions);
            const kept = ordinaryWordKept(fl, !!s.arts[art].names.mentions[recs.idx[i]]?.spoke, exceptions);
            if (kept >= 0) {
              next.push(art, recs.idx[i], recs.start[i], recs.end[i], recs.surface[i], k, recs.passage[i], kept);
              if (kept !== fl) changed = true;
              continue;
            }
            s.dropped.add(f.key);
            changed = true;
            continue;
          }
        } else if (
          (!((fl & CUE) === CUE_PERSON && fl & STRONG) || f.words >= 3) &&
          !s.glossaryKeys.has(f.key) &&
          !expansions[art]?.has(recs.idx[i]) &&
          !givenAndSurname(f) &&
          !NICKNAME_INSIDE.test(recs.surface[i])
        ) {
          const noApos = s.arts[art].names.noApostrophes;
          const memo = plans[noApos ? 1 : 0];
          const surface = recs.surface[i];
          plan = memo.get(surface) ?? null;
          if (!memo.has(surface)) {
            plan = trailingAcronym(surface) ?? segment(surface, f.count, noApos, common, (key) => s.formOf(key), spelledCount);
            // A title makes a person of the run, so it only sheds a place, group or acronym glued to a person's
            // full name ("Foreign Minister Mohammad Javad Zarif Iran", "Syrian Coalition Anas al-Abdah").
            if (plan && (fl & CUE) === CUE_PERSON && fl & STRONG && !personBesideOther(plan, (key) => s.formOf(key))) plan = null;
            memo.set(surface, plan);
            budget -= 16;
          }
          // "Syrian Revolution General Commission SRGC": the name and its acronym, stated equal.
          if (plan && plan.length === 2 && plan[1]!.acr && plan[1]!.key === initials(plan[0]!.key))
            s.initialsStated.add(`${plan[0]!.key}\n${plan[1]!.key}`);
        }
        if (!plan) {
          next.push(art, recs.idx[i], recs.start[i], recs.end[i], recs.surface[i], k, recs.passage[i], fl);
          continue;
        }
        changed = true;
        const start = recs.start[i];
        const surface = recs.surface[i];
        for (const p of plan)
          next.push(
            art,
            recs.idx[i],
            start + p.s,
            start + p.e,
            s.shared(surface.slice(p.s, p.e)),
            s.intern(p.key),
            recs.passage[i],
            partFlags(fl, p),
          );
      }
      return i;
    });
    if (changed) {
      s.recs = next;
      s.forms = yield* formsOf(s);
    }
  },
};
