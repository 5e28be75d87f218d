// Benchmark of the cluster-policy rules (issue 6, "Measure"): run from /work/main as
// `make bench-rules` (node dist/bench/rules.js). Prints quality on
// ../shared/data/mentions/dev.tsv at line level and matchUnit throughput.
//
// Line label: a dev line can hold several sentences and several occurrences. The line is
// positive when at least one occurrence is priority or context; its kind is priority when
// any occurrence is priority, else context; its sectors are the union of the sectors of
// its priority/context occurrences. This mirrors how the gold labels were assigned (one
// label per line, the strongest sense in it).
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { loadRuleSet, matchUnit, type MatchInput, type RuleSet, type UnitMatch } from '../src/rules/index.js';
import { segmentText } from '../src/text/segment/index.js';
import { documentHeading, readDevRows } from './dev-data.js';

const DEV = '../shared/data/mentions/dev.tsv';
const NO_TRIGGER = ['../shared/data/langid/sentences/ru.txt', '../shared/data/langid/sentences/kk.txt'];

interface Row {
  id: string;
  lang: string;
  label: string;
  sectors: string[];
  text: string;
  heading?: string;
  leadIn?: string;
}

// Sentences written for this project after the rules were drafted: a small held-out view
// (40 lines, RU and KK, every kind and several traps). Its first run scored kind 30/31
// (h37: «Кластерная политика … реализуется с 2012 года» came out priority); one general
// change followed (the policy's name alone is no commitment), so it is no longer blind.
const HELDOUT = 'test/rules/fixtures/heldout.tsv';

function readHeldout(): Row[] {
  const lines = readFileSync(HELDOUT, 'utf8').split('\n').slice(1).filter((l) => l.trim());
  return lines.map((l) => {
    const [id = '', lang = '', label = '', sectors = '', heading = '', leadIn = '', text = ''] = l.split('\t');
    const row: Row = { id, lang, label, sectors: sectors ? sectors.split(',') : [], text };
    if (heading) row.heading = heading;
    if (leadIn) row.leadIn = leadIn;
    return row;
  });
}

function readDev(withDocumentHeading: boolean): Row[] {
  return readDevRows().map((r) => {
    const row: Row = { id: r.id, lang: r.lang, label: r.label, sectors: r.sectors, text: r.text };
    const heading = documentHeading(r.source);
    if (withDocumentHeading && heading.length) row.heading = heading.join(' > ');
    return row;
  });
}

function lineLabel(ms: UnitMatch[]): { positive: boolean; kind: string; sectors: string[] } {
  const pos = ms.filter((m) => m.kind !== 'other_sense');
  if (pos.length === 0) return { positive: false, kind: 'other_sense', sectors: [] };
  const kind = pos.some((m) => m.kind === 'priority') ? 'priority' : 'context';
  return { positive: true, kind, sectors: [...new Set(pos.flatMap((m) => m.sectors))].sort() };
}

const pct = (x: number): string => (Number.isFinite(x) ? x.toFixed(3) : 'n/a');

function quality(rs: RuleSet, rows: Row[], source: string): void {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let kindOk = 0;
  let sectorOk = 0;
  let otherAsPolicy = 0;
  const notes: string[] = [];
  for (const r of rows) {
    const input: MatchInput = { text: r.text, lang: r.lang === 'kk' ? 'kaz' : 'rus' };
    if (r.heading) input.headingPath = r.heading.split(' > ');
    if (r.leadIn) input.leadIn = r.leadIn;
    const got = lineLabel(matchUnit(rs, input));
    const goldPos = r.label === 'priority' || r.label === 'context';
    if (goldPos && got.positive) {
      tp++;
      if (got.kind === r.label) kindOk++;
      else notes.push(`kind    ${r.id}: gold ${r.label}, got ${got.kind}`);
      const gold = [...r.sectors].sort();
      if (gold.join() === got.sectors.join()) sectorOk++;
      else notes.push(`sectors ${r.id}: gold [${gold.join(',')}], got [${got.sectors.join(',')}]`);
    } else if (goldPos) {
      fn++;
      notes.push(`missed  ${r.id}: ${r.text.slice(0, 100)}`);
    } else if (got.positive) {
      fp++;
      otherAsPolicy++;
      notes.push(`false+  ${r.id}: ${r.text.slice(0, 100)}`);
    }
  }
  const precision = tp / (tp + fp);
  const recall = tp / (tp + fn);
  console.log(`\nQuality on ${source} (${rows.length} lines, ${rows.filter((r) => r.label !== 'other_sense').length} positive)`);
  console.log('| measure | value | target |');
  console.log('|---|---|---|');
  console.log(`| precision of positive lines | ${pct(precision)} (${tp}/${tp + fp}) | >= 0.98 |`);
  console.log(`| recall of positive lines | ${pct(recall)} (${tp}/${tp + fn}) | >= 0.97 |`);
  console.log(`| other_sense lines reported as cluster policy | ${otherAsPolicy} | 0 |`);
  console.log(`| kind right on found positives | ${pct(kindOk / tp)} (${kindOk}/${tp}) | >= 0.90 |`);
  console.log(`| sectors exact on found positives | ${pct(sectorOk / tp)} (${sectorOk}/${tp}) | >= 0.85 |`);
  if (notes.length) console.log(`\nDisagreements:\n  ${notes.join('\n  ')}`);
}

