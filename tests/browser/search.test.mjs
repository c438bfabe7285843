// /search/ (issues 5 and 20): Chinese search over gongshi's own index in /search-index/. Expected pages come from the
// built site itself (its open data and its HTML), not from constants here; the site under test must have been built
// with search (the CTest fixture builds it with the default options).

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
  assert.ok(fs.existsSync(path.join(siteDir(), 'search-index', 'index.json')),
    'the site under test has no search-index/: was it built with search (not --no-search)?');
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
  await page.waitForFunction(() => /找到|没有找到|请输入|请至少/.test(document.getElementById('search-status').textContent));
}

async function resultUrls() {
  return page.$$eval('#search-results > li h2 a', (links) => links.map((a) => new URL(a.href).pathname));
}

// The 1-based rank of a URL in the results shown (0: not shown).
async function rankOf(url) {
  return (await resultUrls()).indexOf(url) + 1;
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

// Shows every result ("显示更多结果" until it is gone) and returns each one's tier tags.
async function tiersOfAllResults() {
  while (await page.isVisible('#search-more')) {
    const n = (await resultUrls()).length;
    await page.click('#search-more');
    await page.waitForFunction((k) => document.querySelectorAll('#search-results > li').length > k, n);
  }
  return page.$$eval('#search-results > li', (items) =>
    items.map((li) => [...li.querySelectorAll('[data-filter="tier"]')].map((t) => t.dataset.value)));
}

// The pages (URL paths) whose <main> text contains the term, excluding the search page itself.
function pagesContaining(term) {
  const root = siteDir();
  return walk(root).filter((f) => f.endsWith('index.html') && !f.startsWith('search-index/') && f !== 'search/index.html')
    .filter((f) => {
      const html = fs.readFileSync(path.join(root, f), 'utf8');
      const main = html.match(/<main[^>]*>([\s\S]*)<\/main>/);
      return main && main[1].replace(/<[^>]+>/g, '').includes(term);
    })
    .map((f) => '/' + f.replace(/index\.html$/, ''));
}

// The notice page (not the notices list) that shows the number.
function noticeNumbered(number) {
  const root = siteDir();
  const f = walk(root).find((f) => /^notices\/[^/]+\/index\.html$/.test(f) &&
    fs.readFileSync(path.join(root, f), 'utf8').includes(number));
  return f && '/' + f.replace(/index\.html$/, '');
}

test('a project\'s full name brings its own page first', async () => {
  const project = projects.find((p) => p.name === '太原市迎泽区郝庄镇龙城新苑社区养老幸福工程');
  assert.ok(project, 'the content has the project of issue 20');
  await openSearch('?q=' + encodeURIComponent(project.name));
  assert.equal(await rankOf(`/projects/${project.id}/`), 1, `results: ${(await resultUrls()).slice(0, TOP).join(' ')}`);
  // A second full name, drawn from the data rather than written here.
  const other = projects.find((p) => p.id !== project.id && p.name.length >= 10);
  await openSearch('?q=' + encodeURIComponent(other.name));
  assert.equal(await rankOf(`/projects/${other.id}/`), 1, `${other.name}: ${(await resultUrls()).slice(0, TOP).join(' ')}`);
});

test('a community name ranks the projects bearing it above the documents that list them (龙城新苑)', async () => {
  const bearing = projects.filter((p) => p.community.includes('龙城新苑') || p.name.includes('龙城新苑'))
    .map((p) => `/projects/${p.id}/`);
  assert.ok(bearing.length > 0, 'the content has a 龙城新苑 project');
  await openSearch('?q=' + encodeURIComponent('龙城新苑'));
  const urls = await resultUrls();
  assert.deepEqual(urls.slice(0, bearing.length).sort(), [...bearing].sort(), `results: ${urls.join(' ')}`);
  // (On the real site no document's text names it — the notices list it only in their rating tables, which are not
  // their text; bench/search_ranking.mjs checks notices whose text lists project names.)
});

test('a two-character county name finds that county\'s projects first (代县, 沁县)', async () => {
  for (const county of ['代县', '沁县']) {
    const inCounty = projects.filter((p) => p.county === county).map((p) => `/projects/${p.id}/`);
    assert.ok(inCounty.length > 0, `the content has a project in ${county}`);
    await openSearch('?q=' + encodeURIComponent(county));
    const urls = await resultUrls();
    assert.deepEqual(urls.slice(0, inCounty.length).sort(), [...inCounty].sort(), `${county}: ${urls.join(' ')}`);
  }
});

test('a document number typed as people type it finds the document first', async () => {
  const notice = noticeNumbered('晋民函〔2023〕169号');
  assert.ok(notice, 'the content has the notice 晋民函〔2023〕169号');
  for (const q of ['169号', '晋民函〔2023〕169号', '晋民函2023 169', '晋民函[2023]169号']) {
    await openSearch('?q=' + encodeURIComponent(q));
    assert.equal(await rankOf(notice), 1, `${q}: ${(await resultUrls()).slice(0, TOP).join(' ')}`);
  }
});

test('a query reads a few index files, not the whole index', async () => {
  const all = walk(siteDir()).filter((f) => f.startsWith('search-index/')).length;
  const fresh = await browser.newPage();
  try {
    await fresh.goto(`${server.url}/search/?q=${encodeURIComponent('龙城新苑')}`);
    await fresh.waitForFunction(() => /找到/.test(document.getElementById('search-status').textContent));
    const stats = await fresh.evaluate(() => window.__gongshiSearch);
    assert.ok(stats.requests > 1 && stats.requests < all / 2, `${stats.requests} of ${all} index files read`);
  } finally {
    await fresh.close();
  }
});

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
  const tiers = await tiersOfAllResults();
  assert.ok(tiers.length > 0 && tiers.length < unfiltered, `${tiers.length} results of ${unfiltered}: the filter narrows`);
  for (const t of tiers) assert.ok(t.includes('优秀'), `a result without 优秀: ${t}`);
  assert.equal(countIn(await page.textContent('#search-status')), tiers.length, 'the count in the status is the number of results listed');
  assert.equal(await page.$eval('#search-filter-tier option[value="优秀"]', (o) => o.textContent), `优秀（${tiers.length}）`,
    'the option shows how many results carry it');

  await page.goBack();
  await page.waitForFunction(() => !new URL(location.href).searchParams.has('tier') &&
    document.getElementById('search-filter-tier').value === '');
  assert.equal(await page.inputValue('#search-q'), '养老');
});

