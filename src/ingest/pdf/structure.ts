// A cheap structural check of the file itself: pdfjs silently rebuilds a damaged
// cross-reference table and returns whatever text it can, so a file with garbage bytes in
// the middle would otherwise pass as fine. For a classic xref table, every in-use entry must
// point at "N G obj". Files with cross-reference streams are not checked.

const LATIN1 = new TextDecoder('latin1');
const OBJ_HEADER = /(?:^|\s)(\d+)\s+\d+\s+obj/g;
const OBJ_HEADERS = (text: string): number[] => [...text.matchAll(OBJ_HEADER)].map((m) => Number(m[1]));

export interface StructureCheck {
  /** Object offsets point at garbage: bytes inside the file were overwritten. */
  damaged: boolean;
  /** No %%EOF near the end: the file was probably cut off (pdfjs may still cope). */
  truncated: boolean;
  detail: string;
}

export function checkXref(bytes: Uint8Array): StructureCheck {
  const tail = LATIN1.decode(bytes.subarray(Math.max(0, bytes.length - 2048)));
  const m = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  if (!m) {
    const truncated = !/%%EOF/.test(tail);
    return { damaged: false, truncated, detail: truncated ? 'no %%EOF marker at the end: the file looks cut off' : '' };
  }
  const start = Number(m[1]);
  if (start >= bytes.length) return { damaged: true, truncated: false, detail: `startxref points past the end of the file (${start})` };
  const head = LATIN1.decode(bytes.subarray(start, start + 4));
  if (head !== 'xref') return { damaged: false, truncated: false, detail: '' }; // cross-reference stream: not checked
  const text = LATIN1.decode(bytes.subarray(start, Math.min(bytes.length, start + 200_000)));
  const lines = text.split(/\r\n|\r|\n/);
  const bad: number[] = [];
  let k = 1;
  while (k < lines.length) {
    const sub = /^(\d+)\s+(\d+)\s*$/.exec(lines[k]!.trim());
    if (!sub) break;
    const first = Number(sub[1]);
    const n = Number(sub[2]);
    for (let j = 0; j < n; j++) {
      const e = /^(\d{10})\s+(\d{5})\s+([nf])/.exec(lines[k + 1 + j]?.trim() ?? '');
      if (!e) return { damaged: true, truncated: false, detail: 'malformed cross-reference table' };
      if (e[3] !== 'n') continue;
      const off = Number(e[1]);
      // Some writers are off by a few bytes; pdfjs copes with that, so look a little around.
      const at = LATIN1.decode(bytes.subarray(Math.max(0, off - 16), off + 48));
      if (!OBJ_HEADERS(at).includes(first + j)) bad.push(first + j);
    }
    k += n + 1;
  }
  return bad.length > 0
    ? { damaged: true, truncated: false, detail: `the cross-reference table points at garbage for object${bad.length > 1 ? 's' : ''} ${bad.slice(0, 5).join(', ')}${bad.length > 5 ? ' …' : ''}` }
    : { damaged: false, truncated: false, detail: '' };
}
