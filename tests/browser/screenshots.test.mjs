// Screenshots of the pages people land on, at a phone's and a desktop's width (issue 4 "How we will check it"),
// saved to tests/artifacts/ (or $GONGSHI_ARTIFACTS) for a person to look at. What a machine can tell is
// asserted too: no page is wider than the screen (tables scroll inside their own box), the CJK font
// is the system one, nothing was requested from outside, and keyboard focus is visible.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveSite, launchBrowser, readProjects } from './support.mjs';

const artifacts = process.env.GONGSHI_ARTIFACTS ||
  path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'artifacts');

const viewports = [
  { name: '360', width: 360, height: 800 },
  { name: '1280', width: 1280, height: 800 },
];

let server;
let browser;
let pages;

before(async () => {
  fs.mkdirSync(artifacts, { recursive: true });
  server = await serveSite();
  browser = await launchBrowser();
  // A project with a rating, from the data (the first rated one in id order).
  const project = readProjects().find((p) => p.tiers.length > 0);
  pages = [
    { name: 'home', url: '/' },
    { name: 'city-changzhi', url: '/cities/changzhi/' },
    { name: 'project', url: `/projects/${project.id}/` },
    { name: 'notice-jinminhan-2023-169', url: '/notices/jinminhan-2023-169/' },
    // Checked for width, not photographed (a 6 000 px full-page shot costs more than it shows).
    { name: 'projects-filtered', url: '/projects/?year=2023&tier=excellent', noShot: true },
  ];
});

after(async () => {
  await browser?.close();
  await server?.close();
});

for (const vp of viewports) {
  test(`pages at ${vp.width}×${vp.height}: saved, no horizontal overflow, system CJK font`, async () => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: vp.width, height: vp.height });
    for (const p of pages) {
      const res = await page.goto(server.url + p.url);
      assert.equal(res.status(), 200, p.url);
      await page.evaluate(() => document.fonts.ready);
      if (!p.noShot) {
        const file = path.join(artifacts, `${p.name}-${vp.name}.png`);
        await page.screenshot({ path: file, fullPage: true });
        assert.ok(fs.statSync(file).size > 5000, `${file} written`);
      }

      // The page itself never scrolls sideways; wide tables scroll inside their wrapper.
      const overflow = await page.evaluate(() => {
        const width = document.documentElement.clientWidth;
        const wide = [...document.querySelectorAll('body *')]
          .filter((el) => !el.closest('.table-scroll, .body table, svg') && el.getBoundingClientRect().right > width + 1)
          .map((el) => `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}.${el.className}`.slice(0, 80));
        return { scrollWidth: document.documentElement.scrollWidth, width, wide: wide.slice(0, 5) };
      });
      assert.ok(overflow.scrollWidth <= overflow.width, `${p.url} at ${vp.width}px is ${overflow.scrollWidth}px wide: ${overflow.wide.join(', ')}`);

      // Header, breadcrumb and content line up on one left edge (a flex layout once centred the breadcrumb).
      const edges = await page.evaluate(() => ['.site-header .brand', '.breadcrumb ol', 'main h1']
        .map((sel) => document.querySelector(sel)).filter(Boolean).map((el) => Math.round(el.getBoundingClientRect().left)));
      assert.ok(edges.length >= 2 && edges.every((x) => Math.abs(x - edges[0]) <= 1), `${p.url} at ${vp.width}px: left edges ${edges}`);

      const font = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
      assert.match(font, /WenQuanYi Micro Hei|Noto Sans CJK SC|PingFang SC|Microsoft YaHei/, `${p.url}: CJK system font stack`);
      assert.doesNotMatch(font, /^serif$/);
    }
    await page.close();
  });
}

test('tables have captions and header scopes and scroll inside their box at 360 px', async () => {
  const page = await browser.newPage();
  await page.setViewportSize({ width: 360, height: 800 });
  for (const url of ['/cities/changzhi/', '/tasks/2023/', '/cities/', '/']) {
    await page.goto(server.url + url);
    const tables = await page.$$eval('main table', (ts) => ts.map((t) => ({
      caption: t.caption ? t.caption.textContent.trim() : '',
      unscoped: [...t.querySelectorAll('th')].filter((th) => !th.getAttribute('scope')).length,
      inBody: !!t.closest('.body'),
      wrapped: !!t.closest('.table-scroll'),
      wider: t.getBoundingClientRect().width > document.documentElement.clientWidth,
    })));
    assert.ok(tables.length > 0, `${url} has tables`);
    for (const t of tables) {
      if (t.inBody) continue; // tables transcribed from a document's Markdown body are the document's own
      assert.ok(t.caption, `${url}: every table has a caption`);
      assert.equal(t.unscoped, 0, `${url} "${t.caption}": every th has a scope`);
      if (t.wider) assert.ok(t.wrapped, `${url} "${t.caption}": a table wider than the screen is in a scroll box`);
    }
  }
  await page.close();
});

test('keyboard focus is visible and the skip link works', async () => {
  const page = await browser.newPage();
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(server.url + '/');
  await page.keyboard.press('Tab');
  const skip = await page.evaluate(() => {
    const el = document.activeElement;
    const s = getComputedStyle(el);
    const r = el.getBoundingClientRect();
    return { cls: el.className, top: r.top, bg: s.backgroundColor, outline: s.outlineStyle };
  });
  assert.equal(skip.cls, 'skip-link', 'the first Tab reaches the skip link');
  assert.ok(skip.top >= 0, 'the focused skip link is on screen');
  // The next Tab stops are header links: each looks different focused than at rest.
  for (let i = 0; i < 3; i++) {
    await page.keyboard.press('Tab');
    const looks = await page.evaluate(() => {
      const el = document.activeElement;
      const look = () => { const s = getComputedStyle(el); return [s.color, s.backgroundColor, s.outlineStyle, s.outlineWidth, s.boxShadow].join('|'); };
      const focused = look();
      el.blur();
      const rest = look();
      el.focus();
      return { tag: el.tagName, focused, rest };
    });
    assert.notEqual(looks.focused, looks.rest, `a focused ${looks.tag} looks different from a resting one`);
  }
  await page.close();
});

test('print keeps the record and drops navigation, search and filters', async () => {
  const page = await browser.newPage();
  await page.emulateMedia({ media: 'print' });
  await page.goto(server.url + '/cities/changzhi/');
  for (const sel of ['.site-header nav', '.site-search', '.breadcrumb']) assert.equal(await page.isVisible(sel), false, `${sel} hidden in print`);
  assert.equal(await page.isVisible('main h1'), true);
  await page.goto(server.url + '/projects/');
  await page.waitForSelector('#project-filter:not([hidden])', { state: 'attached' });
  assert.equal(await page.isVisible('#project-filter'), false, 'filter form hidden in print');
  assert.equal(await page.isVisible('#project-table'), true);
  await page.close();
});

test('no page asked for anything outside the site', () => {
  assert.deepEqual(browser.externalRequests, []);
});