function throughput(rs: RuleSet, label: string, texts: string[], minMs = 1500, withPrevious = false): void {
  // withPrevious: each unit gets the one before it as `previous`, as the pipeline passes
  // it, so anaphoric occurrences («для предприятий кластера») look for their antecedent.
  const inputs: MatchInput[] = texts.map((text, i) => ({ text, lang: 'rus', ...(withPrevious && i > 0 ? { previous: texts[i - 1]! } : {}) }));
  for (const i of inputs) matchUnit(rs, i); // warm-up: JIT and the stem cache
  let n = 0;
  let occ = 0;
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  let t = t0;
  while (t - t0 < minMs) {
    for (const i of inputs) occ += matchUnit(rs, i).length;
    n += inputs.length;
    t = performance.now();
  }
  const cpu = process.cpuUsage(c0);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const wall = Math.round((n / (t - t0)) * 1000).toLocaleString('en-US');
  const perCpu = Math.round((n / cpuMs) * 1000).toLocaleString('en-US');
  console.log(`| ${label} | ${texts.length} | ${wall} | ${perCpu} | ${(occ / n).toFixed(2)} |`);
}

async function main(): Promise<void> {
  const loaded = await Promise.all(['cluster', 'sez'].map((t) => loadRuleSet('rules', t)));
  for (const r of loaded) {
    if (!r.ok) {
      for (const e of r.errors) console.error(`${e.file}:${e.line}:${e.column} ${e.message}`);
      process.exitCode = 1;
      return;
    }
  }
  const [cluster, sez] = loaded.map((r) => (r.ok ? r.ruleSet : null)) as [RuleSet, RuleSet];
  console.log(`Rule set "cluster": ${cluster.rules.length} rules from ${cluster.files.length} files; "sez": ${sez.rules.length} rules`);
  const rows = readDev(false);
  quality(cluster, rows, `${DEV}, each line alone (as before)`);
  // A line of software documentation sits under the documentation's headings; the unit
  // alone often says nothing of its sense («Для запуска кластера:»), and an occurrence
  // without evidence of another sense is economic.
  quality(cluster, readDev(true), `${DEV}, each line under its document's kind as a heading («Документация > kubernetes» for the VK Cloud pages; none for RuREBus)`);
  quality(cluster, readHeldout(), HELDOUT);

  const plain = NO_TRIGGER.flatMap((f) => readFileSync(f, 'utf8').split('\n').filter((l) => l.trim()));
  const dev = rows.map((r) => r.text);
  console.log('\nThroughput of matchUnit on one thread. Wall-clock units/s suffer when the machine is shared;');
  console.log('units per CPU-second (process.cpuUsage) approximate one dedicated core.');
  console.log('| input | units | units/s (wall) | units/CPU-s | occurrences per unit |');
  console.log('|---|---|---|---|---|');
  throughput(cluster, 'cluster: dev.tsv lines (every one holds «кластер», many hold several sentences)', dev);
  throughput(cluster, 'cluster: dev.tsv lines, each with the line before as `previous` (antecedents)', dev, 1500, true);
  // The pipeline matches sentences and list items, not source lines: the same text as units.
  const devSentences = dev.flatMap((line) => segmentText(line, 'rus').map((seg) => seg.text));
  throughput(cluster, 'cluster: the sentences of the dev.tsv lines (the pipeline unit; worst case: all from lines with «кластер»)', devSentences, 3000);
  throughput(cluster, 'cluster: only those sentences that hold «кластер»', devSentences.filter((t) => /кластер/i.test(t)), 3000);
  throughput(cluster, 'cluster: Leipzig ru+kk sentences without the word (bail-out path)', plain);
  throughput(cluster, 'cluster: mix, 1 dev line per 10 plain sentences', [...plain, ...dev.slice(0, Math.round(plain.length / 10))]);
  throughput(sez, 'sez: dev.tsv lines', dev);
}

await main();
