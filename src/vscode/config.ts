// Parallax settings, read in one place. Keys and defaults match package.json `contributes.configuration`.
import * as vscode from 'vscode';
import { DEFAULT_EXCLUDE, DEFAULT_INCLUDE } from '../core/fileFilter';

export interface ParallaxConfig {
  include: string[];
  exclude: string[];
  maxFileBytes: number;
  outletSignatures: Record<string, string>;
  codeLensEnabled: boolean;
  decorationsEnabled: boolean;
}

export function readConfig(): ParallaxConfig {
  const c = vscode.workspace.getConfiguration('parallax');
  const maxMB = c.get<number>('maxFileSizeMB', 10);
  return {
    include: stringArray(c.get('include'), DEFAULT_INCLUDE),
    exclude: stringArray(c.get('exclude'), DEFAULT_EXCLUDE),
    maxFileBytes: Math.max(0, Number.isFinite(maxMB) ? maxMB : 10) * 1024 * 1024,
    outletSignatures: stringRecord(c.get('outletSignatures')),
    codeLensEnabled: c.get<boolean>('codeLens.enabled', true),
    decorationsEnabled: c.get<boolean>('decorations.enabled', true),
  };
}

/** True when a change touches settings that decide which files are indexed or how they are read. */
export function affectsIndex(e: vscode.ConfigurationChangeEvent): boolean {
  return ['include', 'exclude', 'maxFileSizeMB', 'outletSignatures'].some((k) => e.affectsConfiguration(`parallax.${k}`));
}

function stringArray(value: unknown, fallback: string[]): string[] {
  if (!Array.isArray(value)) return fallback;
  return value.filter((v): v is string => typeof v === 'string' && v.trim() !== '');
}

function stringRecord(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) if (typeof v === 'string') out[k] = v;
  }
  return out;
}
