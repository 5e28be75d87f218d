// The store: what reading and analysing each document gave, in one SQLite file (node:sqlite,
// built into Node 22; no native addon), so a run reads only documents it has not read before.
//
//   reading   one row per document read: the document (its pages apart), its units and
//             languages. Keyed by documentKey(): the file's SHA-256, its name in the corpus
//             (units carry it in their ids), the reading options and the reader's version.
//   analysis  one row per document and rule set: the mentions (or why there are none).
//             Keyed by the document's key and rulesKey().
//
// Rows are written as each document finishes, each in one statement, so a run killed at
// any moment leaves only whole rows behind and the next run redoes just the documents that
// have none. Worker threads write their documents themselves (WAL mode lets the main thread
// read meanwhile); only a short message goes back to the main thread.
//
// The file is a cache: a different schema version empties it, and rows made by another
// reader version are dropped when a store is opened (their keys could never match again).
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import type { IngestedDocument, Page, Unit } from '../records.js';
import type { ReadingAnalysis, RuleAnalysis } from '../pipeline/analyse.js';
import { sqlite } from './sqlite.js';

/** Bumped when the tables or the shape of what they hold change. */
export const STORE_SCHEMA = '2';

/** A document as stored, without its pages and units (those are read on demand). */
export type StoredReading = Omit<ReadingAnalysis, 'units'> & { doc: IngestedDocument; unitCount: number };

export interface Store {
  readonly path: string;
  reading(docKey: string): StoredReading | undefined;
  hasReading(docKey: string): boolean;
  pages(docKey: string): Page[];
  units(docKey: string): Unit[];
  putReading(docKey: string, doc: IngestedDocument, reading: ReadingAnalysis): void;
  rules(docKey: string, rulesKey: string): RuleAnalysis | undefined;
  hasRules(docKey: string, rulesKey: string): boolean;
  putRules(docKey: string, rulesKey: string, analysis: RuleAnalysis): void;
  /** Rows per table, for progress lines and tests. */
  counts(): { readings: number; analyses: number };
  close(): void;
}

/**
 * Statuses that say something about this run rather than about the file (a time limit hit on
 * a busy machine, a crash): such a document is read again next time, never stored.
 */
export function storable(doc: IngestedDocument): boolean {
  return doc.status !== 'timeout' && doc.status !== 'error';
}

/**
 * Opens (creating if needed) the store at `path`. Rows written are marked with
 * `readerVersion`; with `prune`, rows of other reader versions are dropped (the run's main
 * thread does it once; its workers write with the version it gives them).
 */
