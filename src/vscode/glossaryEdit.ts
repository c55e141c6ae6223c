// Where and how "Edit in glossary" adds an entry to a glossary file, as a text insertion that keeps the
// file's own formatting (so the edit is small and undoable). No `vscode` import: unit-tested directly.

export interface NewGlossaryEntry {
  name: string;
  aliases: string[];
  kind: string;
  definition: string;
  /** A hidden entry says the name is no name: it is written without kind and definition. */
  hidden?: boolean;
}

export type GlossaryInsert =
  | {
      ok: true;
      /** Offset in the current text where `text` is inserted. */
      offset: number;
      text: string;
      /** Range of the definition's value (inside the quotes) in the text after insertion, to select it. */
      definitionStart: number;
      definitionEnd: number;
    }
  | { ok: false; reason: string };

/** Plan adding `entry` to a glossary whose current text is `current` (null: the file does not exist yet). */
export function planGlossaryInsert(current: string | null, entry: NewGlossaryEntry): GlossaryInsert {
  const body = entryJson(entry);
  if (current === null || current.trim() === '') {
    const prefix = '{\n  "entries": [\n    ';
    return place(current ? current.length : 0, prefix, body.text, '\n  ]\n}\n', body);
  }
  const shape = scan(current);
  if (!shape) return { ok: false, reason: 'the glossary is not valid JSON; fix it first (see the Problems panel)' };
  if (shape.entries) {
    const { close, empty } = shape.entries;
    const insertAt = empty ? close : trimBack(current, close);
    return place(insertAt, empty ? '\n    ' : ',\n    ', body.text, empty ? '\n  ' : '', body);
  }
  if (shape.kind === 'array') {
    const insertAt = shape.empty ? shape.close : trimBack(current, shape.close);
    return place(insertAt, shape.empty ? '\n  ' : ',\n  ', body.text, shape.empty ? '\n' : '', body);
  }
  const insertAt = shape.empty ? shape.close : trimBack(current, shape.close);
  return place(insertAt, `${shape.empty ? '' : ','}\n  "entries": [\n    `, body.text, '\n  ]' + (shape.empty ? '\n' : ''), body);
}

function place(
  offset: number,
  before: string,
  entry: string,
  after: string,
  body: { definitionAt: number; definitionLength: number },
): GlossaryInsert {
  const definitionStart = offset + before.length + body.definitionAt;
  return { ok: true, offset, text: before + entry + after, definitionStart, definitionEnd: definitionStart + body.definitionLength };
}

function entryJson(e: NewGlossaryEntry): { text: string; definitionAt: number; definitionLength: number } {
  if (e.hidden) {
    const text = `{ "name": ${JSON.stringify(e.name)}, "aliases": ${JSON.stringify(e.aliases).replace(/","/g, '", "')}, "hidden": true }`;
    return { text, definitionAt: 0, definitionLength: 0 };
  }
  const head = `{ "name": ${JSON.stringify(e.name)}, "aliases": ${JSON.stringify(e.aliases).replace(/","/g, '", "')}, "kind": ${JSON.stringify(e.kind)}, "definition": `;
  const def = JSON.stringify(e.definition);
  return { text: `${head}${def} }`, definitionAt: head.length + 1, definitionLength: def.length - 2 };
}

/** Back from a closing bracket over whitespace, so a new item follows the last one directly. */
function trimBack(text: string, close: number): number {
  let i = close;
  while (i > 0 && /\s/.test(text[i - 1])) i--;
  return i;
}

interface Shape {
  kind: 'object' | 'array';
  /** Offset of the top-level container's closing bracket. */
  close: number;
  empty: boolean;
  /** The top-level object's "entries" array, when there is one. */
  entries?: { close: number; empty: boolean };
}

/** The top-level structure of a JSON text, or null when it is not valid JSON (JSON.parse decides). */
function scan(text: string): Shape | null {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null) return null;
    if (!Array.isArray(value) && 'entries' in value && !Array.isArray((value as { entries: unknown }).entries)) return null;
  } catch {
    return null;
  }
  const stack: { open: number; empty: boolean; isEntries: boolean }[] = [];
  let shape: Shape | null = null;
  let lastKey: string | null = null;
  let entries: Shape['entries'];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      const str = JSON.parse(text.slice(i, j + 1)) as string;
      if (stack.length > 0) stack[stack.length - 1].empty = false;
      // A string directly inside the top-level object followed by ':' is a key.
      lastKey = stack.length === 1 && /^\s*:/.test(text.slice(j + 1, j + 40)) ? str : lastKey;
      i = j;
    } else if (c === '{' || c === '[') {
      if (stack.length > 0) stack[stack.length - 1].empty = false;
      stack.push({
        open: i,
        empty: true,
        isEntries: c === '[' && stack.length === 1 && lastKey === 'entries' && text[stack[0].open] === '{',
      });
    } else if (c === '}' || c === ']') {
      const top = stack.pop()!;
      if (top.isEntries) entries = { close: i, empty: top.empty };
      if (stack.length === 0) {
        shape = { kind: c === '}' ? 'object' : 'array', close: i, empty: top.empty, entries };
        break;
      }
    } else if (/[^\s,:]/.test(c) && stack.length > 0) {
      stack[stack.length - 1].empty = false;
    }
  }
  return shape;
}
