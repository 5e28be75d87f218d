// Small process helpers shared by the commands: stdin lines, positioned errors, stdout.
import { createInterface } from 'node:readline';
import type { PositionedError } from '../pipeline/run.js';

/** Yields stdin line by line (without the newline). */
export async function* stdinLines(): AsyncGenerator<string> {
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of rl) yield line;
}

/** Reads all of stdin as text. */
export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** `file:line:column: message`, the form editors and terminals link to. */
export function formatPositionedError(e: PositionedError): string {
  const pos = e.line > 0 ? `:${e.line}${e.column > 0 ? `:${e.column}` : ''}` : '';
  return `${e.file}${pos}: ${e.message}`;
}

export function printErrors(errors: PositionedError[]): void {
  for (const e of errors) process.stderr.write(`error: ${formatPositionedError(e)}\n`);
}

export function out(line: string): void {
  process.stdout.write(line + '\n');
}
