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

/**
 * An article record whose text, parse and line map are made when first asked for. A warm start knows an unchanged
 * file's parse from the persisted index and its bytes from the read: decoding the text and unpacking the passages
 * wait until a query needs them (most articles of a session never are asked about).
 */
export class Article implements ArticleRecord {
  private lineMap: LineMap | null = null;
  private textValue: string | null;
  private decodeText: (() => string) | null;
  private parsedValue: ParsedArticle | null;
  private unpackParsed: (() => ParsedArticle) | null;

  constructor(
    readonly file: string,
    text: string | (() => string),
    readonly hash: string,
    parsed: ParsedArticle | (() => ParsedArticle),
    public meta: ArticleMeta,
    readonly warnings: string[],
    public stat: FileStat | undefined,
    /** Whether reading the bytes gave no warnings (only such files are trusted by their stamp at the next start). */
    readonly cleanDecode: boolean,
  ) {
    this.textValue = typeof text === 'string' ? text : null;
    this.decodeText = typeof text === 'string' ? null : text;
    this.parsedValue = typeof parsed === 'function' ? null : parsed;
    this.unpackParsed = typeof parsed === 'function' ? parsed : null;
  }

  get text(): string {
    if (this.textValue === null) {
      this.textValue = this.decodeText!();
      this.decodeText = null;
    }
    return this.textValue;
  }

  get parsed(): ParsedArticle {
    if (this.parsedValue === null) {
      this.parsedValue = this.unpackParsed!();
      this.unpackParsed = null;
    }
    return this.parsedValue;
  }

  get lines(): LineMap {
    return (this.lineMap ??= new LineMap(this.text));
  }
}
