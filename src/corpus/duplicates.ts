// Identical files: the same bytes (SHA-256) listed twice under different names, or saved into
// the folder twice. The first in run order is the document; each later copy keeps its row in
// documents.csv with a note, and its text is not counted again.
import type { DocumentResult } from '../records.js';
import { printable } from '../text/printable.js';

export interface DuplicateFile {
  file: string;
  /** The first file with the same bytes. */
  sameAs: string;
  sha256: string;
}

/**
 * Marks every document whose bytes equal an earlier one's: `entry.duplicateOf` names the first,
 * its units and mentions are dropped (the first holds the same), and a warning says so. A file
 * that could not be read has no hash and is never a duplicate.
 */
export function markDuplicates(documents: readonly DocumentResult[]): { documents: DocumentResult[]; duplicates: DuplicateFile[]; warnings: string[] } {
  const first = new Map<string, DocumentResult>();
  const duplicates: DuplicateFile[] = [];
  const warnings: string[] = [];
  const out = documents.map((d) => {
    const sha = d.doc.sha256;
    if (!sha) return d;
    const original = first.get(sha);
    if (!original) {
      first.set(sha, d);
      return d;
    }
    duplicates.push({ file: d.entry.file, sameAs: original.entry.file, sha256: sha });
    const where = original.entry.city === d.entry.city ? '' : ` (listed for ${printable(d.entry.city)}; counted under ${printable(original.entry.city)})`;
    const note = `identical to ${printable(original.entry.file)} (same SHA-256): counted once${where}`;
    warnings.push(`${printable(d.entry.file)}: ${note}`);
    return {
      ...d,
      entry: { ...d.entry, duplicateOf: original.entry.file },
      doc: { ...d.doc, message: d.doc.message ? `${d.doc.message}; ${note}` : note },
      units: [],
      mentions: [],
    };
  });
  return { documents: out, duplicates, warnings };
}

/** The duplicates a run's documents carry (after markDuplicates). */
export function duplicatesOf(documents: readonly DocumentResult[]): DuplicateFile[] {
  return documents.flatMap((d) => (d.entry.duplicateOf === undefined ? [] : [{ file: d.entry.file, sameAs: d.entry.duplicateOf, sha256: d.doc.sha256 }]));
}
