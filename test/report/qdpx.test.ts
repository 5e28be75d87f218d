// strategy-miner.qdpx read back: the zip structure of a REFI-QDA project, project.qde checked
// against the schema's rules for the elements it uses (xmllint with
// test/fixtures/runs/refi-qda-project-subset.xsd when xmllint is installed), and every coded
// segment pointing at exactly the sentence its mention came from.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { buildCityRows } from '../../src/aggregate/index.js';
import { qdpxBuffer, stableGuid } from '../../src/report/qdpx.js';
import { FIXTURE_LABELS, fixtureDocuments, fixtureRun } from '../fixtures/runs/corpus.js';

const SCHEMA = join(import.meta.dirname, '../fixtures/runs/refi-qda-project-subset.xsd');
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const hasXmllint = spawnSync('xmllint', ['--version']).status === 0;

function attrs(tag: string): Record<string, string> {
  return Object.fromEntries([...tag.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1] as string, m[2] as string]));
}
const unescape = (s: string): string => s.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

describe('strategy-miner.qdpx', async () => {
  const run = fixtureRun(buildCityRows(fixtureDocuments()), { formats: ['qdpx'] });
  const zip = await JSZip.loadAsync(await qdpxBuffer(run, FIXTURE_LABELS));
  const qde = (await zip.file('project.qde')?.async('string')) ?? '';

  it('is a zip with project.qde and one sources/<guid>.txt per readable document', () => {
    const names = Object.keys(zip.files).filter((n) => !zip.files[n]?.dir);
    expect(names).toContain('project.qde');
    const sources = names.filter((n) => n.startsWith('sources/'));
    // 9 documents: Челябинск (needs OCR) and the corrupt annex have no text
    expect(sources).toHaveLength(7);
    for (const s of sources) expect(s).toMatch(/^sources\/[0-9a-f-]{36}\.txt$/);
    expect(qde).toContain('Documents without readable text, not included: chelyabinsk_2035.pdf (needs_ocr), nnovgorod_2030_annex.pdf (corrupt).');
  });

  it.skipIf(!hasXmllint)('validates against the REFI-QDA project schema (subset used by the export) with xmllint', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sm-qdpx-'));
    await writeFile(join(dir, 'project.qde'), qde);
    const out = execFileSync('xmllint', ['--noout', '--schema', SCHEMA, join(dir, 'project.qde')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(out).toBe('');
    await rm(dir, { recursive: true, force: true });
  });
  if (!hasXmllint) console.warn('qdpx schema validation skipped: xmllint (Debian libxml2-utils) is not installed');

  it('has unique GUIDs and every CodeRef and SourceRef resolves', () => {
    const guids = [...qde.matchAll(/ guid="([^"]+)"/g)].map((m) => m[1] as string);
    // the user GUID appears once as <User guid>; everything else is unique
    expect(new Set(guids).size).toBe(guids.length);
    for (const g of guids) expect(g).toMatch(GUID);
    const codes = new Set([...qde.matchAll(/<Code guid="([^"]+)"/g)].map((m) => m[1]));
    const refs = [...qde.matchAll(/<CodeRef targetGUID="([^"]+)"/g)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThan(0);
    for (const r of refs) expect(codes.has(r)).toBe(true);
    const sources = new Set([...qde.matchAll(/<TextSource guid="([^"]+)"/g)].map((m) => m[1]));
    for (const m of qde.matchAll(/<SourceRef targetGUID="([^"]+)"/g)) expect(sources.has(m[1])).toBe(true);
    expect(qde).toContain('<Case guid="' + stableGuid('case:Алматы') + '" name="Алматы">');
  });

  it('codes every mention as a segment over its own sentence, with kind, sector and measure codes', async () => {
    const codeName = new Map([...qde.matchAll(/<Code guid="([^"]+)" name="([^"]+)"/g)].map((m) => [m[1] as string, unescape(m[2] as string)]));
    const segments: { text: string; codes: string[]; name: string }[] = [];
    for (const src of qde.matchAll(/<TextSource ([^>]+)>([\s\S]*?)<\/TextSource>/g)) {
      const a = attrs(src[1] as string);
      const path = (a.plainTextPath ?? '').replace('internal://', 'sources/');
      const body = Array.from((await zip.file(path)?.async('string')) ?? '');
      for (const sel of (src[2] as string).matchAll(/<PlainTextSelection ([^>]+)>([\s\S]*?)<\/PlainTextSelection>/g)) {
        const s = attrs(sel[1] as string);
        const start = Number(s.startPosition);
        const end = Number(s.endPosition);
        expect(start).toBeGreaterThanOrEqual(0);
        expect(end).toBeLessThanOrEqual(body.length);
        const codes = [...(sel[2] as string).matchAll(/<CodeRef targetGUID="([^"]+)"/g)].map((m) => codeName.get(m[1] as string) ?? '?');
        segments.push({ text: body.slice(start, end).join(''), codes, name: unescape(s.name ?? '') });
      }
    }
    const mentions = run.documents.flatMap((d) => d.mentions);
    expect(segments).toHaveLength(mentions.length);
    expect(segments.map((s) => s.text).sort()).toEqual(mentions.map((m) => m.text).sort());
    const it = segments.find((s) => s.text.startsWith('формирование кластера информационных технологий'));
    expect(it?.codes.sort()).toEqual(['priority', 'ИТ и цифровая экономика', 'Инфраструктура коллективного пользования', 'Финансовая поддержка', 'Цифровые компетенции'].sort());
    const trap = segments.find((s) => s.text.includes('вычислительном кластере'));
    expect(trap?.codes).toEqual(['other_sense']);
    expect(trap?.name).toBe('other_sense: кластере (p. 1)');
  });
});
