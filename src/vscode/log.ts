// The "Parallax" output channel: what was skipped and why, and anything else worth telling a reader who
// looks. Parallax never interrupts with modal dialogs; problems land here (and in the Problems panel).
import * as vscode from 'vscode';

export interface Log {
  info(message: string): void;
  warn(message: string): void;
  error(message: string, err?: unknown): void;
  show(): void;
}

export function createLog(context: vscode.ExtensionContext): Log {
  const channel = vscode.window.createOutputChannel('Parallax', { log: true });
  context.subscriptions.push(channel);
  return {
    info: (m) => channel.info(m),
    warn: (m) => channel.warn(m),
    error: (m, err) => channel.error(err === undefined ? m : `${m}: ${describe(err)}`),
    show: () => channel.show(true),
  };
}

function describe(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}
