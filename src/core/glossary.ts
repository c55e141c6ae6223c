// Glossary files (*.parallax.json): reader-maintained names, aliases, kinds and definitions that take part
// in name resolution and come first in hovers. Parsed with positions so each entry can be opened and each
// error underlined; a broken entry is reported and skipped, the others stay usable.
import type { EntityKind } from './names/model';

export interface GlossaryEntry {
  name: string;
  aliases: string[];
  kind?: EntityKind;
  definition?: string;
  links?: string[];
  /** The reader's say-so that this name (and its aliases) is no name: page furniture, a misread word. */
  hidden?: boolean;
  source: { file: string; start: number; end: number };
}

export interface GlossaryError {
  message: string;
  start: number;
  end: number;
}

type JVal =
  | { t: 'obj'; start: number; end: number; props: { key: string; keyStart: number; keyEnd: number; value: JVal }[] }
  | { t: 'arr'; start: number; end: number; items: JVal[] }
  | { t: 'str'; start: number; end: number; value: string }
  | { t: 'num' | 'bool' | 'null'; start: number; end: number };

class JsonError extends Error {
  constructor(
    message: string,
    readonly start: number,
    readonly end: number,
  ) {
    super(message);
  }
}

/** A small JSON parser that keeps offsets (JSON.parse does not), tolerating // and /* comments as VS Code does. */
function parseJson(text: string): JVal {
  let i = 0;
  const ws = (): void => {
    for (;;) {
      while (i < text.length && /[\s\uFEFF]/.test(text[i])) i++;
      if (text.startsWith('//', i)) {
        while (i < text.length && text[i] !== '\n') i++;
      } else if (text.startsWith('/*', i)) {
        const e = text.indexOf('*/', i + 2);
        i = e < 0 ? text.length : e + 2;
      } else return;
    }
  };
  const fail = (msg: string, at = i, len = 1): never => {
    throw new JsonError(msg, Math.min(at, text.length), Math.min(at + len, text.length));
  };
  const value = (): JVal => {
    ws();
    const c = text[i];
    const start = i;
    if (c === '{') {
      i++;
      const props: { key: string; keyStart: number; keyEnd: number; value: JVal }[] = [];
      ws();
      if (text[i] === '}') return { t: 'obj', start, end: ++i, props };
      for (;;) {
        ws();
        if (text[i] !== '"') fail('expected a property name in double quotes');
        const k = str();
        ws();
        if (text[i] !== ':') fail('expected ":" after the property name');
        i++;
        const v = value();
        props.push({ key: k.value, keyStart: k.start, keyEnd: k.end, value: v });
        ws();
        if (text[i] === ',') {
          i++;
          ws();
          if (text[i] === '}') return { t: 'obj', start, end: ++i, props }; // trailing comma, as VS Code's JSONC allows
          continue;
        }
        if (text[i] === '}') return { t: 'obj', start, end: ++i, props };
        fail('expected "," or "}"');
      }
    }
    if (c === '[') {
      i++;
      const items: JVal[] = [];
      ws();
      if (text[i] === ']') return { t: 'arr', start, end: ++i, items };
      for (;;) {
        items.push(value());
        ws();
        if (text[i] === ',') {
          i++;
          ws();
          if (text[i] === ']') return { t: 'arr', start, end: ++i, items };
          continue;
        }
        if (text[i] === ']') return { t: 'arr', start, end: ++i, items };
        fail('expected "," or "]"');
      }
    }
    if (c === '"') return str();
    const lit = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(i, i + 64));
    if (lit) {
      i += lit[0].length;
      const t = lit[0] === 'null' ? 'null' : lit[0] === 'true' || lit[0] === 'false' ? 'bool' : 'num';
      return { t, start, end: i };
    }
    return fail(i >= text.length ? 'unexpected end of file' : `unexpected character ${JSON.stringify(c)}`);
  };
  const str = (): { t: 'str'; start: number; end: number; value: string } => {
    const start = i;
    i++;
    let out = '';
    while (i < text.length && text[i] !== '"') {
      const ch = text[i];
      if (ch === '\n') fail('unterminated string', start, i - start);
      if (ch === '\\') {
        const e = text[i + 1];
        const map: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
        if (e in map) {
          out += map[e];
          i += 2;
        } else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
          out += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
          i += 6;
        } else fail('invalid escape in string', i, 2);
      } else {
        out += ch;
        i++;
      }
    }
    if (i >= text.length) fail('unterminated string', start, text.length - start);
    i++;
    return { t: 'str', start, end: i, value: out };
  };
  const v = value();
  ws();
  if (i < text.length) fail('unexpected content after the end of the JSON value', i, text.length - i);
  return v;
}

