// Each file's mentions in order: the sort and search helpers shared by the entity index (`incremental.ts`), the
// one-article attach step (`attach.ts`) and the entity-mentions rule, which all keep mentions in file-then-start order.
import { partitionPoint } from '../kit/search';
import type { FileMentions, Mention } from './model';

/**
 * File, then start. A file's mentions share one file string, so the order of two of them is settled by identity and
 * their starts; only mentions of two files compare the strings, once.
 */
export const byFileStart = (a: Mention, b: Mention): number =>
  a.file === b.file ? a.start - b.start : a.file < b.file ? -1 : a.file > b.file ? 1 : a.start - b.start;

/** The first position in file-then-start sorted mentions whose file is not before `file`. */
export function fileStart(ms: Mention[], file: string): number {
  return partitionPoint(0, ms.length, (i) => ms[i].file < file);
}

export function isSorted(ms: Mention[]): boolean {
  for (let i = 1; i < ms.length; i++) {
    const a = ms[i - 1];
    const b = ms[i];
    // Neighbours mostly share one file string: compare it by identity first.
    if (a.file === b.file ? a.start > b.start : a.file > b.file) return false;
  }
  return true;
}

/** Sorts one file's parallel arrays by start (stable), unless they already are. */
export function sortByStart(f: FileMentions): void {
  const { ms, ids } = f;
  let sorted = true;
  for (let i = 1; i < ms.length && sorted; i++) if (ms[i - 1].start > ms[i].start) sorted = false;
  if (sorted) return;
  const order = ms.map((_, i) => i).sort((a, b) => ms[a].start - ms[b].start || a - b);
  f.ms = order.map((i) => ms[i]);
  f.ids = order.map((i) => ids[i]);
}
