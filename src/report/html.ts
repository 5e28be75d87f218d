// table5.html: one self-contained page (inline CSS, JS and SVG, no network, no external
// assets; a Content-Security-Policy forbids fetching anything) with Table 5, the charts, every
// priority's evidence folded under it (the sentence inside its paragraph, matched terms
// highlighted, file and page, a link back to its row), filters by country, sector and kind,
// a search over the sentences, and the list of documents that could not be read.
// Table 5 is rendered on the server side and reads without JavaScript. The evidence cards are
// rendered here too, but wait as inert text inside their closed fold until it is opened, a
// search or filter needs them, or a link points at one: the browser does not parse them into
// elements when the page opens, so a run of tens of thousands of cards opens in seconds.
import { evidenceText, locatorText } from './evidence.js';
import { createHash } from 'node:crypto';
import type { CityRow, DocumentResult, Mention, RunResult, TerritoryLevel, Unit } from '../records.js';
import { unreadNote } from '../aggregate/status.js';
import { duplicatesOf } from '../corpus/duplicates.js';
import { inlineSvg, type Chart } from './charts.js';
import { label, prioritiesHeading, sortSectors, statusText, type Labels } from './labels.js';
import { printable } from '../text/printable.js';
import { countriesOf } from './tables.js';

const KINDS = ['priority', 'context', 'other_sense'] as const;
const HTML_LANG: Record<string, string> = { rus: 'ru', kaz: 'kk', eng: 'en' };
const LEVEL_TEXT: Record<TerritoryLevel, string> = {
  city: 'city',
  district: 'municipal district',
  region: 'region',
  federal_city: 'city of federal significance',
  republican_city: 'city of republican significance',
};

/**
 * Evidence links a priority shows; the rest of its places are listed as text («p. 12, 19, …»)
 * and every card is in the fold under it. A priority repeated a hundred times in a long
 * strategy would otherwise carry a hundred links in its cell.
 */
export const MAX_EVIDENCE_LINKS = 5;

/** The anchor of a unit's evidence card: short, stable, safe in a URL fragment. */
export function evidenceAnchor(unitId: string): string {
  return `u-${shortHash(unitId)}`;
}

/** The anchor of a Table 5 row. */
export function rowAnchor(row: Pick<CityRow, 'city' | 'country'>): string {
  return `t-${shortHash(`${row.city.trim()}\u0000${row.country}`)}`;
}

/** The anchor of a priority of a row (its position in the row). */
export function priorityAnchor(row: Pick<CityRow, 'city' | 'country'>, index: number): string {
  return `${rowAnchor(row)}-${index + 1}`;
}

function shortHash(text: string): string {
  return createHash('sha1').update(text).digest('hex').slice(0, 12);
}

/** Every evidence card of a run, by unit id, and which row each document belongs to. */
interface Cards {
  html: Map<string, string>;
  /** Unit ids in reading order, per document file. */
  order: Map<string, string[]>;
  /** Units with a mention of each kind: the number of cards the filter counts. */
  total: number;
}

