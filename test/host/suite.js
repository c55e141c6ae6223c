// Extension-host API suite: runs inside a real VS Code extension host (code-server via test/e2e/run.sh, or
// desktop VS Code via @vscode/test-electron: npm run test:electron) against a workspace made of the sample
// articles plus a CRLF copy of one of them and a Markdown article with front matter (test/e2e/fixtures.mjs).
// Plain CommonJS, no test framework: each test is timed and the results go to a JSON file
// (PARALLAX_HOST_RESULTS), because the extension host's console output does not reach the runner.
const vscode = require('vscode');
const assert = require('assert');
const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');

const EXTENSION_ID = 'parallax-dev.parallax';
const RESULTS = process.env.PARALLAX_HOST_RESULTS || path.join(os.tmpdir(), 'parallax-host-results.json');
const CRLF_FILE = 'variants/crlf-copy.txt';
const MD_FILE = 'variants/front-matter.md';

const tests = [];
const test = (name, fn) => tests.push({ name, fn });

// ---- helpers -------------------------------------------------------------------------------------------

const root = () => vscode.workspace.workspaceFolders[0].uri;
const uriOf = (rel) => vscode.Uri.joinPath(root(), rel);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function doc(rel) {
  return vscode.workspace.openTextDocument(uriOf(rel));
}

/** Position of `word` inside the first occurrence of `phrase` in the document (phrase located by text). */
function positionOf(document, phrase, word = phrase, delta = 0) {
  const text = document.getText();
  const p = text.indexOf(phrase);
  assert.ok(p >= 0, `"${phrase}" not found in ${path.basename(document.uri.path)}`);
  const w = text.indexOf(word, p);
  assert.ok(w >= 0, `"${word}" not found after "${phrase}"`);
  return document.positionAt(w + delta);
}

/** The hovers' Markdown with backslash escapes removed: what the reader sees, give or take formatting. */
function hoverText(hovers) {
  return (hovers || [])
    .flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value)))
    .join('\n')
    .replace(/\\([\\`*_{}[\]()#+\-.!|<>~&:])/g, '$1');
}

async function hover(uri, pos) {
  return vscode.commands.executeCommand('vscode.executeHoverProvider', uri, pos);
}

/** Polls until `fn` returns a truthy value (the index builds in the background after activation). */
async function eventually(fn, what, timeout = 30000) {
  const t0 = Date.now();
  let last;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    if (Date.now() - t0 > timeout) throw new Error(`timed out waiting for ${what}${last ? `: ${last.message}` : ''}`);
    await sleep(250);
  }
}

const asLocations = (xs) => (xs || []).map((x) => (x.targetUri ? { uri: x.targetUri, range: x.targetRange } : x));

async function textAt(loc) {
  const d = await vscode.workspace.openTextDocument(loc.uri);
  return d.getText(loc.range);
}

/** Article files (txt/md) as they are listed in the workspace. */
async function articleFiles() {
  const uris = await vscode.workspace.findFiles('**/*.{txt,md}', '**/{node_modules,.git,.vscode}/**');
  return uris.map((u) => vscode.workspace.asRelativePath(u, false)).sort();
}

function hashFiles(rels) {
  const out = {};
  for (const rel of rels) {
    out[rel] = crypto
      .createHash('sha256')
      .update(fs.readFileSync(uriOf(rel).fsPath))
      .digest('hex');
  }
  return out;
}

/** A sample article (not one of the variants) whose text contains `phrase`. */
async function sampleWith(phrase) {
  for (const rel of await articleFiles()) {
    if (rel.startsWith('variants/')) continue;
    const d = await doc(rel);
    if (d.getText().includes(phrase)) return d;
  }
  throw new Error(`no sample article contains "${phrase}"`);
}

// ---- tests ---------------------------------------------------------------------------------------------

let before;

test('the extension is installed and activates', async () => {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is not installed`);
  before = hashFiles(await articleFiles());
  await ext.activate();
  assert.ok(ext.isActive);
});

