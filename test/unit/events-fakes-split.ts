// The FA-KES labelled incidents (test/fixtures/labels/fakes-events.json) split in two by a rule fixed before any
// result was looked at: FNV-1a of the incident id, even → "fit" (npm run fit:events may fit on it), odd → "held"
// (reported once, never fitted or tuned on).
import { readFileSync } from 'node:fs';

export interface Incident {
  id: string;
  description: string;
  files: string[];
  lookalikes: string[];
}

const labels = JSON.parse(readFileSync(new URL('../fixtures/labels/fakes-events.json', import.meta.url), 'utf8')) as {
  incidents: Incident[];
};

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export function fakesHalf(half: 'fit' | 'held' | 'all'): Incident[] {
  if (half === 'all') return labels.incidents;
  return labels.incidents.filter((i) => (fnv1a(i.id) % 2 === 0) === (half === 'fit'));
}
