// Which of an article's lines a list shows. The pair score (score.ts) ranks every candidate line against every
// other, and so decides which articles come first and how long the list is; this second, separately fitted decision
// only chooses, within an article already placed, which of its candidate lines fill that article's places. An
// article's k-th place (in score order) shows its k-th line by preference and keeps the k-th score: so a lead
// preference can never lift a wrong article above a right one, and the list's articles, length and scores stay what
// the pair scores make them (the article level and the "Also in" lens, built from the same scores, agree with it).
//
// Why: news tells its event first. Asked from a later line, the other article's best-matching line is often a detail
// the two texts share, while its lead tells the event; on ECB+ train half the right articles listed with the wrong
// line had the annotated line in their lead. The preference weighs the lead against the pair score, and is fitted
// (scripts/fit-events-main.ts) on the lines of the right articles alone.

/** The line features, in the order of the model's `lineChoice.weights`. */
export const LINE_FEATURES = [
  /** The pair's logit under the pair model (its score before the sigmoid): how well the line matches the asked one. */
  'logit',
  /** The line is its article's lead, asked from a line that is not its own article's lead (leads meet leads by score). */
  'lead',
  /**
   * The same, times how closely the asked line retells its own article's lead (their rarity-weighted word cosine): a
   * line on a side story retells little of its lead, and another article's lead is likelier not its account.
   */
  'leadRetold',
  /**
   * The same, times how far the lead leads the article's other candidate lines as a match (the pair feature
   * `aheadInArticle`: 1 alone, below 0 behind the best): a lead that shares little against a line that shares much.
   */
  'leadAhead',
  /**
   * The same, times the natural log of the candidate article's passage count: a long article (a round-up, a report
   * with "meanwhile" paragraphs) tells several stories, and its lead is one of them, not the account of every line.
   */
  'leadLong',
  /**
   * The same, times where the asked line stands in its own article (0 the lead, 1 the last passage): the further down
   * a line is, the likelier it tells a story of its own rather than the event its article opens with.
   */
  'leadAskedLate',
  /**
   * A line that is not its article's lead, asked from a line that is not either: the asked line's retelling of its own
   * lead times the candidate line's retelling of its own (the same cosine). Two lines that both retell their leads tell
   * their articles' main story; a side story's line is the one unlike its own lead.
   */
  'lineRetold',
] as const;

export interface LineChoiceModel {
  features: string[];
  weights: number[];
}

/** Which line a query asks from (the asked line's own part of the line features). */
export interface AskedLine {
  /** The asked line is its article's lead. */
  lead: boolean;
  /** Cosine of the asked line's words with its own article's lead (0 when it is the lead). */
  retold: number;
  /** Its place in its article: passage number over the article's last (0 the lead, 1 the last; 0 alone). */
  late: number;
}

/** What the line features read of a candidate line. */
export interface CandidateLine {
  /** The line is its article's lead. */
  lead: boolean;
  /** The pair feature `aheadInArticle` of the line. */
  aheadInArticle: number;
  /** Its article's passage count. */
  passages: number;
  /** Cosine of its words with its own article's lead (read only for a line that is not the lead). */
  retold: () => number;
}

/** Line features of a candidate line, in LINE_FEATURES order without the logit. */
export function lineFeatures(asked: AskedLine, line: CandidateLine): number[] {
  if (asked.lead) return [0, 0, 0, 0, 0, 0];
  if (line.lead) return [1, asked.retold, line.aheadInArticle, Math.log(Math.max(1, line.passages)), asked.late, 0];
  return [0, 0, 0, 0, 0, asked.retold > 0 ? asked.retold * line.retold() : 0];
}

/** The pair score's logit (clamped, so a score of 0 or 1 stays finite). */
export function logitOf(score: number): number {
  const p = Math.min(1 - 1e-9, Math.max(1e-9, score));
  return Math.log(p / (1 - p));
}

/** How much a line is preferred among its article's lines: the model over [logit, ...lineFeatures]. */
export function linePreference(model: LineChoiceModel | undefined, logit: number, line: readonly number[]): number {
  if (!model) return logit;
  let z = model.weights[0] * logit;
  for (let k = 0; k < line.length; k++) z += (model.weights[k + 1] ?? 0) * line[k];
  return z;
}

/**
 * For rows listed best first (by pair score), which row each place shows: within each article (`files`), its places
 * in list order take its rows in order of `preference`, best first (ties in list order). Returns the row index per
 * place; with preference in score order it is the identity.
 */
export function lineSlots(files: readonly string[], preference: ArrayLike<number>): number[] {
  const rowsOf = new Map<string, number[]>();
  files.forEach((f, i) => {
    const rows = rowsOf.get(f);
    if (rows) rows.push(i);
    else rowsOf.set(f, [i]);
  });
  const out = new Array<number>(files.length);
  for (const rows of rowsOf.values()) {
    const byPreference = [...rows].sort((x, y) => preference[y] - preference[x] || x - y);
    rows.forEach((place, k) => (out[place] = byPreference[k]));
  }
  return out;
}
