// CSV text of a table. UTF-8 with '\n' line ends; `excel` adds a BOM and ';' as separator,
// which is what Excel expects in locales whose decimal mark is a comma (ru, kk).
import { stringify } from 'csv-stringify/sync';
import type { Table } from './tables.js';

export function tableCsv(table: Table, excel: boolean): string {
  return stringify([table.header, ...table.rows], {
    bom: excel,
    delimiter: excel ? ';' : ',',
    record_delimiter: '\n',
  });
}
