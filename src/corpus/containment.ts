// Where a manifest row's file really is, and whether the run may read it.
//
// A manifest is written by hand or copied from elsewhere, and its `file` cells are paths: a
// careless or hostile row («../../etc/shadow», an absolute path, a symlink in the folder that
// points elsewhere) would otherwise put the text of any readable file into units.jsonl,
// mentions.* and Table 5. So every listed path is resolved against the corpus folder, its
// symlinks are followed (realpath), and the result must lie inside the corpus folder's own
// real path. Only an explicit `allowOutside` lifts the check, for corpora that deliberately
// list documents kept elsewhere.
//
// This only decides about paths; reading and decoding the manifest is ./manifest.ts.
import { realpath, stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';

export type ResolvedDocument =
  | { ok: true; path: string }
  | { ok: false; reason: 'missing' | 'outside' | 'not_a_file'; message: string };

/** True when `path` is `dir` itself or below it; both must already be real (symlink-free) paths. */
export function isInside(dir: string, path: string): boolean {
  const rel = relative(dir, path);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

/**
 * Resolves one manifest `file` cell. `realCorpusDir` is the corpus folder after realpath, so a
 * corpus reached through a symlink still contains its own files.
 */
export async function resolveDocumentPath(realCorpusDir: string, file: string, allowOutside: boolean): Promise<ResolvedDocument> {
  const given = resolve(realCorpusDir, file);
  let real: string;
  try {
    real = await realpath(given);
  } catch {
    // A dangling symlink is as missing as an absent file: there is nothing to read.
    return { ok: false, reason: 'missing', message: 'is listed but missing; skipped' };
  }
  if (!allowOutside && !isInside(realCorpusDir, real)) {
    const via = real === given ? '' : ` (through a symbolic link, to ${real})`;
    return {
      ok: false,
      reason: 'outside',
      message: `resolves outside the corpus folder${via}; refused, not read. Move the file into ${realCorpusDir} or pass --allow-outside`,
    };
  }
  try {
    if (!(await stat(real)).isFile()) return { ok: false, reason: 'not_a_file', message: 'is not a regular file (a folder or a device); skipped' };
  } catch (err) {
    return { ok: false, reason: 'missing', message: `cannot be read: ${(err as Error).message}; skipped` };
  }
  return { ok: true, path: real };
}
