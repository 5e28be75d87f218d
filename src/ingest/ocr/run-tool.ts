// Runs one external program (pdftoppm, tesseract) without a shell and turns every way it
// can fail into a value: not installed, non-zero exit, killed by a signal, or over its time
// limit. A process that runs over its limit is killed with SIGKILL: tesseract ignores
// nothing, but a page it is stuck on must not hold a worker slot for the rest of the batch.
import { spawn } from 'node:child_process';

export type ToolResult =
  | { ok: true; stdout: string; stderr: string }
  | { ok: false; error: string; timedOut: boolean; notFound: boolean };

export interface RunToolOptions {
  /** Kill the process after this many milliseconds (0 or less: no limit). */
  timeoutMs: number;
  env?: NodeJS.ProcessEnv;
  /** Called with the child's pid once it is running (tests check that it was killed). */
  onSpawn?: (pid: number) => void;
  /** Aborting kills the process (the caller's own time limit, e.g. per document). */
  signal?: AbortSignal;
}

// stdout of tesseract's TSV for a dense page is ~100 KB; cap what we keep so a runaway
// program cannot fill the heap.
const MAX_OUTPUT_BYTES = 32 * 1024 * 1024;

export function runTool(command: string, args: string[], options: RunToolOptions): Promise<ToolResult> {
  return new Promise((resolve) => {
    const label = `${command} ${args.join(' ')}`;
    if (options.signal?.aborted) {
      resolve({ ok: false, error: `${label}: cancelled before it started`, timedOut: false, notFound: false });
      return;
    }
    let settled = false;
    const finish = (result: ToolResult): void => {
      if (settled) return;
      settled = true;
      if (timer) clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      resolve(result);
    };

    const child = spawn(command, args, {
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      shell: false,
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let outBytes = 0;
    let timedOut = false;
    let aborted = false;
    const onAbort = (): void => {
      aborted = true;
      child.kill('SIGKILL');
    };
    options.signal?.addEventListener('abort', onAbort, { once: true });
    child.stdout.on('data', (chunk: Buffer) => {
      outBytes += chunk.length;
      if (outBytes <= MAX_OUTPUT_BYTES) out.push(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      if (err.length < 256) err.push(chunk);
    });

    const timer =
      options.timeoutMs > 0
        ? setTimeout(() => {
            timedOut = true;
            child.kill('SIGKILL');
          }, options.timeoutMs)
        : undefined;

    child.on('spawn', () => {
      if (child.pid !== undefined) options.onSpawn?.(child.pid);
    });
    child.on('error', (e: NodeJS.ErrnoException) => {
      const notFound = e.code === 'ENOENT';
      finish({
        ok: false,
        error: notFound ? `${command}: command not found` : `${label}: ${e.message}`,
        timedOut: false,
        notFound,
      });
    });
    // 'close' (not 'exit') so stdout is complete when we read it.
    child.on('close', (code, signal) => {
      const stderr = Buffer.concat(err).toString('utf8');
      if (aborted) {
        finish({ ok: false, error: `${label}: cancelled and killed`, timedOut: false, notFound: false });
      } else if (timedOut) {
        finish({
          ok: false,
          error: `${label}: timed out after ${options.timeoutMs} ms and was killed`,
          timedOut: true,
          notFound: false,
        });
      } else if (code !== 0) {
        const why = signal ? `killed by ${signal}` : `exit code ${code}`;
        const tail = lastLines(stderr, 3);
        finish({ ok: false, error: `${label}: ${why}${tail ? `: ${tail}` : ''}`, timedOut: false, notFound: false });
      } else if (outBytes > MAX_OUTPUT_BYTES) {
        finish({ ok: false, error: `${label}: output over ${MAX_OUTPUT_BYTES} bytes`, timedOut: false, notFound: false });
      } else {
        finish({ ok: true, stdout: Buffer.concat(out).toString('utf8'), stderr });
      }
    });
  });
}

function lastLines(text: string, n: number): string {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0)
    .slice(-n)
    .join(' / ');
}
