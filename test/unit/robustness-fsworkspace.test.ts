// Walking a real folder: loops made of symbolic links must end, every article is listed once, and a huge
// node_modules is never walked.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FsWorkspace } from '../../src/node/fsWorkspace';
import { nodeModulesBesideOneArticle, tempTree } from './speed-inputs';

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'parallax-fsws-'));
}

function write(root: string, rel: string, text = 'An article.\n'): void {
  const abs = path.join(root, ...rel.split('/'));
  fs.mkdirSync(path.dirname(abs), { recursive: true });
  fs.writeFileSync(abs, text);
}

describe('FsWorkspace.listFiles', () => {
  it('terminates on a directory symlinked to its parent and lists each file once', async () => {
    const root = tempDir();
    write(root, 'a.txt');
    write(root, 'news/b.txt');
    fs.symlinkSync('..', path.join(root, 'news', 'loop'), 'dir');
    fs.symlinkSync('.', path.join(root, 'self'), 'dir');
    const files = await new FsWorkspace(root).listFiles();
    expect(files.sort()).toEqual(['a.txt', 'news/b.txt']);
  });

  it('terminates on two directories linked to each other', async () => {
    const root = tempDir();
    write(root, 'x/one.txt');
    write(root, 'y/two.txt');
    fs.symlinkSync(path.join(root, 'y'), path.join(root, 'x', 'to-y'), 'dir');
    fs.symlinkSync(path.join(root, 'x'), path.join(root, 'y', 'to-x'), 'dir');
    const files = await new FsWorkspace(root).listFiles();
    expect(new Set(files).size).toBe(files.length);
    // Each real file shows up exactly once, under whichever path reached it first.
    expect(files.filter((f) => f.endsWith('one.txt'))).toHaveLength(1);
    expect(files.filter((f) => f.endsWith('two.txt'))).toHaveLength(1);
  });

  it('skips dangling links and a link to itself without failing', async () => {
    const root = tempDir();
    write(root, 'real.txt');
    fs.symlinkSync(path.join(root, 'gone.txt'), path.join(root, 'dangling.txt'));
    fs.symlinkSync(path.join(root, 'me.txt'), path.join(root, 'me.txt'));
    expect(await new FsWorkspace(root).listFiles()).toEqual(['real.txt']);
  });

  it('follows a link to a file (an article kept elsewhere is still read)', async () => {
    const root = tempDir();
    const elsewhere = tempDir();
    write(elsewhere, 'kept.txt', 'Kept elsewhere.\n');
    fs.symlinkSync(path.join(elsewhere, 'kept.txt'), path.join(root, 'linked.txt'));
    const ws = new FsWorkspace(root);
    expect(await ws.listFiles()).toEqual(['linked.txt']);
    expect(new TextDecoder().decode(await ws.readFile('linked.txt'))).toBe('Kept elsewhere.\n');
  });

  it('does not list a named pipe (reading it would hang)', async () => {
    const root = tempDir();
    write(root, 'a.txt');
    const { spawnSync } = await import('node:child_process');
    const made = spawnSync('mkfifo', [path.join(root, 'pipe.txt')]).status === 0;
    const files = await new FsWorkspace(root).listFiles();
    expect(files).toEqual(['a.txt']);
    if (!made) console.warn('mkfifo unavailable: only the plain file was checked');
  });

  // That it costs (almost) nothing is a target of `npm run bench:targets` (test/bench/targets.ts), on the same folder.
  it('never descends into node_modules: none of 3000 files under it is listed', async () => {
    const root = tempTree(nodeModulesBesideOneArticle(), 'parallax-fsws-');
    const files = await new FsWorkspace(root).listFiles();
    expect(files).toEqual(['story.txt']);
  });

  it('lists a vanished directory as nothing rather than failing the walk', async () => {
    const root = tempDir();
    write(root, 'a.txt');
    const ws = new FsWorkspace(path.join(root, 'missing'));
    expect(await ws.listFiles()).toEqual([]);
  });

  it('reports a file deleted after listing as an ENOENT error the loader recognises', async () => {
    const root = tempDir();
    write(root, 'a.txt');
    const ws = new FsWorkspace(root);
    expect(await ws.listFiles()).toEqual(['a.txt']);
    fs.unlinkSync(path.join(root, 'a.txt'));
    await expect(ws.readFile('a.txt')).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(ws.stat('a.txt')).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