test('without a filter the results come first and the filters\' counts follow, counting every result', async () => {
  await openSearch('?q=' + encodeURIComponent('养老'));
  await page.waitForFunction(() => window.__gongshiSearch.countedAt > 0);
  const stats = await page.evaluate(() => ({ shown: window.__gongshiSearch.shownAt, counted: window.__gongshiSearch.countedAt }));
  assert.ok(stats.shown <= stats.counted, `results at ${stats.shown} ms, counts at ${stats.counted} ms`);
  const tiers = await tiersOfAllResults();
  const good = tiers.filter((t) => t.includes('良好')).length;
  assert.ok(good > 0 && good < tiers.length, `${good} of ${tiers.length} results are 良好: the count is not trivial`);
  assert.equal(await page.$eval('#search-filter-tier option[value="良好"]', (o) => o.textContent), `良好（${good}）`);
});

test('result titles and excerpts are inserted as text, never as markup', async () => {
  await openSearch('?q=' + encodeURIComponent('晋城市'));
  assert.ok((await resultUrls()).length > 0, 'the search found pages (else nothing is checked)');
  const markup = await page.$$eval('#search-results > li', (items) =>
    items.flatMap((li) => [...li.querySelectorAll('*')].map((e) => e.tagName))
      .filter((t) => !['H2', 'A', 'P', 'MARK', 'UL', 'LI'].includes(t)));
  assert.deepEqual(markup, []);
});

// Hostile index data (issue 7, item 3): the index holds field text as written, so a title, a field or a filter value
// may hold markup. The record blocks and the manifest's filter values are replaced on the way to the page; it must
// show them as text, run nothing (no dialog, no handler fired) and create no element from them. If search.js ever
// inserted them as HTML, the <img onerror> would fire.
test('hostile titles, fields and filter values from the index are shown as text and run nothing', async () => {
  const title = '<img src=x onerror="window.__pwned=1;alert(1)">养老标题';
  const hostile = {
    u: '/projects/x/', t: title, n: [title, '别名<script>window.__pwned=2</script>'],
    p: ['"><svg onload="window.__pwned=5">', '养老<img src=x onerror="window.__pwned=3">区'],
  };
  const hostilePage = await browser.newPage();
  const dialogs = [];
  hostilePage.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
  await hostilePage.route('**/search-index/*/r/*.json', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(Array(64).fill(hostile)) }));
  await hostilePage.route('**/search-index/index.json', async (route) => {
    const m = await (await route.fetch()).json();
    m.tiers = m.tiers.map(() => '<script>window.__pwned=4</script>');
    m.cities = m.cities.map(() => '"><svg onload="window.__pwned=6">');
    m.kinds = m.kinds.map(() => '<b onmouseover="window.__pwned=7">类</b>');
    await route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(m) });
  });
  await hostilePage.goto(`${server.url}/search/?q=${encodeURIComponent('养老')}`);
  await hostilePage.waitForFunction(() => /找到/.test(document.getElementById('search-status').textContent));
  await hostilePage.waitForTimeout(300);  // give an injected handler its chance to fire (not a timing assertion)
  const seen = await hostilePage.evaluate(() => {
    const li = document.querySelector('#search-results > li');
    return {
      pwned: window.__pwned || 0,
      tags: [...document.querySelectorAll('#search-results *')].map((e) => e.tagName),
      title: li.querySelector('h2 a').textContent,
      excerpt: li.querySelector('.search-excerpt').textContent,
      tagText: [...li.querySelectorAll('.search-result-tags li')].map((e) => e.textContent),
    };
  });
  await hostilePage.close();
  assert.deepEqual(dialogs, []);
  assert.equal(seen.pwned, 0);
  assert.deepEqual([...new Set(seen.tags)].filter((t) => !['H2', 'A', 'P', 'MARK', 'UL', 'LI'].includes(t)), []);
  assert.equal(seen.title, title);
  assert.ok(seen.excerpt.includes('别名<script>window.__pwned=2</script>'), seen.excerpt);
  assert.ok(seen.tagText.includes('<b onmouseover="window.__pwned=7">类</b>'), seen.tagText.join(' '));
});

test('without the index, pages still work and /search/ says search is unavailable', async () => {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'gongshi-nosearch-'));
  fs.cpSync(siteDir(), copy, { recursive: true, filter: (src) => path.relative(siteDir(), src) !== 'search-index' });
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
