// The tool's version, from package.json, recorded in run.json and printed by --version.
import pkg from '../package.json' with { type: 'json' };

export const TOOL_VERSION: string = pkg.version;