const KINDS: readonly EntityKind[] = ['person', 'group', 'place', 'other'];
const KNOWN = new Set(['name', 'aliases', 'kind', 'definition', 'links', 'hidden']);

/**
 * Parse a glossary. Accepted shapes: `{ "entries": [ … ] }` (with an optional "$schema") or a bare array of
 * entries. Each entry: `{ "name": string, "aliases"?: string[], "kind"?: "person"|"group"|"place"|"other",
 * "definition"?: string, "links"?: string[], "hidden"?: boolean }` ("hidden": this name is no name).
 */
export function parseGlossary(file: string, text: string): { entries: GlossaryEntry[]; errors: GlossaryError[] } {
  const errors: GlossaryError[] = [];
  const entries: GlossaryEntry[] = [];
  if (text.trim() === '') return { entries, errors };
  let root: JVal;
  try {
    root = parseJson(text);
  } catch (e) {
    if (e instanceof JsonError) return { entries, errors: [{ message: e.message, start: e.start, end: e.end }] };
    throw e;
  }
  let list: JVal | undefined;
  if (root.t === 'arr') list = root;
  else if (root.t === 'obj') {
    const p = root.props.find((x) => x.key === 'entries');
    // A file holding only metadata corrections (see corrections.ts) is not a broken glossary.
    if (!p && root.props.some((x) => x.key === 'articles')) return { entries, errors };
    if (!p) {
      errors.push({ message: 'a glossary needs an "entries" array', start: root.start, end: Math.min(root.end, root.start + 1) });
      return { entries, errors };
    }
    list = p.value;
  }
  if (!list || list.t !== 'arr') {
    const at = list ?? root;
    errors.push({ message: '"entries" must be an array of entries', start: at.start, end: at.end });
    return { entries, errors };
  }
  const seen = new Map<string, number>();
  for (const item of list.items) {
    if (item.t !== 'obj') {
      errors.push({ message: 'each entry must be an object with a "name"', start: item.start, end: item.end });
      continue;
    }
    const get = (k: string): JVal | undefined => item.props.find((p) => p.key === k)?.value;
    let ok = true;
    const bad = (v: JVal, message: string): void => {
      errors.push({ message, start: v.start, end: v.end });
      ok = false;
    };
    const name = get('name');
    if (!name) {
      errors.push({ message: 'entry has no "name"', start: item.start, end: Math.min(item.end, item.start + 1) });
      continue;
    }
    if (name.t !== 'str' || name.value.trim() === '') {
      bad(name, '"name" must be a non-empty string');
      continue;
    }
    const strings = (k: string): string[] | undefined => {
      const v = get(k);
      if (!v) return undefined;
      if (v.t !== 'arr') {
        bad(v, `"${k}" must be an array of strings`);
        return undefined;
      }
      const out: string[] = [];
      for (const x of v.items) {
        if (x.t !== 'str') bad(x, `"${k}" must contain only strings`);
        else if (x.value.trim()) out.push(x.value.trim());
      }
      return out;
    };
    const aliases = strings('aliases') ?? [];
    const links = strings('links');
    let kind: EntityKind | undefined;
    const kv = get('kind');
    if (kv) {
      if (kv.t === 'str' && (KINDS as readonly string[]).includes(kv.value)) kind = kv.value as EntityKind;
      else bad(kv, `"kind" must be one of ${KINDS.map((k) => `"${k}"`).join(', ')}`);
    }
    let definition: string | undefined;
    const dv = get('definition');
    if (dv) {
      if (dv.t === 'str') definition = dv.value.trim() || undefined;
      else bad(dv, '"definition" must be a string');
    }
    let hidden = false;
    const hv = get('hidden');
    if (hv) {
      if (hv.t === 'bool') hidden = text.slice(hv.start, hv.end) === 'true';
      else bad(hv, '"hidden" must be true or false');
    }
    for (const p of item.props) {
      if (!KNOWN.has(p.key)) errors.push({ message: `unknown property "${p.key}" (ignored)`, start: p.keyStart, end: p.keyEnd });
    }
    const key = name.value.trim().toLowerCase();
    if (seen.has(key)) {
      errors.push({ message: `"${name.value.trim()}" is already defined in this glossary`, start: name.start, end: name.end });
      continue;
    }
    // A named entry with a bad field is still useful: keep its good fields (the error says what was dropped).
    void ok;
    seen.set(key, entries.length);
    const entry: GlossaryEntry = { name: name.value.trim(), aliases, source: { file, start: item.start, end: item.end } };
    if (kind) entry.kind = kind;
    if (definition) entry.definition = definition;
    if (links) entry.links = links;
    if (hidden) entry.hidden = true;
    entries.push(entry);
  }
  return { entries, errors };
}
