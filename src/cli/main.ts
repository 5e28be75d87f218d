#!/usr/bin/env node
// strategy-miner command line. Each command's input and output format is part of the
// product (users script with them); the README documents them.
//
// Exit codes (the README's table): 0 done; 1 a document or an input line was not fully
// processed (run --strict, text, segment); 2 the user must change something before the
// command can work (a usage error, a bad rule file, manifest, run folder or gold file, a Node
// that is too old); 70 a bug (an exception nobody caught).
import './node-check.js';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { availableParallelism } from 'node:os';
import { TOOL_VERSION } from '../version.js';
import { CYRILLIC_LANGS } from '../text/lang/alphabets.js';
import { DEFAULT_MAX_MEMORY_MB } from '../pipeline/pool.js';
import { defaultRulesDir } from './paths.js';
// `run` loads the whole pipeline and the report writers (~0.9 s): imported when it runs, so
// --help, --version, a usage error and the light commands start at once.
import type { runCommand } from './commands/run.js';
import { textCommand } from './commands/text.js';
import { langCommand, segmentCommand } from './commands/text-tools.js';
import { explainCommand, matchCommand, topicsCommand } from './commands/rules.js';
import { diffCommand, evalCommand, sampleCommand } from './commands/validate.js';

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError(`Expected a positive integer, got "${value}".`);
  return n;
}

function integer(value: string): number {
  if (!/^-?\d+$/.test(value.trim())) throw new InvalidArgumentError(`Expected an integer, got "${value}".`);
  return Number.parseInt(value, 10);
}

// The codes `lang` prints, so its output can be passed on; any other code would be silently
// treated as Russian.
const LANG_CODES = [...CYRILLIC_LANGS, 'eng', 'und'];
const langOption = (what: string) => new Option('--lang <code>', what).choices(LANG_CODES);

/**
 * Usage errors (an unknown option, a bad value, a missing argument) exit 2, which is also
 * what a bad rule file or manifest gives; commander's own 1 would read as `run --strict`'s
 * "a document was not fully read". --help and --version keep 0.
 */
function exitOnUsageError(err: CommanderError): never {
  process.exit(err.exitCode === 0 ? 0 : 2);
}

const FORMATS = ['csv', 'md', 'json', 'xlsx', 'html', 'qdpx'];
function formatList(value: string): string[] {
  const list = value.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  const bad = list.filter((f) => !FORMATS.includes(f));
  if (bad.length) throw new InvalidArgumentError(`Expected formats from ${FORMATS.join(', ')}, got "${bad.join(', ')}".`);
  return list;
}

const ocrOption = () =>
  new Option('--ocr <mode>', 'OCR for pages without usable text: auto (when tesseract is installed), off, force')
    .choices(['auto', 'off', 'force'])
    .default('auto');
const maxMemoryOption = () =>
  new Option('--max-memory <MB>', 'memory one document may use (its worker\'s heap, and heap + buffers); more gives status too_large')
    .argParser(positiveInt)
    .default(DEFAULT_MAX_MEMORY_MB);
const topicOption = () => new Option('--topic <name>', 'rule topic (a folder of rules/)').default('cluster');
const rulesOption = () => new Option('--rules <dir>', 'rules folder').default(defaultRulesDir());
const blockKindOption = () =>
  new Option('--block-kind <kind>', 'what the sentence is in the layout').choices(['heading', 'paragraph', 'list_item', 'table_row', 'footnote', 'toc']);

const program = new Command()
  .name('strategy-miner')
  .description('Finds cluster-policy priorities in Russian and Kazakh city strategies and writes Table 5.')
  .version(TOOL_VERSION)
  // Set before the commands are added: each command copies it when it is created.
  .exitOverride(exitOnUsageError);