test('every contract command is registered', async () => {
  const all = await vscode.commands.getCommands(true);
  const expected = [
    'parallax.reindex',
    'parallax.openArticle',
    'parallax.searchPassages',
    'parallax.showOtherCoverage',
    'parallax.nextRelatedPassage',
    'parallax.previousRelatedPassage',
    'parallax.peekOtherCoverage',
    'parallax.openMention',
    'parallax.editInGlossary',
    'parallax.showOutput',
  ];
  const missing = expected.filter((c) => !all.includes(c));
  assert.deepStrictEqual(missing, [], `commands not registered: ${missing.join(', ')}`);
});

test('hover on "Golani" gives a definition and the spelling "al-Julani" from another article', async () => {
  const d = await sampleWith('Golani was the subject');
  const pos = positionOf(d, 'Golani was the subject', 'Golani', 2);
  const h = await eventually(async () => {
    const hs = await hover(d.uri, pos);
    return hoverText(hs).match(/Julani/i) ? hs : null;
  }, 'a hover on Golani that mentions Julani');
  const text = hoverText(h);
  assert.match(text, /leader|al-Qaeda|HTS|Tahrir/i, `no definition in: ${text.slice(0, 400)}`);
  // The hover's range is the name under the cursor, not the whole line.
  const range = h.find((x) => x.range)?.range;
  assert.ok(range, 'hover has no range');
  assert.match(d.getText(range), /Golani/, `hover range covers "${d.getText(range)}"`);
});

test('hover on "HTS" expands it to Hayat Tahrir al-Sham', async () => {
  const d = await sampleWith('HTS forces had entered');
  const text = hoverText(await hover(d.uri, positionOf(d, 'HTS forces had entered', 'HTS', 1)));
  assert.match(text, /Hay.?at Tahrir al-Sham/i, text.slice(0, 400));
});

test('no hover on an ordinary word', async () => {
  const d = await sampleWith('HTS forces had entered');
  const text = hoverText(await hover(d.uri, positionOf(d, 'HTS forces had entered', 'forces', 2)));
  assert.doesNotMatch(text, /mentions?|Tahrir/i, `unexpected hover on "forces": ${text.slice(0, 200)}`);
});

test('Go to Definition on "Golani" lands on text about him', async () => {
  const d = await sampleWith('Golani was the subject');
  const locs = asLocations(
    await vscode.commands.executeCommand('vscode.executeDefinitionProvider', d.uri, positionOf(d, 'Golani was the subject', 'Golani', 1)),
  );
  assert.ok(locs.length >= 1, 'no definition');
  const target = await vscode.workspace.openTextDocument(locs[0].uri);
  const around = target.getText(new vscode.Range(locs[0].range.start.line, 0, locs[0].range.end.line + 1, 0));
  assert.match(around, /G[oh]?lani|Julani|Jolani/i, `definition target does not mention him: ${around.slice(0, 200)}`);
});

test('Find All References on "HTS" lists every mention, each range covering a spelling of the name', async () => {
  const d = await sampleWith('HTS forces had entered');
  const locs = asLocations(
    await vscode.commands.executeCommand('vscode.executeReferenceProvider', d.uri, positionOf(d, 'HTS forces had entered', 'HTS', 1)),
  );
  const files = new Set(locs.map((l) => vscode.workspace.asRelativePath(l.uri, false)));
  assert.ok(files.size >= 3, `references in only ${[...files].join(', ')}`);
  for (const l of locs) {
    const t = await textAt(l);
    assert.match(
      t,
      /HTS|Tahrir/i,
      `reference in ${vscode.workspace.asRelativePath(l.uri)} ${l.range.start.line}:${l.range.start.character} covers "${t}"`,
    );
  }
  // Every mention counted by plain text search is found (the acronym at least).
  for (const rel of files) {
    const text = (await doc(rel)).getText();
    const plain = (text.match(/\bHTS\b/g) || []).length;
    const found = locs.filter((l) => vscode.workspace.asRelativePath(l.uri, false) === rel).length;
    assert.ok(found >= plain, `${rel}: ${found} references, but "HTS" occurs ${plain} times`);
  }
});

