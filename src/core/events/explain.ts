// Why two passages were linked, in words a reader checks at a glance: "same day 2017-04-04; both name Khan
// Sheikhoun and sarin; toll 58 / 58; quote “…”".

import { isoOfDay } from './dates';
import type { PairScore, TimeRelation } from './score';

/** Names and words shown in a reason; more reads as noise. */
const MAX_SHARED = 5;

/** The head of a copy's reason: a reader sees at once that this outlet carried the asked article's text. */
export const COPY_REASON = 'copy of this article';

/**
 * The reason for a link, from the pair's evidence: shared entity names and shared words (each list rarest first,
 * as display strings), time, figures and quotation; `copy`: the linked article is a near copy of the asked one.
 */
export function reasonInWords(pair: PairScore, entities: string[], words: string[], copy = false): { reason: string; shared: string[] } {
  const parts: string[] = copy ? [COPY_REASON] : [];
  const when = timeInWords(pair.time);
  if (when) parts.push(when);
  // The first MAX_SHARED distinct of the first MAX_SHARED names, then the words.
  const shared: string[] = [];
  for (let i = 0; i < entities.length && i < MAX_SHARED && shared.length < MAX_SHARED; i++)
    if (!shared.includes(entities[i])) shared.push(entities[i]);
  for (let i = 0; i < words.length && shared.length < MAX_SHARED; i++) if (!shared.includes(words[i])) shared.push(words[i]);
  if (shared.length) parts.push('both name ' + listInWords(shared));
  if (pair.tolls.exact.length) parts.push('toll ' + pair.tolls.exact.map((x) => `${x} / ${x}`).join(', '));
  else if (pair.tolls.near.length) parts.push('toll ' + pair.tolls.near.map(([x, y]) => `${x} / ${y}`).join(', '));
  if (pair.figures.length) parts.push('figures ' + pair.figures.slice(0, 3).join(', '));
  if (pair.quote) parts.push(`quote “${pair.quote.text}”`);
  if (!copy && pair.features[4] >= 0.3 && parts.length < 2) parts.push('articles on the same story');
  return { reason: parts.join('; '), shared };
}

/** "Khan Sheikhoun, sarin and Idlib". */
function listInWords(xs: string[]): string {
  return xs.length <= 1 ? xs.join('') : xs.slice(0, -1).join(', ') + ' and ' + xs[xs.length - 1];
}

/** The shared time at the precision of the coarser side: a day inside "2015" is "same year 2015". */
export function timeInWords(t: TimeRelation): string {
  if (!Number.isFinite(t.gap)) return '';
  const [a0, a1, b0, b1] = t.pair;
  if (t.gap === 0) {
    if (t.exact) return (t.inText ? 'same day ' : 'published the same day ') + isoOfDay(Math.max(a0, b0));
    const width = Math.max(a1 - a0, b1 - b0);
    const from = Math.max(a0, b0);
    const to = Math.min(a1, b1);
    if (width > 300) return 'same year ' + isoOfDay(from).slice(0, 4);
    if (width > 25) return 'same month ' + isoOfDay(from).slice(0, 7);
    return from === to ? 'same day ' + isoOfDay(from) : 'same days ' + isoOfDay(from) + '…' + isoOfDay(to);
  }
  return t.gap <= 7 ? `${t.gap} day${t.gap > 1 ? 's' : ''} apart` : '';
}
