// Reading a corpus folder: its manifest (optional) and the documents beside it.
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { CorpusEntry } from '../records.js';
import { printable } from '../text/printable.js';
import { resolveDocumentPath } from './containment.js';
import { decodeManifest, parseManifest, type ManifestError } from './manifest.js';

/** File extensions taken as documents when they lie in the corpus folder itself. */
export const DOCUMENT_EXTENSIONS = ['.pdf', '.docx', '.html', '.htm'] as const;

/**
 * A manifest row to process: its file's real path (symlinks followed), or, for a file outside
 * the corpus folder, why it is refused (it is never read; its city is shown as not assessed).
 */
export type ListedDocument = { entry: CorpusEntry; path: string; refused?: undefined } | { entry: CorpusEntry; refused: string };

export interface CorpusPlan {
  /** Manifest rows whose file exists, in manifest order; a row outside the folder is refused. */
  listed: ListedDocument[];
  /** Document files in the folder that the manifest does not list (city guessed later). */
  unlisted: string[];
  warnings: string[];
}

export type CorpusPlanResult = { ok: true; plan: CorpusPlan } | { ok: false; errors: ManifestError[] };

function isDocument(name: string): boolean {
  const lower = name.toLowerCase();
  return DOCUMENT_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

async function exists(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

export interface PlanOptions {
  /** Read manifest files that resolve outside the corpus folder (off by default). */
  allowOutside?: boolean;
}

export async function planCorpus(corpusDir: string, options: PlanOptions = {}): Promise<CorpusPlanResult> {
  const manifestPath = join(corpusDir, 'manifest.csv');
  const warnings: string[] = [];
  let entries: CorpusEntry[] = [];
  if (await exists(manifestPath)) {
    const decoded = decodeManifest(new Uint8Array(await readFile(manifestPath)), manifestPath);
    if (decoded.warning) warnings.push(decoded.warning);
    const parsed = parseManifest(decoded.text, manifestPath);
    if (!parsed.ok) return parsed;
    entries = parsed.entries;
  } else {
    warnings.push(`${manifestPath}: no manifest; every document's city is guessed from its title page or file name`);
  }
  let realCorpusDir: string;
  try {
    realCorpusDir = await realpath(corpusDir);
  } catch (err) {
    return { ok: false, errors: [{ file: corpusDir, line: 0, column: 0, message: `Cannot read the corpus folder: ${(err as Error).message}` }] };
  }
  const listed: ListedDocument[] = [];
  for (const entry of entries) {
    const where = await resolveDocumentPath(realCorpusDir, entry.file, options.allowOutside ?? false);
    const row = `${manifestPath}: file "${printable(entry.file)}" (${printable(entry.city)})`;
    if (where.ok) listed.push({ entry, path: where.path });
    else {
      // Outside the folder: the row becomes a document with status 'refused', so its city is
      // shown as not assessed instead of vanishing from Table 5.
      if (where.reason === 'outside') listed.push({ entry, refused: `the manifest path ${where.message}` });
      warnings.push(`${row} ${where.message}`);
    }
  }
  // «./x.pdf» in the manifest and x.pdf in the folder are one document, read once.
  const known = new Set([...entries.map((e) => e.file), ...listed.flatMap((l) => (l.refused === undefined ? [l.path] : []))]);
  let names: string[] = [];
  try {
    names = (await readdir(corpusDir, { withFileTypes: true }))
      .filter((d) => d.isFile() && isDocument(d.name))
      .map((d) => d.name)
      .sort();
  } catch (err) {
    return { ok: false, errors: [{ file: corpusDir, line: 0, column: 0, message: `Cannot read the corpus folder: ${(err as Error).message}` }] };
  }
  const unlisted = names.filter((n) => !known.has(n) && !known.has(join(realCorpusDir, n)));
  return { ok: true, plan: { listed, unlisted, warnings } };
}
