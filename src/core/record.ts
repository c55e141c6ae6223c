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
 *
 * A text given as a function (the file's bytes, decoded again) is not kept by the record: it is decoded each time
 * it is needed, through a cache of the few texts used last (`recentTexts`). Almost every article has a curly quote,
 * which makes its text a string of two bytes a character, where its UTF-8 bytes take one: the records of a large
 * corpus hold their bytes, half the memory, and the few articles a query reads are decoded again in microseconds.
 */
export class Article implements ArticleRecord {
  private lineMap: LineMap | null = null;
  private readonly textValue: string | null;
  private readonly decodeText: (() => string) | null;
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
    return this.textValue ?? recentTexts.get(this, this.decodeText!);
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

/**
 * The texts decoded last, by record, most recent last: a query reads the same few articles many times over (a
 * hover asks for positions, related passages for snippets), a pass over the corpus (linking, the first search)
 * reads each once.
 */
class RecentTexts {
  private readonly texts = new Map<Article, string>();
  private lastRecord: Article | null = null;
  private lastText = '';

  constructor(private readonly size: number) {}

  get(record: Article, decode: () => string): string {
    if (record === this.lastRecord) return this.lastText;
    let text = this.texts.get(record);
    if (text === undefined) {
      text = decode();
      if (this.texts.size >= this.size) this.texts.delete(this.texts.keys().next().value!);
    } else this.texts.delete(record);
    this.texts.set(record, text);
    this.lastRecord = record;
    this.lastText = text;
    return text;
  }
}

const recentTexts = new RecentTexts(32);