test('CodeLens "Also in: …" over the Golan Heights passage names the other outlet', async () => {
  const d = await sampleWith('Israeli units have crossed the border');
  const lenses = await eventually(async () => {
    const ls = await vscode.commands.executeCommand('vscode.executeCodeLensProvider', d.uri, 100);
    return ls && ls.length ? ls : null;
  }, 'CodeLenses');
  for (const l of lenses) assert.match(l.command.title, /^Also in: /, l.command.title);
  const passageLine = positionOf(d, 'Israeli units have crossed the border').line;
  const near = lenses.filter((l) => Math.abs(l.range.start.line - passageLine) <= 3);
  assert.ok(near.length >= 1, `no lens at line ${passageLine}; lenses at ${lenses.map((l) => l.range.start.line).join(',')}`);
});

test('Next Related Passage from the Golan Heights passage opens the other outlet at its passage', async () => {
  const d = await sampleWith('Israeli units have crossed the border');
  const editor = await vscode.window.showTextDocument(d);
  const pos = positionOf(d, 'Israeli units have crossed the border', 'units');
  editor.selection = new vscode.Selection(pos, pos);
  await vscode.commands.executeCommand('parallax.nextRelatedPassage');
  const now = await eventually(async () => {
    const e = vscode.window.activeTextEditor;
    return e && e.document.uri.toString() !== d.uri.toString() ? e : null;
  }, 'another article to open');
  assert.ok(!now.selection.isEmpty, 'the related passage is not selected');
  const sel = now.document.getText(now.selection);
  assert.match(sel, /Golan|Israel|IDF/i, `selected passage is not about the Golan Heights: ${sel.slice(0, 200)}`);
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
});

test('openMention opens an article at a 0-based line and character', async () => {
  const d = await sampleWith('HTS forces had entered');
  const pos = positionOf(d, 'HTS forces had entered', 'HTS');
  await vscode.commands.executeCommand('parallax.openMention', vscode.workspace.asRelativePath(d.uri, false), pos.line, pos.character);
  const e = vscode.window.activeTextEditor;
  assert.ok(e && e.document.uri.toString() === d.uri.toString(), 'article not opened');
  assert.strictEqual(e.selection.start.line, pos.line);
  assert.strictEqual(e.selection.start.character, pos.character);
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
});

test('CRLF file: hover, references and CodeLens ranges match the LF original', async () => {
  const crlf = await doc(CRLF_FILE);
  assert.strictEqual(crlf.eol, vscode.EndOfLine.CRLF, 'fixture is not CRLF');
  const lfText = crlf.getText().replace(/\r\n/g, '\n');
  const original = (await Promise.all((await articleFiles()).filter((f) => !f.startsWith('variants/')).map(doc))).find(
    (x) => x.getText() === lfText,
  );
  assert.ok(original, 'no sample equals the CRLF copy');
  const word = 'HTS';
  const pos = positionOf(crlf, word);
  const hCrlf = await eventually(async () => {
    const hs = await hover(crlf.uri, pos);
    return hs && hs.length ? hs : null;
  }, 'a hover in the CRLF file');
  const range = hCrlf.find((x) => x.range).range;
  assert.strictEqual(crlf.getText(range), word, `hover range in CRLF file covers "${crlf.getText(range)}"`);
  const refs = asLocations(await vscode.commands.executeCommand('vscode.executeReferenceProvider', crlf.uri, pos));
  const inCrlf = refs.filter((l) => l.uri.toString() === crlf.uri.toString());
  assert.ok(inCrlf.length >= 2, `only ${inCrlf.length} references inside the CRLF file`);
  for (const l of inCrlf) assert.match(crlf.getText(l.range), /HTS|Tahrir/i, `CRLF reference covers "${crlf.getText(l.range)}"`);
  // Same positions as in the LF original, line by line.
  const inOrig = refs
    .filter((l) => l.uri.toString() === original.uri.toString())
    .map((l) => `${l.range.start.line}:${l.range.start.character}`);
  const inCopy = inCrlf.map((l) => `${l.range.start.line}:${l.range.start.character}`);
  if (inOrig.length) assert.deepStrictEqual(inCopy.sort(), inOrig.sort(), 'CRLF copy and original disagree on mention positions');
});

