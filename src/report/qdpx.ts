// REFI-QDA project (.qdpx), the exchange format of MAXQDA, NVivo, ATLAS.ti and QualCoder:
// a zip with project.qde (XML, namespace urn:QDA-XML:project:1.0, schema Project.xsd of
// 18 March 2019, www.qdasoftware.org) and sources/<guid>.txt. Every readable document is a
// TextSource (its pages, each after a «[file p. N]» marker line); every mention is a
// PlainTextSelection over its sentence or list item, coded with its kind, sectors, measures
// and targets; every city is a Case holding its documents. Positions are counted in Unicode
// code points, as the standard's character positions are.
import { locatorText } from './evidence.js';
import { createHash } from 'node:crypto';
import type { DocumentResult, Mention, RunResult } from '../records.js';
import { label, sortSectors, type Labels } from './labels.js';
import { xmlChars } from './xml-chars.js';
import { deterministicZip } from './zip.js';

export const QDA_NAMESPACE = 'urn:QDA-XML:project:1.0';
const KIND_COLORS: Record<string, string> = { priority: '#1B7F3B', context: '#8A6D00', other_sense: '#8B1E2D' };

/** A GUID derived from a name, so the same run always gives the same project file. */
export function stableGuid(name: string): string {
  const h = createHash('sha256').update(`strategy-miner:${name}`).digest('hex');
  // Shaped as an RFC 4122 name-based UUID (version 5 nibble, variant 10xx).
  const variant = ((parseInt(h[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

interface SourceText {
  doc: DocumentResult;
  guid: string;
  text: string;
  /** Code-unit offset of each page's text in the source text. */
  pageStart: Map<number, number>;
  units: Map<string, DocumentResult['units'][number]>;
}

/** The plain text of a document as it is stored in the project. */
export function sourceText(doc: DocumentResult): Pick<SourceText, 'text' | 'pageStart'> {
  let text = '';
  const pageStart = new Map<number, number>();
  for (const page of doc.doc.pages) {
    text += `[${doc.entry.file} ${locatorText(page.number, doc.doc.locator)}]\n`;
    pageStart.set(page.number, text.length);
    text += page.text.length > 0 ? page.text : '(no text on this page)';
    text += '\n\n';
  }
  return { text, pageStart };
}

/** Code-unit range of a mention's unit in the source text, or undefined if it cannot be found. */
function unitRange(src: SourceText, m: Mention): [number, number] | undefined {
  const unit = src.units.get(m.unitId);
  const page = src.doc.doc.pages.find((p) => p.number === m.page);
  const base = src.pageStart.get(m.page);
  if (!page || base === undefined) return undefined;
  if (unit) {
    const block = page.blocks.find((b) => b.index === unit.blockIndex);
    if (block) {
      const at = base + block.start + unit.start;
      if (src.text.slice(at, at + unit.text.length) === unit.text) return [at, at + unit.text.length];
    }
  }
  // Offsets that do not line up (a stage changed the text): find the sentence on its page.
  const found = page.text.indexOf(m.text);
  return found >= 0 ? [base + found, base + found + m.text.length] : undefined;
}

export async function qdpxBuffer(run: RunResult, labels?: Labels): Promise<Buffer> {
  const sources: SourceText[] = [];
  for (const doc of run.documents) {
    if (!doc.doc.pages.some((p) => p.text.length > 0)) continue;
    const guid = stableGuid(`source:${doc.entry.file}:${doc.entry.year}`);
    // The same file and edition listed twice in the manifest is one source (GUIDs must be unique).
    if (sources.some((s) => s.guid === guid)) continue;
    sources.push({ doc, guid, ...sourceText(doc), units: new Map(doc.units.map((u) => [u.id, u])) });
  }
  const mentions = run.documents.flatMap((d) => d.mentions);
  const groups: { name: string; keys: string[]; of: (m: Mention) => string[] }[] = [
    { name: 'Kind', keys: ['priority', 'context', 'other_sense'], of: (m) => [m.kind] },
    { name: 'Sector', keys: sortSectors(mentions.flatMap((m) => m.sectors)), of: (m) => m.sectors },
    { name: 'Measure', keys: [...new Set(mentions.flatMap((m) => m.measures))].sort(), of: (m) => m.measures },
    { name: 'Target', keys: [...new Set(mentions.flatMap((m) => m.targets))].sort(), of: (m) => m.targets },
  ];
  const codeGuid = (group: string, key: string): string => stableGuid(`code:${group}:${key}`);
  const user = stableGuid('user:strategy-miner');

  const xml: string[] = [];
  xml.push('<?xml version="1.0" encoding="utf-8"?>');
  xml.push(`<Project xmlns="${QDA_NAMESPACE}" name="${attr(`strategy-miner: ${run.topic}`)}" origin="${attr(`strategy-miner ${run.toolVersion}`)}" creatingUserGUID="${user}">`);
  xml.push(`<Users><User guid="${user}" name="strategy-miner"/></Users>`);
  xml.push('<CodeBook><Codes>');
  for (const g of groups) {
    if (g.keys.length === 0) continue;
    xml.push(`<Code guid="${codeGuid(g.name, '')}" name="${attr(g.name)}" isCodable="false">`);
    for (const key of g.keys) {
      const color = g.name === 'Kind' ? ` color="${KIND_COLORS[key] ?? '#555555'}"` : '';
      const name = label(key, labels);
      xml.push(`<Code guid="${codeGuid(g.name, key)}" name="${attr(name)}" isCodable="true"${color}><Description>${text(`${g.name.toLowerCase()}: ${key}`)}</Description></Code>`);
    }
    xml.push('</Code>');
  }
  xml.push('</Codes></CodeBook>');

  const cities = new Map<string, SourceText[]>();
  for (const s of sources) cities.set(s.doc.entry.city.trim(), [...(cities.get(s.doc.entry.city.trim()) ?? []), s]);
  if (cities.size > 0) {
    xml.push('<Cases>');
    for (const [city, list] of cities) {
      xml.push(`<Case guid="${stableGuid(`case:${city}`)}" name="${attr(city)}">${list.map((s) => `<SourceRef targetGUID="${s.guid}"/>`).join('')}</Case>`);
    }
    xml.push('</Cases>');
  }

  const unlocated: string[] = [];
  if (sources.length > 0) {
    xml.push('<Sources>');
    for (const src of sources) {
      const d = src.doc;
      xml.push(`<TextSource guid="${src.guid}" name="${attr(d.entry.file)}" plainTextPath="internal://${src.guid}.txt" creatingUser="${user}">`);
      xml.push(`<Description>${text(`${d.entry.city.trim()} ${d.entry.country}; ${d.entry.title}; ${d.entry.year}; status ${d.doc.status}`)}</Description>`);
      const toCodePoints = codePointCounter(src.text);
      d.mentions.forEach((m, i) => {
        const range = unitRange(src, m);
        if (!range) {
          unlocated.push(`${m.file} ${locatorText(m.page, m.locator)} ${m.unitId}`);
          return;
        }
        const [a, b] = range.map(toCodePoints) as [number, number];
        const name = `${m.kind}: ${m.terms.join(', ')} (${locatorText(m.page, m.locator)})`;
        xml.push(`<PlainTextSelection guid="${stableGuid(`sel:${m.unitId}:${m.start}:${i}`)}" name="${attr(name)}" startPosition="${a}" endPosition="${b}" creatingUser="${user}">`);
        xml.push(`<Description>${text(`rules: ${m.ruleIds.join(', ')}; terms: ${m.terms.join(', ')}; unit ${m.unitId}${m.ocr ? '; OCR' : ''}`)}</Description>`);
        for (const g of groups) {
          for (const key of g.of(m)) {
            xml.push(`<Coding guid="${stableGuid(`coding:${m.unitId}:${m.start}:${i}:${g.name}:${key}`)}" creatingUser="${user}"><CodeRef targetGUID="${codeGuid(g.name, key)}"/></Coding>`);
          }
        }
        xml.push('</PlainTextSelection>');
      });
      xml.push('</TextSource>');
    }
    xml.push('</Sources>');
  }
  const skipped = run.documents.filter((d) => !sources.some((s) => s.doc === d)).map((d) => `${d.entry.file} (${d.doc.status})`);
  const notes = [
    `Made by strategy-miner ${run.toolVersion} from ${run.documents.length} document(s).`,
    skipped.length > 0 ? `Documents without readable text, not included: ${skipped.join(', ')}.` : '',
    unlocated.length > 0 ? `Mentions that could not be located in their source text: ${unlocated.join('; ')}.` : '',
  ].filter(Boolean);
  xml.push(`<Description>${text(notes.join(' '))}</Description>`);
  xml.push('</Project>');

  return deterministicZip([
    { name: 'project.qde', data: xml.join('\n') + '\n' },
    ...sources.map((s) => ({ name: `sources/${s.guid}.txt`, data: s.text })),
  ]);
}

/** Maps a UTF-16 offset to a code-point offset (identity when the text has no surrogates). */
function codePointCounter(s: string): (offset: number) => number {
  if (!/[\uD800-\uDFFF]/.test(s)) return (offset) => offset;
  return (offset) => Array.from(s.slice(0, offset)).length;
}

function text(s: string): string {
  return xmlChars(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function attr(s: string): string {
  return text(s).replace(/"/g, '&quot;').replace(/\n/g, '&#10;');
}
