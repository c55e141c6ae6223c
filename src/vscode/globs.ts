// Glob lists from settings turned into the single patterns `findFiles` and file watchers take. VS Code's
// glob syntax allows one level of {a,b} groups, so groups inside user globs are expanded first.

/** "**\/*.{txt,md}" → ["**\/*.txt", "**\/*.md"]; globs without braces come back unchanged. */
export function expandBraces(glob: string): string[] {
  const open = glob.indexOf('{');
  if (open < 0) return [glob];
  let depth = 0;
  for (let i = open; i < glob.length; i++) {
    if (glob[i] === '{') depth++;
    else if (glob[i] === '}' && --depth === 0) {
      const head = glob.slice(0, open);
      const tail = glob.slice(i + 1);
      return splitTopLevel(glob.slice(open + 1, i)).flatMap((alt) => expandBraces(head + alt + tail));
    }
  }
  return [glob]; // unbalanced: leave it to the matcher
}

function splitTopLevel(s: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let last = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '{') depth++;
    else if (s[i] === '}') depth--;
    else if (s[i] === ',' && depth === 0) {
      parts.push(s.slice(last, i));
      last = i + 1;
    }
  }
  parts.push(s.slice(last));
  return parts;
}

/** One pattern matching any of the globs, or undefined for an empty list. */
export function joinGlobs(globs: readonly string[]): string | undefined {
  const flat = [...new Set(globs.flatMap(expandBraces))];
  if (flat.length === 0) return undefined;
  return flat.length === 1 ? flat[0] : `{${flat.join(',')}}`;
}
