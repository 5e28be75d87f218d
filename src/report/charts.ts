// Charts of a run, as SVG made without a browser: a territory × sector heatmap and the
// priorities of each country by sector. The specifications are Vega-Lite, compiled by
// `vega-lite` and drawn by `vega`'s headless View (renderer 'none', toSVG), so the same
// pictures go inline into table5.html and into .svg files beside it.
// vega is loaded on first use: the commands that draw no chart do not pay for it.
import type { CityRow } from '../records.js';
import { label, sortSectors, type Labels } from './labels.js';

export interface Chart {
  /** File name in the output folder. */
  file: string;
  title: string;
  /** What the chart counts, in one sentence (the figure's caption). */
  caption: string;
  svg: string;
}

/** One cell of the territory × sector matrix: how many priorities of the territory name the sector. */
export interface SectorCount {
  territory: string;
  country: string;
  sector: string;
  sectorLabel: string;
  priorities: number;
}

/** The chart files a run writes (with the html format). */
export const CHART_FILES = ['chart-territory-sector.svg', 'chart-country-sector.svg'] as const;

/**
 * Territory × sector counts: for each row with priorities, the number of its priorities that
 * name each sector (a priority with two sectors counts in both).
 */
export function sectorCounts(rows: readonly CityRow[], labels?: Labels): SectorCount[] {
  const out: SectorCount[] = [];
  for (const r of rows) {
    const counts = new Map<string, number>();
    for (const p of r.priorities) for (const s of p.sectors) counts.set(s, (counts.get(s) ?? 0) + 1);
    for (const s of sortSectors(counts.keys())) {
      out.push({ territory: territoryLabel(r), country: r.country || 'other', sector: s, sectorLabel: label(s, labels), priorities: counts.get(s)! });
    }
  }
  return out;
}

/** A row as the charts name it: «Сочи (RU)», unique even when two countries share a name. */
export function territoryLabel(r: Pick<CityRow, 'city' | 'country'>): string {
  return `${r.city.trim()} (${r.country || 'other'})`;
}

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif';

/** The Vega-Lite specification of the territory × sector heatmap. */
export function heatmapSpec(rows: readonly CityRow[], labels?: Labels): Record<string, unknown> {
  const data = sectorCounts(rows, labels);
  const sectorOrder = sortSectors(data.map((d) => d.sector)).map((s) => label(s, labels));
  // White numbers on the darker half of the colour scale.
  const dark = Math.max(1, ...data.map((d) => d.priorities)) / 2;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config: { font: FONT, view: { stroke: null }, axis: { labelFontSize: 11, titleFontSize: 12 } },
    data: { values: data },
    width: { step: 26 },
    height: { step: 20 },
    layer: [
      {
        mark: { type: 'rect', stroke: '#ffffff', strokeWidth: 1 },
        encoding: {
          color: { field: 'priorities', type: 'quantitative', title: 'priorities', scale: { scheme: 'blues', domainMin: 0 }, legend: { format: 'd', tickMinStep: 1 } },
        },
      },
      {
        mark: { type: 'text', fontSize: 10 },
        encoding: {
          text: { field: 'priorities', type: 'quantitative' },
          color: { condition: { test: `datum.priorities >= ${dark}`, value: '#ffffff' }, value: '#1d2327' },
        },
      },
    ],
    encoding: {
      x: { field: 'sectorLabel', type: 'nominal', title: 'sector', sort: sectorOrder, axis: { labelAngle: -40, labelLimit: 220 } },
      // Every territory with priorities, in the table's order (country, then manifest).
      y: { field: 'territory', type: 'nominal', title: null, sort: rows.filter((r) => r.priorities.length > 0).map(territoryLabel), axis: { labelLimit: 220 } },
    },
  };
}

