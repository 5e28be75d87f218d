// The unit-level fallback (src/text/units.ts): a short unit whose own guess is unsure takes its
// block's language. Text written for this test.
import { describe, expect, it } from 'vitest';
import type { Block, IngestedDocument } from '../../../src/records.js';
import { documentUnits } from '../../../src/text/units.js';

function doc(text: string): IngestedDocument {
  const block: Block = { kind: 'paragraph', text, page: 1, index: 0, start: 0, end: text.length, ocr: false, headingPath: [] };
  return {
    file: 'test.pdf',
    format: 'pdf',
    status: 'ok',
    message: '',
    pageCount: 1,
    pages: [{ number: 1, text, blocks: [block], triage: 'ok', ocr: false }],
    unreadablePages: [],
    ocrPages: [],
    sha256: '',
  };
}

describe('unit language', () => {
  it('a one-word sentence valid in both languages takes the Russian block language', () => {
    const { units } = documentUnits(
      doc('Город развивает промышленные кластеры и поддерживает малый бизнес. Технология. Затем идут показатели.'),
    );
    const word = units.find((u) => u.text.startsWith('Технология'));
    expect(word?.lang).toBe('rus');
  });

  it('the same word inside a Kazakh paragraph is Kazakh', () => {
    const { units } = documentUnits(doc('Қала өнеркәсіптік кластерлерді дамытады және шағын бизнесті қолдайды. Технология. Содан кейін көрсеткіштер.'));
    const word = units.find((u) => u.text.startsWith('Технология'));
    expect(word?.lang).toBe('kaz');
  });
});
