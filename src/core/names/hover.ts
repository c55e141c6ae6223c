// Hover text for an entity. Everything taken from articles is escaped so article text can never form a link,
// an image, HTML or a command; the only links are Parallax's own commands, built here.
import type { ArticleMeta } from '../types';
import type { Entity, Mention } from './model';

export interface HoverContext {
  /** Text around a mention, provided by the caller. */
  snippet(file: string, start: number, end: number): string;
  meta(file: string): ArticleMeta | undefined;
  /** 0-based line and character of an offset. */
  lineOf(file: string, offset: number): { line: number; character: number };
}

const MAX_OTHER_MENTIONS = 5;
const SNIPPET_CHARS = 100;

/**
 * Escape text for Markdown: every ASCII punctuation character is backslash-escaped (CommonMark renders it
 * literally), so no emphasis, link, image, autolink or HTML can form; line breaks become spaces.
 */
export function escapeMarkdown(s: string): string {
  return s
    .replace(/[\r\n\u2028\u2029]+/g, ' ')
    .replace(/[\\`*_{}[\]()#+\-.!|~<>&"'=:/@$%^,;?]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : `\\${c}`));
}

function commandLink(label: string, command: 'parallax.openMention' | 'parallax.editInGlossary', args: unknown[]): string {
  return `[${label}](command:${command}?${encodeURIComponent(JSON.stringify(args))})`;
}

function sourceOf(meta: ArticleMeta | undefined, file: string | null): string {
  const parts: string[] = [];
  parts.push(meta?.outlet ?? (file ? 'Unknown outlet' : ''));
  if (meta?.date?.iso) parts.push(meta.date.iso);
  return parts.filter(Boolean).join(', ');
}

/**
 * How many articles and which outlets mention an entity. Walking every mention costs milliseconds for a name
 * mentioned 100,000 times, so it is computed once per entity object (an index update replaces changed entities
 * with new objects, so a stale summary is never reused).
 */
const spreads = new WeakMap<Entity, { files: number; outlets: string[] }>();

function spread(entity: Entity, ctx: HoverContext): { files: number; outlets: string[] } {
  let s = spreads.get(entity);
  if (!s) {
    const files = new Set(entity.mentions.map((m) => m.file));
    s = { files: files.size, outlets: [...new Set([...files].map((f) => ctx.meta(f)?.outlet ?? 'Unknown outlet'))] };
    spreads.set(entity, s);
  }
  return s;
}

/** Articles looked at when choosing other mentions: bounds the hover's cost for names mentioned everywhere. */
const MAX_CANDIDATE_ARTICLES = 2000;

const dayOf = (iso: string | undefined): number | null => {
  if (!iso) return null;
  const t = Date.parse(iso.length === 7 ? `${iso}-15` : iso);
  return Number.isNaN(t) ? null : t / 86_400_000;
};

/**
 * Up to five other mentions chosen to help a reader compare: one per article, other outlets first, then the
 * articles closest in date to the one being read; the same article's other mentions only when nothing else is left.
 */
function otherMentions(entity: Entity, at: Mention | null, ctx: HoverContext): Mention[] {
  const here = at ? ctx.meta(at.file) : undefined;
  const hereOutlet = here?.outlet ?? null;
  const hereDay = dayOf(here?.date?.iso);
  const firstPerFile: Mention[] = [];
  const sameFile: Mention[] = [];
  let lastFile: string | null = null;
  for (const m of entity.mentions) {
    if (at && m.file === at.file) {
      if (m.start !== at.start && sameFile.length < MAX_OTHER_MENTIONS) sameFile.push(m);
      continue;
    }
    // Mentions come sorted by file: the first of each file stands for its article.
    if (m.file === lastFile) continue;
    lastFile = m.file;
    firstPerFile.push(m);
    if (firstPerFile.length >= MAX_CANDIDATE_ARTICLES) break;
  }
  const scored = firstPerFile.map((m, order) => {
    const meta = ctx.meta(m.file);
    const sameOutlet = hereOutlet !== null && meta?.outlet === hereOutlet ? 1 : 0;
    const day = dayOf(meta?.date?.iso);
    const gap = hereDay === null || day === null ? Number.MAX_SAFE_INTEGER : Math.abs(day - hereDay);
    return { m, sameOutlet, gap, order };
  });
  scored.sort((a, b) => a.sameOutlet - b.sameOutlet || a.gap - b.gap || a.order - b.order);
  // Outlets spread out: the best article of each outlet first, then the rest in the same order.
  const seenOutlets = new Set<string>();
  const first: Mention[] = [];
  const rest: Mention[] = [];
  for (const s of scored) {
    const outlet = ctx.meta(s.m.file)?.outlet ?? '';
    if (!seenOutlets.has(outlet)) {
      seenOutlets.add(outlet);
      first.push(s.m);
    } else rest.push(s.m);
  }
  return first.concat(rest, sameFile).slice(0, MAX_OTHER_MENTIONS);
}

export function hoverMarkdown(entity: Entity, at: Mention | null, ctx: HoverContext): string {
  const lines: string[] = [];
  lines.push(`**${escapeMarkdown(entity.name)}** · ${entity.kind}`);
  const d = entity.definition;
  if (d) {
    let src: string;
    if (d.origin === 'glossary') src = 'glossary';
    else {
      const meta = d.file ? ctx.meta(d.file) : undefined;
      const where = [d.outlet ?? meta?.outlet ?? 'Unknown outlet', d.date ?? meta?.date?.iso].filter(Boolean).join(', ');
      src = where;
    }
    lines.push(`${escapeMarkdown(d.text)} *(${escapeMarkdown(src)})*`);
  }
  const spellings = entity.aliases.filter((a) => a !== entity.name);
  if (spellings.length) {
    const shown = spellings.slice(0, 12).map(escapeMarkdown).join(', ');
    lines.push(`Also written: ${shown}${spellings.length > 12 ? `, … (${spellings.length - 12} more)` : ''}`);
  }
  if (entity.mentions.length) {
    const { files, outlets } = spread(entity, ctx);
    const shownOutlets = outlets.slice(0, 6).map(escapeMarkdown).join(', ') + (outlets.length > 6 ? `, … ${outlets.length - 6} more` : '');
    const n = entity.mentions.length;
    lines.push(`${n} mention${n === 1 ? '' : 's'} in ${files} article${files === 1 ? '' : 's'} (${shownOutlets})`);
  } else {
    lines.push('No mentions in the articles yet');
  }
  const picked = otherMentions(entity, at, ctx);
  if (picked.length) {
    const items = picked.map((m) => {
      const pos = ctx.lineOf(m.file, m.start);
      const meta = ctx.meta(m.file);
      const raw = ctx.snippet(m.file, m.start, m.end).replace(/\s+/g, ' ').trim();
      const text = raw.length > SNIPPET_CHARS ? `${raw.slice(0, SNIPPET_CHARS - 1)}…` : raw;
      const label = escapeMarkdown(text || m.surface);
      const src = escapeMarkdown(sourceOf(meta, m.file));
      return `- ${commandLink(label, 'parallax.openMention', [m.file, pos.line, pos.character])}${src ? ` — ${src}` : ''}`;
    });
    lines.push(items.join('\n'));
  }
  lines.push(commandLink('Edit in glossary', 'parallax.editInGlossary', [entity.id]));
  return lines.join('\n\n');
}
