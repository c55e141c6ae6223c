// One indexed article as every part of the core sees it: its text, its parse, the metadata shown for it (with the
// reader's corrections over the inferred), and the file stamp it was read with.
import { LineMap } from './text';
import type { ArticleMeta, ParsedArticle } from './types';
import type { FileStat } from './workspace';

export interface ArticleRecord {
  file: string;
  text: string;
  hash: string;
  /** Line starts, computed on first use (a warm start never needs most of them). */
  readonly lines: LineMap;
  parsed: ParsedArticle;
  /**
   * The metadata shown everywhere (tree, hovers, CLI, search, names, events): `parsed.meta` with the reader's
   * corrections from *.parallax.json files over it. `parsed` stays as inferred: it is cached by content hash.
   */
  meta: ArticleMeta;
  warnings: string[];
  /** Size and mtime of the file the text was read from (none for an editor buffer). */
  stat?: FileStat;
}

/** An article record whose line map is built when first asked for. */
export class Article implements ArticleRecord {
  private lineMap: LineMap | null = null;
  constructor(
    readonly file: string,
    readonly text: string,
    readonly hash: string,
    readonly parsed: ParsedArticle,
    public meta: ArticleMeta,
    readonly warnings: string[],
    public stat: FileStat | undefined,
  ) {}

  get lines(): LineMap {
    return (this.lineMap ??= new LineMap(this.text));
  }
}
