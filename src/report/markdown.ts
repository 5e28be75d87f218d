// table5.md: the study's Table 5 layout, `City | Cluster policy priorities`, one bullet per
// priority, flags for cities without cluster policy, and unreadable documents listed apart.
import type { CityRow, DocumentResult, RunResult } from '../records.js';
import { unreadNote } from '../aggregate/status.js';
import { evidenceText } from './evidence.js';
import { labelList, prioritiesHeading, type Labels } from './labels.js';
import { printable } from '../text/printable.js';
import { bilingualText } from './tables.js';

export function table5Markdown(run: RunResult, labels?: Labels): string {
  const lines: string[] = [];
  const n = run.rows.length;
  const heading = prioritiesHeading(run.topicLabel);
  lines.push(`# Table 5. ${heading} in city strategies`, '');
  lines.push(
    `${n} ${n === 1 ? 'city' : 'cities'} from ${run.documents.length} document(s); topic \`${run.topic}\`; strategy-miner ${run.toolVersion}. ` +
      'Evidence is given as «file p. N»; "OCR" marks text read from a scanned page.',
    '',
  );
  lines.push(`| City | ${heading} |`, '|---|---|');
  const docs = new Map(run.documents.map((d) => [d.entry.file, d] as [string, DocumentResult]));
  for (const row of run.rows) {
    const unread = row.documents.flatMap((f) => (docs.get(f)?.doc.status ?? 'ok') !== 'ok' ? [unreadNote(docs.get(f) as DocumentResult)] : []);
    lines.push(`| ${cell(cityName(row))} | ${cell(rowCell(row, unread, run.topicLabel, labels))} |`);
  }
  lines.push('');

  const unreadable = run.documents.filter((d) => d.doc.status !== 'ok');
  lines.push('## Documents that could not be fully read', '');
  if (unreadable.length === 0) lines.push('All documents were read in full.');
  for (const d of unreadable) lines.push(`- ${listItem(`${d.entry.city.trim()}: ${unreadNote(d)}`)}`);
  lines.push('');

  const flagged = run.rows.filter((r) => r.status === 'no_cluster_policy');
  lines.push(`## Cities whose strategy does not mention ${run.topicLabel}`, '');
  if (flagged.length === 0) lines.push('None.');
  for (const r of flagged) lines.push(`- ${cityName(r)}: ${listItem(r.statusNote)}`);
  lines.push('');
  if (run.warnings.length > 0) {
    lines.push('## Warnings', '');
    for (const w of run.warnings) lines.push(`- ${listItem(w)}`);
    lines.push('');
  }
  return lines.join('\n');
}

function cityName(row: CityRow): string {
  const name = md(row.country ? `${row.city} (${row.country})` : row.city);
  return row.bilingualDocuments.length > 0 ? `${name}<br>bilingual: ${md(bilingualText(row))}` : name;
}

function rowCell(row: CityRow, unread: string[], topicLabel: string, labels?: Labels): string {
  switch (row.status) {
    case 'priorities': {
      const bullets = row.priorities.map((p) => {
        const lead = p.leadIn ? `*${md(p.leadIn.trim())}* … ` : '';
        const kk = (p.translations ?? []).map((t) => ` / *${t.lang}:* ${md(t.text)}`).join('');
        const sectors = p.sectors.length > 0 ? ` [${md(labelList(p.sectors, labels))}]` : '';
        return `• ${lead}${md(p.text)}${kk}${sectors} (${md(evidenceText(p.evidence))})`;
      });
      // A partly read strategy keeps its priorities but says what was not read.
      return [...bullets, ...unread.map((u) => `⚠ Not read, priorities may be missing: ${md(u)}`)].join('<br>');
    }
    case 'context_only':
      return `⚑ **No ${md(topicLabel)} priority.** ${md(row.statusNote)}`;
    case 'no_cluster_policy':
      return `⚑ **No ${md(topicLabel)} mention.** ${md(row.statusNote)}`;
    case 'needs_review':
      return `⚠ **Needs review.** ${md(row.statusNote)}`;
    case 'unreadable':
      return `**Not assessed: not fully read** — ${md(unread.map((u) => u.split(' — ')[0]).join('; '))} (see the list below).`;
  }
}

/** A Markdown table cell: pipes escaped, no raw newlines. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}

/**
 * Document text as Markdown shows it literally. Most Markdown viewers render inline HTML, so a
 * «<script>» or «<img onerror=…>» taken from a web page would run or load in the reader's
 * viewer: &, < and > become entities. Brackets are escaped so the text cannot form a link.
 * The tool's own markup (<br>, *italic*) is added around this, never passed through it.
 */
function md(text: string): string {
  return text.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;')).replace(/[[\]]/g, '\\$&');
}

/** A bullet's text: escaped as above, and on one line whatever a file name or message holds. */
function listItem(text: string): string {
  return md(printable(text));
}
