// table5.html: one self-contained page (inline CSS and JS, no network, no external assets; a
// Content-Security-Policy forbids fetching anything) with Table 5, every priority linked to its
// evidence (the sentence inside its paragraph, matched terms highlighted, file and page),
// filters by country, sector and kind, and the list of documents that could not be read.
// Rendered on the server side so it reads without JavaScript; the script only filters.
import { locatorText } from './evidence.js';
import { createHash } from 'node:crypto';
import type { CityRow, DocumentResult, Mention, RunResult, Unit } from '../records.js';
import { unreadNote } from '../aggregate/status.js';
import { label, prioritiesHeading, sortSectors, statusText, type Labels } from './labels.js';
import { printable } from '../text/printable.js';
import { countriesOf } from './tables.js';

const KINDS = ['priority', 'context', 'other_sense'] as const;
const HTML_LANG: Record<string, string> = { rus: 'ru', kaz: 'kk', eng: 'en' };

/** The anchor of a unit's evidence card: short, stable, safe in a URL fragment. */
export function evidenceAnchor(unitId: string): string {
  return `u-${createHash('sha1').update(unitId).digest('hex').slice(0, 12)}`;
}

export function reportHtml(run: RunResult, labels?: Labels): string {
  const sectors = sortSectors(run.rows.flatMap((r) => [...r.sectors, ...r.priorities.flatMap((p) => p.sectors)]).concat(
    run.documents.flatMap((d) => d.mentions.flatMap((m) => m.sectors)),
  ));
  const countries = countriesOf(run.rows);
  const docs = new Map(run.documents.map((d) => [d.entry.file, d] as [string, DocumentResult]));
  const unreadable = run.documents.filter((d) => d.doc.status !== 'ok');
  const mentionCount = run.documents.reduce((n, d) => n + d.mentions.length, 0);

  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<title>Table 5 — ${esc(run.topicLabel)} priorities (strategy-miner)</title>
<style>${CSS}</style>
</head>
<body>
<header class="top">
<h1>Table 5. ${esc(prioritiesHeading(run.topicLabel))} in city strategies</h1>
<p class="summary">${run.rows.length} cities · ${run.documents.length} documents · ${mentionCount} mentions · topic <code>${esc(run.topic)}</code> · strategy-miner ${esc(run.toolVersion)}</p>
<form id="filters" onsubmit="return false">
<label>Country <select id="f-country"><option value="">all</option>${countries.map((c) => `<option value="${esc(c)}">${esc(c)}</option>`).join('')}</select></label>
<label>Sector <select id="f-sector"><option value="">all</option>${sectors.map((s) => `<option value="${esc(s)}">${esc(label(s, labels))}</option>`).join('')}</select></label>
<label>Mention kind <select id="f-kind"><option value="">all</option>${KINDS.map((k) => `<option value="${k}">${k.replace('_', ' ')}</option>`).join('')}</select></label>
<output id="shown"></output>
</form>
</header>
<main>
<section id="table5">
<h2>Table 5</h2>
<table class="t5">
<thead><tr><th scope="col">City</th><th scope="col">${esc(prioritiesHeading(run.topicLabel))}</th></tr></thead>
<tbody>
${run.rows.map((r) => cityRowHtml(r, docs, run.topicLabel, labels)).join('\n')}
</tbody>
</table>
</section>
<section id="unreadable">
<h2>Documents that could not be fully read</h2>
${unreadable.length === 0 ? '<p>All documents were read in full.</p>' : `<ul>${unreadable.map((d) => `<li data-country="${esc(d.entry.country || 'other')}"><strong>${esc(d.entry.city.trim())}</strong> — ${esc(unreadNote(d))}</li>`).join('\n')}</ul>`}
</section>
<section id="evidence">
<h2>Evidence: every mention, in reading order</h2>
<p class="hint">Each card shows the sentence or list item (highlighted) inside its paragraph (up to ${CARD_CONTEXT_CHARS} characters on each side); matched words are in bold. Other-sense mentions are shown so the reader can check what was rejected.</p>
${run.documents.map((d) => documentCards(d, labels)).join('\n')}
</section>
</main>
<script>${SCRIPT}</script>
</body>
</html>
`;
}

function cityRowHtml(row: CityRow, docs: Map<string, DocumentResult>, topicLabel: string, labels?: Labels): string {
  const country = row.country || 'other';
  const sectors = ` ${row.sectors.join(' ')} `;
  const unread = row.documents.map((f) => docs.get(f)).filter((d): d is DocumentResult => d !== undefined && d.doc.status !== 'ok');
  // Where each evidence unit sits (heading, list item, paragraph), so three links to one page differ.
  const blockKinds = new Map(row.documents.flatMap((f) => docs.get(f)?.units.map((u) => [u.id, u.blockKind] as [string, string]) ?? []));
  let body: string;
  if (row.status === 'priorities') {
    body = `<ul class="priorities">${row.priorities
      .map((p) => {
        const lead = p.leadIn ? `<span class="lead">${esc(p.leadIn.trim())} …</span> ` : '';
        const tr = (p.translations ?? []).map((t) => ` <span class="tr" lang="${HTML_LANG[t.lang] ?? 'und'}">${esc(t.lang)}: ${esc(t.text)}</span>`).join('');
        const tags = p.sectors.map((s) => `<span class="tag">${esc(label(s, labels))}</span>`).join(' ');
        const ev = p.evidence
          .map((e) => {
            const where = blockKinds.get(e.unitId);
            const kind = where ? ` · ${esc(where.replace('_', ' '))}` : '';
            return `<a class="evidence" href="#${evidenceAnchor(e.unitId)}">${fileName(e.file)} ${locatorText(e.page, e.locator)}${kind}${e.ocr ? ' · <abbr title="text read by OCR">OCR</abbr>' : ''}</a>`;
          })
          .join(', ');
        return `<li class="priority" data-sectors=" ${esc(p.sectors.join(' '))} "><span lang="${HTML_LANG[p.lang] ?? 'und'}">${lead}${esc(p.text)}</span>${tr} ${tags} <span class="ev">(${ev})</span></li>`;
      })
      .join('')}</ul>${unread.map((d) => `<p class="warn">⚠ Not read, priorities may be missing: ${esc(unreadNote(d))}</p>`).join('')}`;
  } else if (row.status === 'unreadable') {
    body = `<p class="flag unreadable"><strong>Not assessed.</strong> ${esc(row.statusNote)}</p>`;
  } else {
    body = `<p class="flag">⚑ <strong>${esc(statusText(row.status, topicLabel))}</strong>. ${esc(row.statusNote)}</p>`;
  }
  return `<tr class="city status-${row.status}" data-country="${esc(country)}" data-sectors="${esc(sectors)}" data-status="${row.status}"><th scope="row">${esc(row.city)} <span class="country">${esc(country)}</span><div class="docs">${row.documents.map(fileName).join('<br>')}</div></th><td>${body}</td></tr>`;
}

/**
 * How much of the paragraph a card shows on each side of its sentence, in characters (whole
 * sentences, at least one). Enough to read the sentence in context; a card never repeats a
 * whole long paragraph, so the page grows with the number of mentions, not with mentions ×
 * paragraph length (a 500 KB paragraph of one repeated sentence made a report too large for
 * a JavaScript string).
 */
export const CARD_CONTEXT_CHARS = 400;

/** One card per unit holding a mention, the unit shown inside its paragraph (its block). */
function documentCards(d: DocumentResult, labels?: Labels): string {
  const byUnit = new Map<string, Mention[]>();
  for (const m of d.mentions) {
    const list = byUnit.get(m.unitId);
    if (list) list.push(m);
    else byUnit.set(m.unitId, [m]);
  }
  if (byUnit.size === 0) return '';
  const blocks = new Map<string, Unit[]>();
  const position = new Map<string, number>();
  for (const u of d.units) {
    const key = `${u.page}:${u.blockIndex}`;
    const list = blocks.get(key);
    position.set(u.id, list ? list.length : 0);
    if (list) list.push(u);
    else blocks.set(key, [u]);
  }
  const cards: string[] = [];
  for (const u of d.units) {
    if (!byUnit.has(u.id)) continue;
    const block = blocks.get(`${u.page}:${u.blockIndex}`) ?? [u];
    cards.push(card(d, u, contextWindow(block, position.get(u.id) ?? 0), byUnit.get(u.id) ?? [], labels));
  }
  // A mention whose unit is not listed still gets a card: its sentence alone.
  const listed = new Set(d.units.map((u) => u.id));
  for (const [id, ms] of byUnit) {
    const m0 = ms[0];
    if (listed.has(id) || !m0) continue;
    const alone: Unit = { id, file: m0.file, page: m0.page, blockIndex: -1, blockKind: m0.blockKind, kind: 'sentence', text: m0.text, start: 0, end: m0.text.length, lang: m0.lang, ocr: m0.ocr, headingPath: m0.headingPath };
    cards.push(card(d, alone, { units: [alone], cutBefore: false, cutAfter: false }, ms, labels));
  }
  return `<div class="doc"><h3>${esc(d.entry.city.trim())} — ${fileName(d.entry.file)}</h3>${cards.join('\n')}</div>`;
}

/** The units of a block around the one at `at`, up to CARD_CONTEXT_CHARS on each side. */
export function contextWindow(block: readonly Unit[], at: number): { units: Unit[]; cutBefore: boolean; cutAfter: boolean } {
  let from = at;
  let chars = 0;
  while (from > 0 && chars + (block[from - 1]?.text.length ?? 0) <= CARD_CONTEXT_CHARS) chars += block[--from]!.text.length;
  let to = at + 1;
  chars = 0;
  while (to < block.length && chars + (block[to]?.text.length ?? 0) <= CARD_CONTEXT_CHARS) chars += block[to++]!.text.length;
  return { units: block.slice(from, to), cutBefore: from > 0, cutAfter: to < block.length };
}

function card(d: DocumentResult, unit: Unit, around: ReturnType<typeof contextWindow>, mentions: Mention[], labels?: Labels): string {
  const kinds = [...new Set(mentions.map((m) => m.kind))].sort();
  const sectors = [...new Set(mentions.flatMap((m) => m.sectors))].sort();
  const rules = [...new Set(mentions.flatMap((m) => m.ruleIds))].sort();
  const para =
    (around.cutBefore ? '… ' : '') +
    around.units.map((u) => (u.id === unit.id ? `<mark class="sentence">${highlight(u.text, mentions)}</mark>` : esc(u.text))).join(' ') +
    (around.cutAfter ? ' …' : '');
  const lead = unit.leadIn ? `<p class="lead">${esc(unit.leadIn)}</p>` : '';
  const path = unit.headingPath.length > 0 ? `<p class="path">${unit.headingPath.map(esc).join(' › ')}</p>` : '';
  return `<article class="mention" id="${evidenceAnchor(unit.id)}" data-country="${esc(d.entry.country || 'other')}" data-sectors=" ${esc(sectors.join(' '))} " data-kinds=" ${kinds.join(' ')} ">
<header>${kinds.map((k) => `<span class="kind k-${k}">${k.replace('_', ' ')}</span>`).join(' ')} <span class="loc">${esc(d.entry.city.trim())} · ${fileName(unit.file)} ${locatorText(unit.page, unit.locator)}${unit.ocr ? ' · OCR' : ''} · ${esc(unit.blockKind.replace('_', ' '))}</span>${sectors.map((s) => ` <span class="tag">${esc(label(s, labels))}</span>`).join('')} <span class="rules">rules: ${rules.map(esc).join(', ')}</span></header>
${path}${lead}<p class="para" lang="${HTML_LANG[unit.lang] ?? 'und'}">${para}</p>
</article>`;
}

/** The unit text with each mention's matched range in <b class="term">. */
export function highlight(text: string, mentions: readonly Mention[]): string {
  const ranges = mentions
    .map((m) => [Math.max(0, m.start), Math.min(text.length, m.end)] as [number, number])
    .filter(([a, b]) => b > a)
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let out = '';
  let at = 0;
  for (const [a, b] of ranges) {
    if (a < at) continue; // overlapping matches: the first one wins
    out += esc(text.slice(at, a)) + `<b class="term">${esc(text.slice(a, b))}</b>`;
    at = b;
  }
  return out + esc(text.slice(at));
}

/** A file name as every list of the page shows it: escaped, control characters visible. */
function fileName(name: string): string {
  return esc(printable(name));
}

export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

const CSS = `
:root{--ink:#1d2327;--muted:#5f6b73;--line:#d5dbe0;--accent:#0b5cad;--prio:#1b7f3b;--ctx:#8a6d00;--other:#8b1e2d;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:var(--ink)}
body{margin:0;line-height:1.45}
[hidden]{display:none!important}
header.top{position:sticky;top:0;background:#f6f8fa;border-bottom:1px solid var(--line);padding:.6rem 1.2rem;z-index:2}
h1{font-size:1.3rem;margin:.2rem 0}
h2{font-size:1.1rem;margin:1.4rem 0 .6rem}
h3{font-size:1rem;margin:1rem 0 .4rem;color:var(--muted)}
.summary{margin:.2rem 0;color:var(--muted)}
form{display:flex;gap:1rem;flex-wrap:wrap;align-items:center}
select{font:inherit;padding:.1rem .3rem}
main{padding:0 1.2rem 3rem;max-width:80rem}
table.t5{border-collapse:collapse;width:100%}
.t5 th,.t5 td{border:1px solid var(--line);padding:.45rem .6rem;vertical-align:top;text-align:left}
.t5 thead th{background:#eef2f5}
.t5 tbody th{width:14rem;font-weight:600}
.country{font-size:.75rem;color:var(--muted);border:1px solid var(--line);border-radius:3px;padding:0 .25rem}
.docs{font-weight:400;font-size:.75rem;color:var(--muted);margin-top:.3rem;word-break:break-all}
ul.priorities{margin:0;padding-left:1.1rem}
li.priority{margin:.25rem 0}
.lead{color:var(--muted);font-style:italic}
.tr{display:block;color:var(--muted)}
.tag{display:inline-block;font-size:.75rem;background:#e8f1fb;color:#114a82;border-radius:3px;padding:0 .3rem;margin:0 .1rem}
.ev{font-size:.85rem}
a.evidence{color:var(--accent)}
.flag{margin:0}
.status-no_cluster_policy td,.status-context_only td,.status-needs_review td{background:#fff8e6}
.status-unreadable td{background:#fdecee}
.warn{margin:.4rem 0 0;color:var(--other);font-size:.9rem}
article.mention{border:1px solid var(--line);border-left:4px solid var(--muted);border-radius:4px;padding:.4rem .7rem;margin:.5rem 0;scroll-margin-top:8rem}
article.mention:target{outline:3px solid var(--accent);background:#f3f8ff}
article.mention header{font-size:.85rem;color:var(--muted)}
.kind{font-weight:700;text-transform:uppercase;font-size:.72rem;letter-spacing:.03em}
.k-priority{color:var(--prio)}.k-context{color:var(--ctx)}.k-other_sense{color:var(--other)}
article[data-kinds~="priority"]{border-left-color:var(--prio)}
article[data-kinds~="context"]{border-left-color:var(--ctx)}
article[data-kinds~="other_sense"]{border-left-color:var(--other)}
.rules{font-family:ui-monospace,monospace;font-size:.75rem}
.path{margin:.2rem 0;font-size:.8rem;color:var(--muted)}
p.lead{margin:.2rem 0}
.para{margin:.3rem 0}
mark.sentence{background:#fff2a8;padding:0 .1rem}
b.term{color:#8a1c00}
.hint{color:var(--muted);font-size:.9rem}
`;

const SCRIPT = `
(function () {
  var f = { country: document.getElementById('f-country'), sector: document.getElementById('f-sector'), kind: document.getElementById('f-kind') };
  function has(el, attr, value) { return !value || (' ' + (el.getAttribute(attr) || '') + ' ').indexOf(' ' + value + ' ') >= 0; }
  function apply() {
    var c = f.country.value, s = f.sector.value, k = f.kind.value, rows = 0, cards = 0;
    document.querySelectorAll('tr.city').forEach(function (tr) {
      var show = has(tr, 'data-country', c) && has(tr, 'data-sectors', s);
      tr.hidden = !show; if (show) rows++;
      tr.querySelectorAll('li.priority').forEach(function (li) { li.hidden = !has(li, 'data-sectors', s); });
    });
    document.querySelectorAll('#unreadable li').forEach(function (li) { li.hidden = !has(li, 'data-country', c); });
    document.querySelectorAll('article.mention').forEach(function (a) {
      var show = has(a, 'data-country', c) && has(a, 'data-sectors', s) && has(a, 'data-kinds', k);
      a.hidden = !show; if (show) cards++;
    });
    document.querySelectorAll('div.doc').forEach(function (d) { d.hidden = !d.querySelector('article.mention:not([hidden])'); });
    document.getElementById('shown').textContent = rows + ' cities, ' + cards + ' mentions shown';
  }
  // An evidence link can point at a card the current filters hide: clear them so it shows.
  function reveal() {
    var el = location.hash && document.getElementById(location.hash.slice(1));
    if (el && el.hidden) { f.country.value = ''; f.sector.value = ''; f.kind.value = ''; apply(); el.scrollIntoView(); }
  }
  ['country', 'sector', 'kind'].forEach(function (n) { f[n].addEventListener('change', apply); });
  window.addEventListener('hashchange', reveal);
  apply(); reveal();
})();
`;
