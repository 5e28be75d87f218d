// Turns one corpus source (corpus/src/*.txt, a small line-based markup described in
// corpus/README.md) into a flat ODT file for LibreOffice, and writes the hand-coded
// annotations found in the source ({P:sectors|sentence} and friends) to a JSON sidecar.
//
// Usage: node build-fodt.mjs SOURCE.txt OUT.fodt OUT.annotations.json [TOC-PAGES.json]
// TOC-PAGES.json (written by locate.mjs after a first rendering) maps each heading, in
// order, to its page; without it the table of contents shows "0" and is only used to
// measure the layout.
import { readFileSync, writeFileSync } from 'node:fs';

const [, , srcPath, outPath, annPath, tocPagesPath] = process.argv;
if (!srcPath || !outPath || !annPath) {
  console.error('usage: build-fodt.mjs SOURCE.txt OUT.fodt OUT.annotations.json [TOC-PAGES.json]');
  process.exit(2);
}
const tocPages = tocPagesPath ? JSON.parse(readFileSync(tocPagesPath, 'utf8')) : null;

const LABELS = { P: 'priority', C: 'context', O: 'other_sense', N: 'none' };
const SECTORS = new Set(['tourism', 'it_digital', 'creative', 'financial', 'transport_logistics',
  'industrial', 'machinery', 'food_agro', 'construction', 'education_science', 'medical_pharma',
  'aerospace', 'oil_gas', 'mining_metallurgy', 'media_communications', 'smart_economy', 'sport', 'other']);
const ANNOTATION = /\{([PCON])(?::([^|}]*))?\|([^}]*)\}/g;

const meta = { lang: 'ru', header: '', footer: 'ru', title: '' };
const annotations = []; // in document order: {text, label, sectors, where}
const headings = [];    // {level, text}
const body = [];
let lang = 'ru';
let breakNext = false;
let inTitle = false;
let list = null;  // {kind, items: []}
let table = null; // rows: string[][]
let lineNo = 0;
// Top-level headings seen so far: a DOCX has no pages, and strategy-miner's DOCX reader
// numbers its "pages" by top-level heading (src/ingest/docx.ts), so the gold uses that.
let h1Count = 0;
let pendingH1 = false;

