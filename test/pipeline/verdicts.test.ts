// City verdicts end to end: three small HTML strategies written for this test run through
// the whole pipeline (ingest, text, rules, aggregate). A strategy whose only priorities are
// an IT cluster full of server and cloud words is `priorities`; one that only describes
// clusters that exist is `context_only`; one whose only hit is a weak, conflicting
// decision is `needs_review` — never `no_cluster_policy`.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/pipeline/run.js';
import type { RunResult } from '../../src/records.js';

const ROOT = join(import.meta.dirname, '..', '..');

const page = (title: string, body: string): string =>
  `<!DOCTYPE html>\n<html lang="ru"><head><meta charset="utf-8"><title>${title}</title></head><body><main><h1>${title}</h1>\n${body}\n</main></body></html>\n`;

const DOCS: Record<string, string> = {
  'innopol.html': page(
    'Стратегия социально-экономического развития города Иннополя до 2035 года',
    `<h2>2. Анализ текущего состояния</h2>
<p>Город располагает университетом и двумя бизнес-инкубаторами; выпуск программистов за последние пять лет вырос вдвое.</p>
<h2>4. Цели и задачи</h2>
<p>Задачами развития цифровой экономики являются:</p>
<ul>
<li>формирование IT-кластера с собственным центром обработки данных на 400 серверных стоек;</li>
<li>предоставление резидентам IT-кластера облачной платформы и вычислительных мощностей по льготной цене;</li>
<li>подключение участников IT-кластера к городским данным через открытый API.</li>
</ul>`,
  ),
  'starorechensk.html': page(
    'Стратегия развития городского округа Старореченск до 2030 года',
    `<h2>2. Анализ социально-экономического положения</h2>
<p>В городе действует машиностроительный кластер, объединяющий 25 предприятий и технический колледж.</p>
<p>Кластер был создан в 2012 году при поддержке областного фонда развития промышленности.</p>
<h2>3. Цели и задачи</h2>
<p>Главная цель – рост доходов населения и качества городской среды.</p>`,
  ),
  'ozersk.html': page(
    'Стратегия развития города Озёрска-на-Мере до 2030 года',
    `<h2>5. Информатизация городского хозяйства</h2>
<p>Серверы кластера размещены в здании мэрии.</p>
<p>Город обновит сеть уличного освещения к 2028 году.</p>`,
  ),
};

const MANIFEST = `file,city,country,language,title,year
innopol.html,Иннополь,RU,ru,Стратегия социально-экономического развития города Иннополя до 2035 года,2024
starorechensk.html,Старореченск,RU,ru,Стратегия развития городского округа Старореченск до 2030 года,2023
ozersk.html,Озёрск-на-Мере,RU,ru,Стратегия развития города Озёрска-на-Мере до 2030 года,2024
`;

let dir = '';
let run: RunResult;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sm-verdicts-'));
  await writeFile(join(dir, 'manifest.csv'), MANIFEST);
  for (const [file, html] of Object.entries(DOCS)) await writeFile(join(dir, file), html);
  const result = await runPipeline(
    {
      corpusDir: dir,
      outDir: join(dir, 'out'),
      topic: 'cluster',
      rulesDir: join(ROOT, 'rules'),
      ocr: 'off',
      formats: ['csv'],
      excel: false,
      strict: false,
      timeoutMs: 60_000,
      concurrency: 1,
    },
    () => {},
    { inThread: true },
  );
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
  run = result.run;
}, 120_000);
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

const row = (city: string) => run.rows.find((r) => r.city === city)!;

describe('city verdicts on strategies written for this test', () => {
  it('an IT cluster whose measures speak of servers, a cloud platform and an API is a priority', () => {
    expect(row('Иннополь').status).toBe('priorities');
    expect(row('Иннополь').priorities.length).toBe(3);
    expect(row('Иннополь').sectors).toContain('it_digital');
  });
  it('a strategy that only describes clusters that exist is context only', () => {
    expect(row('Старореченск')).toMatchObject({ status: 'context_only', priorities: [] });
  });
  it('a strategy whose only hit is weak and conflicting needs review, with the sentence in the note', () => {
    const r = row('Озёрск-на-Мере');
    expect(r.status).toBe('needs_review');
    expect(r.statusNote).toContain('«Серверы кластера размещены в здании мэрии.» (ozersk.html');
    const m = run.documents.find((d) => d.entry.file === 'ozersk.html')!.mentions;
    expect(m.every((x) => x.uncertain === true)).toBe(true);
  });
});
