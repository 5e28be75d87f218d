// node:sqlite, loaded without its one-line "experimental feature" warning on stderr (Node 22
// prints it on first load): stderr is where the run's progress and warnings go, and a line
// about the runtime there would read as one about the corpus. Every other warning passes.
import { createRequire } from 'node:module';

type Sqlite = typeof import('node:sqlite');

let loaded: Sqlite | undefined;

export function sqlite(): Sqlite {
  if (loaded) return loaded;
  const emitWarning = process.emitWarning;
  process.emitWarning = function (this: unknown, warning: string | Error, ...rest: unknown[]) {
    const text = typeof warning === 'string' ? warning : warning.message;
    if (text.startsWith('SQLite is an experimental feature')) return;
    return (emitWarning as (...args: unknown[]) => void).call(process, warning, ...rest);
  } as typeof process.emitWarning;
  try {
    loaded = createRequire(import.meta.url)('node:sqlite') as Sqlite;
  } finally {
    process.emitWarning = emitWarning;
  }
  return loaded;
}
