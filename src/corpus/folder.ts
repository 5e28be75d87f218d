// Reading a corpus folder: its manifest (optional) and the documents beside it.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { CorpusEntry } from '../records.js';
import { decodeManifest, parseManifest, type ManifestError } from './manifest.js';

/** File extensions taken as documents when they lie in the corpus folder itself. */
export const DOCUMENT_EXTENSIONS = ['.pdf', '.docx', '.html', '.htm'] as const;

export interface CorpusPlan {
  /** Manifest entries whose file exists, in manifest order. */
  listed: CorpusEntry[];
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

export async function planCorpus(corpusDir: string): Promise<CorpusPlanResult> {
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
  const listed: CorpusEntry[] = [];
  for (const entry of entries) {
    if (await exists(join(corpusDir, entry.file))) listed.push(entry);
    else warnings.push(`${manifestPath}: file "${entry.file}" (${entry.city}) is listed but missing; skipped`);
  }
  const known = new Set(entries.map((e) => e.file));
  let names: string[] = [];
  try {
    names = (await readdir(corpusDir, { withFileTypes: true }))
      .filter((d) => d.isFile() && isDocument(d.name))
      .map((d) => d.name)
      .sort();
  } catch (err) {
    return { ok: false, errors: [{ file: corpusDir, line: 0, column: 0, message: `Cannot read the corpus folder: ${(err as Error).message}` }] };
  }
  const unlisted = names.filter((n) => !known.has(n));
  return { ok: true, plan: { listed, unlisted, warnings } };
}
