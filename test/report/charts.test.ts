// The charts of a run, drawn as SVG without a browser (vega-lite compiled, vega's headless
// View). Run: the hand-made run of test/fixtures/runs/corpus.ts (eight cities).
import { describe, expect, it } from 'vitest';
import { buildCityRows } from '../../src/aggregate/index.js';
import { heatmapSpec, inlineSvg, renderSvg, runCharts, sectorCounts } from '../../src/report/charts.js';
import { FIXTURE_LABELS, fixtureDocuments } from '../fixtures/runs/corpus.js';

const rows = buildCityRows(fixtureDocuments());
const charts = await runCharts(rows, FIXTURE_LABELS);

describe('charts', () => {
  it('counts each territory’s priorities per sector, as the table shows them', () => {
    const counts = sectorCounts(rows, FIXTURE_LABELS);
    for (const r of rows) {
      for (const s of r.sectors) {
        const cell = counts.find((c) => c.territory === `${r.city} (${r.country})` && c.sector === s);
        expect(cell?.priorities, `${r.city} ${s}`).toBe(r.priorities.filter((p) => p.sectors.includes(s)).length);
      }
    }
    // territories without priorities have no cells
    expect(counts.some((c) => c.territory.startsWith('Уфа'))).toBe(false);
  });

  it('draws the heatmap and the country chart as SVG with the territories and sector labels', () => {
    expect(charts.map((c) => c.file)).toEqual(['chart-territory-sector.svg', 'chart-country-sector.svg']);
    const [heatmap, bars] = charts;
    expect(heatmap!.svg.startsWith('<svg')).toBe(true);
    for (const name of ['Казань (RU)', 'Самара (RU)', 'Алматы (KZ)', 'Астана (KZ)']) expect(heatmap!.svg).toContain(name);
    expect(heatmap!.svg).toContain(FIXTURE_LABELS.tourism!);
    expect(bars!.svg).toContain('KZ');
    expect(bars!.svg.match(/role-mark/g)?.length ?? 0).toBeGreaterThan(0);
  });

  it('is the same drawing every time (outputs are byte-identical between runs)', async () => {
    expect(await renderSvg(heatmapSpec(rows, FIXTURE_LABELS))).toBe(charts[0]!.svg);
  });

  it('goes inline without namespaces, with its ids prefixed', () => {
    const inline = inlineSvg(charts[0]!);
    expect(inline).not.toContain('xmlns');
    expect(inline).toMatch(/^<svg[^>]* role="img" aria-label="Priorities by territory and sector">/);
    for (const m of inline.matchAll(/url\(#([^)]+)\)/g)) expect(inline).toContain(`id="${m[1]}"`);
  });
});
