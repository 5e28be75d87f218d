// The tool's version, from package.json, recorded in run.json and printed by --version, and
// the Node versions it runs on (engines.node), checked at start-up by cli/node-check.ts.
import pkg from '../package.json' with { type: 'json' };

export const TOOL_VERSION: string = pkg.version;
export const NODE_ENGINES: string = pkg.engines.node;
