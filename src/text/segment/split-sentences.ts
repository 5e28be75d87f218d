// Splits one logical line (a paragraph, or a list item's text) into sentences.
//
// The approach is razdel's (github.com/natasha/razdel, described in its README and the
// natasha blog): find every place where a sentence could end (. ? ! … and smileys, with the
// quotes and brackets that close on them), then decide from a little context on each side,
// so each decision looks at a bounded window and the whole pass is linear. The code and
// the decision order are this project's own. It also splits inline enumerations
// («Приоритеты: 1) …; 2) …») into list items, which razdel does not do.
import type { AbbrevClass, Lexicon } from './lexicon.js';
import {
  isCloser, isDash, isDigit, isLetterAt, isLowerAt, isOpener, isSpace, isTerminal, isUpperAt,
} from './chars.js';
import { inlineItemMarkerAt } from './lines.js';

/** One piece of a line: a sentence, or an item of an inline enumeration. */
export interface Piece {
  start: number;
  end: number;
  /** The piece starts with an inline item marker («2) …») that follows «:» or «;». */
  inlineItem: boolean;
}

const CANDIDATE = /[.!?…;:]/g;

/** What the first word after a possible boundary looks like. */
type RightStart = 'upper' | 'lower' | 'digit' | 'other' | 'none';

/**
 * Appends the pieces of text[from, to) to `out`. `from` and `to` must be trimmed bounds
 * (no whitespace at either end); the pieces are trimmed and only whitespace lies between.
 */
export function splitSentences(text: string, from: number, to: number, lex: Lexicon, out: Piece[]): void {
  let segStart = from;
  let inlineItem = false;
  const re = new RegExp(CANDIDATE.source, 'g');
  re.lastIndex = from;
  for (let m = re.exec(text); m !== null && m.index < to; m = re.exec(text)) {
    const i = m.index;
    const c = text.charCodeAt(i);
    if (c === 59 /* ; */ || c === 58 /* : */) {
      const smileyEnd = smileyEndAt(text, i, to);
      if (smileyEnd > i) {
        // «… тоже ;) Я вспомнила»: a smiley closes a sentence like «!» does.
        re.lastIndex = smileyEnd;
        if (smileyEnd < to && isSpace(text.charCodeAt(smileyEnd))) {
          const r = skipSpace(text, smileyEnd, to);
          if (r < to && startsLikeSentence(rightStart(text, r, to, false))) {
            out.push({ start: segStart, end: smileyEnd, inlineItem });
            segStart = r;
            inlineItem = false;
          }
        }
        continue;
      }
      if (i + 1 < to && isSpace(text.charCodeAt(i + 1))) {
        const r = skipSpace(text, i + 1, to);
        if (r < to && inlineItemMarkerAt(text, r, to, c === 58)) {
          out.push({ start: segStart, end: i + 1, inlineItem });
          segStart = r;
          inlineItem = true;
        }
      }
      continue;
    }
    // A run of terminal marks with the closing quotes and brackets stuck to it: «?!»», «.)».
    let punctEnd = i + 1;
    while (punctEnd < to && isTerminal(text.charCodeAt(punctEnd))) punctEnd++;
    let e = punctEnd;
    while (e < to && (isCloser(text.charCodeAt(e)) || isTerminal(text.charCodeAt(e)))) e++;
    re.lastIndex = e;
    if (e >= to || !isSpace(text.charCodeAt(e))) continue; // «т.е», «2.1», «г.Казань»: no gap, no boundary
    const r = skipSpace(text, e, to);
    if (r >= to) continue;
    if (shouldSplit(text, segStart, i, punctEnd, r, to, lex)) {
      out.push({ start: segStart, end: e, inlineItem });
      segStart = r;
      inlineItem = false;
    }
  }
  out.push({ start: segStart, end: to, inlineItem });
}

function skipSpace(text: string, i: number, to: number): number {
  while (i < to && isSpace(text.charCodeAt(i))) i++;
  return i;
}

/** End of a smiley «:)», «;-)», «:))» starting at i, or i when there is none. */
function smileyEndAt(text: string, i: number, to: number): number {
  let j = i + 1;
  if (j < to && text.charCodeAt(j) === 45) j++;
  const k = j;
  while (j < to && (text.charCodeAt(j) === 41 || text.charCodeAt(j) === 40) && j - k < 3) j++;
  return j > k ? j : i;
}

