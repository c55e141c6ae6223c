import { describe, expect, it } from 'vitest';
import { expandBraces, joinGlobs } from '../../src/vscode/globs';

describe('glob lists for findFiles and watchers', () => {
  it('expands brace groups, nested ones too', () => {
    expect(expandBraces('**/*.{txt,md}')).toEqual(['**/*.txt', '**/*.md']);
    expect(expandBraces('{a,b/{c,d}}/x')).toEqual(['a/x', 'b/c/x', 'b/d/x']);
    expect(expandBraces('**/*.txt')).toEqual(['**/*.txt']);
  });

  it('joins a list into one pattern with one level of braces', () => {
    expect(joinGlobs([])).toBeUndefined();
    expect(joinGlobs(['**/*.txt'])).toBe('**/*.txt');
    expect(joinGlobs(['**/node_modules/**', '**/{dist,out}/**'])).toBe('{**/node_modules/**,**/dist/**,**/out/**}');
  });
});
