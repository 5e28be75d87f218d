// Takes the README's screenshots of the HTML report of a real run (default output/table5.html)
// in Debian's Chromium, at desktop width and, when a third path is given, at a phone's 390 px:
// `make screenshot` after `make run` (which also copies the run's chart to docs/).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const CHROMIUM = '/usr/bin/chromium';
const report = resolve(process.argv[2] ?? 'output/table5.html');
const target = resolve(process.argv[3] ?? 'docs/report-screenshot.png');
const phone = process.argv[4] ? resolve(process.argv[4]) : undefined;

if (!existsSync(CHROMIUM)) {
  console.error(`${CHROMIUM} not found: apt-get install -y chromium (scripts/system-deps.sh does it)`);
  process.exit(2);
}
if (!existsSync(report)) {
  console.error(`${report} not found: run "make run" first`);
  process.exit(2);
}
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(pathToFileURL(report).href);
  await page.screenshot({ path: target, fullPage: false });
  console.log(`wrote ${target}`);
  if (phone) {
    const small = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await small.goto(pathToFileURL(report).href);
    await small.screenshot({ path: phone, fullPage: false });
    console.log(`wrote ${phone}`);
  }
} finally {
  await browser.close();
}