export function reportHtml(run: RunResult, labels?: Labels, charts: readonly Chart[] = []): string {
  const sectors = sortSectors(run.rows.flatMap((r) => [...r.sectors, ...r.priorities.flatMap((p) => p.sectors)]).concat(
    run.documents.flatMap((d) => d.mentions.flatMap((m) => m.sectors)),
  ));
  const countries = countriesOf(run.rows);
  const docs = new Map(run.documents.map((d) => [d.entry.file, d] as [string, DocumentResult]));
  const unreadable = run.documents.filter((d) => d.doc.status !== 'ok');
  const duplicates = duplicatesOf(run.documents);
  const mentionCount = run.documents.reduce((n, d) => n + d.mentions.length, 0);
  const rowOf = new Map<string, CityRow>();
  for (const r of run.rows) for (const f of r.documents) rowOf.set(f, r);
  const cards = allCards(run.documents, labels);
  const placed = new Set<string>();
  const rowsHtml = run.rows.map((r) => cityRowHtml(r, docs, cards, placed, run.topicLabel, labels)).join('\n');

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
<h1>Table 5. ${esc(prioritiesHeading(run.topicLabel))} in strategies of cities and regions</h1>
<p class="summary">${run.rows.length} territories · ${run.documents.length} documents · ${mentionCount} mentions in ${cards.total} sentences · topic <code>${esc(run.topic)}</code> · strategy-miner ${esc(run.toolVersion)}</p>
<form id="filters" onsubmit="return false">
<label>Search <input id="f-search" type="search" placeholder="words in the sentences" autocomplete="off"></label>
<label>Country <select id="f-country"><option value="">all</option>${countries.map((c) => `<option value="${esc(c)}">${esc(c)}</option>`).join('')}</select></label>
<label>Sector <select id="f-sector"><option value="">all</option>${sectors.map((s) => `<option value="${esc(s)}">${esc(label(s, labels))}</option>`).join('')}</select></label>
<label>Mention kind <select id="f-kind"><option value="">all</option>${KINDS.map((k) => `<option value="${k}">${k.replace('_', ' ')}</option>`).join('')}</select></label>
<output id="shown">${run.rows.length} territories, ${cards.total} sentences shown</output>
</form>
</header>
<main>
<section id="table5">
<h2>Table 5</h2>
<div class="scroll">
<table class="t5">
<thead><tr><th scope="col">Territory</th><th scope="col">${esc(prioritiesHeading(run.topicLabel))}</th></tr></thead>
<tbody>
${rowsHtml}
</tbody>
</table>
</div>
</section>
${charts.length > 0 ? `<section id="charts">
<h2>Charts</h2>
${charts.map((c) => `<figure class="chart"><figcaption><strong>${esc(c.title)}.</strong> ${esc(c.caption)} <span class="file">(${esc(c.file)})</span></figcaption><div class="svg">${inlineSvg(c)}</div></figure>`).join('\n')}
</section>` : ''}
<section id="unreadable">
<h2>Documents that could not be fully read</h2>
${unreadable.length === 0 ? '<p>All documents were read in full.</p>' : `<ul>${unreadable.map((d) => `<li data-country="${esc(d.entry.country || 'other')}"><strong>${esc(d.entry.city.trim())}</strong> — ${esc(unreadNote(d))}</li>`).join('\n')}</ul>`}
</section>
${duplicates.length > 0 ? `<section id="duplicates">
<h2>Duplicate files</h2>
<p>These files have the same bytes (SHA-256) as a file listed before them; each is counted once, under the first.</p>
<ul>${duplicates.map((d) => `<li>${fileName(d.file)} = ${fileName(d.sameAs)} <code>${esc(d.sha256.slice(0, 16))}…</code></li>`).join('\n')}</ul>
</section>` : ''}
<section id="evidence">
<h2>Other evidence: context and other-sense mentions, by document</h2>
<noscript><p class="warn">The evidence cards open with JavaScript; without it, mentions.csv and table5.xlsx hold every sentence.</p></noscript>
<p class="hint">Each card shows the sentence or list item (highlighted) inside its paragraph (up to ${CARD_CONTEXT_CHARS} characters on each side); matched words are in bold. The evidence of each priority is folded under it in the table; here are the other mentions, so the reader can check what was not taken as a priority.</p>
${run.documents.map((d) => documentFold(d, cards, placed, rowOf.get(d.entry.file))).join('\n')}
</section>
</main>
<script>${SCRIPT}</script>
</body>
</html>
`;
}

function levelText(row: CityRow): string {
  const level = row.level ? LEVEL_TEXT[row.level] : '';
  const region = row.region ? esc(row.region) : '';
  return level || region ? `<div class="level">${[level, region].filter(Boolean).join(', ')}</div>` : '';
}

function cityRowHtml(row: CityRow, docs: Map<string, DocumentResult>, cards: Cards, placed: Set<string>, topicLabel: string, labels?: Labels): string {
  const country = row.country || 'other';
  const sectors = ` ${row.sectors.join(' ')} `;
  const unread = row.documents.map((f) => docs.get(f)).filter((d): d is DocumentResult => d !== undefined && d.doc.status !== 'ok');
  // Where each evidence unit sits (heading, list item, paragraph), so three links to one page differ.
  const blockKinds = new Map(row.documents.flatMap((f) => docs.get(f)?.units.map((u) => [u.id, u.blockKind] as [string, string]) ?? []));
  let body: string;
  if (row.status === 'priorities') {
    body = `<ul class="priorities">${row.priorities
      .map((p, i) => {
        const lead = p.leadIn ? `<span class="lead">${esc(p.leadIn.trim())} …</span> ` : '';
        const tr = (p.translations ?? []).map((t) => ` <span class="tr" lang="${HTML_LANG[t.lang] ?? 'und'}">${esc(t.lang)}: ${esc(t.text)}</span>`).join('');
        const tags = p.sectors.map((s) => `<span class="tag">${esc(label(s, labels))}</span>`).join(' ');
        // A few links to the cards; the other places as a compact list (the cards are in the fold).
        const ev = p.evidence
          .slice(0, MAX_EVIDENCE_LINKS)
          .map((e) => {
            const where = blockKinds.get(e.unitId);
            const kind = where ? ` · ${esc(where.replace('_', ' '))}` : '';
            return `<a class="evidence" href="#${evidenceAnchor(e.unitId)}">${fileName(e.file)} ${locatorText(e.page, e.locator)}${kind}${e.ocr ? ' · <abbr title="text read by OCR">OCR</abbr>' : ''}</a>`;
          })
          .join(', ') + (p.evidence.length > MAX_EVIDENCE_LINKS ? `; ${p.evidence.length - MAX_EVIDENCE_LINKS} more: ${esc(evidenceText(p.evidence.slice(MAX_EVIDENCE_LINKS)))}` : '');
        const anchor = priorityAnchor(row, i);
        const fold = evidenceFold(p.evidence.map((e) => e.unitId), cards, placed, anchor, 'evidence');
        return `<li class="priority" id="${anchor}" data-sectors=" ${esc(p.sectors.join(' '))} "><span lang="${HTML_LANG[p.lang] ?? 'und'}">${lead}${esc(p.text)}</span>${tr} ${tags} <span class="ev">(${ev})</span>${fold}</li>`;
      })
      .join('')}</ul>${unread.map((d) => `<p class="warn">⚠ Not read, priorities may be missing: ${esc(unreadNote(d))}</p>`).join('')}`;
  } else if (row.status === 'unreadable') {
    body = `<p class="flag unreadable"><strong>Not assessed.</strong> ${esc(row.statusNote)}</p>`;
  } else {
    body = `<p class="flag">⚑ <strong>${esc(statusText(row.status, topicLabel))}</strong>. ${esc(row.statusNote)}</p>`;
  }
  return `<tr class="city status-${row.status}" id="${rowAnchor(row)}" data-country="${esc(country)}" data-sectors="${esc(sectors)}" data-status="${row.status}" data-level="${esc(row.level)}"><th scope="row"><span class="name">${esc(row.city)}</span> <span class="country">${esc(country)}</span>${levelText(row)}<div class="docs">${row.documents.map(fileName).join('<br>')}</div></th><td>${body}</td></tr>`;
}

/**
 * The cards of some units, folded: a closed <details> the reader opens, each card once in the
 * page (a unit cited by two priorities is placed under the first; the second links to it).
 */
function evidenceFold(unitIds: readonly string[], cards: Cards, placed: Set<string>, backTo: string, what: string): string {
  const here: string[] = [];
  for (const id of new Set(unitIds)) {
    const card = cards.html.get(id);
    if (card === undefined || placed.has(id)) continue;
    placed.add(id);
    here.push(card.replace(BACK_LINK, `<a class="back" href="#${backTo}">↑ back</a>`));
  }
  if (here.length === 0) return '';
  // The cards wait as text inside the closed fold (a <script> of type text/html, which the
  // browser only scans for its end): a page of tens of thousands of cards opens as fast as
  // one without them. The script puts them into the page when the fold is opened, searched
  // or linked to. Card text is escaped, so «</script» cannot occur in it.
  return `<details class="fold" data-cards="${here.length}"><summary>${here.length} ${what} card${here.length === 1 ? '' : 's'}</summary><div class="cards"></div><script type="text/html">${here.join('')}</script></details>`;
}

/** The cards of a document that no priority holds, folded under the document. */
function documentFold(d: DocumentResult, cards: Cards, placed: Set<string>, row: CityRow | undefined): string {
  const ids = (cards.order.get(d.entry.file) ?? []).filter((id) => !placed.has(id));
  if (ids.length === 0) return '';
  const back = row ? rowAnchor(row) : 'table5';
  const fold = evidenceFold(ids, cards, placed, back, 'mention');
  return `<div class="doc" data-country="${esc(d.entry.country || 'other')}"><h3>${esc(d.entry.city.trim())} — ${fileName(d.entry.file)}</h3>${fold}</div>`;
}

// A card is rendered once with this mark where its link back goes; placing it fills the mark.
const BACK_LINK = '\u0000back\u0000';

/** One card per unit holding a mention, for every document, in reading order. */
function allCards(documents: readonly DocumentResult[], labels?: Labels): Cards {
  const html = new Map<string, string>();
  const order = new Map<string, string[]>();
  for (const d of documents) {
    const ids: string[] = [];
    for (const [id, card] of documentCards(d, labels)) {
      html.set(id, card);
      ids.push(id);
    }
    order.set(d.entry.file, ids);
  }
  return { html, order, total: html.size };
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
function documentCards(d: DocumentResult, labels?: Labels): [string, string][] {
  const byUnit = new Map<string, Mention[]>();
  for (const m of d.mentions) {
    const list = byUnit.get(m.unitId);
    if (list) list.push(m);
    else byUnit.set(m.unitId, [m]);
  }
  if (byUnit.size === 0) return [];
  const blocks = new Map<string, Unit[]>();
  const position = new Map<string, number>();
  for (const u of d.units) {
    const key = `${u.page}:${u.blockIndex}`;
    const list = blocks.get(key);
    position.set(u.id, list ? list.length : 0);
    if (list) list.push(u);
    else blocks.set(key, [u]);
  }
  const cards: [string, string][] = [];
  for (const u of d.units) {
    if (!byUnit.has(u.id)) continue;
    const block = blocks.get(`${u.page}:${u.blockIndex}`) ?? [u];
    cards.push([u.id, card(d, u, contextWindow(block, position.get(u.id) ?? 0), byUnit.get(u.id) ?? [], labels)]);
  }
  // A mention whose unit is not listed still gets a card: its sentence alone.
  const listed = new Set(d.units.map((u) => u.id));
  for (const [id, ms] of byUnit) {
    const m0 = ms[0];
    if (listed.has(id) || !m0) continue;
    const alone: Unit = { id, file: m0.file, page: m0.page, blockIndex: -1, blockKind: m0.blockKind, kind: 'sentence', text: m0.text, start: 0, end: m0.text.length, lang: m0.lang, ocr: m0.ocr, headingPath: m0.headingPath };
    cards.push([id, card(d, alone, { units: [alone], cutBefore: false, cutAfter: false }, ms, labels)]);
  }
  return cards;
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
<header>${kinds.map((k) => `<span class="kind k-${k}">${k.replace('_', ' ')}</span>`).join(' ')} ${BACK_LINK} <span class="loc">${esc(d.entry.city.trim())} · ${fileName(unit.file)} ${locatorText(unit.page, unit.locator)}${unit.ocr ? ' · OCR' : ''} · ${esc(unit.blockKind.replace('_', ' '))}</span>${sectors.map((s) => ` <span class="tag">${esc(label(s, labels))}</span>`).join('')} <span class="rules">rules: ${rules.map(esc).join(', ')}</span></header>
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
form{display:flex;gap:.6rem 1rem;flex-wrap:wrap;align-items:center}
select,input{font:inherit;padding:.1rem .3rem;max-width:100%;box-sizing:border-box}
main{padding:0 1.2rem 3rem;max-width:80rem}
.scroll{overflow-x:auto}
table.t5{border-collapse:collapse;width:100%}
.t5 th,.t5 td{border:1px solid var(--line);padding:.45rem .6rem;vertical-align:top;text-align:left}
.t5 thead th{background:#eef2f5}
.t5 tbody th{width:14rem;font-weight:600}
.country{font-size:.75rem;color:var(--muted);border:1px solid var(--line);border-radius:3px;padding:0 .25rem}
.level{font-weight:400;font-size:.8rem;color:var(--muted)}
.docs{font-weight:400;font-size:.75rem;color:var(--muted);margin-top:.3rem;word-break:break-all}
ul.priorities{margin:0;padding-left:1.1rem}
li.priority{margin:.25rem 0}
li.priority:target{background:#f3f8ff}
.lead{color:var(--muted);font-style:italic}
.tr{display:block;color:var(--muted)}
.tag{display:inline-block;font-size:.75rem;background:#e8f1fb;color:#114a82;border-radius:3px;padding:0 .3rem;margin:0 .1rem}
.ev{font-size:.85rem}
a.evidence,a.back{color:var(--accent)}
a.back{font-size:.8rem}
details.fold{margin:.2rem 0 .4rem}
details.fold>summary{cursor:pointer;color:var(--accent);font-size:.85rem}
.flag{margin:0}
.status-no_cluster_policy td,.status-context_only td,.status-needs_review td{background:#fff8e6}
.status-unreadable td{background:#fdecee}
.warn{margin:.4rem 0 0;color:var(--other);font-size:.9rem}
article.mention{border:1px solid var(--line);border-left:4px solid var(--muted);border-radius:4px;padding:.4rem .7rem;margin:.5rem 0;scroll-margin-top:9rem;background:#fff;font-weight:400}
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
.para,li.priority,.ev,article.mention header,.docs,#unreadable li,#duplicates li{overflow-wrap:anywhere}
mark.sentence{background:#fff2a8;padding:0 .1rem}
b.term{color:#8a1c00}
.hint{color:var(--muted);font-size:.9rem}
figure.chart{margin:1rem 0}
figure.chart figcaption{font-size:.9rem;color:var(--muted);margin-bottom:.3rem}
figure.chart .svg{overflow-x:auto}
figure.chart .file{font-family:ui-monospace,monospace;font-size:.8rem}
@media (max-width:640px){
header.top{position:static;padding:.5rem .7rem}
h1{font-size:1.1rem}
main{padding:0 .7rem 2rem}
form label{flex:1 1 100%}
form label input,form label select{width:100%}
table.t5,.t5 tbody,.t5 tr,.t5 th,.t5 td{display:block;width:auto}
.t5 thead{display:none}
.t5 tbody th{width:auto;border-bottom:0;background:#eef2f5}
.t5 tr{margin-bottom:.8rem}
ul.priorities{padding-left:.9rem}
}
`;

const SCRIPT = `
(function () {
  var f = { search: document.getElementById('f-search'), country: document.getElementById('f-country'), sector: document.getElementById('f-sector'), kind: document.getElementById('f-kind') };
  var folds = Array.prototype.slice.call(document.querySelectorAll('details.fold'));
  var indexed = false, timer = 0;
  function norm(s) { return s.toLowerCase().replace(/ё/g, 'е'); }
  function all(sel) { return Array.prototype.slice.call(document.querySelectorAll(sel)); }
  function has(attrs, value) { return !value || (' ' + attrs + ' ').indexOf(' ' + value + ' ') >= 0; }
  function attr(html, name) { var m = new RegExp(' ' + name + '="([^"]*)"').exec(html); return m ? m[1] : ''; }
  function text(html) { return norm(html.replace(/<[^>]*>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&')); }
  // A fold's cards, split from their text once; what the filters read, once, at the first use.
  function cards(d) {
    if (!d._cards) { var s = d.querySelector('script'); d._cards = s ? s.textContent.split(/(?=<article class="mention")/) : []; }
    return d._cards;
  }
  function index() {
    if (indexed) return;
    folds.forEach(function (d) {
      d._meta = cards(d).map(function (c) {
        var body = c.slice(c.indexOf('</header>'));
        return { country: attr(c, 'data-country'), sectors: attr(c, 'data-sectors'), kinds: attr(c, 'data-kinds'), text: text(body) };
      });
    });
    indexed = true;
  }
  // Puts the fold's cards (those the filters let through) into the page.
  function render(d) {
    var list = cards(d), show = d._show;
    var html = show ? show.map(function (i) { return list[i]; }).join('') : list.join('');
    var box = d.querySelector('.cards');
    if (box._html !== html) { box.innerHTML = html; box._html = html; }
  }
  folds.forEach(function (d) { d.addEventListener('toggle', function () { if (d.open) render(d); }); });
  function query() { var q = norm(f.search.value.trim()); return q.length >= 2 ? q : ''; }
  function apply() {
    var c = f.country.value, s = f.sector.value, k = f.kind.value, q = query(), rows = 0, shown = 0;
    var active = !!(c || s || k || q);
    if (active) index();
    folds.forEach(function (d) {
      if (!active) { d._show = null; d.hidden = false; shown += cards(d).length; if (d.open) render(d); return; }
      var keep = [];
      d._meta.forEach(function (m, i) { if (has(m.country, c) && has(m.sectors, s) && has(m.kinds, k) && (!q || m.text.indexOf(q) >= 0)) keep.push(i); });
      d._show = keep; shown += keep.length;
      d.hidden = keep.length === 0 && !!(q || k);
      if (q) d.open = keep.length > 0;
      if (d.open) render(d);
    });
    all('tr.city').forEach(function (tr) {
      var show = has(tr.getAttribute('data-country'), c) && has(tr.getAttribute('data-sectors'), s);
      tr.querySelectorAll('li.priority').forEach(function (li) {
        var fold = li.querySelector('details.fold');
        var hit = !q || norm(li.firstChild.textContent).indexOf(q) >= 0 || !!(fold && fold._show && fold._show.length);
        li.hidden = !has(li.getAttribute('data-sectors'), s) || !hit;
      });
      if (q) show = show && (!!tr.querySelector('li.priority:not([hidden])') || norm(tr.querySelector('th').textContent).indexOf(q) >= 0);
      tr.hidden = !show; if (show) rows++;
    });
    all('#unreadable li').forEach(function (li) { li.hidden = !has(li.getAttribute('data-country'), c); });
    all('div.doc').forEach(function (d) { var fold = d.querySelector('details.fold'); d.hidden = !!(fold && fold.hidden); });
    document.getElementById('shown').textContent = rows + ' territories, ' + shown + ' sentences shown';
  }
  // A link can point at a card in a closed fold, or one a filter hides: show it.
  function reveal() {
    var id = location.hash.slice(1);
    if (!id) return;
    var el = document.getElementById(id);
    if (!el) {
      var needle = ' id="' + id + '"';
      var fold = folds.filter(function (d) { return cards(d).some(function (c) { return c.indexOf(needle) >= 0; }); })[0];
      if (!fold) return;
      if (fold._show) { f.search.value = ''; f.country.value = ''; f.sector.value = ''; f.kind.value = ''; apply(); }
      fold.open = true; render(fold);
      el = document.getElementById(id);
    } else if (el.closest('[hidden]')) { f.search.value = ''; f.country.value = ''; f.sector.value = ''; f.kind.value = ''; apply(); }
    for (var d = el.parentElement; d; d = d.parentElement) if (d.tagName === 'DETAILS' && !d.open) { d.open = true; render(d); }
    // A card made after the navigation is not its :target yet: navigate to it again.
    if (!el.matches(':target')) location.replace('#' + id);
    el.scrollIntoView();
  }
  ['country', 'sector', 'kind'].forEach(function (n) { f[n].addEventListener('change', apply); });
  f.search.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(apply, 150); });
  window.addEventListener('hashchange', reveal);
  // The browser may restore the form's values on reload: filter only then.
  if (f.search.value || f.country.value || f.sector.value || f.kind.value) apply();
  reveal();
})();
`;
