// Reads ../shared/data/mentions/contrast.tsv (hand-written contrastive units, see its
// CONTRAST.md) and the fixed tune/held-out split of its groups (bench/data/contrast-split.tsv,
// written once by scripts/rules/make-contrast-split.mjs).
import { readFileSync } from 'node:fs';
import type { BlockKind } from '../src/records.js';
import type { MatchInput } from '../src/rules/index.js';

export const CONTRAST = '../shared/data/mentions/contrast.tsv';
export const CONTRAST_SPLIT = 'bench/data/contrast-split.tsv';

export type Half = 'tune' | 'heldout';

export interface ContrastRow {
  id: string;
  lang: 'ru' | 'kk';
  label: 'priority' | 'context' | 'other_sense';
  sectors: string[];
  cls: string;
  group: string;
  heading: string;
  leadIn: string;
  text: string;
  half: Half;
}

export function readContrast(path = CONTRAST, splitPath = CONTRAST_SPLIT): ContrastRow[] {
  const half = new Map<string, Half>();
  for (const line of readFileSync(splitPath, 'utf8').split('\n').slice(1)) {
    const [group, , h] = line.split('\t');
    if (group && (h === 'tune' || h === 'heldout')) half.set(group, h);
  }
  const rows: ContrastRow[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n').slice(1)) {
    if (!line.trim()) continue;
    const [id = '', lang = '', label = '', sectors = '', cls = '', group = '', heading = '', leadIn = '', text = ''] = line.split('\t');
    const h = half.get(group);
    if (!h) throw new Error(`${path}: group ${group} of ${id} is not in ${splitPath}`);
    rows.push({
      id,
      lang: lang as ContrastRow['lang'],
      label: label as ContrastRow['label'],
      sectors: sectors ? sectors.split(',') : [],
      cls,
      group,
      heading,
      leadIn,
      text,
      half: h,
    });
  }
  return rows;
}

/**
 * The unit as the pipeline would hand it to the rules. The file gives no block kind; a
 * unit whose cells are separated by « | » is what ingest makes of a table row.
 */
export function contrastInput(r: ContrastRow): MatchInput {
  const input: MatchInput = { text: r.text, lang: r.lang === 'kk' ? 'kaz' : 'rus' };
  if (r.heading) input.headingPath = r.heading.split(' > ').map((s) => s.trim());
  if (r.leadIn) input.leadIn = r.leadIn;
  const blockKind: BlockKind | undefined = / \| /.test(r.text) ? 'table_row' : undefined;
  if (blockKind) input.blockKind = blockKind;
  return input;
}
