// Stops at start-up, with one line and exit code 2, when the Node running the tool is older
// than package.json's `engines.node`. Without this an old Node starts fine and then fails
// every PDF (pdfjs-dist 6 calls Promise.withResolvers, which Node 20 lacks), so every city
// would come out "not assessed" with exit 0. Imported first by main.ts, so it runs before any
// other module of the tool does anything.
import { NODE_ENGINES } from '../version.js';

/** Why `version` (like "v20.20.2") does not satisfy `range` (">=22.13"), or undefined if it does. */
export function nodeVersionProblem(version: string, range: string): string | undefined {
  const need = /^>=\s*(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(range.trim());
  // A range this check cannot read is a packaging mistake, not the user's: let npm's own check speak.
  if (!need) return undefined;
  const have = /^v?(\d+)\.(\d+)\.(\d+)/.exec(version);
  if (!have) return `cannot read the Node version "${version}"; strategy-miner needs Node ${range}`;
  for (let i = 1; i <= 3; i++) {
    const h = Number(have[i]);
    const n = Number(need[i] ?? 0);
    if (h > n) return undefined;
    if (h < n) break;
    if (i === 3) return undefined;
  }
  return `strategy-miner needs Node ${range} (pdfjs-dist needs it), but this is Node ${version}. Run it with the project's own Node: make run, or node_modules/.bin/node dist/src/cli/main.js`;
}

const problem = nodeVersionProblem(process.version, NODE_ENGINES);
if (problem) {
  process.stderr.write(`error: ${problem}\n`);
  process.exit(2);
}
