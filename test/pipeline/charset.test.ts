// A page whose text no charset decodes is never counted as "no mention": its city is
// unreadable, with the reason. Fixture: test/fixtures/html/strategy_ru_mixed_encodings.html (half
// UTF-8, half windows-1251; scripts/fixtures/make-html-fixtures.ts), next to the same page
// decoded fine (strategy_ru_cp1251_declared_utf8.html, a wrong declaration that is overruled).
import { copyFile, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/pipeline/run.js';

const ROOT = join(import.meta.dirname, '..', '..');

describe('run: HTML with a wrong or mixed charset', () => {
  it('the garbled page makes its city unreadable; the overruled declaration reads as priorities', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sm-charset-'));
    await copyFile(join(ROOT, 'test/fixtures/html/strategy_ru_mixed_encodings.html'), join(dir, 'mixed.html'));
    await copyFile(join(ROOT, 'test/fixtures/html/strategy_ru_cp1251_declared_utf8.html'), join(dir, 'declared.html'));
    await writeFile(
      join(dir, 'manifest.csv'),
      'file,city,country,language,title,year\nmixed.html,Северогорск,RU,ru,Стратегия,2035\ndeclared.html,Южногорск,RU,ru,Стратегия,2035\n',
    );
    const result = await runPipeline({
      corpusDir: dir, outDir: join(dir, 'out'), topic: 'cluster', rulesDir: join(ROOT, 'rules'), ocr: 'off',
      formats: ['csv'], excel: false, strict: false, timeoutMs: 60_000, concurrency: 1,
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const row = (city: string) => result.run.rows.find((r) => r.city === city);
    expect(row('Северогорск')).toMatchObject({ status: 'unreadable', statusNote: expect.stringContaining('text could not be decoded (wrong charset)') });
    expect(row('Южногорск')?.status).toBe('priorities');
  }, 60_000);
});
