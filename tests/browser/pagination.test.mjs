// Lists at any size (issue 19, DESIGN.md "Pages at any size"), on a site of 3 000 synthetic projects
// (GONGSHI_PAGINATION_SITE, made by tests/browser/pagination_site.sh): paging through a long list (next, previous,
// last, a deep link to page N), the filter's path without JavaScript (links to the lists' parts) and with it (the
// rows of only the parts it needs, never a file of the whole dataset), html-validate and axe on the new pages —
// and on the real site (GONGSHI_SITE), no pager anywhere. Expected rows come from the site's own open data.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { HtmlValidate } from 'html-validate';
import { serveSite, launchBrowser, readProjects, expectedProjects, siteDir, walk } from './support.mjs';

const PAGE_SIZE = 200;
const require = createRequire(import.meta.url);
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

function paginationSite() {
  const dir = process.env.GONGSHI_PAGINATION_SITE;
  if (!dir || !fs.existsSync(path.join(dir, 'index.html'))) throw new Error('GONGSHI_PAGINATION_SITE is not a built site');
  return path.resolve(dir);
}

let server;
let browser;
let page;
let projects;
let ratings;

before(async () => {
  const root = paginationSite();
  projects = readProjects(root);
  ratings = JSON.parse(fs.readFileSync(path.join(root, 'data', 'ratings.json'), 'utf8')).records;
  server = await serveSite(root);
  browser = await launchBrowser();
  page = await browser.newPage();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const grouped = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
const pathOf = (href) => new URL(href).pathname;

// The (year, tier) list with the most ratings: several pages.
function longestList() {
  const counts = new Map();
  for (const r of ratings) {
    const key = `${r.program_year}/${r.tier}`;
    counts.set(key, (counts.get(key) || 0) + 1);
  }
  const [key, n] = [...counts].sort((a, b) => b[1] - a[1])[0];
  const [year, tier] = key.split('/');
  return { year, tier, n, url: `/ratings/${year}/${tier}/` };
}

async function listedProjects(p) {
  return p.$$eval('main table tbody tr td a[href^="/projects/"]:not(.correction)', (as) => as.map((a) => new URL(a.href).pathname));
}

// The projects listed on a list's pages, following its "next" links from `url`.
async function listedOnAllPages(p, url) {
  const listed = [];
  for (let next = url; next;) {
    await p.goto(server.url + next);
    listed.push(...await listedProjects(p));
    next = await p.$eval('.pager a[rel=next]', (a) => a.getAttribute('href')).catch(() => null);
  }
  return listed;
}

async function pagerState(p) {
  return p.evaluate(() => ({
    status: document.querySelector('.pager-status')?.textContent.trim(),
    canonical: document.querySelector('link[rel=canonical]').href,
    next: document.querySelector('.pager a[rel=next]')?.getAttribute('href') ?? null,
    prev: document.querySelector('.pager a[rel=prev]')?.getAttribute('href') ?? null,
    current: document.querySelector('.pager a[aria-current=page]')?.textContent.trim(),
    items: document.querySelectorAll('.pager li').length,
  }));
}

test('the test site has lists of several pages', () => {
  const { n } = longestList();
  assert.ok(projects.length > PAGE_SIZE, 'more projects than one page');
  assert.ok(n > 3 * PAGE_SIZE, `the longest ratings list runs to four pages or more (${n})`);
});

test('paging through a long list: next, previous, last and a deep link to page N', async () => {
  const list = longestList();
  const pages = Math.ceil(list.n / PAGE_SIZE);
  const expected = ratings.filter((r) => r.program_year === list.year && r.tier === list.tier).map((r) => `/projects/${r.project_id}/`);

  const res = await page.goto(server.url + list.url);
  assert.equal(res.status(), 200);
  let s = await pagerState(page);
  assert.equal(s.status, `第 1 / ${pages} 页，共 ${grouped(list.n)} 条`);
  assert.equal(pathOf(s.canonical), list.url, 'page 1 is canonical at the list\'s own URL');
  assert.equal(s.prev, null);
  assert.equal(s.next, `${list.url}page/2/`);
  assert.equal(s.current, '1');
  assert.ok(s.items <= 11, `a windowed pager (${s.items} items)`);
  const seen = [...await listedProjects(page)];
  assert.equal(seen.length, PAGE_SIZE);

  // Next, page by page to the end, collecting the rows.
  for (let n = 2; n <= pages; n++) {
    await Promise.all([page.waitForURL(`**${list.url}page/${n}/`), page.click('.pager a[rel=next]')]);
    s = await pagerState(page);
    assert.equal(s.status, `第 ${n} / ${pages} 页，共 ${grouped(list.n)} 条`);
    assert.equal(pathOf(s.canonical), `${list.url}page/${n}/`, 'each page is its own canonical URL');
    assert.equal(s.current, String(n));
    const rows = await listedProjects(page);
    assert.equal(rows.length, n < pages ? PAGE_SIZE : list.n - PAGE_SIZE * (pages - 1));
    seen.push(...rows);
  }
  assert.equal(s.next, null, 'no next on the last page');
  // Every rating of the list is on exactly one page.
  assert.deepEqual([...seen].sort(), [...expected].sort());

  // Previous from the last page, then previous again down to page 1 at the list's own URL.
  await Promise.all([page.waitForURL(`**${list.url}page/${pages - 1}/`), page.click('.pager a[rel=prev]')]);
  assert.equal((await pagerState(page)).current, String(pages - 1));
  await page.goto(`${server.url}${list.url}page/2/`);
  await Promise.all([page.waitForURL((u) => u.pathname === list.url), page.click('.pager a[rel=prev]')]);
  assert.equal((await pagerState(page)).current, '1');

  // "末页" (last) from page 1; a deep link to page 3 shows page 3 with both neighbours linked.
  await Promise.all([page.waitForURL(`**${list.url}page/${pages}/`), page.click('.pager a:text-is("末页")')]);
  assert.equal((await pagerState(page)).current, String(pages));
  const deep = await page.goto(`${server.url}${list.url}page/3/`);
  assert.equal(deep.status(), 200);
  s = await pagerState(page);
  assert.equal(s.current, '3');
  assert.equal(s.prev, `${list.url}page/2/`);
  assert.equal(s.next, pages > 3 ? `${list.url}page/4/` : null);
  assert.deepEqual(await listedProjects(page), seen.slice(2 * PAGE_SIZE, 3 * PAGE_SIZE));
  // No page past the last.
  assert.equal((await page.goto(`${server.url}${list.url}page/${pages + 1}/`)).status(), 404);
});

test('without JavaScript the filter leads to the static parts: year × city and year × tier × city', async () => {
  const noJs = await launchBrowser({ javaScriptEnabled: false });
  try {
    const p = await noJs.newPage();
    await p.goto(`${server.url}/projects/`);
    assert.equal(await p.isVisible('#project-filter'), false, 'the script-only form stays hidden');
    assert.equal(await p.isVisible('#part-index'), true, 'the index of the parts is the page');
    // A city × year count links to its part, which lists exactly those projects, page after page.
    const { city_id: city, program_year: year } = projects[0];
    const expected = expectedProjects(projects, { city, year }).map((r) => `/projects/${r.id}/`).sort();
    const cellHref = await p.$eval(`#part-index a[href="/cities/${city}/${year}/"]`, (a) => a.getAttribute('href'));
    assert.equal(await p.textContent(`#part-index a[href="${cellHref}"]`), grouped(expected.length));
    assert.deepEqual((await listedOnAllPages(p, cellHref)).sort(), expected);
    // The static views: year × tier, then its part for a city.
    const list = longestList();
    const links = await (async () => { await p.goto(`${server.url}/projects/`); return p.$$eval('#static-views a', (as) => as.map((a) => a.getAttribute('href'))); })();
    assert.ok(links.includes(list.url), `/projects/ links ${list.url}`);
    await p.goto(server.url + list.url);
    const cityLink = `${list.url}${city}/`;
    const cityCount = ratings.filter((r) => r.program_year === list.year && r.tier === list.tier && r.city_id === city).length;
    assert.match(await p.textContent(`.city-parts a[href="${cityLink}"]`), new RegExp(`（${grouped(cityCount)}）`));
    await p.click(`.city-parts a[href="${cityLink}"]`);
    assert.equal(pathOf(p.url()), cityLink);
    assert.deepEqual((await listedOnAllPages(p, cityLink)).sort(), ratings.filter((r) => r.program_year === list.year && r.tier === list.tier && r.city_id === city)
      .map((r) => `/projects/${r.project_id}/`).sort());
  } finally {
    await noJs.close();
  }
});

test('with JavaScript the filter fetches only the small index and the parts it needs; counts are exact', async () => {
  const fetched = [];
  const listener = (res) => {
    if (res.url().endsWith('.json')) fetched.push({ path: pathOf(res.url()), bytes: Number(res.headers()['content-length']) });
  };
  page.on('response', listener);
  try {
    // A choice of all three filters.
    const { city_id: city, program_year: year } = projects.find((p) => p.tiers.includes('good'));
    const tier = 'good';
    const expected = expectedProjects(projects, { city, year, tier });
    await page.goto(`${server.url}/projects/?year=${year}&tier=${tier}&city=${city}`);
    await page.waitForFunction(() => !document.getElementById('project-results').hidden && /共 \d+ 个项目/.test(document.getElementById('project-count').textContent));
    await page.waitForFunction((n) => document.querySelectorAll('#project-table tbody tr').length >= Math.min(n, 200), expected.length);
    assert.match(await page.textContent('#project-count'), new RegExp(`共 ${expected.length} 个项目`));
    assert.deepEqual((await listedProjects(page)).sort(), expected.map((r) => `/projects/${r.id}/`).sort());
    assert.equal(await page.isHidden('#part-index'), true);
    // Counts beside the options are exact for the other choices.
    const cityText = await page.textContent(`#filter-city option[value="${city}"]`);
    assert.ok(cityText.includes(`（${expected.length}）`), cityText);
    const otherYear = [...new Set(projects.map((p) => p.program_year))].find((y) => y !== year);
    const yearText = await page.textContent(`#filter-year option[value="${otherYear}"]`);
    assert.ok(yearText.includes(`（${expectedProjects(projects, { city, year: otherYear, tier }).length}）`), yearText);

    // A broad choice: the first 200, then more on request, every row matching.
    const broad = expectedProjects(projects, { year });
    assert.ok(broad.length > PAGE_SIZE);
    await page.selectOption('#filter-city', '');
    await page.selectOption('#filter-tier', '');
    await page.waitForFunction((n) => new RegExp(`共 ${n} 个项目，已显示前 \\d+ 个`).test(document.getElementById('project-count').textContent), broad.length);
    assert.equal(new URL(page.url()).search, `?year=${year}`);
    const first = await listedProjects(page);
    assert.ok(first.length >= PAGE_SIZE && first.length < broad.length);
    await page.click('#filter-more');
    await page.waitForFunction((n) => document.querySelectorAll('#project-table tbody tr').length >= Math.min(n, 400), broad.length);
    const more = await listedProjects(page);
    const allowed = new Set(broad.map((r) => `/projects/${r.id}/`));
    assert.ok(more.length > first.length);
    assert.ok(more.every((u) => allowed.has(u)), 'every row shown matches the choice');
    assert.equal(new Set(more).size, more.length, 'no row twice');

    // Clearing the filter shows the index again.
    await page.click('#filter-clear');
    await page.waitForSelector('#part-index:not([hidden])');
    assert.equal(await page.isHidden('#project-results'), true);
  } finally {
    page.off('response', listener);
  }
  // Only the index of the parts and rows of parts, each small; never the whole-dataset data files.
  assert.ok(fetched.some((f) => f.path === '/projects/parts.json'));
  for (const f of fetched) {
    assert.match(f.path, /^\/projects\/parts\.json$|^\/cities\/[a-z]+\/\d{4}\/(page\/\d+\/)?projects\.json$/, f.path);
    assert.ok(f.bytes > 0 && f.bytes < 100_000, `${f.path} is small (${f.bytes} bytes)`);
  }
});

test('the new kinds of pages pass html-validate', async () => {
  const { $schema, ...config } = JSON.parse(fs.readFileSync(path.join(repo, '.htmlvalidate.json'), 'utf8'));
  const validator = new HtmlValidate(config);
  const root = paginationSite();
  const list = longestList();
  const city = projects[0].city_id;
  const files = ['projects/index.html', 'ratings/index.html', `ratings/${list.year}/index.html`,
    `ratings/${list.year}/${list.tier}/page/2/index.html`, `ratings/${list.year}/${list.tier}/${city}/index.html`,
    `cities/${city}/index.html`, `cities/${city}/${projects[0].program_year}/index.html`, 'notices/index.html'];
  const errors = [];
  for (const rel of files) {
    assert.ok(fs.existsSync(path.join(root, rel)), rel);
    const report = await validator.validateFile(path.join(root, rel));
    for (const r of report.results) for (const m of r.messages) if (m.severity >= 2) errors.push(`${rel}:${m.line}:${m.column}: ${m.ruleId}: ${m.message}`);
  }
  assert.deepEqual(errors, []);
});

test('axe-core finds no WCAG 2.1 A/AA violations on the new kinds of pages', async () => {
  const list = longestList();
  const p = await browser.newPage();
  const violations = [];
  for (const { url, ready } of [
    { url: `${list.url}page/2/` },
    { url: '/projects/' , ready: '#project-filter:not([hidden])' },
    { url: `/projects/?year=${projects[0].program_year}`, ready: '#project-results:not([hidden])' },
    { url: `/cities/${projects[0].city_id}/${projects[0].program_year}/` },
    { url: '/ratings/' },
  ]) {
    assert.equal((await p.goto(server.url + url)).status(), 200, url);
    if (ready) await p.waitForSelector(ready);
    await p.evaluate(axeSource);
    const result = await p.evaluate(() => window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'],
    }));
    violations.push(...result.violations.map((v) => `${url}: ${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`));
  }
  await p.close();
  assert.deepEqual(violations, []);
});

test('the real site is small enough that nothing is split: no pager, no …/page/N/, every list whole', () => {
  const root = siteDir();
  const files = walk(root);
  assert.ok(files.length > 100);
  assert.deepEqual(files.filter((f) => /(^|\/)page\/\d+\//.test(f)), []);
  const withPager = files.filter((f) => f.endsWith('.html') && fs.readFileSync(path.join(root, f), 'utf8').includes('class="pager"'));
  assert.deepEqual(withPager, []);
  const list = fs.readFileSync(path.join(root, 'projects', 'index.html'), 'utf8');
  assert.ok(!list.includes('data-parts='), '/projects/ lists every project itself');
  assert.equal((list.match(/<tr data-city=/g) || []).length, readProjects(root).length);
});
