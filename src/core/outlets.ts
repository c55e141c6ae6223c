// Naming the outlet from text: signatures (substrings or /regex/ the outlet leaves in its pages), datelines
// such as "HAVANA TIMES –" or "BEIRUT (Reuters) -", and magazine issue footers ("Name 255 February/March 2017").

/**
 * Well-known signatures. The user's `outletSignatures` setting extends this table and overrides an entry with
 * the same key. Matched case-insensitively on word boundaries, and only in the parts of an article that speak
 * for the outlet (header lines, datelines, footers) so a body that quotes "Reuters reported…" is not credited
 * to Reuters.
 */
export const BUILTIN_OUTLET_SIGNATURES: Readonly<Record<string, string>> = {
  'wsws.org': 'World Socialist Web Site',
  WSWS: 'World Socialist Web Site',
  'World Socialist Web Site': 'World Socialist Web Site',
  'Havana Times': 'Havana Times',
  'havanatimes.org': 'Havana Times',
  'Fight Racism! Fight Imperialism!': 'Fight Racism! Fight Imperialism!',
  'revolutionarycommunist.org': 'Fight Racism! Fight Imperialism!',
  'Al Jazeera': 'Al Jazeera',
  'aljazeera.com': 'Al Jazeera',
  Reuters: 'Reuters',
  'Agence France-Presse': 'AFP',
  'Associated Press': 'Associated Press',
  'BBC News': 'BBC News',
  'theguardian.com': 'The Guardian',
  'Middle East Eye': 'Middle East Eye',
  'Ahram Online': 'Ahram Online',
  'english.ahram.org.eg': 'Ahram Online',
  'Al-Alam': 'Al-Alam',
  'The New Arab': 'The New Arab',
  'alaraby.co.uk': 'The New Arab',
  'Al Arabiya': 'Al Arabiya',
  'Asharq Al-Awsat': 'Asharq Al-Awsat',
  'Daily Sabah': 'Daily Sabah',
  'dailysabah.com': 'Daily Sabah',
  'Syrian National Coalition': 'Syrian National Coalition',
  'etilaf.org': 'Syrian National Coalition',
  'Jordan Times': 'The Jordan Times',
  'Al-Manar': 'Al-Manar',
  'National News Agency': 'National News Agency (Lebanon)',
  SANA: 'SANA',
  'sana.sy': 'SANA',
  Sputnik: 'Sputnik',
  'sputniknews.com': 'Sputnik',
  TASS: 'TASS',
  'TRT World': 'TRT World',
  Counterpunch: 'CounterPunch',
  'Socialist Worker': 'Socialist Worker',
  'Morning Star': 'Morning Star',
  Confidencial: 'Confidencial',
};

interface CompiledSignature {
  key: string;
  outlet: string;
  /** Lowercased substring, or null when `regex` is used. */
  needle: string | null;
  regex: RegExp | null;
}

const compiledCache = new WeakMap<object, CompiledSignature[]>();

function compileOne(key: string, outlet: string): CompiledSignature | null {
  if (typeof outlet !== 'string' || !outlet.trim() || !key) return null;
  const rx = /^\/(.+)\/([a-z]*)$/s.exec(key);
  if (rx) {
    try {
      const flags = rx[2].replace(/[gy]/g, '');
      return { key, outlet: outlet.trim(), needle: null, regex: new RegExp(rx[1], flags.includes('i') ? flags : flags + 'i') };
    } catch {
      return null; // An invalid user pattern is ignored rather than breaking every article.
    }
  }
  return { key, outlet: outlet.trim(), needle: key.toLowerCase(), regex: null };
}

/** Signatures to try in order: the user's first (they override), then the built-in ones they do not redefine. */
export function compileSignatures(user?: Record<string, string>): CompiledSignature[] {
  const cacheKey = user ?? BUILTIN_OUTLET_SIGNATURES;
  const cached = compiledCache.get(cacheKey);
  if (cached) return cached;
  const out: CompiledSignature[] = [];
  const userKeys = new Set<string>();
  if (user && typeof user === 'object') {
    for (const [k, v] of Object.entries(user)) {
      const c = compileOne(k, v);
      if (c) {
        out.push(c);
        userKeys.add(k.toLowerCase());
      }
    }
  }
  for (const [k, v] of Object.entries(BUILTIN_OUTLET_SIGNATURES)) {
    if (userKeys.has(k.toLowerCase())) continue;
    const c = compileOne(k, v);
    if (c) out.push(c);
  }
  // Longer substrings first: "World Socialist Web Site" before "WSWS", "TRT World" before "TRT".
  const userCount = userKeys.size;
  const builtin = out.slice(userCount).sort((a, b) => (b.needle?.length ?? 0) - (a.needle?.length ?? 0));
  const result = [...out.slice(0, userCount), ...builtin];
  compiledCache.set(cacheKey, result);
  return result;
}

function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c > 127;
}

