// Turns tesseract's `tsv` output into page text and a mean word confidence.
// TSV columns (tesseract 4/5): level page_num block_num par_num line_num word_num left top
// width height conf text. Level 5 rows are words; rows of other levels carry conf -1.
// We rebuild the text from the word rows rather than running tesseract twice (txt + tsv):
// words of one line are joined by a space, lines by '\n', and a change of block or
// paragraph starts a new paragraph after a blank line.

export interface ParsedOcr {
  text: string;
  /** Mean of the word confidences (0–100); 0 when the page has no words. */
  meanConfidence: number;
  wordCount: number;
  /** The page's lines with their words' boxes (image pixels), in tesseract's reading order. */
  lines: OcrLine[];
  /** Size of the page image in pixels (0 when the TSV has no page row). */
  width: number;
  height: number;
}

/** A word box in image pixels (origin top left). */
export interface OcrWord {
  text: string;
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface OcrLine {
  /** `${page}/${block}/${paragraph}`: tesseract's own paragraph. */
  paragraph: string;
  words: OcrWord[];
}

export function parseTesseractTsv(tsv: string): ParsedOcr {
  const paragraphs: string[][] = [];
  const lines: OcrLine[] = [];
  let lineBoxes: OcrWord[] = [];
  let width = 0;
  let height = 0;
  let lineWords: string[] = [];
  let lineKey = '';
  let paraKey = '';
  let confSum = 0;
  let wordCount = 0;

  const flushLine = (): void => {
    if (lineWords.length === 0) return;
    const para = paragraphs[paragraphs.length - 1];
    const restored = restoreBullet(lineWords);
    if (para) para.push(restored.join(' '));
    if (restored.length === lineBoxes.length) lineBoxes = lineBoxes.map((b, k) => ({ ...b, text: restored[k]! }));
    else {
      // The mark was glued to the word («“обеспечение»): the bullet takes the box's first
      // character, the word the rest.
      const first = lineBoxes[0]!;
      const markWidth = Math.round(first.width / Math.max(1, lineWords[0]!.length));
      lineBoxes = [
        { ...first, text: restored[0]!, width: markWidth },
        { ...first, text: restored[1]!, left: first.left + markWidth, width: first.width - markWidth },
        ...lineBoxes.slice(1),
      ];
    }
    lines.push({ paragraph: paraKey, words: lineBoxes });
    lineWords = [];
    lineBoxes = [];
  };

  for (const row of tsv.split('\n')) {
    const cols = row.split('\t');
    if (cols.length >= 12 && cols[0] === '1') {
      width = Number(cols[8]) || 0;
      height = Number(cols[9]) || 0;
    }
    if (cols.length < 12 || cols[0] !== '5') continue; // header row and non-word levels
    const text = cols.slice(11).join('\t').trim();
    const conf = Number(cols[10]);
    if (text === '' || !Number.isFinite(conf) || conf < 0) continue;
    const thisPara = `${cols[1]}/${cols[2]}/${cols[3]}`;
    const thisLine = `${thisPara}/${cols[4]}`;
    if (thisLine !== lineKey) {
      flushLine();
      lineKey = thisLine;
    }
    if (thisPara !== paraKey) {
      paragraphs.push([]);
      paraKey = thisPara;
    }
    lineWords.push(text);
    lineBoxes.push({ text, left: Number(cols[6]), top: Number(cols[7]), width: Number(cols[8]), height: Number(cols[9]) });
    confSum += conf;
    wordCount += 1;
  }
  flushLine();

  return {
    text: paragraphs
      .filter((p) => p.length > 0)
      .map((p) => p.join('\n'))
      .join('\n\n'),
    meanConfidence: wordCount === 0 ? 0 : round1(confSum / wordCount),
    wordCount,
    lines,
    width,
    height,
  };
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}

// Tesseract reads the round bullets of Word and LibreOffice lists as °, “, *, © and the like
// (seen on ../shared/data/pdf/scanned_page.pdf: «° создание условий…», «“обеспечение…»; at
// 200 dpi, scanned_doc.pdf: «. создание условий…»).
// A line that starts with such a mark and continues with a lower-case word is a list item:
// give it back its bullet so the layout stage recognises the list.
const BULLET_MISREADS = new Set(['°', '“', '”', '„', '"', '*', '•', '·', '●', '▪', '■', '©', '®', '¢', '‹', '›', '.']);
const LOWER_START = /^[\p{Ll}]/u;

export function restoreBullet(words: string[]): string[] {
  const first = words[0];
  if (first === undefined) return words;
  if (BULLET_MISREADS.has(first) && LOWER_START.test(words[1] ?? '')) return ['•', ...words.slice(1)];
  // The mark glued to the word: «“обеспечение».
  const head = first[0] ?? '';
  const rest = first.slice(1);
  if (BULLET_MISREADS.has(head) && LOWER_START.test(rest) && !/[”"»]/.test(rest)) return ['•', rest, ...words.slice(1)];
  return words;
}
