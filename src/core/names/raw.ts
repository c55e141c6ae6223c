// What the extraction of one article gives: plain JSON, cached on disk by content hash, so it holds only what
// resolution across the corpus needs (mentions with cues about their kind, descriptions found next to them,
// acronym definitions, stated renamings, headline stretches and furniture signatures).
import type { ArticleMeta, Heading, Passage } from '../types';

export interface NameArticleInput {
  file: string;
  text: string;
  passages: Passage[];
  headings: Heading[];
  meta: ArticleMeta;
}

export type KindCue = 'person' | 'group' | 'place';

export interface RawMention {
  start: number;
  end: number;
  surface: string;
  passage: number;
  key: string;
  /** Kind suggested by the words around this mention; `strong` when a title or head noun says so. */
  cue?: KindCue;
  strong?: boolean;
  /** Preceded by "the": names of people rarely are. */
  the?: boolean;
  /** First word of a sentence (a capital there proves nothing). */
  si?: boolean;
  /** All-capitals acronym ("HTS", "U.N."). */
  acr?: boolean;
  /** Ended in s’ or, in texts without apostrophes, in s: may be a possessive glued to the name ("Assads"). */
  ps?: boolean;
  /**
   * One word followed by a speech verb ("White said", "Heller told"): people speak, so a capitalised word there
   * that the corpus also writes in lower case may still be a surname.
   */
  spoke?: boolean;
}

export interface RawDefinition {
  /** Index into `mentions`. */
  m: number;
  text: string;
  origin: 'appositive' | 'title' | 'role' | 'acronym';
  start: number;
  end: number;
}

export interface RawRelation {
  from: number;
  to: number;
  relation: 'formerly' | 'later';
}

export interface RawAcronym {
  /**
   * Mention index of the acronym and of its expansion. Also equivalences the text states ("the Syrian Civil
   * Defence, known as the White Helmets", "Jaysh al-Islam (Army of Islam)"): `acr` the other name, `exp` the first.
   */
  acr: number;
  exp: number;
}

export interface ArticleNames {
  v: 1;
  file: string;
  /** Apostrophes were stripped from this text ("Assads", "Syrias"): possessive "s" may be glued on. */
  noApostrophes: boolean;
  mentions: RawMention[];
  definitions: RawDefinition[];
  acronyms: RawAcronym[];
  relations: RawRelation[];
  /** Distinct lower-case words of the text: across the corpus they tell ordinary words ("Activists") from names. */
  lower: string[];
  /**
   * Per mention, a hash of the words right after it: a name followed by the same words in many articles of one
   * outlet ("Youtube Subscribe to our Youtube channel", "Source TRTWorld and agencies Related News") is page
   * furniture. Absent in extractions cached before it was collected.
   */
  after?: string;
  /**
   * Places the text locates in another place ("al-Jaberiyeh village in Hama province", "Salihiah neighbourhood of
   * Hasakeh city", "Hader in Quneitra"): flat pairs of mention indexes, the place, then the place it is said to be in.
   * Resolution keeps two villages of one name in two provinces apart by them. Absent when the text locates none.
   */
  within?: number[];
  /**
   * Runs of capitalised words in headlines, captions and datelines: resolution reads in them the longest names the
   * whole corpus uses ("Wladimir Klitschko stops…" above a text that only says "Klitschko"), in place of the shorter
   * ones this article's prose alone gives. Absent in extractions cached before they were collected.
   */
  heads?: HeadingRun[];
}

/** A run of capitalised heading words (see `ArticleNames.heads`). */
export interface HeadingRun {
  start: number;
  end: number;
  surface: string;
  passage: number;
}
