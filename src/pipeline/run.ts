// The whole job: corpus folder → ingested documents → units → mentions → city rows.
// Reports are written by the caller (cli) from the RunResult, so this stays testable.
import { join } from 'node:path';
import PQueue from 'p-queue';
import { buildCityRows } from '../aggregate/index.js';
import { planCorpus } from '../corpus/folder.js';
import { guessCity } from '../corpus/guess.js';
import { ingestFile } from '../ingest/index.js';
import type {
  CorpusEntry,
  DocumentResult,
  IngestedDocument,
  Mention,
  RunOptions,
  RunResult,
  Unit,
} from '../records.js';
import { loadRuleSet, matchUnit, type RuleSet } from '../rules/index.js';
import { documentLanguages } from '../text/lang/index.js';
import { documentUnits } from '../text/units.js';
import { TOOL_VERSION } from '../version.js';

export interface PositionedError {
  file: string;
  line: number;
  column: number;
  message: string;
}

export type PipelineResult = { ok: true; run: RunResult; ruleSet: RuleSet } | { ok: false; errors: PositionedError[] };

export type Progress = (message: string) => void;

/** Mentions of one unit, with the unit's provenance. */
export function unitMentions(ruleSet: RuleSet, unit: Unit): Mention[] {
  const matches = matchUnit(ruleSet, {
    text: unit.text,
    lang: unit.lang,
    headingPath: unit.headingPath,
    blockKind: unit.blockKind,
    ...(unit.leadIn !== undefined ? { leadIn: unit.leadIn } : {}),
  });
  return matches.map((m) => ({
    unitId: unit.id,
    file: unit.file,
    page: unit.page,
    lang: unit.lang,
    kind: m.kind,
    sectors: m.sectors,
    measures: m.measures,
    targets: m.targets,
    ruleIds: m.ruleIds,
    terms: m.terms,
    start: m.start,
    end: m.end,
    text: unit.text,
    headingPath: unit.headingPath,
    ocr: unit.ocr,
    blockKind: unit.blockKind,
    ...(unit.leadIn !== undefined ? { leadIn: unit.leadIn } : {}),
  }));
}

/** The text of a document's first page, where the title is. */
function titlePageText(doc: IngestedDocument): string {
  return doc.pages.find((p) => p.text.trim().length > 0)?.text.slice(0, 2000) ?? '';
}

/** Everything downstream of ingestion, for one document. Pure. */
export function analyseDocument(entry: CorpusEntry, doc: IngestedDocument, ruleSet: RuleSet): DocumentResult {
  const { units, blockLanguages } = documentUnits(doc);
  const { languages, bilingual } = documentLanguages(blockLanguages);
  const mentions = units.flatMap((u) => unitMentions(ruleSet, u));
  return { entry, doc, languages, bilingual, units, mentions };
}

function entryForUnlisted(file: string, doc: IngestedDocument): { entry: CorpusEntry; warning: string } {
  const guess = guessCity(titlePageText(doc), file);
  const where = guess.source === 'title' ? 'its title page' : 'its file name';
  return {
    entry: {
      file,
      city: guess.city,
      country: guess.country,
      language: '',
      title: '',
      year: '',
      citySource: guess.source,
    },
    warning: `${file}: not in the manifest; city "${guess.city}" taken from ${where}`,
  };
}

export async function runPipeline(options: RunOptions, progress: Progress = () => {}): Promise<PipelineResult> {
  const timings: { stage: string; ms: number }[] = [];
  const t0 = performance.now();
  const rules = await loadRuleSet(options.rulesDir, options.topic);
  if (!rules.ok) return { ok: false, errors: rules.errors };
  const ruleSet = rules.ruleSet;
  const planned = await planCorpus(options.corpusDir);
  if (!planned.ok) return { ok: false, errors: planned.errors };
  const { plan } = planned;
  timings.push({ stage: 'load rules and manifest', ms: performance.now() - t0 });

  const warnings = [...plan.warnings];
  const files: { file: string; entry?: CorpusEntry }[] = [
    ...plan.listed.map((entry) => ({ file: entry.file, entry })),
    ...plan.unlisted.map((file) => ({ file })),
  ];
  const results: (DocumentResult | undefined)[] = new Array(files.length);
  const queue = new PQueue({ concurrency: Math.max(1, options.concurrency) });
  let done = 0;
  const tIngest = performance.now();
  let ingestMs = 0;
  let analyseMs = 0;
  files.forEach(({ file, entry }, i) => {
    void queue.add(async () => {
      const t = performance.now();
      const doc = await ingestFile(join(options.corpusDir, file), {
        displayName: file,
        ocr: options.ocr,
        timeoutMs: options.timeoutMs,
      });
      ingestMs += performance.now() - t;
      let resolved = entry;
      if (!resolved) {
        const guessed = entryForUnlisted(file, doc);
        resolved = guessed.entry;
        warnings.push(guessed.warning);
      }
      const ta = performance.now();
      results[i] = analyseDocument(resolved, doc, ruleSet);
      analyseMs += performance.now() - ta;
      done++;
      const r = results[i];
      const found = r ? r.mentions.filter((m) => m.kind !== 'other_sense').length : 0;
      progress(
        `[${done}/${files.length}] ${file}: ${doc.status}, ${doc.pageCount} pages` +
          (doc.ocrPages.length ? `, ${doc.ocrPages.length} by OCR` : '') +
          (doc.unreadablePages.length ? `, ${doc.unreadablePages.length} unreadable` : '') +
          `, ${found} cluster mentions` +
          (doc.status === 'ok' ? '' : ` — ${doc.message}`),
      );
    });
  });
  await queue.onIdle();
  timings.push({ stage: 'documents (wall)', ms: performance.now() - tIngest });
  timings.push({ stage: 'ingest (sum over documents)', ms: ingestMs });
  timings.push({ stage: 'segment, language, rules (sum)', ms: analyseMs });

  const documents = results.filter((r): r is DocumentResult => r !== undefined);
  const tAgg = performance.now();
  const rows = buildCityRows(documents);
  timings.push({ stage: 'aggregate', ms: performance.now() - tAgg });
  const run: RunResult = {
    toolVersion: TOOL_VERSION,
    nodeVersion: process.version,
    topic: options.topic,
    options,
    ruleFiles: ruleSet.files,
    documents,
    rows,
    warnings,
    timings: timings.map((t) => ({ stage: t.stage, ms: Math.round(t.ms) })),
  };
  return { ok: true, run, ruleSet };
}