/** Index of `needle` in `hay` (both lowercased) as a whole word, or -1. */
function wordIndexOf(hay: string, needle: string): number {
  let from = 0;
  while (from <= hay.length - needle.length) {
    const i = hay.indexOf(needle, from);
    if (i < 0) return -1;
    const before = i > 0 ? hay.charCodeAt(i - 1) : 32;
    const after = i + needle.length < hay.length ? hay.charCodeAt(i + needle.length) : 32;
    const needleStartsAlnum = isAlnum(needle.charCodeAt(0));
    const needleEndsAlnum = isAlnum(needle.charCodeAt(needle.length - 1));
    if ((!needleStartsAlnum || !isAlnum(before)) && (!needleEndsAlnum || !isAlnum(after))) return i;
    from = i + 1;
  }
  return -1;
}

/** The first signature (in table order) found in `text`. Case-sensitive keys that are all capitals (e.g. "SANA",
 * "TASS") must appear in capitals, so the word "sana" or "Tass" in prose does not count. */
export function matchSignature(text: string, signatures: CompiledSignature[]): { outlet: string; key: string } | null {
  if (!text) return null;
  const lower = text.toLowerCase();
  for (const sig of signatures) {
    if (sig.regex) {
      sig.regex.lastIndex = 0;
      if (sig.regex.test(text)) return { outlet: sig.outlet, key: sig.key };
      continue;
    }
    const needle = sig.needle!;
    const allCaps = /^[A-Z]{2,6}$/.test(sig.key);
    if (allCaps) {
      if (wordIndexOf(text, sig.key) >= 0) return { outlet: sig.outlet, key: sig.key };
    } else if (wordIndexOf(lower, needle) >= 0) {
      return { outlet: sig.outlet, key: sig.key };
    }
  }
  return null;
}

const OUTLET_WORD =
  /\b(?:TIMES|NEWS|POST|HERALD|TRIBUNE|PRESS|JOURNAL|GAZETTE|AGENCY|DAILY|WIRE|MONITOR|EXPRESS|CHRONICLE|OBSERVER|STAR|MAIL|TELEGRAPH|REVIEW|WEEKLY|DIGEST|REPORT)\b/;

/** "HAVANA TIMES", "BEIRUT" … as written at the start of a paragraph, before a dash. */
const DATELINE_RE =
  /^([A-Z][A-Z'’.&-]*(?: [A-Z][A-Z'’.&-]*){0,4})(?:, [A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+){0,2})?(?: ?\(([^()]{2,40})\))? ?(?:[–—]|--?|:) /;

export interface Dateline {
  /** The dateline as written ("HAVANA TIMES", "BEIRUT"). */
  place: string;
  /** The outlet it names, when it names one (an outlet word, a parenthesised agency, or a signature). */
  outlet: string | null;
  end: number;
}

function titleCase(s: string): string {
  return s.toLowerCase().replace(/(^|[\s\-'’])(\p{L})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase());
}

export function readDateline(paragraph: string, signatures: CompiledSignature[]): Dateline | null {
  const m = DATELINE_RE.exec(paragraph.slice(0, 120));
  if (!m) return null;
  const place = m[1].replace(/[.,]+$/, '');
  // A dateline is capitals only; a one-letter word ("A –") or an acronym inside a sentence is not one.
  if (place.replace(/[^A-Z]/g, '').length < 3) return null;
  let outlet: string | null = null;
  if (m[2]) outlet = matchSignature(m[2], signatures)?.outlet ?? (/^[A-Z][\w .&'-]{1,30}$/.test(m[2]) ? m[2].trim() : null);
  if (!outlet) outlet = matchSignature(place, signatures)?.outlet ?? null;
  if (!outlet && OUTLET_WORD.test(place)) outlet = titleCase(place);
  return { place, outlet, end: m[0].length };
}

const MONTH_WORD =
  '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';
/** "Fight Racism! Fight Imperialism! 255 February/March 2017": publication name, issue number, issue month. */
const ISSUE_FOOTER_RE = new RegExp(
  `^(\\S.{1,70}?)\\s+(?:No\\.?\\s*|Issue\\s+|#)?\\d{1,4}\\s+(${MONTH_WORD})(?:\\s*[/–-]\\s*${MONTH_WORD})?,?\\s+((?:19|20)\\d\\d)$`,
);

export function readIssueFooter(paragraph: string): { outlet: string; iso: string } | null {
  if (paragraph.length > 120) return null;
  const m = ISSUE_FOOTER_RE.exec(paragraph.trim());
  if (!m) return null;
  const month = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].indexOf(
    m[2].slice(0, 3).toLowerCase(),
  );
  const outlet = m[1]
    .trim()
    .replace(/[,:–-]+$/, '')
    .trim();
  // A sentence that happens to end in a number and a date ("…killed 30 in May 2017") is not a footer.
  if (!/^[A-Z0-9]/.test(outlet) || /[.;]$/.test(outlet) || outlet.split(/\s+/).length > 8) return null;
  return { outlet, iso: `${m[3]}-${String(month + 1).padStart(2, '0')}` };
}
