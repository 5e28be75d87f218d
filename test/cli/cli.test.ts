// The CLI as a user runs it: the built binary (make test builds dist/ first) on stdin/argv.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile, mkdir, cp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'dist', 'src', 'cli', 'main.js');
const NODE = process.execPath;

interface Ran { code: number; stdout: string; stderr: string }

function cli(args: string[], input = ''): Promise<Ran> {
  return new Promise((resolve) => {
    const child = execFile(NODE, [BIN, ...args], { cwd: ROOT, maxBuffer: 64 << 20, timeout: 120_000 }, (err, stdout, stderr) => {
      const code = err ? (typeof (err as { code?: unknown }).code === 'number' ? (err as { code: number }).code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
    child.stdin?.end(input);
  });
}

beforeAll(() => {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run "make build" (make test does) before the CLI tests`);
});

describe('strategy-miner lang', () => {
  it('prints one ISO 639-3 code per input line', async () => {
    const input = [
      'Формирование туристско-рекреационного кластера является приоритетом городской политики.',
      'Қала әкімдігі туристік кластерді дамыту бағдарламасын қабылдады.',
      'The city supports the development of an IT cluster.',
      '2024 2025 2030 — 15,7 %',
      '',
      'Развитие IT-кластера.',
    ].join('\n');
    const { code, stdout } = await cli(['lang'], input);
    expect(code).toBe(0);
    expect(stdout.split('\n').slice(0, 6)).toEqual(['rus', 'kaz', 'eng', 'und', 'und', 'rus']);
  });
});

describe('strategy-miner segment', () => {
  it('splits a JSON text into trimmed sentences and list items, one JSON array per line', async () => {
    const text = 'Приоритетами являются:\n- развитие туристского кластера;\n- поддержка IT-кластера.';
    const { code, stdout } = await cli(['segment'], JSON.stringify(text) + '\n' + JSON.stringify('До 2030 г. планируется создать технопарк. Он будет открыт в 2027 г.') + '\n');
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n').map((l) => JSON.parse(l) as string[]);
    expect(lines[0]).toEqual(['Приоритетами являются:', '- развитие туристского кластера;', '- поддержка IT-кластера.']);
    expect(lines[1]).toEqual(['До 2030 г. планируется создать технопарк.', 'Он будет открыт в 2027 г.']);
  });

  it('reports a line that is not a JSON string and goes on', async () => {
    const { code, stdout, stderr } = await cli(['segment'], 'not json\n"Одно предложение."\n');
    expect(code).toBe(1);
    expect(stderr).toMatch(/line 1: expected a JSON string/);
    expect(stdout.trim().split('\n')).toEqual(['[]', '["Одно предложение."]']);
  });
});

describe('strategy-miner match with context', () => {
  // Sentences written for this test: «этого кластера» refers to the computing cluster named
  // in the line before.
  const lines = ['В университете запущен вычислительный кластер.', 'Ресурсы этого кластера будут доступны лабораториям.'].join('\n') + '\n';
  const kinds = (stdout: string): string[][] =>
    stdout.trim().split('\n').map((l) => (JSON.parse(l) as { mentions: { kind: string }[] }).mentions.map((m) => m.kind));

  it('--chain gives each line the line before as its previous sentence («этого кластера»)', async () => {
    const alone = await cli(['match'], lines);
    const chained = await cli(['match', '--chain'], lines);
    expect(alone.code).toBe(0);
    expect(kinds(alone.stdout)[1]).not.toEqual(['other_sense']);
    expect(kinds(chained.stdout)[1]).toEqual(['other_sense']);
  });

  it('--heading reaches the section rules, as in explain (rules/common/sections.yaml, section-analysis)', async () => {
    const line = 'Развитие кластеров сдерживается нехваткой инженеров.\n';
    const plain = await cli(['match'], line);
    const inAnalysis = await cli(['match', '--heading', 'Раздел 2. Анализ текущего состояния > 2.3. Промышленность', '--block-kind', 'paragraph'], line);
    expect(inAnalysis.code).toBe(0);
    expect(kinds(plain.stdout)[0]).toEqual(['priority']);
    expect(kinds(inAnalysis.stdout)[0]).toEqual(['context']);
  });
});

describe('strategy-miner match', () => {
  it('prints kind, sectors, rule ids, terms and offsets for every occurrence', async () => {
    const input = [
      'Создание туристско-рекреационного кластера на территории городского округа.',
      'Для обработки данных применялся кластерный анализ районов города.',
      'Развитие города не связано с промышленностью.',
    ].join('\n');
    const { code, stdout } = await cli(['match'], input + '\n');
    expect(code).toBe(0);
    const [priority, trap, none] = stdout.trim().split('\n').map((l) => JSON.parse(l) as {
      text: string; lang: string; mentions: { kind: string; sectors: string[]; ruleIds: string[]; terms: string[]; start: number; end: number }[];
    });
    expect(priority?.lang).toBe('rus');
    expect(priority?.mentions[0]?.kind).toBe('priority');
    expect(priority?.mentions[0]?.sectors).toContain('tourism');
    const m = priority!.mentions[0]!;
    expect(priority!.text.slice(m.start, m.end).toLowerCase()).toContain('кластер');
    expect(m.ruleIds.length).toBeGreaterThan(0);
    expect(trap?.mentions.map((x) => x.kind)).toEqual(['other_sense']);
    expect(none?.mentions).toEqual([]);
  });
});

describe('strategy-miner run: bad configuration', () => {
  it('exits 2 and names file, line and column of a bad manifest row', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sm-manifest-'));
    await writeFile(join(dir, 'manifest.csv'), 'file,city,country,language,title,year\na.pdf,Уфа,RUS,ru,Стратегия,2030\n');
    const { code, stderr } = await cli(['run', dir, '--out', join(dir, 'out'), '--format', 'csv']);
    expect(code).toBe(2);
    expect(stderr).toContain(`${join(dir, 'manifest.csv')}:2:3:`);
    expect(stderr).toContain('Expected country RU or KZ');
  });

  it('exits 2 and names file, line and column of a broken rule file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sm-rules-'));
    await cp(join(ROOT, 'rules'), join(dir, 'rules'), { recursive: true });
    await mkdir(join(dir, 'corpus'));
    const broken = join(dir, 'rules', 'cluster', 'zz-broken.yaml');
    await writeFile(broken, 'rules:\n  - id: broken-rule\n    languages: [rus]\n    kind: priorty\n');
    const { code, stderr } = await cli(['run', join(dir, 'corpus'), '--out', join(dir, 'out'), '--rules', join(dir, 'rules')]);
    expect(code).toBe(2);
    expect(stderr).toMatch(new RegExp(`zz-broken\\.yaml:\\d+:\\d+: `));
  });
});

describe('strategy-miner text', () => {
  it('shows page markers and the status of an encrypted file (../shared/data/pdf/enc_userpw_aes256.pdf)', async () => {
    const { code, stdout } = await cli(['text', join(ROOT, '..', 'shared', 'data', 'pdf', 'enc_userpw_aes256.pdf'), '--ocr', 'off']);
    expect(code).toBe(1);
    expect(stdout).toMatch(/encrypted/);
  });

  it('prints the text of a readable PDF with a marker per page (../shared/data/pdf/sample_kk.pdf)', async () => {
    const { code, stdout } = await cli(['text', join(ROOT, '..', 'shared', 'data', 'pdf', 'sample_kk.pdf'), '--ocr', 'off']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/=== page 1/);
    const truth = await readFile(join(ROOT, '..', 'shared', 'data', 'pdf', 'sample_kk.truth.txt'), 'utf8');
    const firstLine = truth.split('\n').find((l) => l.trim().length > 20)!.trim();
    expect(stdout).toContain(firstLine.slice(0, 30));
  });
});

describe('strategy-miner text --timeout', () => {
  it('stops a document that takes longer than the limit and reports it (../shared/data/pdf/long_301p.pdf)', async () => {
    // Reading the 301 pages takes about 2.5 s; the worker is stopped after 1 s.
    const started = Date.now();
    const { code, stdout } = await cli(['text', join(ROOT, '..', 'shared', 'data', 'pdf', 'long_301p.pdf'), '--ocr', 'off', '--timeout', '1']);
    expect(code).toBe(1);
    expect(stdout).toMatch(/long_301p\.pdf: timeout/);
    // The worker stops itself (saying how far it got) or the pool stops it: either way one line.
    expect(stdout).toMatch(/exceeded the 1 s limit per document( \(gave up after \d+ ms with \d+ of 301 pages read\))?\n/);
    expect(Date.now() - started).toBeLessThan(20_000);
  });
});

describe('strategy-miner explain', () => {
  it('shows the rules behind a decision, with the context a unit had in its document', async () => {
    // Anaphora to a computing cluster, as in corpus/novosibirsk_strategy_2030.pdf p. 3.
    const alone = await cli(['explain', 'Ресурсы этого кластера предоставляются научным группам.']);
    const withPrevious = await cli([
      'explain', 'Ресурсы этого кластера предоставляются научным группам.',
      '--previous', 'В академгородке работает вычислительный кластер суперкомпьютерного центра.',
    ]);
    expect(withPrevious.code).toBe(0);
    expect(withPrevious.stdout).toMatch(/tokens:/);
    expect(withPrevious.stdout).toMatch(/computing-cluster/);
    expect(withPrevious.stdout).toMatch(/OTHER_SENSE/);
    expect(alone.stdout).not.toMatch(/computing-cluster/);
  });

  it('takes the section from --heading: a target row under «Целевые показатели» is a priority', async () => {
    const { stdout } = await cli([
      'explain', 'Число участников туристского кластера, ед. | 40 | 75', '--json',
      '--heading', 'Стратегия развития > 6. Механизмы реализации и целевые показатели', '--block-kind', 'table_row',
    ]);
    const e = JSON.parse(stdout) as { occurrences: { match: { kind: string; sectors: string[] } }[] };
    expect(e.occurrences.map((o) => o.match.kind)).toEqual(['priority']);
    expect(e.occurrences[0]?.match.sectors).toEqual(['tourism']);
  });
});
