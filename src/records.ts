// The typed records that flow between the pipeline's stages.
//
//   file --ingest--> IngestedDocument (pages, blocks)
//        --text-->   Unit (sentence | list item | heading, with language)
//        --rules-->  Mention (kind, sectors, measures, rule ids)
//        --aggregate--> CityRow
//
// Every record keeps its provenance (file, page, block, character range, OCR flag) so a
// Table 5 cell can always be traced back to the sentence that produced it.
// Stages other than ingest, report and cli are pure functions over these records.

/** ISO 639-3 code (rus, kaz, eng, ukr, …) or 'und' when it cannot be told. */
export type LangCode = string;

/**
 * What a document's page numbers count: PDF pages; sections of an HTML page (a new one at
 * every h1/h2); pages of a DOCX as Word last laid it out, where the file records them; else
 * paragraphs of a DOCX. Reports write them «p. 5», «sect. 5», «¶ 214».
 */
export type Locator = 'page' | 'section' | 'paragraph';

/** How a page's text layer was judged (issue 3, page triage). */
export type PageTriage =
  | 'ok' // text layer reads as Russian/Kazakh/English text
  | 'repaired' // text layer was mis-encoded (cp1251 declared as WinAnsi) and fixed without OCR
  | 'blank' // nothing beyond running header/footer, no images, no outlined glyphs: read, and empty
  | 'no_text' // fewer than ~20 letters, with an image or many paths: scanned page or text turned into curves
  | 'garbled'; // fonts without a Unicode map: glyph ids, control chars, U+FFFD, look-alike gibberish

/** What a block of text is, as reconstructed from the layout. */
export type BlockKind =
  | 'heading'
  | 'paragraph'
  | 'list_item'
  | 'table_row'
  | 'footnote'
  | 'toc'; // table-of-contents line: kept for the audit trail, never matched as body text

export interface Block {
  kind: BlockKind;
  /** Normalised text of the block (lines joined, hyphenation undone). */
  text: string;
  /** 1-based page number, or the section or paragraph number (IngestedDocument.locator). */
  page: number;
  /** 0-based index of the block within its page. */
  index: number;
  /** Character range of the block in Page.text. */
  start: number;
  end: number;
  /** True when the text came from OCR rather than the PDF's text layer. */
  ocr: boolean;
  /** Headings above this block, outermost first (kept for rules that look at the section). */
  headingPath: string[];
  /** For list items: the paragraph that introduces the list («Приоритетами являются:»). */
  leadIn?: string;
}

export interface Page {
  /** 1-based. */
  number: number;
  /** The page's text as blocks joined by '\n' (block ranges point into it). */
  text: string;
  blocks: Block[];
  triage: PageTriage;
  /** Text came from OCR. */
  ocr: boolean;
  /** Human-readable remark about this page (e.g. why OCR was not possible). */
  note?: string;
}

/**
 * Document status. Only 'ok' means every page was read; anything else means a "no cluster
 * mention" statement about this document would be unfounded.
 */
export type DocStatus =
  | 'ok' // every page read (from the text layer, by repair, or by OCR)
  | 'partial' // some pages could not be read (need OCR, OCR failed): listed in unreadablePages
  | 'needs_ocr' // no page had usable text and OCR was not available or turned off
  | 'encrypted' // needs a password
  | 'corrupt' // broken or truncated file
  | 'empty' // zero bytes
  | 'garbled' // text decoded into gibberish in every charset tried (HTML with a wrong or no charset)
  | 'not_a_document' // e.g. an HTML error page saved as .pdf, or an unknown format
  | 'timeout' // exceeded the per-document time limit
  | 'too_large' // over a size limit: decompressed part, text per document, or worker memory
  | 'refused' // the manifest path lies outside the corpus folder; never read
  | 'error'; // anything else, with its cause in message

export type DocFormat = 'pdf' | 'docx' | 'html' | 'txt' | 'unknown';

export interface IngestedDocument {
  /** Path as given in the manifest / relative to the corpus folder. */
  file: string;
  format: DocFormat;
  status: DocStatus;
  /** Clear, specific message for any status other than ok (and for ok with remarks). */
  message: string;
  pageCount: number;
  pages: Page[];
  /** 1-based numbers of pages whose text could not be read. */
  unreadablePages: number[];
  /** 1-based numbers of pages whose text came from OCR. */
  ocrPages: number[];
  /** SHA-256 of the file's bytes (run.json records it; '' when the file could not be read). */
  sha256: string;
  /** What page numbers count; absent: real pages. */
  locator?: Locator;
}

export type UnitKind = 'sentence' | 'list_item' | 'heading';

/** A sentence, list item or heading: the unit a mention is counted in. */
export interface Unit {
  /** Stable id: `${file}#p${page}b${block}u${n}`. */
  id: string;
  file: string;
  page: number;
  blockIndex: number;
  blockKind: BlockKind;
  /** What `page` counts, when it is not a real page. */
  locator?: Locator;
  kind: UnitKind;
  text: string;
  /** Character range in the block's text. */
  start: number;
  end: number;
  lang: LangCode;
  ocr: boolean;
  headingPath: string[];
  leadIn?: string;
}

export type MentionKind = 'priority' | 'context' | 'other_sense';

