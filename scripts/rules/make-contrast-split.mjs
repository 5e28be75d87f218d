// Writes bench/data/contrast-split.tsv: which groups of ../shared/data/mentions/contrast.tsv
// the rules may be tuned on ("tune") and which are held back ("heldout"). Run once; the
// output is committed so the split never moves. Within each contrast class the groups are
// ordered by SHA-256 of "strategy-miner/" + group id and the first half (rounded up) is
// the tuning half, so both halves hold every class in the same proportion and nobody
// chose a group by reading it.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';

const SRC = '../shared/data/mentions/contrast.tsv';
const OUT = 'bench/data/contrast-split.tsv';
const rows = readFileSync(SRC, 'utf8').split('\n').slice(1).filter(Boolean).map((l) => l.split('\t'));
const classOf = new Map();
for (const f of rows) classOf.set(f[5], f[4]);
const byClass = new Map();
for (const [group, cls] of classOf) {
  if (!byClass.has(cls)) byClass.set(cls, []);
  byClass.get(cls).push(group);
}
const hash = (g) => createHash('sha256').update(`strategy-miner/${g}`).digest('hex');
const out = ['group\tclass\thalf'];
for (const [cls, groups] of [...byClass].sort((a, b) => parseInt(a[0]) - parseInt(b[0]))) {
  groups.sort((a, b) => (hash(a) < hash(b) ? -1 : 1));
  const tune = Math.ceil(groups.length / 2);
  groups.forEach((g, i) => out.push(`${g}\t${cls}\t${i < tune ? 'tune' : 'heldout'}`));
}
writeFileSync(OUT, out.join('\n') + '\n');
console.log(`${OUT}: ${out.length - 1} groups`);
