import { describe, expect, it } from 'vitest';
import { planGlossaryInsert, type NewGlossaryEntry } from '../../src/vscode/glossaryEdit';

const entry: NewGlossaryEntry = {
  name: 'Hayat Tahrir al-Sham',
  aliases: ['HTS', 'Hay’at Tahrir al-Sham'],
  kind: 'group',
  definition: 'Islamist "militia"',
};

function apply(current: string | null): { text: string; definition: string } {
  const plan = planGlossaryInsert(current, entry);
  if (!plan.ok) throw new Error(plan.reason);
  const base = current ?? '';
  const text = base.slice(0, plan.offset) + plan.text + base.slice(plan.offset);
  return { text, definition: text.slice(plan.definitionStart, plan.definitionEnd) };
}

describe('Edit in glossary: adding an entry', () => {
  it('creates a whole glossary when the file does not exist or is empty', () => {
    for (const current of [null, '', '  \n']) {
      const { text, definition } = apply(current);
      expect(JSON.parse(text)).toEqual({ entries: [entry] });
      expect(definition).toBe('Islamist \\"militia\\"');
    }
  });

  it('appends to an existing entries array and keeps the other entries and formatting', () => {
    const current =
      '{\n  "entries": [\n    { "name": "Daesh", "aliases": ["ISIS"], "kind": "group", "definition": "x" }\n  ],\n  "note": "[kept]"\n}\n';
    const { text, definition } = apply(current);
    const parsed = JSON.parse(text);
    expect(parsed.entries.map((e: { name: string }) => e.name)).toEqual(['Daesh', 'Hayat Tahrir al-Sham']);
    expect(parsed.note).toBe('[kept]');
    expect(text.startsWith('{\n  "entries": [\n    { "name": "Daesh"')).toBe(true);
    expect(definition).toBe('Islamist \\"militia\\"');
  });

  it('fills an empty entries array, a bare top-level array and an object without entries', () => {
    expect(JSON.parse(apply('{ "entries": [] }').text)).toEqual({ entries: [entry] });
    expect(JSON.parse(apply('[]').text)).toEqual([entry]);
    expect(JSON.parse(apply('[{"name":"A"}]').text)).toEqual([{ name: 'A' }, entry]);
    expect(JSON.parse(apply('{}').text)).toEqual({ entries: [entry] });
    expect(JSON.parse(apply('{"version": 1, "x": {"entries": []}}').text)).toEqual({ version: 1, x: { entries: [] }, entries: [entry] });
  });

  it('is not fooled by brackets and quotes inside strings', () => {
    const current = '{"entries": [{"name": "A ] \\" [", "definition": "}"}], "z": "]"}';
    expect(JSON.parse(apply(current).text).entries).toEqual([{ name: 'A ] " [', definition: '}' }, entry]);
  });

  it('refuses to edit a broken glossary rather than guess', () => {
    const plan = planGlossaryInsert('{"entries": [', entry);
    expect(plan.ok).toBe(false);
    expect(planGlossaryInsert('"just a string"', entry).ok).toBe(false);
  });
});