/** One occurrence of the topic's word family in a unit, classified. */
export interface Mention {
  unitId: string;
  file: string;
  page: number;
  lang: LangCode;
  kind: MentionKind;
  /**
   * The evidence for kind or sense was weak or conflicting: the kind is the rules' best
   * guess, shown for review. A city whose only hits are uncertain is never given a verdict.
   */
  uncertain?: boolean;
  sectors: string[];
  measures: string[];
  targets: string[];
  ruleIds: string[];
  /** The matched surface forms. */
  terms: string[];
  /** Character range of the matched word in the unit text. */
  start: number;
  end: number;
  text: string;
  leadIn?: string;
  headingPath: string[];
  ocr: boolean;
  blockKind: BlockKind;
  /** What `page` counts, when it is not a real page. */
  locator?: Locator;
}

export type Country = 'RU' | 'KZ';

/**
 * What a strategy's territory is: a city or urban district; a municipal district (район,
 * аудан); a region (a Russian federal subject — край, область, республика, автономный округ —
 * or a Kazakh oblast); a Russian city of federal significance (Москва, Санкт-Петербург,
 * Севастополь) or a Kazakh city of republican significance (Астана, Алматы, Шымкент), which
 * are cities with the standing of a region. '' when nothing said which.
 */
export type TerritoryLevel = 'city' | 'district' | 'region' | 'federal_city' | 'republican_city';

/** A manifest row after validation. */
export interface CorpusEntry {
  file: string;
  /** The territory the strategy is for, and the Table 5 row it goes to: a city, a district
   *  or a region (the field keeps its old name, which scripts and gold files read). */
  city: string;
  /** What kind of territory `city` is; absent or '' when nothing said. */
  level?: TerritoryLevel | '';
  /** The region a city or district lies in (a federal subject or oblast), when the manifest
   *  or the title page names it or the territory list knows it; absent for a region or when unknown. */
  region?: string;
  country: Country | '';
  language: string;
  title: string;
  year: string;
  /** Where the city came from: the manifest, the title page, or the file name. */
  citySource: 'manifest' | 'title' | 'filename';
  /** Another document of the run with the same bytes (SHA-256), listed first: this one is a
   *  duplicate and is counted once, under that document. */
  duplicateOf?: string;
}

/** Per-document result of the whole pipeline (what documents.csv is made from). */
export interface DocumentResult {
  entry: CorpusEntry;
  doc: IngestedDocument;
  /** Language shares over the document's text, largest first (e.g. rus 0.6, kaz 0.4). */
  languages: { lang: LangCode; share: number }[];
  /** True when two languages each hold a substantial share of the text. */
  bilingual: boolean;
  /** The same shares page by page (for DOCX/HTML, section by section), pages with letters
   *  only, in page order: where the halves of a bilingual PDF lie. */
  pageLanguages: { page: number; languages: { lang: LangCode; share: number }[] }[];
  /** Every unit of the document (sentences, list items, headings), in reading order. */
  units: Unit[];
  mentions: Mention[];
}

/**
 * needs_review: the only hits are uncertain decisions (kind or sense), so neither
 * "priorities" nor "no mention" can be claimed; the note lists the sentences to review.
 */
export type CityStatus = 'priorities' | 'context_only' | 'no_cluster_policy' | 'needs_review' | 'unreadable';

export interface PriorityItem {
  text: string;
  leadIn?: string;
  sectors: string[];
  measures: string[];
  /** Targets named by the rules for this priority (union over its evidence). */
  targets?: string[];
  lang: LangCode;
  /**
   * The same priority stated in another language of a bilingual strategy (Kazakh and Russian
   * halves), linked by aggregate instead of counted twice.
   */
  translations?: { lang: LangCode; text: string; unitId: string }[];
  /** Every place this priority was stated (heading, summary and body collapse into one item). */
  evidence: { file: string; page: number; ocr: boolean; unitId: string; locator?: Locator }[];
}

export interface CityRow {
  /** The territory's name (a city, district or region; see CorpusEntry.city). */
  city: string;
  country: Country | '';
  /** What kind of territory the row is (from its first document that says); '' unknown. */
  level: TerritoryLevel | '';
  /** The region a city or district row lies in; '' for a region or when unknown. */
  region: string;
  status: CityStatus;
  /** Why the status is what it is, in one sentence (e.g. which pages could not be read). */
  statusNote: string;
  languages: string[];
  /** Documents with substantial parts in two languages, with the share of each. */
  bilingualDocuments: { file: string; languages: { lang: LangCode; share: number }[] }[];
  documents: string[];
  priorities: PriorityItem[];
  sectors: string[];
  contextMentions: number;
  otherSenseMentions: number;
}

export type OcrMode = 'auto' | 'off' | 'force';

export interface RunOptions {
  corpusDir: string;
  outDir: string;
  topic: string;
  rulesDir: string;
  ocr: OcrMode;
  formats: string[];
  excel: boolean;
  strict: boolean;
  timeoutMs: number;
  concurrency: number;
  /** Read manifest paths that resolve outside the corpus folder (default: refused). */
  allowOutside?: boolean;
  /** Write CSV cells as they are, without the formula-injection guard (default: guarded). */
  rawCsv?: boolean;
}

/** Everything one `run` produced: what the reports are written from and what run.json keeps. */
export interface RunResult {
  toolVersion: string;
  nodeVersion: string;
  topic: string;
  /** The topic's English name from its rule files («cluster policy»), used in titles and notes. */
  topicLabel: string;
  options: RunOptions;
  /** Rule files with their SHA-256, so a run records exactly which rules made it. */
  ruleFiles: { file: string; sha256: string }[];
  documents: DocumentResult[];
  rows: CityRow[];
  /** Warnings that concern the corpus, not one document (missing files, guessed cities). */
  warnings: string[];
  timings: { stage: string; ms: number }[];
}
