// The files of a run, written from the hand-made run in test/fixtures/runs/corpus.ts.
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCityRows } from '../../src/aggregate/index.js';
import { writeReports } from '../../src/report/index.js';
import { table5Markdown } from '../../src/report/markdown.js';
import type { RunResult } from '../../src/records.js';
import { FIXTURE_LABELS, fixtureDocuments, fixtureRun } from '../fixtures/runs/corpus.js';

const ALL = ['csv', 'md', 'json', 'xlsx', 'html', 'qdpx'];
let dir: string;
let run: RunResult;

async function text(name: string, at = dir): Promise<string> {
  return readFile(join(at, name), 'utf8');
}
function csv(body: string, delimiter = ','): Record<string, string>[] {
  return parse(body, { columns: true, delimiter, bom: true }) as Record<string, string>[];
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sm-report-'));
  run = fixtureRun(buildCityRows(fixtureDocuments()), { formats: ALL });
  await writeReports(run, dir, { labels: FIXTURE_LABELS });
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

describe('writeReports', () => {
  it('writes the files of every requested format plus the ones always written', async () => {
    expect((await readdir(dir)).sort()).toEqual(
      [
        'chart-country-sector.svg',
        'chart-territory-sector.svg',
        'documents.csv',
        'measures.csv',
        'mentions.csv',
        'mentions.jsonl',
        'pages.csv',
        'run.json',
        'sectors.csv',
        'strategy-miner.qdpx',
        'table5.csv',
        'table5.html',
        'table5.json',
        'table5.md',
        'table5.xlsx',
        'units.jsonl',
      ].sort(),
    );
  });

  it('writes only the always-written files when formats ask for md alone', async () => {
    const only = await mkdtemp(join(tmpdir(), 'sm-report-md-'));
    const r = fixtureRun(buildCityRows(fixtureDocuments()), { formats: ['md'] });
    const { written } = await writeReports(r, only);
    expect(written.map((w) => w.slice(only.length + 1)).sort()).toEqual(
      ['documents.csv', 'mentions.csv', 'mentions.jsonl', 'run.json', 'table5.json', 'table5.md', 'units.jsonl'].sort(),
    );
    await rm(only, { recursive: true, force: true });
  });

  it('table5.md: one bullet per priority with lead-in, sectors and evidence; flags and unreadable list', async () => {
    const md = await text('table5.md');
    expect(md).toContain('| City | Cluster policy priorities |');
    expect(md).toContain(
      '| Казань (RU) | • *Приоритетными направлениями экономической политики являются:* … развитие туристско-рекреационного кластера на основе исторического центра города; [Туризм] (kazan_2030.pdf p. 2, 3)<br>',
    );
    expect(md).toMatch(/\| Уфа \(RU\) \| ⚑ \*\*No cluster policy mention\.\*\*/);
    expect(md).toMatch(/\| Омск \(RU\) \| ⚑ \*\*No cluster policy priority\.\*\*/);
    expect(md).toContain('(samara_2030.pdf p. 2 (OCR))<br>⚠ Not read, priorities may be missing: samara_2030.pdf: partly unreadable, pages 3–4 not read');
    expect(md).toContain('(almaty_2050_kk_ru.pdf p. 1, 2)');
    const unreadable = md.split('## Documents that could not be fully read')[1]?.split('##')[0] ?? '';
    expect(unreadable).toContain('- Челябинск: chelyabinsk_2035.pdf: needs OCR (no text layer), none of its 12 pages read');
    expect(unreadable).toContain('- Нижний Новгород: nnovgorod_2030_annex.pdf: corrupt or truncated');
    const flagged = md.split('## Cities whose strategy does not mention cluster policy')[1]?.split('##')[0] ?? '';
    expect(flagged.trim().split('\n')).toHaveLength(1);
    expect(flagged).toContain('Уфа (RU)');
  });

  it('table5.csv: one row per city, statuses and priorities with evidence', async () => {
    const rows = csv(await text('table5.csv'));
    expect(rows.map((r) => `${r.city}:${r.status}:${r.priority_count}`)).toEqual([
      'Казань:priorities:2',
      'Уфа:no_cluster_policy:0',
      'Омск:context_only:0',
      'Самара:priorities:1',
      'Челябинск:unreadable:0',
      'Нижний Новгород:unreadable:0',
      'Алматы:priorities:2',
      'Астана:priorities:1',
    ]);
    const almaty = rows.find((r) => r.city === 'Алматы');
    expect(almaty?.priorities?.split('\n')).toHaveLength(2);
    expect(almaty?.languages).toBe('rus; kaz');
  });

  it('--excel CSV: BOM and semicolons, same records', async () => {
    const excelDir = await mkdtemp(join(tmpdir(), 'sm-report-xl-'));
    await writeReports({ ...run, options: { ...run.options, excel: true, formats: ['csv'] } }, excelDir, { labels: FIXTURE_LABELS });
    const raw = await readFile(join(excelDir, 'table5.csv'));
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const body = raw.toString('utf8');
    expect(body.split('\n')[0]).toBe('\uFEFFcity;country;status;status_note;languages;documents;priority_count;priorities;sectors;context_mentions;other_sense_mentions;bilingual;level;region');
    expect(csv(body, ';')).toEqual(csv(await text('table5.csv')));
    await rm(excelDir, { recursive: true, force: true });
  });

  it('mentions.csv and mentions.jsonl: one row per occurrence, rejected ones included', async () => {
    const total = run.documents.reduce((n, d) => n + d.mentions.length, 0);
    const rows = csv(await text('mentions.csv'));
    expect(rows).toHaveLength(total);
    expect(rows.filter((r) => r.kind === 'other_sense').map((r) => `${r.city}|${r.rule_ids}|${r.terms}`)).toEqual([
      'Казань|cluster.exclude.toc|кластера',
      'Казань|cluster.exclude.data|кластерный',
      'Уфа|cluster.exclude.data|кластеризации',
      'Уфа|cluster.exclude.computing|кластере',
    ]);
    const ocr = rows.find((r) => r.file === 'samara_2030.pdf');
    expect(ocr).toMatchObject({ page: '2', ocr: 'yes', sectors: 'aerospace', measures: 'cooperation', language: 'rus' });
    const lines = (await text('mentions.jsonl')).trimEnd().split('\n').map((l) => JSON.parse(l) as { text: string; start: number; end: number; terms: string[] });
    expect(lines).toHaveLength(total);
    for (const m of lines) expect(m.text.slice(m.start, m.end)).toBe(m.terms[0]);
  });

  it('units.jsonl holds every unit, with and without mentions', async () => {
    const units = (await text('units.jsonl')).trimEnd().split('\n').map((l) => JSON.parse(l) as { id: string; mentionKinds: string[] });
    expect(units).toHaveLength(run.documents.reduce((n, d) => n + d.units.length, 0));
    expect(units.find((u) => u.id === 'kazan_2030.pdf#p2b4u0')?.mentionKinds).toEqual([]);
    expect(units.find((u) => u.id === 'kazan_2030.pdf#p3b1u0')?.mentionKinds).toEqual(['priority']);
  });

  it('documents.csv: pages without text, languages with shares, status and message', async () => {
    const rows = csv(await text('documents.csv'));
    expect(rows.map((r) => `${r.file}:${r.status}:${r.pages}:${r.pages_without_text}`)).toEqual([
      'almaty_2050_kk_ru.pdf:ok:2:0',
      'kazan_2030.pdf:ok:3:0',
      'ufa_2030.pdf:ok:1:0',
      'omsk_2025.pdf:ok:1:0',
      'samara_2030.pdf:partial:4:2',
      'chelyabinsk_2035.pdf:needs_ocr:12:12',
      'nnovgorod_2030.pdf:ok:1:0',
      'nnovgorod_2030_annex.pdf:corrupt:0:0',
      'astana_2050_kk.pdf:ok:1:0',
    ]);
    expect(rows[0]).toMatchObject({ languages: 'rus 52%; kaz 48%', bilingual: 'yes' });
    expect(rows[4]).toMatchObject({ unreadable_pages: '3–4', ocr_pages: '2' });
    expect(rows[7]?.message).toBe('Invalid PDF structure (xref table damaged)');
  });

  it('pages.csv: one row per page of every document, with how it was read and its languages', async () => {
    const pages = csv(await text('pages.csv'));
    expect(Object.keys(pages[0] ?? {})).toEqual(['city', 'file', 'page', 'triage', 'ocr', 'units', 'languages', 'note']);
    const docs = fixtureDocuments();
    expect(pages).toHaveLength(docs.reduce((n, d) => n + d.doc.pages.length, 0));
    for (const row of pages) expect(Number(row.page)).toBeGreaterThan(0);
    expect(pages.filter((r) => Number(r.units) > 0).every((r) => /^(rus|kaz) 100%$/.test(r.languages ?? ''))).toBe(true);
  });

  it('sectors.csv and measures.csv: the city × sector and country × category matrices', async () => {
    const sectors = csv(await text('sectors.csv'));
    expect(Object.keys(sectors[0] ?? {})).toEqual(['city', 'country', 'status', 'tourism', 'it_digital', 'financial', 'food_agro', 'aerospace', 'priorities']);
    expect(sectors.find((r) => r.city === 'Казань')).toMatchObject({ tourism: '1', it_digital: '1', priorities: '2' });
    expect(sectors.find((r) => r.city === 'Алматы')).toMatchObject({ tourism: '1', financial: '1', priorities: '2' });
    const measures = csv(await text('measures.csv'));
    const infra = measures.find((r) => r.category === 'measure' && r.key === 'infrastructure');
    expect(infra).toMatchObject({ label: 'Инфраструктура коллективного пользования', RU_cities: '1', RU_priorities: '2', KZ_cities: '1', KZ_priorities: '1' });
    expect(measures[0]).toMatchObject({ key: 'cities_with_priorities', RU_cities: '2', RU_priorities: '3', KZ_cities: '2', KZ_priorities: '3' });
  });

  it('table5.json: cities with documents, priorities (text, sectors, file, page) and sectors', async () => {
    const cities = JSON.parse(await text('table5.json')) as {
      city: string;
      status: string;
      documents: { file: string; status: string }[];
      priorities: { text: string; file: string; page: number; ocr: boolean; sectors: string[]; translations: { lang: string }[] }[];
    }[];
    expect(cities).toHaveLength(8);
    const samara = cities.find((c) => c.city === 'Самара');
    expect(samara?.priorities[0]).toMatchObject({ file: 'samara_2030.pdf', page: 2, ocr: true, sectors: ['aerospace'] });
    expect(cities.find((c) => c.city === 'Нижний Новгород')?.documents.map((d) => d.status)).toEqual(['ok', 'corrupt']);
    expect(cities.find((c) => c.city === 'Алматы')?.priorities[1]?.translations.map((t) => t.lang)).toEqual(['kaz']);
  });

  it('run.json: versions, rule and input hashes, options, counts, timings', async () => {
    const r = JSON.parse(await text('run.json')) as Record<string, any>;
    expect(r.tool).toEqual({ name: 'strategy-miner', version: '0.1.0' });
    expect(r.node).toBe('v22.23.3');
    expect(r.rules).toEqual([{ file: 'rules/cluster.yaml', sha256: 'a'.repeat(64) }]);
    expect(r.inputs).toHaveLength(9);
    expect(r.inputs[0].sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(r.options.formats).toEqual(ALL);
    expect(r.counts).toMatchObject({
      documents: 9,
      cities: 8,
      priorities: 6,
      documentsByStatus: { ok: 6, partial: 1, needs_ocr: 1, corrupt: 1 },
      citiesByStatus: { priorities: 4, unreadable: 2, context_only: 1, no_cluster_policy: 1 },
      mentionsByKind: { priority: 10, context: 2, other_sense: 4 },
    });
    expect(r.timings).toEqual(run.timings);
    expect(r.outputs).toContain('table5.xlsx');
  });
});

describe('determinism', () => {
  it('gives byte-identical outputs (xlsx and qdpx included) for the same inputs; only run.json differs', async () => {
    const again = await mkdtemp(join(tmpdir(), 'sm-report-again-'));
    // A later run: different timings, and the clock has moved on (zip dates, workbook dates).
    await new Promise((r) => setTimeout(r, 1100));
    const second = fixtureRun(buildCityRows(fixtureDocuments()), { formats: ALL });
    second.timings = [{ stage: 'ingest', ms: 999 }];
    await writeReports(second, again, { labels: FIXTURE_LABELS });
    const names = (await readdir(dir)).filter((n) => n !== 'run.json');
    expect(names.length).toBeGreaterThan(10);
    for (const name of names) {
      const a = await readFile(join(dir, name));
      const b = await readFile(join(again, name));
      expect(Buffer.compare(a, b), name).toBe(0);
    }
    expect(await text('run.json', again)).not.toBe(await text('run.json'));
    await rm(again, { recursive: true, force: true });
  });
});

describe('a run of another topic', () => {
  it('names its topic, not cluster policy, in the title, column and flags of table5.md', () => {
    const label = 'special economic zones and parks';
    const run = { ...fixtureRun(buildCityRows(fixtureDocuments(), label)), topic: 'sez', topicLabel: label };
    const md = table5Markdown(run);
    expect(md).toContain('# Table 5. Special economic zones and parks priorities in city strategies');
    expect(md).toContain('| City | Special economic zones and parks priorities |');
    expect(md).toContain('No special economic zones and parks mention');
    expect(md).not.toMatch(/cluster policy/i);
  });
});