function fail(msg) { console.error(`${srcPath}:${lineNo}: ${msg}`); process.exit(1); }
function esc(s) { return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'); }

// Strips annotations, records them, returns the visible text.
function take(raw, where) {
  const text = raw.replace(ANNOTATION, (_m, code, sectors, inner) => {
    const label = LABELS[code];
    const list = (sectors ?? '').split(';').map((s) => s.trim()).filter(Boolean);
    for (const s of list) if (!SECTORS.has(s)) fail(`unknown sector "${s}"`);
    // priority/context rows may have no sector when the sentence names none («кластерная политика»).
    if ((label === 'other_sense' || label === 'none') && list.length > 0) fail(`${label} with sectors: ${inner}`);
    annotations.push({ text: inner, label, sectors: list.join(';'), where, h1: h1Count + (where === 'heading' && pendingH1 ? 1 : 0) });
    return inner;
  });
  if (/[{}]/.test(text)) fail(`unbalanced annotation braces: ${raw}`);
  return text;
}

function styleFor(base) { return lang === 'kk' ? `${base}_kk` : base; }
function paraStyle(base) {
  if (breakNext) { breakNext = false; return `${styleFor(base)}_break`; }
  return styleFor(base);
}

function flush() {
  if (list) {
    const ls = list.kind === '-' ? 'L_bullet' : 'L_dash';
    body.push(`<text:list text:style-name="${ls}">` + list.items.map((it) =>
      `<text:list-item><text:p text:style-name="${it.style}">${esc(it.text)}</text:p></text:list-item>`).join('') + '</text:list>');
    list = null;
  }
  if (table) {
    const cols = Math.max(...table.rows.map((r) => r.length));
    let x = `<table:table table:name="Table${body.length}" table:style-name="Tbl"><table:table-column table:number-columns-repeated="${cols}"/>`;
    table.rows.forEach((row, i) => {
      const cellPara = styleFor(i === 0 ? 'TableHeading' : 'TableContents');
      if (i === 0) x += '<table:table-header-rows>';
      x += '<table:table-row>' + row.map((c) => `<table:table-cell table:style-name="TblCell" office:value-type="string"><text:p text:style-name="${cellPara}">${esc(c)}</text:p></table:table-cell>`).join('') + '</table:table-row>';
      if (i === 0) x += '</table:table-header-rows>';
    });
    body.push(x + '</table:table>');
    if (table.breakBefore) body.splice(body.length - 1, 0, `<text:p text:style-name="${styleFor('Body')}_break"/>`);
    table = null;
  }
}

const src = readFileSync(srcPath, 'utf8').split('\n');
for (const rawLine of src) {
  lineNo++;
  const line = rawLine.replace(/\s+$/, '');
  if (line.startsWith('%')) continue; // comment
  if (inTitle) {
    if (line === '@endtitle') { inTitle = false; continue; }
    if (line === '') { body.push(`<text:p text:style-name="TitleSpace"/>`); continue; }
    const big = line.startsWith('*');
    const t = take(big ? line.slice(1).trim() : line, 'title');
    const first = !body.length;
    body.push(`<text:p text:style-name="${first ? 'TitleFirst' : big ? 'TitleBig' : styleFor('TitleLine')}">${esc(t)}</text:p>`);
    continue;
  }
  if (line === '') { flush(); continue; }
  const m = line.match(/^@(\w[\w-]*)\s*(.*)$/);
  if (m) {
    flush();
    const [, key, value] = m;
    if (key === 'title') { inTitle = true; continue; }
    if (key === 'lang') { if (!['ru', 'kk'].includes(value)) fail('lang must be ru or kk'); lang = value; if (!meta.firstLang) meta.firstLang = value; continue; }
    if (key === 'pagebreak') { breakNext = true; continue; }
    if (key === 'toc') {
      body.push({ toc: value || 'Содержание', lang });
      breakNext = true;
      continue;
    }
    if (['header', 'footer', 'doctitle', 'scan', 'format'].includes(key)) { meta[key] = value; continue; }
    fail(`unknown directive @${key}`);
  }
  if (line.startsWith('#')) {
    flush();
    const level = line.startsWith('##') ? 2 : 1;
    pendingH1 = level === 1;
    const t = take(line.replace(/^#+\s*/, ''), 'heading');
    if (level === 1) h1Count++;
    pendingH1 = false;
    headings.push({ level, text: t });
    body.push(`<text:h text:style-name="${paraStyle(`Heading_20_${level}`)}" text:outline-level="${level}">${esc(t)}</text:h>`);
    continue;
  }
  if (/^[-–] /.test(line)) {
    if (table) flush();
    const kind = line[0];
    if (list && list.kind !== kind) flush();
    if (!list) list = { kind, items: [] };
    list.items.push({ text: take(line.slice(2), 'list'), style: paraStyle('ListItem') });
    continue;
  }
  if (line.startsWith('|')) {
    if (list) flush();
    const wasBreak = breakNext; breakNext = false;
    if (!table) table = { rows: [], breakBefore: wasBreak };
    table.rows.push(line.replace(/^\|\s*/, '').replace(/\s*\|$/, '').split(/\s+\|\s+/).map((c) => take(c, 'table')));
    continue;
  }
  if (line.startsWith('^')) { // a caption or source note under a table: small, not indented
    flush();
    body.push(`<text:p text:style-name="${paraStyle('Caption')}">${esc(take(line.slice(1).trim(), 'caption'))}</text:p>`);
    continue;
  }
  flush();
  body.push(`<text:p text:style-name="${paraStyle('Body')}">${esc(take(line, 'paragraph'))}</text:p>`);
}
flush();

// Table of contents: entries are the headings; its page numbers come from the first pass.
// A heading annotated in the source yields a TOC line that repeats it: by DOMAIN.md that
// line is never a cluster-policy mention, so it is coded other_sense here, in TOC order.
const tocAnnotations = [];
function tocXml(title, tlang) {
  const sfx = tlang === 'kk' ? '_kk' : '';
  let rows = '';
  headings.forEach((h, i) => {
    const page = tocPages ? tocPages[i] : 0;
    rows += `<text:p text:style-name="Contents_20_${h.level}${sfx}">${esc(h.text)}<text:tab/>${page}</text:p>`;
    if (/кластер/i.test(h.text)) tocAnnotations.push({ text: h.text, label: 'other_sense', sectors: '', where: 'toc', h1: 0 });
  });
  return `<text:table-of-content text:style-name="Sect1" text:protected="true" text:name="Table of Contents1">
<text:table-of-content-source text:outline-level="2">
<text:index-title-template text:style-name="Contents_20_Heading${sfx}">${esc(title)}</text:index-title-template>
<text:table-of-content-entry-template text:outline-level="1" text:style-name="Contents_20_1${sfx}"><text:index-entry-text/><text:index-entry-tab-stop style:type="right" style:leader-char="."/><text:index-entry-page-number/></text:table-of-content-entry-template>
<text:table-of-content-entry-template text:outline-level="2" text:style-name="Contents_20_2${sfx}"><text:index-entry-text/><text:index-entry-tab-stop style:type="right" style:leader-char="."/><text:index-entry-page-number/></text:table-of-content-entry-template>
</text:table-of-content-source>
<text:index-body><text:index-title text:style-name="Sect1" text:name="Table of Contents1_Head"><text:p text:style-name="Contents_20_Heading_master${sfx}">${esc(title)}</text:p></text:index-title>${rows}</text:index-body></text:table-of-content>`;
}
let bodyXml = '';
const tocIndex = body.findIndex((b) => typeof b === 'object');
body.forEach((b) => { bodyXml += (typeof b === 'object' ? tocXml(b.toc, b.lang) : b) + '\n'; });
// Annotations in reading order: title page, TOC, then the rest (the TOC comes right after the title page).
const titleAnn = annotations.filter((a) => a.where === 'title');
const restAnn = annotations.filter((a) => a.where !== 'title');
const ordered = tocIndex >= 0 ? [...titleAnn, ...tocAnnotations, ...restAnn] : annotations;

const footer = meta.footer === 'kk'
  ? `<text:p text:style-name="Footer"><text:page-number text:select-page="current">1</text:page-number></text:p>`
  : `<text:p text:style-name="Footer">Страница <text:page-number text:select-page="current">1</text:page-number> из <text:page-count>1</text:page-count></text:p>`;

function langVariants(name, xml) {
  // The same style again in Kazakh: language kk-KZ (no hyphenation patterns exist for it
  // in Debian, so Kazakh paragraphs are justified without hyphens, as in real documents).
  return xml + '\n' + xml.replace(`style:name="${name}"`, `style:name="${name}_kk"`)
    .replace(/fo:language="ru" fo:country="RU"/g, 'fo:language="kk" fo:country="KZ"');
}
const RU = 'fo:language="ru" fo:country="RU"';
const paraStyles = [
  ['Body', `<style:style style:name="Body" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="justify" fo:text-indent="1.25cm" fo:margin-top="0cm" fo:margin-bottom="0.14cm" fo:line-height="115%"/><style:text-properties ${RU} fo:hyphenate="true"/></style:style>`],
  ['ListItem', `<style:style style:name="ListItem" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="justify" fo:margin-bottom="0.08cm" fo:line-height="115%"/><style:text-properties ${RU} fo:hyphenate="true"/></style:style>`],
  ['Caption', `<style:style style:name="Caption" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="start" fo:margin-top="0.1cm" fo:margin-bottom="0.2cm"/><style:text-properties ${RU} fo:font-size="10pt" fo:font-style="italic"/></style:style>`],
  ['Heading_20_1', `<style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:parent-style-name="Standard" style:default-outline-level="1" style:class="text"><style:paragraph-properties fo:margin-top="0.42cm" fo:margin-bottom="0.21cm" fo:keep-with-next="always"/><style:text-properties ${RU} style:font-name="Liberation Sans" fo:font-size="14pt" fo:font-weight="bold" fo:hyphenate="false"/></style:style>`],
  ['Heading_20_2', `<style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph" style:parent-style-name="Standard" style:default-outline-level="2" style:class="text"><style:paragraph-properties fo:margin-top="0.3cm" fo:margin-bottom="0.15cm" fo:keep-with-next="always"/><style:text-properties ${RU} style:font-name="Liberation Sans" fo:font-size="12pt" fo:font-weight="bold" fo:hyphenate="false"/></style:style>`],
  ['TableHeading', `<style:style style:name="TableHeading" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="center"/><style:text-properties ${RU} fo:font-size="10pt" fo:font-weight="bold" fo:hyphenate="true"/></style:style>`],
  ['TableContents', `<style:style style:name="TableContents" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="start"/><style:text-properties ${RU} fo:font-size="10pt" fo:hyphenate="true"/></style:style>`],
  ['TitleLine', `<style:style style:name="TitleLine" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="center" fo:margin-bottom="0.2cm"/><style:text-properties ${RU} fo:font-size="13pt" fo:hyphenate="false"/></style:style>`],
  ['Contents_20_Heading', `<style:style style:name="Contents_20_Heading" style:display-name="Contents Heading" style:family="paragraph" style:parent-style-name="Standard" style:class="index"><style:paragraph-properties fo:text-align="center" fo:margin-bottom="0.4cm"/><style:text-properties ${RU} style:font-name="Liberation Sans" fo:font-size="14pt" fo:font-weight="bold"/></style:style>`],
  ['Contents_20_1', `<style:style style:name="Contents_20_1" style:display-name="Contents 1" style:family="paragraph" style:parent-style-name="Standard" style:class="index"><style:paragraph-properties fo:margin-bottom="0.12cm"><style:tab-stops><style:tab-stop style:position="17cm" style:type="right" style:leader-style="dotted" style:leader-text="."/></style:tab-stops></style:paragraph-properties><style:text-properties ${RU} fo:hyphenate="false"/></style:style>`],
  ['Contents_20_2', `<style:style style:name="Contents_20_2" style:display-name="Contents 2" style:family="paragraph" style:parent-style-name="Standard" style:class="index"><style:paragraph-properties fo:margin-left="0.5cm" fo:margin-bottom="0.12cm"><style:tab-stops><style:tab-stop style:position="16.5cm" style:type="right" style:leader-style="dotted" style:leader-text="."/></style:tab-stops></style:paragraph-properties><style:text-properties ${RU} fo:hyphenate="false"/></style:style>`],
];
const stylesXml = paraStyles.map(([n, x]) => langVariants(n, x)).join('\n');
// Automatic styles: a page-break variant of each block style, the title-page master link.
const breakable = ['Body', 'ListItem', 'Caption', 'Heading_20_1', 'Heading_20_2'];
const autoBreaks = breakable.flatMap((n) => [n, `${n}_kk`]).map((n) =>
  `<style:style style:name="${n}_break" style:family="paragraph" style:parent-style-name="${n}"><style:paragraph-properties fo:break-before="page"/></style:style>`).join('\n');

const xml = `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:meta><dc:title>${esc(meta.doctitle ?? '')}</dc:title><meta:generator>strategy-miner scripts/corpus/build-fodt.mjs</meta:generator></office:meta>
<office:font-face-decls>
<style:font-face style:name="Liberation Serif" svg:font-family="'Liberation Serif'" style:font-family-generic="roman" style:font-pitch="variable"/>
<style:font-face style:name="Liberation Sans" svg:font-family="'Liberation Sans'" style:font-family-generic="swiss" style:font-pitch="variable"/>
</office:font-face-decls>
<office:styles>
<style:default-style style:family="paragraph"><style:paragraph-properties fo:hyphenation-ladder-count="no-limit" style:writing-mode="lr-tb"/><style:text-properties style:font-name="Liberation Serif" fo:font-size="12pt" ${RU} fo:hyphenate="false" fo:hyphenation-remain-char-count="2" fo:hyphenation-push-char-count="2"/></style:default-style>
<style:style style:name="Standard" style:family="paragraph" style:class="text"/>
${stylesXml}
<style:style style:name="Header" style:family="paragraph" style:parent-style-name="Standard" style:class="extra"><style:paragraph-properties fo:text-align="center" fo:padding-bottom="0.05cm" fo:border-bottom="0.5pt solid #000000"/><style:text-properties fo:font-size="9pt" fo:font-style="italic"/></style:style>
<style:style style:name="Footer" style:family="paragraph" style:parent-style-name="Standard" style:class="extra"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-size="10pt"/></style:style>
<style:style style:name="TitleBig" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="center" fo:margin-top="0.3cm" fo:margin-bottom="0.3cm"/><style:text-properties style:font-name="Liberation Sans" fo:font-size="20pt" fo:font-weight="bold"/></style:style>
<style:style style:name="TitleSpace" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:margin-bottom="1.2cm"/></style:style>
</office:styles>
<office:automatic-styles>
<style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="1.2cm" fo:margin-bottom="1.2cm" fo:margin-left="2.5cm" fo:margin-right="1.5cm"/><style:header-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-bottom="0.5cm"/></style:header-style><style:footer-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-top="0.5cm"/></style:footer-style></style:page-layout>
<style:style style:name="TitleFirst" style:family="paragraph" style:parent-style-name="TitleLine" style:master-page-name="Title"/>
<style:style style:name="Contents_20_Heading_master" style:family="paragraph" style:parent-style-name="Contents_20_Heading" style:master-page-name="Main"/>
<style:style style:name="Contents_20_Heading_master_kk" style:family="paragraph" style:parent-style-name="Contents_20_Heading_kk" style:master-page-name="Main"/>
${autoBreaks}
<style:style style:name="Sect1" style:family="section"><style:section-properties style:editable="false"/></style:style>
<style:style style:name="Tbl" style:family="table"><style:table-properties style:width="17cm" table:align="margins" fo:margin-top="0.2cm" fo:margin-bottom="0.2cm"/></style:style>
<style:style style:name="TblCell" style:family="table-cell"><style:table-cell-properties fo:padding="0.1cm" fo:border="0.5pt solid #000000"/></style:style>
<text:list-style style:name="L_bullet"><text:list-level-style-bullet text:level="1" text:bullet-char="•"><style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="1.25cm" fo:text-indent="-0.5cm" fo:margin-left="1.25cm"/></style:list-level-properties></text:list-level-style-bullet></text:list-style>
<text:list-style style:name="L_dash"><text:list-level-style-bullet text:level="1" text:bullet-char="–"><style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="1.25cm" fo:text-indent="-0.5cm" fo:margin-left="1.25cm"/></style:list-level-properties></text:list-level-style-bullet></text:list-style>
</office:automatic-styles>
<office:master-styles>
<style:master-page style:name="Title" style:page-layout-name="pm1" style:next-style-name="Main"/>
<style:master-page style:name="Main" style:page-layout-name="pm1"><style:header><text:p text:style-name="Header">${esc(meta.header)}</text:p></style:header><style:footer>${footer}</style:footer></style:master-page>
</office:master-styles>
<office:body><office:text>
${bodyXml}</office:text></office:body></office:document>
`;
writeFileSync(outPath, xml);
writeFileSync(annPath, JSON.stringify({ source: srcPath, scan: meta.scan ?? null, format: meta.format ?? 'pdf', header: meta.header, headings, annotations: ordered }, null, 1));
