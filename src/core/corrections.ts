// Reader corrections of article metadata (title, outlet, author, date), stored beside the articles and never in
// them: the "articles" section of any *.parallax.json file, keyed by the article's path relative to that file's
// folder (so the same file works whichever folder is opened as the workspace root):
//
//   { "articles": { "000_5016c1d33df8f1b8.txt": { "outlet": "World Socialist Web Site", "date": "2024-12-09" } } }
//
// Parsing keeps offsets (errors are underlined in the Problems panel like glossary errors), and edits are planned
// as text edits with jsonc-parser, so a correction changes one property of the file and keeps its comments and
// formatting.
import { applyEdits, modify, parseTree, printParseErrorCode, type Edit, type Node, type ParseError } from 'jsonc-parser';
import type { ArticleMeta } from './types';

export const CORRECTABLE_FIELDS = ['title', 'outlet', 'author', 'date'] as const;
export type CorrectableField = (typeof CORRECTABLE_FIELDS)[number];

/** What a reader entered for one article; a field left out keeps the inferred value. */
export type MetaCorrection = Partial<Record<CorrectableField, string>>;

export interface CorrectionError {
  message: string;
  start: number;
  end: number;
}

/** The name of the section in a *.parallax.json file. */
export const CORRECTIONS_SECTION = 'articles';

const PROVENANCE = 'correction';

/**
 * The corrections in a *.parallax.json text, by article path relative to the file's folder. A file without an
 * "articles" section has none (and no errors: it is a plain glossary). A bad field is reported and left out; the
 * article's other fields stay corrected.
 */
export function parseCorrections(text: string): { corrections: Map<string, MetaCorrection>; errors: CorrectionError[] } {
  const corrections = new Map<string, MetaCorrection>();
  const errors: CorrectionError[] = [];
  const parseErrors: ParseError[] = [];
  const root = parseTree(text, parseErrors, { allowTrailingComma: true, disallowComments: false });
  if (parseErrors.length > 0 || !root) {
    // The glossary parser reports JSON syntax errors for the same file; saying it twice would only add noise.
    return { corrections, errors };
  }
  if (root.type !== 'object') return { corrections, errors };
  const section = propertyNode(root, CORRECTIONS_SECTION);
  if (!section) return { corrections, errors };
  const value = section.children?.[1];
  if (!value || value.type !== 'object') {
    errors.push(at(value ?? section, `"${CORRECTIONS_SECTION}" must be an object of article paths to corrected fields`));
    return { corrections, errors };
  }
  for (const prop of value.children ?? []) {
    const [keyNode, fields] = prop.children ?? [];
    if (!keyNode || typeof keyNode.value !== 'string') continue;
    const path = normalizeRelative(keyNode.value);
    if (path === null) {
      errors.push(at(keyNode, 'the article path must be relative to this file’s folder, with "/" separators'));
      continue;
    }
    if (!fields || fields.type !== 'object') {
      errors.push(at(fields ?? keyNode, 'a correction is an object with "title", "outlet", "author" and/or "date"'));
      continue;
    }
    const correction: MetaCorrection = {};
    for (const field of fields.children ?? []) {
      const [name, v] = field.children ?? [];
      if (!name || !v) continue;
      const key = String(name.value);
      if (!(CORRECTABLE_FIELDS as readonly string[]).includes(key)) {
        errors.push(at(name, `unknown field "${key}" (expected ${CORRECTABLE_FIELDS.map((f) => `"${f}"`).join(', ')})`));
        continue;
      }
      if (v.type !== 'string' || String(v.value).trim() === '') {
        errors.push(at(v, `"${key}" must be a non-empty string`));
        continue;
      }
      const s = String(v.value).trim();
      if (key === 'date' && !isIsoDate(s)) {
        errors.push(at(v, '"date" must be "YYYY-MM-DD" or "YYYY-MM"'));
        continue;
      }
      correction[key as CorrectableField] = s;
    }
    if (corrections.has(path)) errors.push(at(keyNode, `"${path}" is corrected twice in this file; the last one is used`));
    corrections.set(path, correction);
  }
  return { corrections, errors };
}

/** The article's metadata with the reader's corrections over the inferred values (the same object when none). */
export function applyCorrection(meta: ArticleMeta, correction: MetaCorrection | undefined): ArticleMeta {
  if (!correction || Object.keys(correction).length === 0) return meta;
  const out: ArticleMeta = { ...meta, provenance: { ...meta.provenance } };
  if (correction.title !== undefined) out.title = correction.title;
  if (correction.outlet !== undefined) out.outlet = correction.outlet;
  if (correction.author !== undefined) out.author = correction.author;
  if (correction.date !== undefined)
    out.date = { iso: correction.date, precision: correction.date.length === 7 ? 'month' : 'day', source: null };
  for (const f of CORRECTABLE_FIELDS) if (correction[f] !== undefined) out.provenance[f] = PROVENANCE;
  return out;
}

