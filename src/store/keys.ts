// What a stored row depends on, as keys: a row is used only when every input that made it is
// the same, so a change to the reader or the rules invalidates exactly the rows it affects.
//
// - The reader's version: this tool's version, the versions of the packages that read files
//   (pdfjs-dist, jszip, node-html-parser, franc) and a hash of the code of ingest and text
//   (which turn a file into pages, units and languages), data files included. A change to
//   ingest or text code (or its word lists) so re-reads every document; a change elsewhere
//   (rules, reports, CLI) does not.
// - The rules' version: the topic, every rule file's SHA-256, the packages and code the rules
//   run on (src/rules and the analysis step), so a rule edit redoes only the mentions.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OcrMode } from '../records.js';
import { TOOL_VERSION } from '../version.js';

const sha256 = (text: string | Uint8Array) => createHash('sha256').update(text).digest('hex');

/** The code of this build: compiled .js (or .ts sources under the tests) and JSON data. */
const CODE = /\.(js|ts|json)$/;

/** A hash over every code and data file under the given folders of src/ (or dist/src/). */
function codeHash(folders: string[]): string {
  const hash = createHash('sha256');
  for (const folder of folders) {
    const root = fileURLToPath(new URL(`../${folder}`, import.meta.url));
    for (const file of filesUnder(root)) hash.update(`${folder}/${file.slice(root.length)}\0`).update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

function filesUnder(path: string): string[] {
  let entries;
  try {
    entries = readdirSync(path, { withFileTypes: true });
  } catch {
    // A single module (e.g. pipeline/analyse.js) rather than a folder.
    return [];
  }
  return entries
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((e) => (e.isDirectory() ? filesUnder(join(path, e.name)) : CODE.test(e.name) && !e.name.endsWith('.d.ts') ? [join(path, e.name)] : []));
}

function moduleFile(folder: string, name: string): string {
  const here = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
  return readFileSync(fileURLToPath(new URL(`../${folder}/${name}${here}`, import.meta.url)), 'utf8');
}

const require = createRequire(import.meta.url);
/** Installed versions, read from each package's package.json (not every package exports it). */
function packageVersions(names: string[]): string {
  return names
    .map((name) => {
      const dir = require.resolve.paths(name)?.find((d) => existsSync(join(d, name, 'package.json')));
      const version = dir ? (JSON.parse(readFileSync(join(dir, name, 'package.json'), 'utf8')) as { version: string }).version : 'missing';
      return `${name}@${version}`;
    })
    .join(' ');
}

let reader: string | undefined;

/** The version of everything that turns a file into pages, units and languages. */
export function readerVersion(): string {
  reader ??= sha256(['reader', TOOL_VERSION, packageVersions(['pdfjs-dist', 'jszip', 'node-html-parser', 'franc']), codeHash(['ingest', 'text'])].join('\n'));
  return reader;
}

let rulesCode: string | undefined;

/** The version of the rule set a run uses: its files' hashes and the code that applies them. */
export function rulesKey(topic: string, ruleFiles: readonly { file: string; sha256: string }[]): string {
  rulesCode ??= sha256(['rules', packageVersions(['snowball-stemmers', 'yaml']), codeHash(['rules']), moduleFile('pipeline', 'analyse')].join('\n'));
  return sha256(JSON.stringify([rulesCode, topic, ruleFiles.map((f) => [f.file, f.sha256])]));
}

/** What a document's reading depends on besides its bytes and the reader. */
export interface ReadingOptions {
  /** The name in the corpus: units carry it in their ids and provenance. */
  file: string;
  ocr: OcrMode;
  /** The OCR tools' version when OCR may run, else 'none': installing tesseract re-reads the scans. */
  ocrTools: string;
}

/** The key of a document's reading. */
export function documentKey(contentSha256: string, options: ReadingOptions): string {
  return sha256(JSON.stringify([readerVersion(), contentSha256, options.file, options.ocr, options.ocr === 'off' ? 'none' : options.ocrTools]));
}