function startsLikeSentence(kind: RightStart): boolean {
  return kind === 'upper' || kind === 'other' || kind === 'digit';
}

/** Position of the first letter or digit of the text after a gap, past dashes and quotes. */
function rightWordAt(text: string, r: number, to: number): number {
  let k = r;
  const c = text.charCodeAt(k);
  if (isDash(c)) {
    // A dialogue dash («— А мне дашь?») or a doubled hyphen «--»: look at the word after it.
    k++;
    if (k < to && isDash(text.charCodeAt(k))) k++;
    k = skipSpace(text, k, to);
  }
  while (k < to && isOpener(text.charCodeAt(k))) k++;
  return k;
}

function rightStart(text: string, r: number, to: number, plainStop: boolean): RightStart {
  const c = text.charCodeAt(r);
  // Punctuation that continues the sentence: «кто они такие… »», «… ,».
  if (c === 44 || c === 59 || c === 58 || isTerminal(c)) return 'none';
  if (isCloser(c) && !isOpener(c)) return 'none';
  if (c === 34 || c === 39) {
    // A straight quote opens a quotation only before a word: «верю! ".», «…другие... "(2003)».
    const next = r + 1 < to ? text.charCodeAt(r + 1) : 32;
    if (!isDigit(next) && !isLetterAt(text, r + 1) && !isDash(next) && next !== 0xab && next !== 0x201e && next !== 0x201c) return 'none';
  }
  // After a title in quotes or an ellipsis, a bracket before a number is a parenthesis of the
  // same sentence: «"Как это делалось..." (1992)».
  if ((c === 40 || c === 91) && !plainStop && r + 1 < to && !isLetterAt(text, r + 1)) return 'none';
  const k = rightWordAt(text, r, to);
  if (k >= to) return 'none';
  if (isLowerAt(text, k)) return 'lower';
  if (isUpperAt(text, k)) return 'upper';
  const ck = text.charCodeAt(k);
  if (isDigit(ck)) return 'digit';
  // Symbols that begin a sentence or an item; anything else («/ км2», «+», «%») goes on with it.
  return ck === 0x2116 || ck === 0xa7 || ck === 0x2022 ? 'other' : 'none';
}

/**
 * Decides one possible boundary: the terminal run text[p, punctEnd) (plus closers), and the
 * next sentence would begin at r. segStart is where the current sentence began.
 */
function shouldSplit(
  text: string, segStart: number, p: number, punctEnd: number, r: number, to: number, lex: Lexicon,
): boolean {
  // A single full stop with nothing after it: a plain sentence end (not «...», «?», «."»).
  const plainStop = punctEnd - p === 1 && text.charCodeAt(p) === 46 && !isCloser(text.charCodeAt(punctEnd));
  const right = rightStart(text, r, to, plainStop);
  // A lower-case word goes on with the sentence: «если бы… не тот», «в 2030 г. в рамках»,
  // «?!» – деп тілейтін еді».
  if (right === 'lower' || right === 'none') return false;
  // Only a single full stop can belong to an abbreviation, an initial or a number;
  // «?», «!», «…», «?!», «!..» always end the sentence before an upper-case word.
  if (punctEnd - p > 1 || text.charCodeAt(p) !== 46) return true;
  if (p === segStart) return false;
  const before = text.charCodeAt(p - 1);
  if (isDigit(before)) return numberMayEnd(text, segStart, p, r, to, right, lex);
  if (!isLetterAt(text, p - 1)) return true; // «(1979). «Относительно…», «точно". "Возможно…»
  return wordMayEnd(text, segStart, p, r, to, right, lex);
}

/** «… в 2030. Его» ends a sentence; «4. Я присутствовал», «Раздел 3. Цели» do not. */
function numberMayEnd(text: string, segStart: number, p: number, r: number, to: number, right: RightStart, lex: Lexicon): boolean {
  let k = p;
  while (k > segStart && (isDigit(text.charCodeAt(k - 1)) || text.charCodeAt(k - 1) === 46)) k--;
  let b = k;
  while (b > segStart && isSpace(text.charCodeAt(b - 1))) b--;
  // The sentence so far is only a number, perhaps after a symbol («4.», «§2.», «## 3.»): a label.
  if (b === segStart || (b - segStart <= 4 && !hasLetter(text, segStart, b))) return false;
  const prev = text.charCodeAt(b - 1);
  // «Этапы: 1. Подготовка», «§ 2. Нахождение», «№ 5. …», «п. 3. …»
  if (prev === 0xa7 || prev === 0x2116) return false;
  if ((prev === 58 || prev === 59) && b < k) return false; // not a time «в 23:45.»
  if (b < k) {
    const word = wordBefore(text, segStart, b);
    if (word !== '' && lex.headingWords.has(word.toLowerCase())) return false;
  }
  // «… 6322682502. 30 апреля» ends a sentence; «1. 2.» or «3. 4)» is a run of labels.
  if (right === 'digit') return !numberLabelAt(text, r, to);
  return true;
}

