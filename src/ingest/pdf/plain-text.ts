// Plain text with line breaks (what OCR returns: lines separated by '\n', paragraphs by a
// blank line) → raw blocks, so OCR'd pages get the same list detection and de-hyphenation as
// text-layer pages.
import type { RawBlock } from './layout.js';
import { BULLET, dashMayContinue, NUMBERED, WRAPPED_LINE_CHARS } from './markers.js';


export function blocksFromPlainText(text: string): RawBlock[] {
  const blocks: RawBlock[] = [];
  for (const para of text.split(/\n\s*\n/)) {
    let cur: RawBlock | null = null;
    let previous = '';
    for (const raw of para.split('\n')) {
      const line = raw.trim();
      if (line === '') continue;
      const wrappedDash = previous.length >= WRAPPED_LINE_CHARS && dashMayContinue(previous, line);
      previous = line;
      const marker = (BULLET.test(line) || NUMBERED.test(line)) && !wrappedDash;
      if (!cur || marker) {
        if (cur) blocks.push(cur);
        cur = {
          kind: marker ? 'list_item' : 'paragraph',
          lines: [line.replace(BULLET, '')],
          size: 0,
          openEnd: false,
          continuation: false,
        };
      } else {
        cur.lines.push(line);
      }
    }
    if (cur) blocks.push(cur);
  }
  return blocks;
}
