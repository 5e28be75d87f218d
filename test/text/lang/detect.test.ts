import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../../src/text/lang/index.js';

// Sentences written for these tests (not taken from any corpus).
describe('detectLanguage: hard cases', () => {
  it('keeps a Russian sentence Russian when it names a Kazakh place with Kazakh letters', () => {
    const g = detectLanguage(
      'В городе Қарағанды планируется создание машиностроительного кластера и технопарка.',
    );
    expect(g.lang).toBe('rus');
  });

  it('keeps a Russian sentence with two Kazakh names Russian', () => {
    expect(
      detectLanguage('Маршрут связывает Қарағанды и Өскемен с портами Каспийского моря через новую трассу.').lang,
    ).toBe('rus');
  });

  it('reads a Kazakh sentence typed with Latin i and h as Kazakh', () => {
    // «і» and «һ» typed as Latin i/h, as in real PDFs.
    const g = detectLanguage('Қала әкiмдiгi туристiк кластердi дамыту жөнiндегi жоспарды бекiттi, мұнда жиhаз өндiрiсi де бар.');
    expect(g.lang).toBe('kaz');
    expect(g.confidence).toBeGreaterThan(0.5);
  });

  it('reads a Kazakh sentence without Kazakh-only letters as Kazakh', () => {
    expect(detectLanguage('Мен бұл мәселе туралы ойлаймын.').lang).toBe('kaz');
    expect(detectLanguage('Ол мектепке барады да кешке жатады.').lang).toBe('kaz');
  });

  it('labels a Ukrainian sentence ukr, never rus', () => {
    const g = detectLanguage('Місто планує створити індустріальний парк і підтримати місцевих виробників у наступному році.');
    expect(g.lang).toBe('ukr');
  });

  it('labels Belarusian, Bulgarian, Serbian and Bashkir by their own letters and words', () => {
    expect(detectLanguage('Горад будзе развіваць турызм і падтрымліваць малы бізнес у наступным годзе.').lang).toBe('bel');
    expect(detectLanguage('Общината ще подкрепи създаването на нов индустриален парк през следващата година.').lang).toBe('bul');
    expect(detectLanguage('Град ће подржати развој туризма и нових предузећа у наредној години.').lang).toBe('srp');
    expect(detectLanguage('Ҡала хакимиәте яңы сәнәғәт паркын төҙөүҙе хупланы.').lang).toBe('bak');
  });

  it('keeps Kyrgyz, Tatar and Mongolian away from Kazakh', () => {
    expect(detectLanguage('Шаардын мэриясы туризмди өнүктүрүү боюнча жаңы программаны бекитти.').lang).toBe('kir');
    expect(detectLanguage('Шәһәр хакимияте яңа сәнәгать паркы төзү турында карар кабул итте.').lang).toBe('tat');
    expect(detectLanguage('Манай хот шинэ аж үйлдвэрийн парк байгуулахаар шийдвэрлэсэн байна.').lang).toBe('khk');
    // Mongolian typed with Ukrainian ї for ү (../shared/data/README.md) is still Mongolian.
    expect(detectLanguage('Манай хот шинэ аж їйлдвэрийн парк байгуулахаар шийдвэрлэсэн байна.').lang).toBe('khk');
  });

  it('reads a short Russian phrase with a Kazakh name as Russian, the name alone as Kazakh', () => {
    expect(detectLanguage('В Қарағанды').lang).toBe('rus');
    expect(detectLanguage('Қарағанды облысы').lang).toBe('kaz');
  });

  it('never labels a short Ukrainian phrase with і words Russian', () => {
    // «нові» looks as Kazakh as Ukrainian to the letter n-grams; it must not be Russian.
    expect(detectLanguage('Нові правила').lang).not.toBe('rus');
    expect(detectLanguage('Місто має нові плани.').lang).toBe('ukr');
    expect(detectLanguage('Ми підтримаємо бізнес.').lang).toBe('ukr');
    expect(detectLanguage('Вони будують завод.').lang).toBe('ukr');
  });

  it('labels a one-word heading', () => {
    expect(detectLanguage('Введение').lang).toBe('rus');
    expect(detectLanguage('КІРІСПЕ').lang).toBe('kaz');
    expect(detectLanguage('Мақсаттар').lang).toBe('kaz');
    expect(detectLanguage('Introduction').lang).toBe('eng');
  });

  it('labels Kazakh words without Kazakh-only letters by their morphology', () => {
    expect(detectLanguage('жоспарлары').lang).toBe('kaz');
    expect(detectLanguage('бастамасынан').lang).toBe('kaz');
    expect(detectLanguage('мероприятия').lang).toBe('rus');
  });

  it('returns und for numbers, punctuation and empty text', () => {
    expect(detectLanguage('2023 – 2030 ... 15,7 % (12/45)')).toEqual({ lang: 'und', confidence: 0 });
    expect(detectLanguage('')).toEqual({ lang: 'und', confidence: 0 });
    expect(detectLanguage('   ')).toEqual({ lang: 'und', confidence: 0 });
    expect(detectLanguage('........ 17')).toEqual({ lang: 'und', confidence: 0 });
  });

  it('ignores numbers around words', () => {
    expect(detectLanguage('1.2.3. Развитие кластеров 2025–2030 гг.').lang).toBe('rus');
  });

  it('labels English', () => {
    expect(detectLanguage('The city will support the creation of an innovation cluster.').lang).toBe('eng');
  });

  it('never throws and keeps confidence within 0..1 on odd input', () => {
    const odd = ['\u0000\uFFFD', 'ІІІ', 'a', 'я', '—', 'x'.repeat(5000), 'кластер'.repeat(1000), '🙂 ok'];
    for (const t of odd) {
      const g = detectLanguage(t);
      expect(typeof g.lang).toBe('string');
      expect(g.confidence).toBeGreaterThanOrEqual(0);
      expect(g.confidence).toBeLessThanOrEqual(1);
    }
  });
});
