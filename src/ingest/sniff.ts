// What a file is, from its bytes (extensions lie: an HTML error page saved as .pdf is a
// common result of a failed download).
export type Sniffed = 'pdf' | 'docx' | 'html' | 'empty' | 'zip' | 'unknown';

const LATIN1 = new TextDecoder('latin1');

export function sniff(bytes: Uint8Array): Sniffed {
  if (bytes.length === 0) return 'empty';
  // The PDF header may follow up to 1024 bytes of junk (PDF 1.7, annex H implementation notes).
  const head = LATIN1.decode(bytes.subarray(0, 1024));
  if (head.includes('%PDF-')) return 'pdf';
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    // A zip: DOCX when it carries the main document part. Names are stored uncompressed in
    // the local file headers, so a byte search is enough.
    return LATIN1.decode(bytes.subarray(0, Math.min(bytes.length, 2_000_000))).includes('word/document.xml') ? 'docx' : 'zip';
  }
  const text = new TextDecoder('utf-8').decode(bytes.subarray(0, 2048)).replace(/^\uFEFF/, '').trimStart().toLowerCase();
  if (/^<!doctype html|^<html[\s>]|^<head[\s>]|^<body[\s>]/.test(text) || (/^<\?xml/.test(text) && text.includes('<html'))) return 'html';
  return 'unknown';
}

export function describeStart(bytes: Uint8Array): string {
  const s = new TextDecoder('utf-8').decode(bytes.subarray(0, 40)).replace(/\s+/g, ' ').trim();
  return JSON.stringify(s);
}
