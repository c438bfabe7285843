// /search/ (issue 5): Chinese full-text search over the Pagefind index the build writes into /pagefind/.
// Expected pages come from the built site itself (its open data and its HTML), not from constants here; the
// site under test must have been built with search (the CTest fixture builds it with the default options).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serveSite, launchBrowser, readProjects, siteDir, walk } from './support.mjs';

const TOP = 5;
let server;
let browser;
let page;
let projects;

before(async () => {
  assert.ok(fs.existsSync(path.join(siteDir(), 'pagefind', 'pagefind.js')),
    'the site under test has no pagefind/ index: was it built with search (is Pagefind installed — scripts/setup)?');
  projects = readProjects();
  server = await serveSite();
  browser = await launchBrowser();
  page = await browser.newPage();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

// Loads /search/ with the given query string and waits until the status reports a finished search.
async function openSearch(query) {
  await page.goto(`${server.url}/search/${query}`);
  await page.waitForFunction(() => /找到|没有找到|请输入/.test(document.getElementById('search-status').textContent));
}

async function resultUrls() {
  return page.$$eval('#search-results > li h2 a', (links) => links.map((a) => new URL(a.href).pathname));
}

// Types the query and presses Enter, as a keyboard user would.
async function typeAndSearch(q) {
  await page.fill('#search-q', '');
  await page.focus('#search-q');
  await page.keyboard.type(q);
  const before = await page.textContent('#search-status');
  await page.keyboard.press('Enter');
  await page.waitForFunction((prev) => {
    const s = document.getElementById('search-status').textContent;
    return s !== prev && /找到|没有找到/.test(s);
  }, before);
}

// The pages (URL paths) whose <main> text contains the term, excluding the search page itself.
function pagesContaining(term) {
  const root = siteDir();
  return walk(root).filter((f) => f.endsWith('index.html') && !f.startsWith('pagefind/') && f !== 'search/index.html')
    .filter((f) => {
      const html = fs.readFileSync(path.join(root, f), 'utf8');
      const main = html.match(/<main[^>]*>([\s\S]*)<\/main>/);
      return main && main[1].replace(/<[^>]+>/g, '').includes(term);
    })
    .map((f) => '/' + f.replace(/index\.html$/, ''));
}

test('a community name finds its project among the first results (龙城新苑)', async () => {
  const project = projects.find((p) => p.community.includes('龙城新苑') || p.name.includes('龙城新苑'));
  assert.ok(project, 'the content has a 龙城新苑 project');
  await openSearch('');
  await typeAndSearch('龙城新苑');
  const urls = await resultUrls();
  assert.ok(urls.slice(0, TOP).includes(`/projects/${project.id}/`), `first results: ${urls.slice(0, TOP).join(' ')}`);
  assert.equal(new URL(page.url()).searchParams.get('q'), '龙城新苑', 'the query is kept in the URL');
  assert.match(await page.textContent('#search-status'), /找到 \d+ 个/);
  assert.ok(await page.$('#search-results mark'), 'the excerpt highlights the match');
});

test('a county finds a project in that county (迎泽区)', async () => {
  const inCounty = new Set(projects.filter((p) => p.county === '迎泽区').map((p) => `/projects/${p.id}/`));
  assert.ok(inCounty.size > 0);
  await openSearch('?q=' + encodeURIComponent('迎泽区'));
  const urls = await resultUrls();
  assert.ok(urls.slice(0, TOP).some((u) => inCounty.has(u)), `first results: ${urls.slice(0, TOP).join(' ')}`);
});

test('a term only in a notice\'s text finds that notice (回头看)', async () => {
  const expected = pagesContaining('回头看');
  assert.ok(expected.length >= 1 && expected.every((u) => u.startsWith('/notices/')), `pages with 回头看: ${expected}`);
  await openSearch('?q=' + encodeURIComponent('回头看'));
  const urls = await resultUrls();
  assert.ok(expected.includes(urls[0]), `first result ${urls[0]}, expected one of ${expected}`);
});

test('the tier filter keeps only pages of that tier, in the URL, and the back button restores the search', async () => {
  await openSearch('?q=' + encodeURIComponent('养老'));
  const countIn = (text) => Number(text.match(/找到 (\d+) 个/)[1]);
  const unfiltered = countIn(await page.textContent('#search-status'));
  const statusBefore = await page.textContent('#search-status');
  await page.selectOption('#search-filter-tier', '优秀');
  await page.waitForFunction((prev) => document.getElementById('search-status').textContent !== prev &&
    /找到/.test(document.getElementById('search-status').textContent), statusBefore);
  assert.equal(new URL(page.url()).searchParams.get('tier'), '优秀');
  // Show every result, then check each carries the tier.
  while (await page.isVisible('#search-more')) {
    const n = (await resultUrls()).length;
    await page.click('#search-more');
    await page.waitForFunction((k) => document.querySelectorAll('#search-results > li').length > k, n);
  }
  const tiers = await page.$$eval('#search-results > li', (items) =>
    items.map((li) => [...li.querySelectorAll('[data-filter="tier"]')].map((t) => t.dataset.value)));
  assert.ok(tiers.length > 0 && tiers.length < unfiltered, `${tiers.length} results of ${unfiltered}: the filter narrows`);
  for (const t of tiers) assert.ok(t.includes('优秀'), `a result without 优秀: ${t}`);
  assert.equal(countIn(await page.textContent('#search-status')), tiers.length, 'the count in the status is the number of results listed');

  await page.goBack();
  await page.waitForFunction(() => !new URL(location.href).searchParams.has('tier') &&
    document.getElementById('search-filter-tier').value === '');
  assert.equal(await page.inputValue('#search-q'), '养老');
});

test('result titles and excerpts are inserted as text, never as markup', async () => {
  await openSearch('?q=' + encodeURIComponent('晋城市'));
  assert.ok((await resultUrls()).length > 0, 'the search found pages (else nothing is checked)');
  const markup = await page.$$eval('#search-results > li', (items) =>
    items.flatMap((li) => [...li.querySelectorAll('*')].map((e) => e.tagName))
      .filter((t) => !['H2', 'A', 'P', 'MARK', 'UL', 'LI'].includes(t)));
  assert.deepEqual(markup, []);
});

// Hostile index data (issue 7, item 3): the index holds field text as written, so a title, excerpt or filter value
// may hold markup. A stand-in for /pagefind/pagefind.js returns such results; the page must show them as text, run
// nothing (no dialog, no handler fired) and create no element from them. If search.js ever inserted them as HTML,
// the <img onerror> would fire.
test('hostile titles, excerpts and filter values from the index are shown as text and run nothing', async () => {
  const hostile = {
    url: '/projects/x/',
    meta: { title: '<img src=x onerror="window.__pwned=1;alert(1)">标题' },
    excerpt: '前<mark>养老</mark>&lt;script&gt;window.__pwned=2&lt;/script&gt;<img src=x onerror="window.__pwned=3">后',
    filters: { tier: ['<script>window.__pwned=4</script>'], city: ['"><svg onload="window.__pwned=5">'] },
  };
  const fake = `export async function init() {}
export async function options() {}
export async function filters() { return {}; }
export async function search() { return { results: [{ id: 'x', data: async () => (${JSON.stringify(hostile)}) }] }; }`;
  const hostilePage = await browser.newPage();
  const dialogs = [];
  hostilePage.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
  await hostilePage.route('**/pagefind/pagefind.js', (route) =>
    route.fulfill({ status: 200, contentType: 'text/javascript', body: fake }));
  await hostilePage.goto(`${server.url}/search/?q=${encodeURIComponent('养老')}`);
  await hostilePage.waitForFunction(() => /找到/.test(document.getElementById('search-status').textContent));
  await hostilePage.waitForTimeout(300);  // give an injected handler its chance to fire (not a timing assertion)
  const seen = await hostilePage.evaluate(() => {
    const li = document.querySelector('#search-results > li');
    return {
      pwned: window.__pwned || 0,
      tags: [...li.querySelectorAll('*')].map((e) => e.tagName),
      title: li.querySelector('h2 a').textContent,
      excerpt: li.querySelector('.search-excerpt').textContent,
      tagText: [...li.querySelectorAll('.search-result-tags li')].map((e) => e.textContent),
    };
  });
  await hostilePage.close();
  assert.deepEqual(dialogs, []);
  assert.equal(seen.pwned, 0);
  assert.deepEqual(seen.tags.filter((t) => !['H2', 'A', 'P', 'MARK', 'UL', 'LI'].includes(t)), []);
  assert.equal(seen.title, hostile.meta.title);
  assert.equal(seen.excerpt, '前养老<script>window.__pwned=2</script><img src=x onerror="window.__pwned=3">后');
  assert.deepEqual(seen.tagText.sort(), [hostile.filters.city[0], hostile.filters.tier[0]].sort());
});

test('without the index, pages still work and /search/ says search is unavailable', async () => {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'gongshi-nosearch-'));
  fs.cpSync(siteDir(), copy, { recursive: true, filter: (src) => path.basename(src) !== 'pagefind' });
  const bare = await serveSite(copy);
  const errors = [];
  const p = await browser.newPage();
  p.on('pageerror', (e) => errors.push(String(e)));
  try {
    const project = projects[0];
    const res = await p.goto(`${bare.url}/projects/${project.id}/`);
    assert.equal(res.status(), 200);
    assert.equal(await p.textContent('h1'), project.name);
    await p.goto(`${bare.url}/search/?q=${encodeURIComponent('龙城新苑')}`);
    await p.waitForSelector('.search-unavailable-reason');
    assert.ok(await p.isVisible('#search-unavailable'));
    assert.match(await p.textContent('#search-unavailable'), /搜索暂不可用/);
    assert.equal(await p.isVisible('#search-form'), false);
    assert.ok(await p.$('#search-unavailable a[href="/projects/"]'), 'it points to the project list instead');
    assert.deepEqual(errors, []);
  } finally {
    await p.close();
    await bare.close();
    fs.rmSync(copy, { recursive: true, force: true });
  }
});

test('without JavaScript, /search/ says search is unavailable and links to the lists', async () => {
  const noJs = await launchBrowser({ javaScriptEnabled: false });
  try {
    const p = await noJs.newPage();
    await p.goto(`${server.url}/search/`);
    assert.ok(await p.isVisible('#search-unavailable'));
    assert.match(await p.textContent('#search-unavailable'), /搜索暂不可用/);
    assert.ok(await p.$('#search-unavailable a[href="/projects/"]'));
  } finally {
    await noJs.close();
  }
});
