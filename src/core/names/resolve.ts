// Resolving mentions across the corpus into entities: the driver. It runs the resolution rules in the order listed
// below, each in its own file under `resolution/rules/` behind the `ResolutionRule` interface, over one shared
// `ResolutionState` (`resolution/state.ts`: the mention columns, the numbered keys and their forms, the union-find);
// compromise's tagger, which lists its passes in one file, is the model. A new rule is a new file and one line in
// `RULES`; a change to what the rules produce is a new `NAMES_RULES_VERSION` (`version.ts`).
//
// Every rule buckets names by a normalised key and only compares names inside a bucket, so the cost grows with the
// number of distinct names, not with its square. Keys are numbered once, so the passes over every mention (a
// million at 10k articles) index arrays rather than hashing strings. Each rule is a generator, so that callers can
// spread the resolution over event-loop turns.
import type { GlossaryEntry } from '../glossary';
import { runToEnd } from '../kit/steps';
import type { EntityIndex, ResolveInput } from './model';
import type { ResolutionRule } from './resolution/rule';
import { acronymDefinitions } from './resolution/rules/acronym-definitions';
import { acronymInitials } from './resolution/rules/acronym-initials';
import { clusters } from './resolution/rules/clusters';
import { countForms } from './resolution/rules/count-forms';
import { dropFurniture } from './resolution/rules/drop-furniture';
import { editHints } from './resolution/rules/edit-hints';
import { entityDrafts } from './resolution/rules/entity-drafts';
import { entityGroups } from './resolution/rules/entity-groups';
import { entityIds } from './resolution/rules/entity-ids';
import { entityLinks } from './resolution/rules/entity-links';
import { entityMentions } from './resolution/rules/entity-mentions';
import { foldedSpellings } from './resolution/rules/folded-spellings';
import { fullNameVariants } from './resolution/rules/full-name-variants';
import { givenHomographs } from './resolution/rules/given-homographs';
import { givenNames } from './resolution/rules/given-names';
import { glossaryForms } from './resolution/rules/glossary-forms';
import { glossaryNames } from './resolution/rules/glossary-names';
import { gluedRuns } from './resolution/rules/glued-runs';
import { groupCores } from './resolution/rules/group-cores';
import { groupTails } from './resolution/rules/group-tails';
import { headingNames } from './resolution/rules/heading-names';
import { homonyms } from './resolution/rules/homonyms';
import { initialsStated } from './resolution/rules/initials-stated';
import { mentionIndex } from './resolution/rules/mention-index';
import { memberSingulars } from './resolution/rules/member-singulars';
import { nameBlends } from './resolution/rules/name-blends';
import { nameOpenings } from './resolution/rules/name-openings';
import { nearSpellings } from './resolution/rules/near-spellings';
import { organisationInnerWords } from './resolution/rules/organisation-inner-words';
import { organisationShortForms } from './resolution/rules/organisation-short-forms';
import { organisationSuffixes } from './resolution/rules/organisation-suffixes';
import { placeBesideOrganisation } from './resolution/rules/place-beside-organisation';
import { placesApartByRegion } from './resolution/rules/places-apart-by-region';
import { possessives } from './resolution/rules/possessives';
import { readMentions } from './resolution/rules/read-mentions';
import { shortFormsInContext } from './resolution/rules/short-forms-in-context';
import { spellingVariants } from './resolution/rules/spelling-variants';
import { statedEquivalences } from './resolution/rules/stated-equivalences';
import { statedGivenNames } from './resolution/rules/stated-given-names';
import { statedRenamings } from './resolution/rules/stated-renamings';
import { swappedLetters } from './resolution/rules/swapped-letters';
import { fusedArticles } from './resolution/rules/fused-articles';
import { surnames } from './resolution/rules/surnames';
import { synonyms } from './resolution/rules/synonyms';
import { vocabulary } from './resolution/rules/vocabulary';
import { wordBreaks } from './resolution/rules/word-breaks';
import { whereabouts } from './resolution/rules/whereabouts';
import { ResolutionState } from './resolution/state';

export type { EntityKind, Mention, Definition, Entity, EntityIndex, ResolveInput } from './model';

