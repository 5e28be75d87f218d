// Zip containers (xlsx, qdpx) made byte-identical across runs: every entry gets the same fixed
// date, entries keep their order, one compression setting. Zip headers otherwise carry the
// time of writing, which would make two runs over the same inputs differ.
import JSZip from 'jszip';

/** 2000-01-01T00:00:00Z: any constant works; this one is inside the DOS date range zip uses. */
export const FIXED_DATE = new Date(Date.UTC(2000, 0, 1, 0, 0, 0));

export async function deterministicZip(entries: { name: string; data: Uint8Array | string }[]): Promise<Buffer> {
  const zip = new JSZip();
  for (const e of entries) zip.file(e.name, e.data, { date: FIXED_DATE, createFolders: false });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 }, platform: 'UNIX' });
}

/** Rewrites an existing zip (e.g. what exceljs wrote) with fixed dates, same entry order. */
export async function rezip(buffer: Uint8Array): Promise<Buffer> {
  const source = await JSZip.loadAsync(buffer);
  const entries: { name: string; data: Uint8Array }[] = [];
  for (const file of Object.values(source.files)) {
    if (file.dir) continue;
    entries.push({ name: file.name, data: await file.async('uint8array') });
  }
  return deterministicZip(entries);
}
