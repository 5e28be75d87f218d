// table5.html: self-contained (no network, no external assets) and usable in a real browser.
// The browser part drives Debian's chromium with playwright-core: open the report, filter by
// country and by sector, search, follow an evidence link into its fold and back to its row,
// check the charts and the layout at 390 px, and take screenshots (into a temp folder:
// the README's picture of the real corpus is made by `make screenshot`). Without
// /usr/bin/chromium that part is skipped, loudly.
import { existsSync } from 'node:fs';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCityRows } from '../../src/aggregate/index.js';
import { runCharts } from '../../src/report/charts.js';
import { evidenceAnchor, highlight, MAX_EVIDENCE_LINKS, priorityAnchor, reportHtml, rowAnchor } from '../../src/report/html.js';
import type { Mention } from '../../src/records.js';
import { buildDocument } from '../fixtures/runs/build.js';
import { FIXTURE_LABELS, fixtureDocuments, fixtureRun } from '../fixtures/runs/corpus.js';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);

const run = fixtureRun(buildCityRows(fixtureDocuments()));
// With the charts, as writeReports makes it: their inline SVG must be as self-contained.
const html = reportHtml(run, FIXTURE_LABELS, await runCharts(run.rows, FIXTURE_LABELS));

describe('table5.html as text', () => {
  it('is self-contained: no external scripts, styles, images, fonts or links', () => {
    expect(html).not.toMatch(/<(script|img|iframe|link)[^>]+(src|href)=/i);
    expect(html).not.toMatch(/https?:\/\//);
    // url(#…) inside the charts points at their own gradients, not outside
    expect(html).not.toMatch(/@import|url\((?!#chart-)/);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'"`);
  });

  it('links every priority evidence location to a card that exists', () => {
    const targets = [...html.matchAll(/<a class="evidence" href="#([^"]+)"/g)].map((m) => m[1]);
    const priorities = run.rows.flatMap((r) => r.priorities.flatMap((p) => p.evidence.slice(0, MAX_EVIDENCE_LINKS)));
    expect(targets).toHaveLength(priorities.length);
    // every place of every priority has its card
    for (const e of run.rows.flatMap((r) => r.priorities.flatMap((p) => p.evidence))) expect(html).toContain(`<article class="mention" id="${evidenceAnchor(e.unitId)}"`);
    for (const t of targets) expect(html).toContain(`<article class="mention" id="${t}"`);
    expect(targets).toContain(evidenceAnchor('samara_2030.pdf#p2b0u0'));
  });

  it('a priority stated on eight pages shows five links, lists the other pages, and folds all eight cards', () => {
    // A sentence of our own, repeated as a long strategy repeats its main priority.
    const sentence = 'Развитие туристско-рекреационного кластера в предгорной зоне.';
    const doc = buildDocument({
      file: 'long_strategy.pdf', city: 'Белокуриха', country: 'RU', language: 'ru', title: 'Стратегия', year: '2030',
      pages: Array.from({ length: 8 }, () => ({ blocks: [{ kind: 'list_item' as const, units: [{ text: sentence, mention: { kind: 'priority' as const, sectors: ['tourism'] } }] }] })),
    });
    const rows = buildCityRows([doc]);
    expect(rows[0]!.priorities).toHaveLength(1);
    const page = reportHtml({ ...fixtureRun(rows), documents: [doc] }, FIXTURE_LABELS);
    expect(page.match(/<a class="evidence"/g)).toHaveLength(MAX_EVIDENCE_LINKS);
    expect(page).toContain('; 3 more: long_strategy.pdf p. 6, 7, 8');
    expect(page).toContain('<summary>8 evidence cards</summary>');
  });

  it('escapes text and highlights the matched word inside the sentence', () => {
    const m = { start: 11, end: 19 } as Mention;
    expect(highlight('Развитие «<кластера>» & ...', [m])).toBe('Развитие «&lt;<b class="term">кластера</b>&gt;» &amp; ...');
    expect(html).toContain('Обработка данных ведётся на вычислительном <b class="term">кластере</b> муниципального центра обработки данных.');
  });
});

describe.skipIf(!hasChromium)('table5.html in headless Chromium', () => {
  let dir: string;
  let file: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sm-html-'));
    file = join(dir, 'table5.html');
    await writeFile(file, html);
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it('filters, searches, follows an evidence link into its fold and back to its row, draws the charts, and makes no network request', async () => {
    const browser = await launch();
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const requests: string[] = [];
      page.on('request', (r) => {
        if (!r.url().startsWith('file:')) requests.push(r.url());
      });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(pathToFileURL(file).href);

      const visibleCities = () => page.$$eval('tr.city:not([hidden]) th .name', (els) => els.map((el) => el.textContent ?? ''));
      expect(await visibleCities()).toEqual(['Казань', 'Уфа', 'Омск', 'Самара', 'Челябинск', 'Нижний Новгород', 'Алматы', 'Астана']);
      // The territory's level and region come from the manifest row's name (fixture: «Казань»).
      expect(await page.locator('tr.city').first().locator('.level').textContent()).toBe('city, Республика Татарстан');
      expect(await page.locator('tr.city').last().locator('.level').textContent()).toBe('city of republican significance');
      // Evidence is folded when the page opens, and its cards are not yet elements.
      expect(await page.$$eval('details.fold[open]', (ds) => ds.length)).toBe(0);
      expect(await page.locator('article.mention').count()).toBe(0);

      await page.selectOption('#f-country', 'KZ');
      expect(await visibleCities()).toEqual(['Алматы', 'Астана']);
      expect(await page.textContent('#shown')).toBe('2 territories, 5 sentences shown');

      await page.selectOption('#f-country', '');
      await page.selectOption('#f-sector', 'tourism');
      expect(await visibleCities()).toEqual(['Казань', 'Алматы']);
      // inside Казань only the tourism priority stays visible
      expect(await page.$$eval('tr.city:not([hidden]) li.priority:not([hidden])', (lis) => lis.length)).toBe(2);

      await page.selectOption('#f-sector', '');
      await page.selectOption('#f-kind', 'other_sense');
      expect(await page.textContent('#shown')).toBe('8 territories, 4 sentences shown');
      // Opening the folds puts only the cards the filter lets through into the page.
      await page.evaluate(() => document.querySelectorAll('details.fold:not([hidden])').forEach((d) => { (d as HTMLDetailsElement).open = true; }));
      const kinds = await page.$$eval('article.mention', (as) => as.map((a) => a.getAttribute('data-kinds')?.trim()));
      expect(kinds).toEqual(['other_sense', 'other_sense', 'other_sense', 'other_sense']);

      // The Самара evidence card is hidden by the kind filter and folded; following the link
      // clears the filter and opens the fold.
      const anchor = evidenceAnchor('samara_2030.pdf#p2b0u0');
      await page.click(`a.evidence[href="#${anchor}"]`);
      await page.waitForFunction((id) => location.hash === `#${id}` && !document.getElementById(id)?.closest('[hidden]'), anchor);
      const card = page.locator(`#${anchor}`);
      expect(await card.isVisible()).toBe(true);
      expect(await card.locator('mark.sentence').textContent()).toBe('Поддержка аэрокосмического кластера и развитие кооперации предприятий с вузами.');
      expect(await card.locator('b.term').textContent()).toBe('кластера');
      expect(await card.locator('header').textContent()).toContain('samara_2030.pdf p. 2 · OCR');
      expect(await page.$$eval(':target', (els) => els.map((e) => e.id))).toEqual([anchor]);
      // …and back from the card to its priority, in Самара's row.
      const samara = run.rows.find((r) => r.city === 'Самара')!;
      await card.locator('a.back').click();
      await page.waitForFunction((id) => location.hash === `#${id}`, priorityAnchor(samara, 0));
      expect(await page.$$eval(':target', (els) => els.map((e) => e.closest('tr')?.id))).toEqual([rowAnchor(samara)]);

      // Search: Kazakh and Russian words of the sentences, case- and ё-insensitive.
      await page.fill('#f-search', 'АЭРОКОСМИЧЕСК');
      await page.waitForFunction(() => document.getElementById('shown')?.textContent === '1 territories, 1 sentences shown');
      expect(await visibleCities()).toEqual(['Самара']);
      expect(await page.$$eval('details.fold[open] article.mention', (as) => as.length)).toBe(1);
      await page.fill('#f-search', 'вычислительн');
      await page.waitForFunction(() => /^\d+ territories, 2 sentences shown$/.test(document.getElementById('shown')?.textContent ?? ''));
      await page.fill('#f-search', '');
      await page.waitForFunction(() => document.getElementById('shown')?.textContent?.startsWith('8 territories'));

      expect(await page.locator('#unreadable li').allTextContents()).toHaveLength(3);
      // Both charts are drawn inline, with their cells and bars.
      expect(await page.locator('#charts svg').count()).toBe(2);
      expect(await page.locator('#charts svg').first().locator('path, rect').count()).toBeGreaterThan(5);
      expect(errors).toEqual([]);
      expect(requests).toEqual([]);

      // Screenshots of the table with the filters off, and of the charts.
      await page.evaluate(() => {
        history.replaceState(null, '', location.pathname);
        window.scrollTo(0, 0);
      });
      const shot = join(dir, 'report.png');
      await page.screenshot({ path: shot, fullPage: false });
      expect((await stat(shot)).size).toBeGreaterThan(10_000);
      const chartShot = join(dir, 'charts.png');
      await page.locator('#charts').screenshot({ path: chartShot });
      // A chart drawn as blank would compress to almost nothing; cells, bars and labels do not.
      expect((await stat(chartShot)).size).toBeGreaterThan(15_000);
      expect(await fillColours(page, '#charts')).toBeGreaterThanOrEqual(5);
    } finally {
      await browser.close();
    }
  }, 90_000);

  it('fits a 390 px phone screen: no horizontal page overflow, the table becomes cards', async () => {
    const browser = await launch();
    try {
      const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
      await page.goto(pathToFileURL(file).href);
      const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
      expect(widths.scroll).toBeLessThanOrEqual(widths.client);
      // Each row is a block as wide as the screen allows, its priorities beneath the name.
      const box = await page.locator('tr.city').first().boundingBox();
      expect(box!.width).toBeLessThanOrEqual(390);
      expect(await page.locator('tr.city').first().evaluate((tr) => getComputedStyle(tr).display)).toBe('block');
      // Opened evidence and the charts keep within the page (the charts scroll in their own box).
      await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
      const open = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(open).toBeLessThanOrEqual(widths.client);
      const shot = join(dir, 'phone.png');
      await page.screenshot({ path: shot, fullPage: false });
      expect((await stat(shot)).size).toBeGreaterThan(10_000);
    } finally {
      await browser.close();
    }
  }, 60_000);
});

function launch() {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** How many distinct fill colours the charts use (a blank chart: white and none). */
async function fillColours(page: import('playwright-core').Page, selector: string): Promise<number> {
  return page.$$eval(`${selector} svg [fill]`, (els) => new Set(els.map((e) => e.getAttribute('fill'))).size);
}

if (!hasChromium) console.warn(`table5.html browser test SKIPPED: ${CHROMIUM} not found (apt-get install -y chromium, or scripts/system-deps.sh)`);
