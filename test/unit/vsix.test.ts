// The VSIX holds only what runs: the bundles, media, README, CHANGELOG, LICENSE and the manifest — no sources, tests,
// node_modules or corpora — and stays under 5 MB (the word table, media/words.bin, is most of it). Built with the project's own `vsce`, offline.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';

const repo = path.resolve(__dirname, '../..');

/** Entry names from a zip's central directory (enough of the format for a listing). */
function zipEntries(buf: Buffer): string[] {
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error('not a zip file');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error('bad central directory');
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    names.push(buf.toString('utf8', p + 46, p + 46 + nameLen));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return names;
}

describe('VSIX package', () => {
  it('contains only the runtime files and is under 5 MB (the word table included)', () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'parallax-vsix-')), 'parallax.vsix');
    const vsce = path.join(repo, 'node_modules', '@vscode', 'vsce', 'vsce');
    const r = spawnSync(
      process.execPath,
      [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--out', out],
      {
        cwd: repo,
        encoding: 'utf8',
        timeout: 120_000,
      },
    );
    expect(r.status, r.stderr + r.stdout).toBe(0);
    const size = fs.statSync(out).size;
    expect(size).toBeLessThan(5 * 1024 * 1024);
    const files = zipEntries(fs.readFileSync(out))
      .filter((n) => n.startsWith('extension/'))
      .map((n) => n.slice('extension/'.length));
    expect(files).toEqual(
      expect.arrayContaining(['package.json', 'readme.md', 'changelog.md', 'LICENSE.txt', 'dist/extension.js', 'dist/web/extension.js']),
    );
    expect(files.some((f) => f.startsWith('media/'))).toBe(true);
    for (const f of files) {
      expect(f, `unexpected file in the VSIX: ${f}`).toMatch(
        /^(package\.json|readme\.md|changelog\.md|LICENSE\.txt|dist\/(web\/)?extension\.js|media\/[^/]+)$/,
      );
    }
  }, 180_000);
});
