// What the corpus holds as given: the articles, the glossaries and the reader's metadata corrections, with a
// generation that counts every change. Everything else (names, events, full-text search) is derived from it
// (see derived/), and work done in slices compares generations to tell that it went stale.
import { contentHash } from './kit/hash';
import type { GlossaryEntry } from './glossary';
import type { MetaCorrection } from './corrections';
import type { Article } from './record';

export class ArticleStore {
  readonly records = new Map<string, Article>();
  readonly glossaries = new Map<string, GlossaryEntry[]>();
  /** Metadata corrections by the *.parallax.json file holding them, then by the article (a comparableKey). */
  readonly corrections = new Map<string, Map<string, MetaCorrection>>();
  private changes = 0;

  /** Counts changes to articles, glossaries and corrections. */
  get generation(): number {
    return this.changes;
  }

  /** Called on every change that can alter what is derived from the store. */
  changed(): void {
    this.changes++;
  }

  glossaryEntries(): GlossaryEntry[] {
    return [...this.glossaries.values()].flat();
  }

  /**
   * What the corpus-wide state depends on: every file's path and content hash, and the glossaries. Entity resolution
   * looks at the whole corpus, so any difference means resolving again.
   */
  fingerprint(): string {
    return fingerprintOf(this.fileHashes(), this.definitionsFingerprint());
  }

  /** The part of the fingerprint that is not the articles: glossaries and corrections. */
  definitionsFingerprint(): string {
    const glossaries = [...this.glossaries].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    // Corrected outlets and dates reach entity definitions and event dates: a correction means computing again.
    const corrections = [...this.corrections].map(([f, m]) => [f, [...m]]).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    return contentHash(JSON.stringify(glossaries) + JSON.stringify(corrections));
  }

  /** Every article's path and content hash: what the corpus-wide state is compared with, file by file, at a warm start. */
  fileHashes(): [string, string][] {
    return [...this.records.values()].map((r) => [r.file, r.hash]);
  }
}

/** The fingerprint of a corpus (ArticleStore.fingerprint) from its files' paths and hashes and its definitions' fingerprint. */
export function fingerprintOf(files: readonly [string, string][], definitions: string): string {
  const lines = files.map(([file, hash]) => file + '\u0000' + hash).sort();
  return contentHash(lines.join('\n')) + '.' + definitions + '.' + lines.length;
}