export function openStore(path: string, readerVersion: string, { prune = false } = {}): Store {
  mkdirSync(dirname(path), { recursive: true });
  const db = new (sqlite().DatabaseSync)(path);
  // Several threads and runs may share the file: writers wait for each other instead of failing.
  db.exec('PRAGMA busy_timeout = 60000');
  db.exec('PRAGMA journal_mode = WAL');
  db.exec('PRAGMA synchronous = NORMAL');
  migrate(db);
  if (prune) {
    const stale = db.prepare('SELECT count(*) AS n FROM reading WHERE reader <> ?').get(readerVersion) as { n: number };
    if (stale.n > 0) {
      db.exec('BEGIN IMMEDIATE');
      db.prepare('DELETE FROM analysis WHERE doc_key IN (SELECT doc_key FROM reading WHERE reader <> ?)').run(readerVersion);
      db.prepare('DELETE FROM reading WHERE reader <> ?').run(readerVersion);
      db.exec('COMMIT');
    }
  }
  const q = {
    reading: db.prepare('SELECT meta FROM reading WHERE doc_key = ?'),
    hasReading: db.prepare('SELECT 1 AS y FROM reading WHERE doc_key = ?'),
    pages: db.prepare('SELECT pages FROM reading WHERE doc_key = ?'),
    units: db.prepare('SELECT units FROM reading WHERE doc_key = ?'),
    putReading: db.prepare('INSERT OR REPLACE INTO reading (doc_key, reader, file, sha256, meta, pages, units) VALUES (?, ?, ?, ?, ?, ?, ?)'),
    rules: db.prepare('SELECT result FROM analysis WHERE doc_key = ? AND rules_key = ?'),
    hasRules: db.prepare('SELECT 1 AS y FROM analysis WHERE doc_key = ? AND rules_key = ?'),
    putRules: db.prepare('INSERT OR REPLACE INTO analysis (doc_key, rules_key, result) VALUES (?, ?, ?)'),
  };
  // The reports ask for one document's units several times in a row (aggregate, tables, HTML):
  // the last one read is kept, so a document is parsed once per pass, and only one is in memory.
  let lastUnits: { key: string; units: Unit[] } | undefined;
  let lastPages: { key: string; pages: Page[] } | undefined;
  return {
    path,
    reading(docKey) {
      const row = q.reading.get(docKey) as { meta: string } | undefined;
      return row ? (JSON.parse(row.meta) as StoredReading) : undefined;
    },
    hasReading: (docKey) => q.hasReading.get(docKey) !== undefined,
    pages(docKey) {
      if (lastPages?.key !== docKey) lastPages = { key: docKey, pages: unpack<Page[]>((q.pages.get(docKey) as { pages: string } | undefined)?.pages) };
      return lastPages.pages;
    },
    units(docKey) {
      if (lastUnits?.key !== docKey) lastUnits = { key: docKey, units: unpack<Unit[]>((q.units.get(docKey) as { units: string } | undefined)?.units) };
      return lastUnits.units;
    },
    putReading(docKey, doc, reading) {
      const { units, ...rest } = reading;
      const meta: StoredReading = { ...rest, doc: { ...doc, pages: [] }, unitCount: units.length };
      q.putReading.run(docKey, readerVersion, doc.file, doc.sha256, JSON.stringify(meta), pack(doc.pages), pack(units));
    },
    rules(docKey, rulesKey) {
      const row = q.rules.get(docKey, rulesKey) as { result: string } | undefined;
      return row ? (JSON.parse(row.result) as RuleAnalysis) : undefined;
    },
    hasRules: (docKey, rulesKey) => q.hasRules.get(docKey, rulesKey) !== undefined,
    putRules(docKey, rulesKey, analysis) {
      q.putRules.run(docKey, rulesKey, JSON.stringify(analysis));
    },
    counts() {
      const n = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
      return { readings: n('reading'), analyses: n('analysis') };
    },
    close() {
      lastUnits = lastPages = undefined;
      if (db.isOpen) db.close();
    },
  };
}

function migrate(db: DatabaseSync): void {
  db.exec('CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)');
  const version = (db.prepare("SELECT value FROM meta WHERE key = 'schema'").get() as { value: string } | undefined)?.value;
  if (version === STORE_SCHEMA) return;
  db.exec('BEGIN IMMEDIATE');
  db.exec('DROP TABLE IF EXISTS reading');
  db.exec('DROP TABLE IF EXISTS analysis');
  db.exec(
    'CREATE TABLE reading (doc_key TEXT PRIMARY KEY, reader TEXT NOT NULL, file TEXT NOT NULL, sha256 TEXT NOT NULL, ' +
      "meta TEXT NOT NULL, pages TEXT NOT NULL, units TEXT NOT NULL, stored_at TEXT NOT NULL DEFAULT (datetime('now')))",
  );
  db.exec('CREATE TABLE analysis (doc_key TEXT NOT NULL, rules_key TEXT NOT NULL, result TEXT NOT NULL, PRIMARY KEY (doc_key, rules_key))');
  db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('schema', ?)").run(STORE_SCHEMA);
  db.exec('COMMIT');
}

// Pages and units are plain JSON text (about 5.6 MB for a 300-page strategy). Gzip made them
// 4.4 times smaller but took longer to undo than JSON.parse, and the reports read every
// document's units several times.
function pack(value: unknown): string {
  return JSON.stringify(value);
}

function unpack<T>(text: string | undefined): T {
  if (text === undefined) throw new Error('store: a row asked for is missing (the store was changed during the run)');
  return JSON.parse(text) as T;
}