/** The Vega-Lite specification of the priorities of each country by sector. */
export function countrySectorSpec(rows: readonly CityRow[], labels?: Labels): Record<string, unknown> {
  const byCell = new Map<string, { country: string; sector: string; sectorLabel: string; priorities: number; territories: number }>();
  for (const d of sectorCounts(rows, labels)) {
    const key = `${d.country}\u0000${d.sector}`;
    const cell = byCell.get(key) ?? { country: d.country, sector: d.sector, sectorLabel: d.sectorLabel, priorities: 0, territories: 0 };
    cell.priorities += d.priorities;
    cell.territories += 1;
    byCell.set(key, cell);
  }
  const data = [...byCell.values()];
  const sectorOrder = sortSectors(data.map((d) => d.sector)).map((s) => label(s, labels));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config: { font: FONT, view: { stroke: null }, axis: { labelFontSize: 11, titleFontSize: 12 } },
    data: { values: data },
    mark: { type: 'bar' },
    width: { step: 12 },
    height: 180,
    encoding: {
      x: { field: 'sectorLabel', type: 'nominal', title: 'sector', sort: sectorOrder, axis: { labelAngle: -40, labelLimit: 220 } },
      xOffset: { field: 'country', type: 'nominal', sort: ['RU', 'KZ', 'other'] },
      y: { field: 'priorities', type: 'quantitative', title: 'priorities', axis: { tickMinStep: 1 } },
      color: { field: 'country', type: 'nominal', title: 'country', sort: ['RU', 'KZ', 'other'], scale: { range: ['#0b5cad', '#d08a00', '#7a868f'] } },
    },
  };
}

/** Draws a Vega-Lite specification as an SVG document, without a browser. */
export async function renderSvg(spec: Record<string, unknown>): Promise<string> {
  const [vega, vegaLite] = await Promise.all([import('vega'), import('vega-lite')]);
  const compiled = vegaLite.compile(spec as unknown as Parameters<typeof vegaLite.compile>[0]).spec;
  // A loader that refuses every URL: the data are inline, and a chart must never fetch.
  const loader = vega.loader({ mode: 'file', baseURL: '/nonexistent/' });
  loader.load = () => Promise.reject(new Error('charts load no data from outside'));
  const view = new vega.View(vega.parse(compiled), { renderer: 'none', loader });
  try {
    // vega numbers gradients across the process (gradient_0, gradient_1, …): number them per
    // drawing, so that the same run gives the same file.
    const svg = await view.toSVG();
    const ids = new Map<string, string>();
    return svg.replace(/gradient_\d+/g, (id) => {
      if (!ids.has(id)) ids.set(id, `gradient_${ids.size}`);
      return ids.get(id)!;
    });
  } finally {
    view.finalize();
  }
}

/** Both charts of a run, drawn (empty axes when no territory has a priority with a sector). */
export async function runCharts(rows: readonly CityRow[], labels?: Labels): Promise<Chart[]> {
  const territories = rows.filter((r) => r.priorities.length > 0).length;
  return [
    {
      file: CHART_FILES[0],
      title: 'Priorities by territory and sector',
      caption: `Each cell: how many of the territory's priorities name the sector (${territories} territories with priorities; a priority with two sectors counts in both).`,
      svg: await renderSvg(heatmapSpec(rows, labels)),
    },
    {
      file: CHART_FILES[1],
      title: 'Priorities by country and sector',
      caption: 'Each bar: how many priorities of the territories of one country name the sector.',
      svg: await renderSvg(countrySectorSpec(rows, labels)),
    },
  ];
}

/**
 * An SVG document as an element inside HTML: without its XML namespace declarations (the
 * HTML parser puts <svg> into the SVG namespace itself), its ids prefixed with the file's name
 * (two charts in one page both call their gradient «gradient_0»), with a label for screen readers.
 */
export function inlineSvg(chart: Chart): string {
  const prefix = chart.file.replace(/\.svg$/, '');
  return chart.svg
    .replace(/\bid="([^"]+)"/g, `id="${prefix}-$1"`)
    .replace(/url\(#([^)]+)\)/g, `url(#${prefix}-$1)`)
    .replace(/\s+xmlns(?::xlink)?="[^"]*"/g, '')
    .replace(/^<svg([^>]*)>/, (_, attrs: string) => `<svg${attrs} role="img" aria-label="${chart.title.replace(/"/g, '&quot;')}">`);
}
