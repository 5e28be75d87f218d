// Accuracy of the cluster rules on ../shared/data/mentions/contrast.tsv, by half of the
// fixed split (bench/data/contrast-split.tsv): the tuning half, the held-out half (never
// read while tuning: this script prints its figures only, never its rows) and all of it.
// `make bench-contrast`; `make bench-contrast ARGS='--show tune'` prints only the tuning
// half, with its disagreements: that is the view to tune with.
//
// A unit's label: priority when any occurrence is priority, else context when any is
// context, else other_sense (as the file labels a unit by its economic mention).
import { loadRuleSet, matchUnit, type RuleSet, type UnitMatch } from '../src/rules/index.js';
import { contrastInput, readContrast, type ContrastRow, type Half } from './contrast-data.js';

type Label = ContrastRow['label'];

function unitLabel(ms: UnitMatch[]): { label: Label; uncertain: boolean; sectors: string[] } {
  const pos = ms.filter((m) => m.kind !== 'other_sense');
  const label: Label = pos.some((m) => m.kind === 'priority') ? 'priority' : pos.length > 0 ? 'context' : 'other_sense';
  // The file codes an economic cluster without a sector as `other`.
  const sectors = [...new Set(pos.flatMap((m) => m.sectors))].sort();
  return { label, uncertain: ms.some((m) => m.uncertain === true), sectors: sectors.length ? sectors : ['other'] };
}

interface Scores {
  n: number;
  policyP: number;
  policyR: number;
  kindAll: number;
  kindFound: number;
  leaks: number;
  uncertain: number;
  sectorsExact: number;
  tp: number;
  fp: number;
  fn: number;
  otherN: number;
  policyN: number;
}

function score(rows: { row: ContrastRow; got: Label; uncertain: boolean; sectors: string[] }[]): Scores {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let kindOk = 0;
  let policyN = 0;
  let otherN = 0;
  let uncertain = 0;
  let sectorsOk = 0;
  for (const { row, got, uncertain: u, sectors } of rows) {
    if (u) uncertain++;
    const goldPos = row.label !== 'other_sense';
    const gotPos = got !== 'other_sense';
    if (goldPos) policyN++;
    else otherN++;
    if (goldPos && gotPos) {
      tp++;
      if (got === row.label) kindOk++;
      if ([...row.sectors].sort().join() === sectors.join()) sectorsOk++;
    } else if (goldPos) fn++;
    else if (gotPos) fp++;
  }
  return {
    n: rows.length,
    policyP: tp / (tp + fp),
    policyR: tp / (tp + fn),
    kindAll: kindOk / policyN,
    kindFound: kindOk / tp,
    leaks: fp / otherN,
    uncertain,
    sectorsExact: sectorsOk / tp,
    tp,
    fp,
    fn,
    otherN,
    policyN,
  };
}

const f3 = (x: number): string => (Number.isFinite(x) ? x.toFixed(3) : 'n/a');

function table(title: string, s: Scores, targets: boolean): void {
  const t = (x: string): string => (targets ? x : '—');
  console.log(`\n${title}: ${s.n} units (${s.policyN} priority/context, ${s.otherN} other_sense)`);
  console.log('| measure | value | target (held-out half) |');
  console.log('|---|---|---|');
  console.log(`| policy vs other sense: precision | ${f3(s.policyP)} (${s.tp}/${s.tp + s.fp}) | ${t('>= 0.97')} |`);
  console.log(`| policy vs other sense: recall | ${f3(s.policyR)} (${s.tp}/${s.tp + s.fn}) | ${t('>= 0.97')} |`);
  console.log(`| priority vs context agreement, all gold policy units (a miss counts as disagreement) | ${f3(s.kindAll)} | ${t('>= 0.92')} |`);
  console.log(`| priority vs context agreement, units both call policy | ${f3(s.kindFound)} | — |`);
  console.log(`| other-sense leaks (gold other_sense reported as policy) | ${f3(s.leaks)} (${s.fp}/${s.otherN}) | ${t('<= 0.02')} |`);
  console.log(`| units with an uncertain decision (shown for review) | ${s.uncertain} | — |`);
  console.log(`| sectors exact, units both call policy | ${f3(s.sectorsExact)} | — |`);
}

async function main(): Promise<void> {
  const loaded = await loadRuleSet('rules', 'cluster');
  if (!loaded.ok) {
    for (const e of loaded.errors) console.error(`${e.file}:${e.line}:${e.column} ${e.message}`);
    process.exitCode = 1;
    return;
  }
  const rs: RuleSet = loaded.ruleSet;
  const show = process.argv.includes('--show') ? (process.argv[process.argv.indexOf('--show') + 1] as Half | 'tune') : null;
  if (show && show !== 'tune') {
    console.error('--show takes only "tune": the held-out half is reported as figures, never read row by row.');
    process.exitCode = 2;
    return;
  }
  const rows = readContrast().map((row) => {
    const { label, uncertain, sectors } = unitLabel(matchUnit(rs, contrastInput(row)));
    return { row, got: label, uncertain, sectors };
  });
  const half = (h: Half) => rows.filter((r) => r.row.half === h);
  console.log(`contrast.tsv with the split of bench/data/contrast-split.tsv`);
  if (show === 'tune') {
    // While tuning, not even the held-out figures are shown.
    table('Tuning half', score(half('tune')), false);
    console.log('\nDisagreements on the tuning half:');
    for (const r of half('tune')) {
      if (r.got === r.row.label) continue;
      console.log(`  ${r.row.id} ${r.row.cls} gold ${r.row.label} got ${r.got}${r.uncertain ? ' (uncertain)' : ''} | ${r.row.heading} | ${r.row.leadIn} | ${r.row.text}`);
    }
    return;
  }
  table('HELD-OUT half (not read while tuning)', score(half('heldout')), true);
  table('Tuning half', score(half('tune')), false);
  table('All of contrast.tsv', score(rows), false);

  console.log('\nPer class, held-out half: agreement on the 3-way label (priority/context/other_sense)');
  const classes = [...new Set(rows.map((r) => r.row.cls))].sort((a, b) => parseInt(a) - parseInt(b));
  console.log('| class | held-out | tune |');
  console.log('|---|---|---|');
  for (const c of classes) {
    const acc = (h: Half): string => {
      const rs = rows.filter((r) => r.row.cls === c && r.row.half === h);
      return `${rs.filter((r) => r.got === r.row.label).length}/${rs.length}`;
    };
    console.log(`| ${c} | ${acc('heldout')} | ${acc('tune')} |`);
  }
  for (const lang of ['ru', 'kk'] as const) {
    const rs = half('heldout').filter((r) => r.row.lang === lang);
    console.log(`held-out ${lang}: 3-way agreement ${rs.filter((r) => r.got === r.row.label).length}/${rs.length}`);
  }

}

await main();