test('Markdown with front matter: hovers in the body, ranges after the front matter', async () => {
  const md = await doc(MD_FILE);
  const pos = positionOf(md, 'Abu Mohammad al-Golani, the HTS leader', 'Golani', 1);
  const h = await eventually(async () => {
    const hs = await hover(md.uri, pos);
    return hs && hs.length ? hs : null;
  }, 'a hover in the Markdown file');
  const range = h.find((x) => x.range).range;
  assert.match(md.getText(range), /Golani/, `hover range covers "${md.getText(range)}"`);
  assert.match(hoverText(h), /Julani/i, 'the Markdown mention is the same person as in the samples');
  const refs = asLocations(
    await vscode.commands.executeCommand('vscode.executeReferenceProvider', md.uri, positionOf(md, 'Hayat Tahrir al-Sham (HTS)', 'HTS', 1)),
  );
  const here = refs.filter((l) => l.uri.toString() === md.uri.toString());
  assert.ok(here.length >= 2, `only ${here.length} references to HTS inside the Markdown body`);
  for (const l of here) {
    assert.ok(l.range.start.line >= 6, `a reference points into the front matter (line ${l.range.start.line})`);
    assert.match(md.getText(l.range), /HTS|Tahrir/i, `Markdown reference covers "${md.getText(l.range)}"`);
  }
});

test('hover snippets of a Markdown mention show body text, never the front matter', async () => {
  const md = await doc(MD_FILE);
  const d = await sampleWith('Golani was the subject');
  const texts = [
    hoverText(await hover(md.uri, positionOf(md, 'Abu Mohammad al-Golani, the HTS leader', 'Golani', 1))),
    hoverText(await hover(d.uri, positionOf(d, 'Golani was the subject', 'Golani', 1))),
  ].join('\n');
  assert.match(texts, /Parallax Test Wire/, 'the Markdown article is not among the mentions');
  assert.doesNotMatch(
    texts,
    /outlet: Parallax Test Wire|title: Rebel alliance|date: 2024-12-08|---/,
    `a snippet shows front matter: ${(texts.match(/.{0,80}(outlet:|---).{0,80}/) || [''])[0]}`,
  );
});

test('Reindex Workspace completes and hovers still work', async () => {
  await vscode.commands.executeCommand('parallax.reindex');
  const d = await sampleWith('HTS forces had entered');
  const pos = positionOf(d, 'HTS forces had entered', 'HTS', 1);
  await eventually(async () => /Tahrir/i.test(hoverText(await hover(d.uri, pos))), 'a hover after reindexing');
});

test('no article file changed on disk during the run', async () => {
  assert.ok(before, 'no hashes were taken at the start');
  const after = hashFiles(Object.keys(before));
  const changed = Object.keys(before).filter((f) => before[f] !== after[f]);
  assert.deepStrictEqual(changed, [], `changed: ${changed.join(', ')}`);
  const dirty = vscode.workspace.textDocuments.filter((d) => d.isDirty).map((d) => d.uri.toString());
  assert.deepStrictEqual(dirty, [], `documents left modified: ${dirty.join(', ')}`);
});

// ---- runner --------------------------------------------------------------------------------------------

exports.run = async function run() {
  const results = { started: new Date().toISOString(), finished: false, tests: [] };
  const save = () => fs.writeFileSync(RESULTS, JSON.stringify(results, null, 2));
  save();
  for (const t of tests) {
    const t0 = Date.now();
    try {
      await t.fn();
      results.tests.push({ name: t.name, ok: true, ms: Date.now() - t0 });
    } catch (e) {
      results.tests.push({
        name: t.name,
        ok: false,
        ms: Date.now() - t0,
        error: String((e && e.stack) || e)
          .split('\n')
          .slice(0, 4)
          .join('\n'),
      });
    }
    save();
  }
  results.finished = true;
  save();
  const failed = results.tests.filter((r) => !r.ok);
  for (const r of results.tests) console.log(`${r.ok ? 'PASS' : 'FAIL'} ${r.name} (${r.ms} ms)${r.ok ? '' : `\n  ${r.error}`}`);
  if (failed.length) throw new Error(`${failed.length} of ${results.tests.length} extension-host tests failed (details in ${RESULTS})`);
};
