// The VS Code surface contract (notes: fixed IDs the end-to-end tests and users' keybindings rely on), checked
// against package.json and the sources, plus the browser build's freedom from Node built-ins.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url);
const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));
const contributes = pkg.contributes;

function sources(dir: URL): string[] {
  return readdirSync(dir).flatMap((name) => {
    const url = new URL(name, dir);
    if (statSync(url).isDirectory()) return sources(new URL(`${name}/`, dir));
    return name.endsWith('.ts') ? [readFileSync(url, 'utf8')] : [];
  });
}
const vscodeSources = sources(new URL('src/vscode/', root)).join('\n');

describe('package.json contributes the contract', () => {
  it('has the Parallax activity-bar container with the three views', () => {
    expect(contributes.viewsContainers.activitybar).toEqual([{ id: 'parallax', title: 'Parallax', icon: 'media/parallax.svg' }]);
    expect(contributes.views.parallax.map((v: { id: string; name: string }) => [v.id, v.name])).toEqual([
      ['parallax.articles', 'Articles'],
      ['parallax.names', 'Names'],
      ['parallax.coverage', 'Other Coverage'],
    ]);
    const svg = readFileSync(new URL('media/parallax.svg', root), 'utf8');
    expect(svg).toContain('viewBox="0 0 24 24"');
    expect(svg).toContain('currentColor');
  });

  it('titles every palette command under the Parallax category, and registers exactly those commands', () => {
    const titles = Object.fromEntries(
      contributes.commands.map((c: { command: string; title: string; category: string }) => [c.command, `${c.category}: ${c.title}`]),
    );
    expect(titles).toMatchObject({
      'parallax.reindex': 'Parallax: Reindex Workspace',
      'parallax.openArticle': 'Parallax: Open Article…',
      'parallax.searchPassages': 'Parallax: Search Passages…',
      'parallax.showOtherCoverage': 'Parallax: Show Other Coverage',
      'parallax.nextRelatedPassage': 'Parallax: Next Related Passage',
      'parallax.previousRelatedPassage': 'Parallax: Previous Related Passage',
      'parallax.peekOtherCoverage': 'Parallax: Peek Other Coverage',
      'parallax.showOutput': 'Parallax: Show Log',
      'parallax.correctMetadata': 'Parallax: Correct Article Metadata…',
    });
    const registered = [...vscodeSources.matchAll(/registerCommand\('([\w.]+)'/g)].map((m) => m[1]).sort();
    expect(registered).toEqual(Object.keys(titles).sort());
    const hidden = contributes.menus.commandPalette
      .filter((m: { when: string }) => m.when === 'false')
      .map((m: { command: string }) => m.command);
    expect(hidden.sort()).toEqual(['parallax.editInGlossary', 'parallax.hideName', 'parallax.openMention']);
  });

  it('offers Hide Name on a name and Correct Article Metadata on an article (each view item menu once)', () => {
    // JSON.parse keeps only the last of two equal keys: a second "view/item/context" would silently drop a menu.
    expect(readFileSync(new URL('package.json', root), 'utf8').match(/"view\/item\/context"/g)).toHaveLength(1);
    const itemMenus = contributes.menus['view/item/context'].map((m: { command: string; when: string }) => [m.command, m.when]);
    expect(itemMenus).toContainEqual(['parallax.hideName', 'view == parallax.names && viewItem == parallax.entity']);
    expect(itemMenus).toContainEqual(['parallax.correctMetadata', 'view == parallax.articles && viewItem == parallax.article']);
  });

  it('binds the coverage keys in article editors and offers Show Other Coverage in their context menu', () => {
    const keys = Object.fromEntries(
      contributes.keybindings.map((k: { command: string; key: string; mac?: string }) => [k.command, [k.key, k.mac]]),
    );
    expect(keys['parallax.showOtherCoverage']).toEqual(['ctrl+alt+o', 'cmd+alt+o']);
    expect(keys['parallax.nextRelatedPassage'][0]).toBe('alt+]');
    expect(keys['parallax.previousRelatedPassage'][0]).toBe('alt+[');
    const menu = contributes.menus['editor/context'].find((m: { command: string }) => m.command === 'parallax.showOtherCoverage');
    expect(menu.when).toMatch(/plaintext/);
    expect(menu.when).toMatch(/markdown/);
  });

  it('declares every setting of the contract with its default and a description, and reads no other', () => {
    const props = contributes.configuration.properties;
    expect(props['parallax.include'].default).toEqual(['**/*.txt', '**/*.md']);
    expect(props['parallax.exclude'].default).toEqual(['**/node_modules/**', '**/.git/**', '**/.vscode/**', '**/dist/**', '**/out/**']);
    expect(props['parallax.maxFileSizeMB'].default).toBe(10);
    expect(props['parallax.outletSignatures'].default).toEqual({});
    expect(props['parallax.codeLens.enabled'].default).toBe(true);
    expect(props['parallax.decorations.enabled'].default).toBe(true);
    expect(props['parallax.wordWrap'].default).toBe(true);
    for (const p of Object.values(props) as { markdownDescription?: string; description?: string }[]) {
      expect((p.markdownDescription ?? p.description ?? '').length).toBeGreaterThan(20);
    }
    const read = new Set([...vscodeSources.matchAll(/(?:get<[^>]*>|get)\('([\w.]+)'/g)].map((m) => `parallax.${m[1]}`));
    expect(read.size).toBe(7);
    for (const key of read) expect(Object.keys(props)).toContain(key);
  });

  it('activates only on its views, article languages and glossaries; declares restricted mode and virtual workspaces', () => {
    expect(pkg.activationEvents.sort()).toEqual(
      [
        'onView:parallax.articles',
        'onView:parallax.names',
        'onView:parallax.coverage',
        'onLanguage:plaintext',
        'onLanguage:markdown',
        'workspaceContains:**/*.parallax.json',
      ].sort(),
    );
    expect(pkg.capabilities.untrustedWorkspaces.supported).toBe('limited');
    expect(pkg.capabilities.untrustedWorkspaces.restrictedConfigurations).toContain('parallax.outletSignatures');
    expect(pkg.capabilities.virtualWorkspaces).toBe(true);
    expect(contributes.jsonValidation).toEqual([{ fileMatch: '*.parallax.json', url: './media/glossary.schema.json' }]);
  });

  it('reaches files only through vscode.workspace.fs in the VS Code layer (no Node file access)', () => {
    expect(vscodeSources).not.toMatch(/from '(node:)?(fs|path|os|child_process)'/);
    expect(vscodeSources).not.toMatch(/require\(/);
  });
});

describe('browser build', () => {
  it('bundles src/vscode/extension.ts for the browser with no import but vscode', async () => {
    const out = await build({
      entryPoints: [new URL('src/vscode/extension.ts', root).pathname],
      bundle: true,
      write: false,
      platform: 'browser',
      format: 'cjs',
      external: ['vscode'],
      logLevel: 'silent',
      metafile: true,
    });
    const code = out.outputFiles[0].text;
    const required = new Set([...code.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]));
    expect([...required]).toEqual(['vscode']);
    const inputs = Object.keys(out.metafile!.inputs);
    expect(inputs.some((f) => f.endsWith('src/core/corpus.ts'))).toBe(true);
  }, 30000);
});
