// Which of several people a surname alone means in an article that names none of them in full: the one whose own
// coverage names what this article names. "Bush" in a story about Obama's endangered-species rules is the George
// Bush of the other stories about those rules, not the Reggie Bush the sports pages mention more often.

/** Articles whose names weigh in per candidate: enough to know its coverage, few enough to stay linear. */
const MAX_CANDIDATE_ARTICLES = 40;

/** A candidate must share at least this much more than the next one (the weights' ratio) to be chosen. */
const MARGIN = 1.5;

export class CoverageContext {
  private readonly artFrom = new Map<number, number>();
  private readonly artTo = new Map<number, number>();
  private readonly df = new Map<number, number>();
  private readonly rootsMemo = new Map<number, Set<number>>();
  private readonly contextMemo = new Map<number, Map<number, number>>();
  /** Per article and short form: its candidates are the same for every mention of it there. */
  private readonly bestMemo = new Map<string, number>();
  private readonly articles: number;

  /**
   * `art` and `root` are the mentions' article and entity root columns, in article order; `namedIn(c)` the
   * articles that name candidate c in full.
   */
  constructor(
    art: Int32Array,
    private readonly root: Int32Array,
    n: number,
    private readonly namedIn: (c: number) => readonly number[],
  ) {
    let last = -1;
    const seen = new Set<number>();
    for (let i = 0; i < n; i++) {
      const a = art[i]!;
      if (a !== last) {
        if (!this.artFrom.has(a)) this.artFrom.set(a, i);
        last = a;
        seen.clear();
      }
      this.artTo.set(a, i + 1);
      const r = root[i]!;
      if (seen.has(r)) continue;
      seen.add(r);
      this.df.set(r, (this.df.get(r) ?? 0) + 1);
    }
    this.articles = this.artFrom.size;
  }

  /** The entity roots an article names. */
  private rootsOf(a: number): Set<number> {
    let s = this.rootsMemo.get(a);
    if (!s) {
      s = new Set<number>();
      const to = this.artTo.get(a) ?? 0;
      for (let i = this.artFrom.get(a) ?? to; i < to; i++) s.add(this.root[i]!);
      this.rootsMemo.set(a, s);
    }
    return s;
  }

  /** What the coverage of candidate c names, each name weighted by its rarity across the corpus. */
  private contextOf(c: number): Map<number, number> {
    let m = this.contextMemo.get(c);
    if (!m) {
      m = new Map<number, number>();
      for (const a of this.namedIn(c).slice(0, MAX_CANDIDATE_ARTICLES))
        for (const r of this.rootsOf(a)) if (!m.has(r)) m.set(r, Math.log(this.articles / (this.df.get(r) ?? 1)));
      this.contextMemo.set(c, m);
    }
    return m;
  }

  /**
   * The candidate whose coverage shares clearly the most (rare names weigh more) with article `a`, or -1. The
   * short form itself and the candidates are no evidence.
   */
  best(a: number, cands: readonly number[], exclude: number): number {
    const memoKey = `${a}:${exclude}`;
    const hit = this.bestMemo.get(memoKey);
    if (hit !== undefined) return hit;
    const out = this.pick(a, cands, exclude);
    this.bestMemo.set(memoKey, out);
    return out;
  }

  private pick(a: number, cands: readonly number[], exclude: number): number {
    const here = this.rootsOf(a);
    let best = -1;
    let top = 0;
    let second = 0;
    for (const c of cands) {
      const ctx = this.contextOf(c);
      let s = 0;
      for (const r of here) {
        if (r === exclude || cands.includes(r)) continue;
        s += ctx.get(r) ?? 0;
      }
      if (s > top) {
        second = top;
        top = s;
        best = c;
      } else if (s > second) second = s;
    }
    return best >= 0 && top > 0 && top >= MARGIN * second ? best : -1;
  }
}