/** Whether a field's value comes from a reader's correction. */
export function isCorrected(meta: ArticleMeta, field: CorrectableField): boolean {
  return meta.provenance[field] === PROVENANCE;
}

/**
 * The edits that store `correction` for `relativePath` in a *.parallax.json whose text is `current` (null or
 * empty: a new file). Fields set to '' are removed; an article left with no field loses its entry. The file's
 * other content (glossary entries, comments, formatting) is untouched. Throws when `current` is not valid JSON.
 */
export function planCorrectionEdits(
  current: string | null,
  relativePath: string,
  correction: MetaCorrection,
  options: { schema?: string } = {},
): Edit[] {
  const formatting = { formattingOptions: { insertSpaces: true, tabSize: 2, eol: '\n' } };
  const fields: MetaCorrection = {};
  for (const f of CORRECTABLE_FIELDS) {
    const v = correction[f]?.trim();
    if (v) fields[f] = v;
  }
  const empty = Object.keys(fields).length === 0;
  if (current === null || current.trim() === '') {
    if (empty) return [];
    const fresh: Record<string, unknown> = {};
    if (options.schema) fresh.$schema = options.schema;
    fresh[CORRECTIONS_SECTION] = { [relativePath]: fields };
    return [{ offset: 0, length: current?.length ?? 0, content: JSON.stringify(fresh, null, 2) + '\n' }];
  }
  const errors: ParseError[] = [];
  const root = parseTree(current, errors, { allowTrailingComma: true });
  if (errors.length > 0 || !root || root.type !== 'object') {
    const first = errors[0];
    throw new Error(
      first ? `not valid JSON (${printParseErrorCode(first.error)} at offset ${first.offset})` : 'the file is not a JSON object',
    );
  }
  return modify(current, [CORRECTIONS_SECTION, relativePath], empty ? undefined : fields, formatting);
}

/** planCorrectionEdits applied: the new text of the file. */
export function correctedText(
  current: string | null,
  relativePath: string,
  correction: MetaCorrection,
  options: { schema?: string } = {},
): string {
  return applyEdits(current ?? '', planCorrectionEdits(current, relativePath, correction, options));
}

/** The folder part of a '/'-separated path or URI ('' for a file at the root). */
export function folderOf(file: string): string {
  const i = file.lastIndexOf('/');
  return i < 0 ? '' : file.slice(0, i);
}

/**
 * Where a corrected article lives, as a corpus key: `relativePath` joined to the folder of the *.parallax.json
 * that holds it. Keys are compared decoded, so a URI key ("…/My%20Articles/a.txt") matches a plain path.
 */
export function correctionTarget(sidecarFile: string, relativePath: string): string {
  const folder = folderOf(sidecarFile);
  return comparableKey(folder ? `${folder}/${relativePath}` : relativePath);
}

/** A corpus key in the form correction targets are compared in (percent-decoded). */
export function comparableKey(file: string): string {
  try {
    return decodeURIComponent(file);
  } catch {
    return file;
  }
}

/** The article's path relative to a sidecar's folder, or null when the article is not under it. */
export function relativeToSidecar(sidecarFile: string, articleFile: string): string | null {
  const folder = comparableKey(folderOf(sidecarFile));
  const article = comparableKey(articleFile);
  if (folder === '') return /^[a-z][a-z0-9+.-]*:/i.test(article) ? null : article;
  return article.startsWith(folder + '/') ? article.slice(folder.length + 1) : null;
}

function normalizeRelative(p: string): string | null {
  const parts: string[] = [];
  for (const seg of p.replace(/\\/g, '/').split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (parts.length === 0) return null;
      parts.pop();
    } else parts.push(seg);
  }
  if (parts.length === 0 || /^[a-z][a-z0-9+.-]*:/i.test(p) || p.startsWith('/')) return null;
  return parts.join('/');
}

function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(s);
  if (!m) return false;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return false;
  if (m[3] === undefined) return true;
  const day = Number(m[3]);
  const days = new Date(Date.UTC(Number(m[1]), month, 0)).getUTCDate();
  return day >= 1 && day <= days;
}

function propertyNode(obj: Node, key: string): Node | undefined {
  return obj.children?.find((p) => p.children?.[0]?.value === key);
}

function at(node: Node, message: string): CorrectionError {
  return { message, start: node.offset, end: node.offset + node.length };
}