/** text at r is a bare number label: «2.», «2)», «2.1.» */
function numberLabelAt(text: string, r: number, to: number): boolean {
  let k = r;
  while (k < to && (isDigit(text.charCodeAt(k)) || text.charCodeAt(k) === 46)) k++;
  const c = text.charCodeAt(k);
  return k >= to || c === 41 || text.charCodeAt(k - 1) === 46;
}

function hasLetter(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (isLetterAt(text, i)) return true;
  return false;
}

/** The letters immediately before position end (no space in between). */
function wordBefore(text: string, segStart: number, end: number): string {
  let s = end;
  while (s > segStart && isLetterAt(text, s - 1)) s--;
  return text.slice(s, end);
}

/** Roman numerals, in Latin or in their Cyrillic look-alikes (ХХ в., І ғ.). */
const ROMAN = /^[IVXLCМMХІ]+$/;

function wordMayEnd(
  text: string, segStart: number, p: number, r: number, to: number, right: RightStart, lex: Lexicon,
): boolean {
  // The token before the dot: letters with inner dots and hyphens («т.е», «к.п.н», «р-н»).
  let t0 = p;
  while (t0 > segStart) {
    const c = text.charCodeAt(t0 - 1);
    if (c === 46 || c === 45 || isLetterAt(text, t0 - 1)) t0--;
    else break;
  }
  const attachedToNumber = t0 > segStart && text.charCodeAt(t0) === 45 && isDigit(text.charCodeAt(t0 - 1));
  while (t0 < p && (text.charCodeAt(t0) === 46 || text.charCodeAt(t0) === 45)) t0++;
  // «1970-х.», «90-е.»: a case ending of a numeral, an ordinary word; but «1-бөлім.» is a
  // Kazakh section label, like «Раздел 1.».
  if (attachedToNumber) return !lex.headingWords.has(text.slice(t0, p).toLowerCase());
  let ws = p;
  while (ws > t0 && isLetterAt(text, ws - 1)) ws--;
  const word = text.slice(ws, p);
  const token = text.slice(t0, p);

  // Initials: «И.Р. Метшин», «Л. В. Щербы», «Метшина И.Р.». Joined unless the next word is
  // a closed-class word that cannot be a surname («Метшина И.Р. Его…», «Петра I. Затем»).
  if (word.length === 1 && isUpperAt(text, ws) && (token.length === 1 || /^(\p{Lu}\.)+\p{Lu}$/u.test(token))) {
    // A Latin I, V or X after a Cyrillic word is a regnal number («Твртко I.»), not an initial.
    if (token.length === 1 && /[IVX]/.test(word) && cyrillicWordBefore(text, segStart, ws)) return right === 'upper';
    return right === 'upper' && startsWithStarter(text, r, to, lex);
  }

  const key = token.toLowerCase();
  let cls: AbbrevClass | undefined;
  let abbrevStart = t0;
  if (token.length <= 3) {
    // A chain written with spaces: «т. е.», «т. д.», «н. э.» (before «п.» alone is looked up).
    const prev = spacedChainPart(text, segStart, t0);
    if (prev !== null) {
      cls = lex.abbreviations.get(`${prev.key}.${key}`);
      if (cls !== undefined) abbrevStart = prev.start;
    }
  }
  cls ??= lex.abbreviations.get(key);
  if (cls === undefined && key !== word.toLowerCase()) cls = lex.abbreviations.get(word.toLowerCase());
  if (cls === undefined && token.includes('.') && /^[\p{Ll}.]+$/u.test(token)) cls = 'mayEnd'; // unknown «ж.ш.с.»
  if (cls === undefined && word.length === 1 && isLowerAt(text, ws) && word !== 'я') cls = 'mayEnd';

  if (cls === 'neverFinal') return false;
  if (cls === 'afterNumber' && !numberBeforeToken(text, segStart, t0)) return false; // г. Казань
  if (cls === undefined) return true;
  // After an abbreviation, only a capitalised word starts a new sentence; a dash goes on
  // with it («в 2002 г. — …»).
  if (right !== 'upper' || isDash(text.charCodeAt(r))) return false;
  // «до 2030 г. Его…»: a pronoun or conjunction cannot go on the sentence, so it ends here.
  if (startsWithStarter(text, r, to, lex)) return true;
  if (lex.verbFinal) return false;
  // «16,3 млрд. АҚШ доллары», «5 тыс. USD»: an amount goes on with its currency's acronym.
  if (cls === 'mayEnd' && numberBeforeToken(text, segStart, t0) && acronymAt(text, r, to)) return false;
  // «В 2019 г. Иванов…», «1 января 49 года до н. э. Марк…»: a short opening phrase with a
  // number that ends in a date is an introductory adverbial, and the capital starts its
  // subject. Amounts («Длина реки составляет 18 км. Расположен…») are not introductory.
  if (cls === 'afterNumber' || cls === 'era') return !isShortPhraseWithNumber(text, segStart, abbrevStart);
  return true;
}

