// table5.html: self-contained (no network, no external assets) and usable in a real browser.
// The browser part drives Debian's chromium with playwright-core: open the report, filter by
// country and by sector, follow an evidence link, and take a screenshot (into a temp folder:
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
import { evidenceAnchor, highlight, reportHtml } from '../../src/report/html.js';
import type { Mention } from '../../src/records.js';
import { FIXTURE_LABELS, fixtureDocuments, fixtureRun } from '../fixtures/runs/corpus.js';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);

const run = fixtureRun(buildCityRows(fixtureDocuments()));
const html = reportHtml(run, FIXTURE_LABELS);

describe('table5.html as text', () => {
  it('is self-contained: no external scripts, styles, images, fonts or links', () => {
    expect(html).not.toMatch(/<(script|img|iframe|link)[^>]+(src|href)=/i);
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/@import|url\(/);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'"`);
  });

  it('links every priority evidence location to a card that exists', () => {
    const targets = [...html.matchAll(/<a class="evidence" href="#([^"]+)"/g)].map((m) => m[1]);
    const priorities = run.rows.flatMap((r) => r.priorities.flatMap((p) => p.evidence));
    expect(targets).toHaveLength(priorities.length);
    for (const t of targets) expect(html).toContain(`<article class="mention" id="${t}"`);
    expect(targets).toContain(evidenceAnchor('samara_2030.pdf#p2b0u0'));
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

  it('filters by country, sector and kind, follows an evidence link, and makes no network request', async () => {
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const requests: string[] = [];
      page.on('request', (r) => {
        if (!r.url().startsWith('file:')) requests.push(r.url());
      });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(pathToFileURL(file).href);

      const visibleCities = () => page.$$eval('tr.city:not([hidden]) th', (ths) => ths.map((th) => th.firstChild?.textContent?.trim() ?? ''));
      expect(await visibleCities()).toEqual(['Казань', 'Уфа', 'Омск', 'Самара', 'Челябинск', 'Нижний Новгород', 'Алматы', 'Астана']);

      await page.selectOption('#f-country', 'KZ');
      expect(await visibleCities()).toEqual(['Алматы', 'Астана']);
      expect(await page.textContent('#shown')).toBe('2 cities, 5 mentions shown');

      await page.selectOption('#f-country', '');
      await page.selectOption('#f-sector', 'tourism');
      expect(await visibleCities()).toEqual(['Казань', 'Алматы']);
      // inside Казань only the tourism priority stays visible
      expect(await page.$$eval('tr.city:not([hidden]) li.priority:not([hidden])', (lis) => lis.length)).toBe(2);

      await page.selectOption('#f-sector', '');
      await page.selectOption('#f-kind', 'other_sense');
      const kinds = await page.$$eval('article.mention:not([hidden])', (as) => as.map((a) => a.getAttribute('data-kinds')?.trim()));
      expect(kinds).toEqual(['other_sense', 'other_sense', 'other_sense', 'other_sense']);

      // The Самара evidence card is hidden by the kind filter; following the link reveals it.
      const anchor = evidenceAnchor('samara_2030.pdf#p2b0u0');
      await page.click(`a.evidence[href="#${anchor}"]`);
      await page.waitForFunction((id) => location.hash === `#${id}` && !document.getElementById(id)?.hidden, anchor);
      const card = page.locator(`#${anchor}`);
      expect(await card.isVisible()).toBe(true);
      expect(await card.locator('mark.sentence').textContent()).toBe('Поддержка аэрокосмического кластера и развитие кооперации предприятий с вузами.');
      expect(await card.locator('b.term').textContent()).toBe('кластера');
      expect(await card.locator('header').textContent()).toContain('samara_2030.pdf p. 2 · OCR');
      expect(await page.$$eval(':target', (els) => els.map((e) => e.id))).toEqual([anchor]);

      expect(await page.locator('#unreadable li').allTextContents()).toHaveLength(3);
      expect(errors).toEqual([]);
      expect(requests).toEqual([]);

      // A screenshot of the table with the filters off, scrolled to the top.
      const screenshot = join(dir, 'report.png');
      await page.selectOption('#f-kind', '');
      await page.evaluate(() => {
        history.replaceState(null, '', location.pathname);
        window.scrollTo(0, 0);
      });
      await page.screenshot({ path: screenshot, fullPage: false });
      expect((await stat(screenshot)).size).toBeGreaterThan(10_000);
    } finally {
      await browser.close();
    }
  }, 60_000);
});

if (!hasChromium) console.warn(`table5.html browser test SKIPPED: ${CHROMIUM} not found (apt-get install -y chromium, or scripts/system-deps.sh)`);
