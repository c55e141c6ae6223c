// YAML front matter: a `---` line at the very start of the file, YAML, then a closing `---` (or `...`) line.
import { parseDocument } from 'yaml';
import { parseDateValue } from './dates';

export interface FrontMatterFields {
  title?: string;
  outlet?: string;
  author?: string;
  date?: { iso: string; precision: 'day' | 'month' };
}

export interface FrontMatter {
  /** True when a well-formed front matter block was read. */
  present: boolean;
  fields: FrontMatterFields;
  /** Offset just after the closing line (0 when there is no usable front matter). */
  bodyStart: number;
  warning?: string;
}

const NONE: FrontMatter = { present: false, fields: {}, bodyStart: 0 };

// Keys are matched case-insensitively; the first present key of each list wins.
const TITLE_KEYS = ['title', 'headline'];
const OUTLET_KEYS = ['outlet', 'source', 'publisher', 'publication', 'site', 'site_name', 'sitename'];
const AUTHOR_KEYS = ['author', 'byline', 'authors', 'by', 'creator'];
const DATE_KEYS = ['date', 'published', 'pubdate', 'published_at', 'publishdate', 'publication_date', 'created'];

/** End of the line starting at `i` and the start of the next one (\r\n, \n or a lone \r). */
function lineAt(text: string, i: number): { end: number; next: number } {
  let j = i;
  while (j < text.length) {
    const c = text.charCodeAt(j);
    if (c === 10) return { end: j, next: j + 1 };
    if (c === 13) return { end: j, next: text.charCodeAt(j + 1) === 10 ? j + 2 : j + 1 };
    j++;
  }
  return { end: j, next: j };
}

function isFenceLine(line: string, closing: boolean): boolean {
  const t = line.replace(/[ \t]+$/, '');
  return t === '---' || (closing && t === '...');
}

function asText(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (Array.isArray(value)) {
    const parts = value.map(asText).filter((v): v is string => !!v);
    return parts.length ? parts.join(', ') : undefined;
  }
  if (typeof value === 'object') {
    // `author: {name: X}` is a common shape.
    const name = (value as Record<string, unknown>).name;
    return asText(name);
  }
  const s = String(value).replace(/\s+/g, ' ').trim();
  return s || undefined;
}

function pick(record: Record<string, unknown>, keys: string[]): unknown {
  const lower = new Map<string, unknown>();
  for (const [k, v] of Object.entries(record)) if (!lower.has(k.toLowerCase())) lower.set(k.toLowerCase(), v);
  for (const k of keys) if (lower.has(k) && lower.get(k) !== null && lower.get(k) !== undefined) return lower.get(k);
  return undefined;
}

/**
 * Front matter made only of `key: plain or simply quoted value` lines (the common case, and all of FA-KES)
 * read without the YAML parser, which costs ~0.1 ms per file. Anything else (lists, nesting, escapes, block
 * scalars, special values) returns null and goes to the `yaml` package.
 */
function readSimpleFields(src: string): Record<string, string> | null {
  const out: Record<string, string> = {};
  for (const line of src.split(/\r\n|\r|\n/)) {
    if (!line.trim() || /^\s*#/.test(line)) continue;
    const m = /^([A-Za-z_][\w-]*):[ \t]+(\S.*?)[ \t]*$/.exec(line);
    if (!m || Object.prototype.hasOwnProperty.call(out, m[1])) return null;
    let v = m[2];
    if (v[0] === '"') {
      if (!/^"[^"\\]*"$/.test(v)) return null;
      v = v.slice(1, -1);
    } else if (v[0] === "'") {
      if (!/^'(?:[^']|'')*'$/.test(v)) return null;
      v = v.slice(1, -1).replace(/''/g, "'");
    } else if (/^[[\]{}|>&*!%@`,?:-]/.test(v) || v.includes(': ') || v.includes(' #') || /^(?:null|~)$/i.test(v)) {
      return null;
    }
    out[m[1]] = v;
  }
  return out;
}

export function readFrontMatter(text: string): FrontMatter {
  if (!text.startsWith('---')) return NONE;
  const first = lineAt(text, 0);
  if (!isFenceLine(text.slice(0, first.end), false) || first.next === first.end) return NONE;
  let i = first.next;
  while (i < text.length) {
    const line = lineAt(text, i);
    if (isFenceLine(text.slice(i, line.end), true)) {
      const yamlSource = text.slice(first.next, i);
      let data: unknown = readSimpleFields(yamlSource);
      if (data === null) {
        try {
          const doc = parseDocument(yamlSource, { logLevel: 'silent', uniqueKeys: false });
          if (doc.errors.length) throw doc.errors[0];
          data = doc.toJS();
        } catch (e) {
          const msg = e instanceof Error ? e.message.split('\n')[0] : String(e);
          return { ...NONE, warning: `invalid front matter (read as plain text): ${msg}` };
        }
      }
      if (data === null || data === undefined) return { present: true, fields: {}, bodyStart: line.next };
      if (typeof data !== 'object' || Array.isArray(data)) {
        return { ...NONE, warning: 'invalid front matter (read as plain text): not a set of key: value fields' };
      }
      const rec = data as Record<string, unknown>;
      const fields: FrontMatterFields = {};
      const title = asText(pick(rec, TITLE_KEYS));
      if (title) fields.title = title;
      const outlet = asText(pick(rec, OUTLET_KEYS));
      if (outlet) fields.outlet = outlet;
      const author = asText(pick(rec, AUTHOR_KEYS));
      if (author) fields.author = author;
      const date = parseDateValue(pick(rec, DATE_KEYS));
      if (date) fields.date = date;
      return { present: true, fields, bodyStart: line.next };
    }
    if (line.next === i) break;
    i = line.next;
  }
  return { ...NONE, warning: 'unclosed front matter (no closing ---): read as plain text' };
}