/** The rules, in the order they run. Each line: the rule, and why it comes where it does. */
export const RULES: readonly ResolutionRule[] = [
  // Mentions: what the articles name, as keys.
  readMentions, //            the extraction's mentions into columns, keys numbered (names the reader hid left out)
  headingNames, //            headline words as the longest names the corpus uses: needs every article's keys counted
  dropFurniture, //           names an outlet's page template repeats are no names: before anything counts them
  countForms, //              per key: counts, articles, kind votes
  possessives, //             "Assads" → "Assad" where the bare name is as common: needs the counts
  countForms, //              counted again with the possessives cut
  vocabulary, //              ordinary lower-case words of the corpus, for the glued-run split
  gluedRuns, //               "Deir Ezzor Aleppo" → two names; ordinary single words dropped (forms counted again)
  glossaryForms, //           every glossary name a form, every form a node of the union-find
  // Key-level merges: each joins forms in the union-find; stated facts first, guesses from spelling after.
  mentionIndex, //            mentions by (article, index), for the rules that read what articles state
  statedRenamings, //         "formerly": kept apart, so no later merge joins them
  glossaryNames, //           the reader's say-so
  synonyms, //                built-in (Daesh = ISIS = Islamic State)
  acronymDefinitions, //      "Hayat Tahrir al-Sham (HTS)"
  initialsStated, //          "… Commission SRGC"
  statedEquivalences, //      "known as", a translation in brackets: the one stated most
  spellingVariants, //        same consonant skeleton ("Hezbollah"/"Hizballah")
  wordBreaks, //              "Abdel Rahman"/"Abdulrahman"
  foldedSpellings, //         "Foua"/"Fuaa", too short for a skeleton
  nearSpellings, //           one consonant apart ("Khmeimim"/"Hmeimin")
  swappedLetters, //          two neighbouring letters swapped ("Klistchko"/"Klitschko")
  fusedArticles, //           an article fused to the first word ("Alommal"/"al-Ummal")
  memberSingulars, //         "Indianapolis Colt" for the Colts: after the spelling merges, so the plural is whole
  groupCores, //              "Nusra Front"/"Jabhat al-Nusra"
  acronymInitials, //         an undefined acronym and the one name with its initials beside it
  organisationShortForms, //  "Observatory" for the Syrian Observatory for Human Rights
  organisationSuffixes, //    "Sputnik" for Sputnik News, "Microsoft" for Microsoft Corp
  organisationInnerWords, //  "Syrian Coalition" for the Syrian National Coalition written beside it
  nameOpenings, //            "Morningside" for Morningside Recovery, in the stories naming it in full
  fullNameVariants, //        "Mark Jay Heller" = "Mark Heller", "Fred" = "Frederick LaRue"
  statedGivenNames, //        "Kathryn Jenkin, known as Katie" → "Katie Jenkin"
  nameBlends, //              "LiLo" for Lindsay Lohan, named in its articles (after the full names are whole)
  // Short forms: per mention, in its article's context (after every key-level merge, so full names are whole).
  clusters, //                the clusters the merges left, with votes and counts
  homonyms, //                "Sana" the place beside "SANA" the agency: an entity of its own
  placeBesideOrganisation, // "al-Baath city" beside "the Baath party": the articles of the place, an entity of their own
  placesApartByRegion, //    "Hader in Quneitra", "al-Hader in Aleppo": one name, two regions, two entities
  groupTails, //              "Red Sox" → the Boston Red Sox candidates
  surnames, //                "Assad" → the persons whose full name ends so (replaces a group's tail)
  givenNames, //              "Lindsay" → the persons of that given name (after surnames: a surname wins)
  givenHomographs, //         "Manar" → Manar al-Frieh where her article names her
  whereabouts, //             where each candidate is named in each article
  shortFormsInContext, //     each mention to its entity root: the candidate named nearest, or by coverage
  // Entities.
  entityGroups, //            mentions grouped by entity; where each key went (for edits)
  entityDrafts, //            kind, name, also-written spellings, definition
  entityIds, //               stable ids from names (after every name is known)
  entityLinks, //             renamings and glossary "see also" (need the ids)
  entityMentions, //          the mentions by entity and by file
  editHints, //               what an edit needs later, and the index
];

/** Resolve every article's mentions into entities, in one synchronous run (see `resolveEntitiesSteps`). */
export function resolveEntities(articles: Iterable<ResolveInput>, glossary: GlossaryEntry[]): EntityIndex {
  return runToEnd(resolveEntitiesSteps(articles, glossary));
}

/**
 * The same resolution in steps: the generator yields every few thousand units of work (a few milliseconds at
 * most) and returns the index, so a caller can pause between steps and keep its event loop responsive while a
 * large corpus resolves (seconds at 10k articles). The result is identical to `resolveEntities`. The articles and
 * glossary must not change until it is done.
 */
export function resolveEntitiesSteps(articles: Iterable<ResolveInput>, glossary: GlossaryEntry[]): Generator<void, EntityIndex, void> {
  return runRules(new ResolutionState([...articles], glossary));
}

function* runRules(state: ResolutionState): Generator<void, EntityIndex, void> {
  for (const rule of RULES) yield* rule.run(state);
  return state.index!;
}
