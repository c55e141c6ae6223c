// Whether a cluster of forms is a person's, as the short-form rules ask it of the full names a short form may join.
import { kindOf } from '../votes';
import type { Form } from './forms';
import type { ResolutionState } from './state';

/** Mentions of the forms that a title or head noun marks as a person's. */
export function strongPerson(fs: Form[]): number {
  let n = 0;
  for (const f of fs) n += f.strongPerson;
  return n;
}

/**
 * A full name is someone's when a title or role says so, or when its first word is not itself a common place or
 * group ("Russia Iran" glued by a missing comma is nobody).
 */
export function personal(s: ResolutionState, fs: Form[], r: number): boolean {
  if (kindOf(s.clusters.votes.get(r)!).kind !== 'person') return false;
  if (strongPerson(fs) > 0) return true;
  return fs.some((f) => {
    if (f.words < 2) return false;
    const first = s.formOf(f.key.split(' ')[0]);
    // A first word that is also a town ("Tyler Hansbrough") opens a glued run only when the last word is a
    // place or group of its own too.
    const notPersonal = (w: string): boolean => {
      const x = s.formOf(w);
      if (!x || x.count < 3) return false;
      const k = kindOf(x.votes);
      return k.decisive && k.kind !== 'person';
    };
    return !first || !notPersonal(first.key) || !notPersonal(f.key.slice(f.key.lastIndexOf(' ') + 1));
  });
}
