// CSV files that users make by hand or in Excel (the corpus manifest, gold files): any of the
// encodings Excel writes (see ./charset) and either separator. Excel in a Russian or Kazakh
// locale writes ';', because ',' is the decimal separator there; `--excel` output uses ';' too.
import { decodeUserText } from './charset/index.js';

export interface UserCsv {
  text: string;
  delimiter: ',' | ';';
  charset: string;
  /** Set when the file was not UTF-8 and its encoding was guessed. */
  warning?: string;
}

export function decodeUserCsv(bytes: Uint8Array): UserCsv {
  const decoded = decodeUserText(bytes);
  const text = decoded.text.replace(/^\uFEFF/, '');
  return { ...decoded, text, delimiter: headerDelimiter(text) };
}

/** The separator of the header row: the one of ',' and ';' that occurs more often outside quotes. */
export function headerDelimiter(text: string): ',' | ';' {
  const header = text.split(/\r?\n/, 1)[0] ?? '';
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const ch of header) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === ',') commas += 1;
    else if (!quoted && ch === ';') semicolons += 1;
  }
  return semicolons > commas ? ';' : ',';
}
