// Everything downstream of ingestion for one document, in two parts that are stored apart:
// - reading analysis (units, languages): depends on the document and the reader, not on the
//   rules, so a rule edit never redoes it;
// - rule analysis (mentions): depends on the units and the rule set.
// Pure functions; the worker threads and the main thread run the same ones.
import type { CorpusEntry, DocumentResult, IngestedDocument, Mention, Unit } from '../records.js';
import { statusOnly } from '../ingest/index.js';
import { tooLargeMessage } from '../ingest/limits.js';
import { matchUnit, type RuleSet } from '../rules/index.js';
import { languagesOfTally, tallyLanguages, type LanguageTally } from '../text/lang/index.js';
import { documentUnits } from '../text/units.js';

/**
 * Word-family occurrences per document. A 300-page strategy has a few hundred; every report
 * holds each occurrence with its sentence, so this bounds what one document adds to the run
 * (one paragraph of one sentence repeated 40,000 times, 80,000 occurrences, took 2.5 GB and
 * 52 s to report).
 */
export const MAX_MENTIONS_PER_DOCUMENT = 20_000;

/** What a document's text gives before any rule runs. */
export type ReadingAnalysis = Pick<DocumentResult, 'units' | 'languages' | 'bilingual' | 'pageLanguages'>;

/** The rules' verdict on a document: its mentions, or why it has none (over the limit of occurrences). */
export type RuleAnalysis = { mentions: Mention[] } | { tooLarge: string };

/**
 * Mentions of one unit, with the unit's provenance. `previous` is the unit before it in
 * reading order: on the same page it is where «этого кластера» finds its antecedent.
 */
export function unitMentions(ruleSet: RuleSet, unit: Unit, previous?: Unit): Mention[] {
  const matches = matchUnit(ruleSet, {
    text: unit.text,
    lang: unit.lang,
    headingPath: unit.headingPath,
    blockKind: unit.blockKind,
    ...(unit.leadIn !== undefined ? { leadIn: unit.leadIn } : {}),
    ...(previous && previous.file === unit.file && nearby(previous, unit) ? { previous: previous.text } : {}),
  });
  return matches.map((m) => ({
    ...m,
    unitId: unit.id,
    file: unit.file,
    page: unit.page,
    lang: unit.lang,
    text: unit.text,
    headingPath: unit.headingPath,
    ocr: unit.ocr,
    blockKind: unit.blockKind,
    ...(unit.leadIn !== undefined ? { leadIn: unit.leadIn } : {}),
    ...(unit.locator !== undefined ? { locator: unit.locator } : {}),
  }));
}

/** The unit before is on the same page, or, where paragraphs are counted, in the paragraph before. */
function nearby(previous: Unit, unit: Unit): boolean {
  return previous.page === unit.page || (unit.locator === 'paragraph' && previous.page === unit.page - 1);
}

/** Units and the document's languages, overall and page by page. */
export function readingAnalysis(doc: IngestedDocument): ReadingAnalysis {
  const { units, blockLanguages } = documentUnits(doc);
  // One letter count per block serves both votes: the document's tally is the sum of its pages'.
  const byPage = new Map<number, LanguageTally>();
  for (const b of blockLanguages) byPage.set(b.page, tallyLanguages([b], byPage.get(b.page)));
  const whole: LanguageTally = new Map();
  for (const tally of byPage.values()) for (const [lang, n] of tally) whole.set(lang, (whole.get(lang) ?? 0) + n);
  const { languages, bilingual } = languagesOfTally(whole);
  const pageLanguages = [...byPage]
    .sort((a, b) => a[0] - b[0])
    .map(([page, tally]) => ({ page, languages: languagesOfTally(tally).languages }))
    .filter((p) => p.languages.length > 0);
  return { units, languages, bilingual, pageLanguages };
}

/** The rules over a document's units, in reading order. */
export function ruleAnalysis(units: readonly Unit[], ruleSet: RuleSet): RuleAnalysis {
  const mentions: Mention[] = [];
  for (let i = 0; i < units.length; i++) for (const m of unitMentions(ruleSet, units[i]!, units[i - 1])) mentions.push(m);
  if (mentions.length > MAX_MENTIONS_PER_DOCUMENT) {
    return {
      tooLarge: tooLargeMessage(
        `${mentions.length.toLocaleString('en-US')} occurrences of the topic's words, over the limit of ${MAX_MENTIONS_PER_DOCUMENT.toLocaleString('en-US')} per document`,
      ),
    };
  }
  return { mentions };
}

/** A document's result from its two analyses; a document over the limit of occurrences becomes 'too_large'. */
export function documentResult(entry: CorpusEntry, doc: IngestedDocument, reading: ReadingAnalysis, rules: RuleAnalysis): DocumentResult {
  const { languages, bilingual, pageLanguages } = reading;
  if ('tooLarge' in rules) {
    return { entry, doc: { ...statusOnly(doc.file, doc.format, 'too_large', rules.tooLarge, doc.sha256), pageCount: doc.pageCount }, languages, bilingual, pageLanguages, units: [], mentions: [] };
  }
  return { entry, doc, languages, bilingual, pageLanguages, units: reading.units, mentions: rules.mentions };
}

/** Everything downstream of ingestion, for one document, in one call. Pure. */
export function analyseDocument(entry: CorpusEntry, doc: IngestedDocument, ruleSet: RuleSet): DocumentResult {
  const reading = readingAnalysis(doc);
  return documentResult(entry, doc, reading, ruleAnalysis(reading.units, ruleSet));
}
