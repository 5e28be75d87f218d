// Blocks → units, and the language a block gets when the detector is unsure of it.
// The short blocks are the ones that went wrong in the sample corpus (corpus/*.pdf):
// «Таблица 2. SWOT-анализ Екатеринбурга.» came out Kyrgyz, «Нысаналы индикатор | 2023 | 2030»
// Russian inside a Kazakh document.
import { describe, expect, it } from 'vitest';
import type { Block, BlockKind, IngestedDocument } from '../../src/records.js';
import { blockLanguagesOf, documentUnits } from '../../src/text/units.js';

function block(kind: BlockKind, text: string, index = 0, extra: Partial<Block> = {}): Block {
  return { kind, text, page: 1, index, start: 0, end: text.length, ocr: false, headingPath: [], ...extra };
}

const RU = 'Город формирует кластер креативных индустрий на территории бывшего приборостроительного завода.';
const KK = 'Қала әкімдігі туристік кластерді дамыту бағдарламасын қабылдады және оның қатысушыларын қолдайды.';

describe('blockLanguagesOf', () => {
  it('gives a short unsure heading the language of the sure block before it', () => {
    expect(blockLanguagesOf([block('paragraph', RU), block('heading', '2.2. SWOT-анализ')])).toEqual(['rus', 'rus']);
    expect(blockLanguagesOf([block('paragraph', KK), block('table_row', 'Нысаналы индикатор | 2023 | 2030')])).toEqual(['kaz', 'kaz']);
  });

  it('gives unsure blocks at the start the language of the first sure block', () => {
    expect(blockLanguagesOf([block('heading', 'SWOT'), block('paragraph', KK)])).toEqual(['kaz', 'kaz']);
  });

  it('follows the half of a bilingual document a heading sits in', () => {
    const langs = blockLanguagesOf([block('paragraph', KK), block('heading', '4. SWOT'), block('paragraph', RU), block('heading', '5. SWOT')]);
    expect(langs).toEqual(['kaz', 'kaz', 'rus', 'rus']);
  });
});

describe('documentUnits', () => {
  it('splits paragraphs into sentences, keeps list items whole with their lead-in, and keeps provenance', () => {
    const items = ['развитие туристского кластера;', 'поддержка IT-кластера.'];
    const doc: IngestedDocument = {
      file: 'x.pdf', format: 'pdf', status: 'ok', message: '', pageCount: 1, unreadablePages: [], ocrPages: [], sha256: '',
      pages: [{
        number: 3, text: '', triage: 'ok', ocr: false,
        blocks: [
          block('paragraph', 'В 2023 г. принята программа. Приоритетами являются:', 0, { page: 3 }),
          block('list_item', items[0]!, 1, { page: 3, leadIn: 'Приоритетами являются:' }),
          block('list_item', items[1]!, 2, { page: 3, leadIn: 'Приоритетами являются:' }),
        ],
      }],
    };
    const { units } = documentUnits(doc);
    expect(units.map((u) => [u.kind, u.text])).toEqual([
      ['sentence', 'В 2023 г. принята программа.'],
      ['sentence', 'Приоритетами являются:'],
      ['list_item', items[0]],
      ['list_item', items[1]],
    ]);
    expect(units[2]).toMatchObject({ id: 'x.pdf#p3b1u0', page: 3, blockIndex: 1, leadIn: 'Приоритетами являются:', lang: 'rus' });
    for (const u of units) expect(doc.pages[0]!.blocks[u.blockIndex]!.text.slice(u.start, u.end)).toBe(u.text);
  });
});
