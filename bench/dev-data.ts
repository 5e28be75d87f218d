// Reads ../shared/data/mentions/dev.tsv (real lines with «кластер», see its README).
import { readFileSync } from 'node:fs';

export const DEV = '../shared/data/mentions/dev.tsv';

export interface DevRow {
  id: string;
  lang: string;
  label: string;
  sectors: string[];
  source: string;
  text: string;
}

export function readDevRows(path = DEV): DevRow[] {
  const lines = readFileSync(path, 'utf8').split('\n').slice(1).filter((l) => l.trim());
  return lines.map((l) => {
    const [id = '', lang = '', label = '', sectors = '', source = '', text = ''] = l.split('\t');
    return { id, lang, label, sectors: sectors && sectors !== 'none' ? sectors.split(',') : [], source, text };
  });
}

/**
 * The heading a line would have in its document: the VK Cloud documentation pages
 * (vk-cs/docs-public) are documentation of a product area (the first folder under docs/ru:
 * kubernetes, dbs, ml …); RuREBus lines come from programmes whose headings the corpus
 * does not keep.
 */
export function documentHeading(source: string): string[] {
  const m = /^vk-cs\/docs-public@[^:]+:docs\/ru\/([^/]+)/.exec(source);
  return m ? ['Документация', m[1]!] : [];
}
