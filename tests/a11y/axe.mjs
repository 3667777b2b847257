// Checks HTML pages for WCAG 2.0, 2.1 and 2.2 A/AA violations with axe-core in headless
// Chromium (Debian's /usr/bin/chromium, or CHROMIUM=path; playwright-core never downloads a
// browser here). Usage: node tests/a11y/axe.mjs PAGE.html...
// Prints every violation with its nodes (and a review pack wider than a 1280 px screen);
// exits 0 when there are none, 1 when there are, 2 on bad usage and 3 when the browser cannot
// be started.
import { chromium } from 'playwright-core';
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const axePath = require.resolve('axe-core/axe.min.js');
const pages = process.argv.slice(2);
if (pages.length === 0) {
  console.error('usage: node tests/a11y/axe.mjs PAGE.html...');
  process.exit(2);
}

const profile = mkdtempSync(join(tmpdir(), 'concord-axe-'));
let context;
try {
  context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
} catch (e) {
  console.error(`cannot start chromium: ${e.message}`);
  rmSync(profile, { recursive: true, force: true });
  process.exit(3);
}

let violations = 0;
try {
  for (const file of pages) {
    const page = await context.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(pathToFileURL(resolve(file)).href);
    // A review pack reads on a 1280 px screen without scrolling sideways (issue 15: the
    // comparison of five councils did not).
    if (file.includes('pack')) {
      const wide = await page.evaluate(() => document.documentElement.scrollWidth);
      if (wide > 1280) {
        violations += 1;
        console.log(`${file}: horizontal-scroll: the page is ${wide} px wide at 1280 px`);
      }
    }
    await page.addScriptTag({ path: axePath });
    const result = await page.evaluate(async () =>
      // eslint-disable-next-line no-undef
      await axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
      }));
    for (const v of result.violations) {
      violations += 1;
      console.log(`${file}: ${v.id} (${v.impact}): ${v.help}`);
      for (const n of v.nodes.slice(0, 5)) {
        console.log(`  ${n.target.join(' ')}: ${n.failureSummary.replace(/\n/g, ' ')}`);
      }
    }
    console.log(`${file}: ${result.passes.length} rules passed, ${result.violations.length} violated`);
    await page.close();
  }
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
process.exit(violations === 0 ? 0 : 1);