program
  .command('run')
  .description('process a corpus folder and write Table 5 and the audit files')
  .argument('[corpus-dir]', 'folder with manifest.csv and the documents', 'corpus')
  .option('--out <dir>', 'output folder', 'output')
  .addOption(topicOption())
  .addOption(rulesOption())
  .addOption(ocrOption())
  .option('--format <list>', `output formats, comma-separated (${FORMATS.join(', ')})`, formatList, ['csv', 'md', 'json', 'xlsx', 'html'])
  .option('--excel', 'CSV for spreadsheets in ;-separated locales: BOM and ; separators', false)
  .option('--strict', 'exit 1 when any document could not be read fully', false)
  .option('--timeout <seconds>', 'time limit per document: reading, analysis and hand-off (OCR time is not counted)', positiveInt, 300)
  .addOption(maxMemoryOption())
  .option('--concurrency <n>', 'documents processed at once', positiveInt, Math.max(1, availableParallelism()))
  .option('--allow-outside', 'read manifest paths that resolve outside the corpus folder (refused by default)', false)
  .option('--raw-csv', 'write CSV cells as they are, without the formula-injection guard (for pipelines, not spreadsheets)', false)
  .option('--store <path>', 'the store of what each document gave, kept between runs (default: OUT.store.sqlite beside the output folder)')
  .option('--no-store', 'keep nothing between runs: read every document again')
  .action(async (...args: Parameters<typeof runCommand>) => (await import('./commands/run.js')).runCommand(...args));

program
  .command('text')
  .description('show the blocks the tool read from a document, with page markers and triage')
  .argument('<file>')
  .addOption(ocrOption())
  .option('--timeout <seconds>', 'time limit', positiveInt, 300)
  .addOption(maxMemoryOption())
  .option('--json', 'print the ingested document as JSON', false)
  .action(textCommand);

program
  .command('lang')
  .description('stdin lines → one ISO 639-3 code per line (rus, kaz, eng, …, und)')
  .option('--confidence', 'print "code<TAB>confidence"', false)
  .action(langCommand);

program
  .command('segment')
  .description('stdin: one JSON string per line → one JSON array of sentences/list items per line')
  .addOption(langOption('language of the text (default: detected per line)'))
  .action(segmentCommand);

program
  .command('match')
  .description('stdin: one sentence per line → one JSON object with its mentions per line')
  .addOption(topicOption())
  .addOption(rulesOption())
  .option('--explain', 'add the explanation of every decision to each object', false)
  .option('--heading <path>', 'section headings above every line, outermost first, joined by " > "')
  .option('--lead-in <text>', 'for list items: the sentence that introduces the list')
  .addOption(blockKindOption())
  .option('--chain', 'the lines are consecutive sentences: each one\'s previous sentence is the line before', false)
  .action(matchCommand);

program
  .command('explain')
  .description('show tokens, normalised forms and the rules that matched or were excluded, and why')
  .argument('[text...]', 'the sentence (default: stdin)')
  .addOption(topicOption())
  .addOption(rulesOption())
  .addOption(langOption('language (default: detected)'))
  .option('--heading <path>', 'section headings above the sentence, outermost first, joined by " > "')
  .option('--lead-in <text>', 'for a list item: the sentence that introduces the list')
  .option('--previous <text>', 'the sentence before (for «этого кластера» and other back-references)')
  .addOption(blockKindOption())
  .option('--json', 'print the explanation as JSON', false)
  .action(explainCommand);

program
  .command('topics')
  .description('list the rule topics and check that their rule files load')
  .addOption(rulesOption())
  .action(topicsCommand);

program
  .command('sample')
  .description('draw a random sample of units from a run for hand-coding (CSV on stdout or --out)')
  .option('--run <dir>', 'output folder of a run', 'output')
  .requiredOption('--n <n>', 'number of units', positiveInt)
  .option('--seed <n>', 'random seed (an integer)', integer, 1)
  .addOption(new Option('--stratify <by>', 'stratify by').choices(['kind']))
  .option('--out <file>', 'write the CSV here instead of stdout')
  .option('--raw-csv', 'write CSV cells as they are, without the formula-injection guard', false)
  .action(sampleCommand);

program
  .command('eval')
  .description('compare a run with a hand-coded gold file: status accuracy, P/R/F1, kappa')
  .requiredOption('--gold <path>', 'gold mentions CSV (cities.csv beside it is read too)')
  .option('--run <dir>', 'output folder of a run', 'output')
  .option('--out <dir>', 'write eval.md and eval.json here')
  .action(evalCommand);

program
  .command('diff')
  .description('what changed between two runs: priorities per city, statuses, per-rule counts')
  .argument('<old-dir>')
  .argument('<new-dir>')
  .option('--json', 'print the changes as JSON', false)
  .action(diffCommand);

program.parseAsync(process.argv).catch((err: unknown) => {
  process.stderr.write(`strategy-miner: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(70);
});
