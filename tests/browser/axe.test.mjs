// axe-core in headless Chromium on the pages auditors look at (issue 7 item 6): zero violations of
// WCAG 2.0/2.1 A and AA, in the light scheme and (the stylesheet offers one) the dark scheme.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { serveSite, launchBrowser, readProjects, siteDir } from './support.mjs';

const require = createRequire(import.meta.url);
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

let server;
let browser;
let pages;

before(async () => {
  server = await serveSite();
  browser = await launchBrowser();
  const project = readProjects().find((p) => p.tiers.length > 0);
  const replies = fs.readFileSync(path.join(siteDir(), 'replies', 'index.html'), 'utf8');
  const reply = replies.match(/href="(\/replies\/[a-z0-9-]+\/)"/);
  assert.ok(reply, '/replies/ links a reply');
  pages = [
    { url: '/', dark: true },
    { url: '/cities/changzhi/' },
    { url: `/projects/${project.id}/`, dark: true },
    { url: '/notices/jinminhan-2023-169/' },
    { url: reply[1] },
    // The filter applied by the script: wait until it has run.
    { url: '/projects/?tier=excellent', ready: '#filter-selected:not([hidden])', dark: true },
    { url: '/search/' },
    { url: '/progress/2023/', dark: true },
  ];
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function audit(page, url, ready) {
  const res = await page.goto(server.url + url);
  assert.equal(res.status(), 200, url);
  if (ready) await page.waitForSelector(ready);
  await page.evaluate(axeSource);
  const result = await page.evaluate((runTags) => window.axe.run(document, {
    runOnly: { type: 'tag', values: runTags },
    resultTypes: ['violations'],
  }), tags);
  return result.violations.map((v) => `${url}: ${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

// Every page in the light scheme; in the dark scheme (colours only) the pages with the most kinds of colour.
for (const scheme of ['light', 'dark']) {
  test(`axe-core finds no WCAG 2.1 A/AA violations (${scheme} scheme)`, async () => {
    const page = await browser.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    const violations = [];
    let audited = 0;
    const audit_pages = scheme === 'light' ? pages : pages.filter((p) => p.dark);
    for (const p of audit_pages) {
      violations.push(...await audit(page, p.url, p.ready));
      audited++;
    }
    assert.equal(audited, audit_pages.length);
    assert.ok(audited >= 3);
    assert.deepEqual(violations, []);
    await page.close();
  });
}

test('axe-core is really running (it finds a planted violation)', async () => {
  const page = await browser.newPage();
  await page.goto(server.url + '/');
  await page.evaluate(() => { const i = document.createElement('img'); i.src = '/nothing.png'; document.querySelector('main').append(i); });
  await page.evaluate(axeSource);
  const ids = await page.evaluate((runTags) => window.axe.run(document, { runOnly: { type: 'tag', values: runTags } })
    .then((r) => r.violations.map((v) => v.id)), tags);
  assert.ok(ids.includes('image-alt'), `planted <img> without alt reported: ${ids}`);
  await page.close();
});
