// The temporary folders OCR renders page images into. Each is removed when its pages are done,
// but a process killed with SIGKILL (or the machine's OOM killer) leaves its folder and page
// image behind, and a batch of scans leaves hundreds of MB. The folder name carries the pid of
// the process that made it, so a later run can tell a dead run's folder from a live one's
// (another run may be OCRing at the same time) and remove it at start-up.
import { rmSync } from 'node:fs';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const OCR_DIR_PREFIX = 'strategy-miner-ocr-';
/** Folders named before the pid was part of the name: removed once they are this old. */
const UNNAMED_STALE_MS = 24 * 60 * 60 * 1000;

// Folders this thread made and has not removed yet: a worker that the pool ends in the middle
// of OCR exits before the OCR code's own clean-up runs, and removes them on its way out.
const live = new Set<string>();

/** A new folder for one document's page images, named after this process. */
export async function makeOcrTempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `${OCR_DIR_PREFIX}${process.pid}-`));
  live.add(dir);
  return dir;
}

/** Removes a folder made by makeOcrTempDir once its pages are done. */
export async function removeOcrTempDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  live.delete(dir);
}

/** Removes, synchronously (the thread is about to exit), every folder this thread still has. */
export function removeLiveOcrDirsSync(): void {
  for (const dir of live) {
    try {
      rmSync(dir, { recursive: true, force: true });
    } catch {
      // The start-up clean-up of a later run will find it.
    }
  }
  live.clear();
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to another user.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes OCR folders in `dir` (default: the temp folder) left by processes that no longer run.
 * Returns the folders removed. Never throws: a folder that cannot be removed (another user's)
 * is left where it is.
 */
export async function removeStaleOcrDirs(dir = tmpdir(), now = Date.now()): Promise<string[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.startsWith(OCR_DIR_PREFIX));
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const path = join(dir, name);
    const pid = /^(\d+)-/.exec(name.slice(OCR_DIR_PREFIX.length))?.[1];
    try {
      if (pid !== undefined) {
        if (Number(pid) === process.pid || alive(Number(pid))) continue;
      } else if (now - (await stat(path)).mtimeMs < UNNAMED_STALE_MS) continue;
      await rm(path, { recursive: true, force: true });
      removed.push(path);
    } catch {
      // Gone already, or not ours to remove.
    }
  }
  return removed;
}