/** The word at r is written in capitals only («АҚШ», «США», «USD»). */
function acronymAt(text: string, r: number, to: number): boolean {
  let e = r;
  while (e < to && isUpperAt(text, e)) e++;
  return e - r >= 2 && (e >= to || !isLetterAt(text, e));
}

function cyrillicWordBefore(text: string, segStart: number, ws: number): boolean {
  let e = ws;
  while (e > segStart && isSpace(text.charCodeAt(e - 1))) e--;
  if (e === ws || e === segStart) return false;
  const c = text.charCodeAt(e - 1);
  return c >= 0x400 && c <= 0x4ff;
}

const SHORT_PHRASE_WORDS = 5;
const SHORT_PHRASE_CHARS = 60;

/** text[segStart, end) has at most five words, one of them a number. */
function isShortPhraseWithNumber(text: string, segStart: number, end: number): boolean {
  if (end - segStart > SHORT_PHRASE_CHARS) return false;
  let words = 0;
  let digit = false;
  let inWord = false;
  for (let i = segStart; i < end; i++) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      inWord = false;
    } else {
      if (!inWord) words++;
      inWord = true;
      if (isDigit(c)) digit = true;
    }
  }
  return digit && words <= SHORT_PHRASE_WORDS;
}

/** For «т. д.»: the 1–3 letter part before the space («т») and where it starts. */
function spacedChainPart(text: string, segStart: number, t0: number): { key: string; start: number } | null {
  if (t0 - 2 < segStart || text.charCodeAt(t0 - 1) !== 32 || text.charCodeAt(t0 - 2) !== 46) return null;
  const end = t0 - 2;
  let s = end;
  while (s > segStart && isLetterAt(text, s - 1)) s--;
  if (end - s < 1 || end - s > 3) return null;
  if (s > segStart && !isSpace(text.charCodeAt(s - 1)) && !isOpener(text.charCodeAt(s - 1))) return null;
  return { key: text.slice(s, end).toLowerCase(), start: s };
}

/** A number right before the token («1999гг», «2030 г», «2019–2024 гг», «XX в»). */
function numberBeforeToken(text: string, segStart: number, t0: number): boolean {
  if (t0 > segStart && isDigit(text.charCodeAt(t0 - 1))) return true;
  let e = t0;
  while (e > segStart && isSpace(text.charCodeAt(e - 1))) e--;
  if (e === t0 || e === segStart) return false;
  let s = e;
  while (s > segStart && !isSpace(text.charCodeAt(s - 1))) s--;
  const prev = text.slice(s, e);
  return /\d/.test(prev) || ROMAN.test(prev);
}

/** The word at r (past a dash and quotes) is a closed-class sentence starter, not a name. */
function startsWithStarter(text: string, r: number, to: number, lex: Lexicon): boolean {
  const k = rightWordAt(text, r, to);
  let e = k;
  while (e < to && isLetterAt(text, e)) e++;
  if (e === k || (e < to && text.charCodeAt(e) === 46)) return false; // «В. Петров» is an initial
  return lex.sentenceStarters.has(text.slice(k, e).toLowerCase());
}
