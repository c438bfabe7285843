// The /projects/ filter (issue 4, item 5): narrowing by city, program year and tier, the state in the URL,
// reload and the back button, removable chips, "clear", counts beside options — and, with JavaScript off,
// every project listed with links to the static filtered views. Expected numbers come from the site's
// own open data (data/projects.json), never from constants in this file.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveSite, launchBrowser, readProjects, expectedProjects } from './support.mjs';

let server;
let browser;
let page;
let projects;

before(async () => {
  projects = readProjects();
  server = await serveSite();
  browser = await launchBrowser();
  page = await browser.newPage();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

// The project URLs of the rows the page currently shows.
async function shownUrls() {
  return page.$$eval('#project-table tbody tr', (rows) =>
    rows.filter((r) => !r.hidden && r.getBoundingClientRect().height > 0)
      .map((r) => new URL(r.querySelector('a').href).pathname).sort());
}

function urlsOf(list) {
  return list.map((p) => `/projects/${p.id}/`).sort();
}

async function query() {
  const u = new URL(page.url());
  return Object.fromEntries(u.searchParams.entries());
}

async function statusText() {
  return (await page.textContent('#project-count[role="status"]')).trim();
}

async function assertShows(state, label) {
  const expected = expectedProjects(projects, state);
  assert.deepEqual(await shownUrls(), urlsOf(expected), `${label}: rows shown`);
  assert.match(await statusText(), new RegExp(`\\b${expected.length}\\b`), `${label}: status announces the count`);
  return expected.length;
}

// A city, year and tier for which each filter, alone and combined, really narrows the list,
// so that a filter doing nothing (or everything) cannot pass.
function pickCombination() {
  const years = [...new Set(projects.map((p) => p.program_year))].sort();
  const cities = [...new Set(projects.map((p) => p.city_id))];
  const tiers = [...new Set(projects.flatMap((p) => p.tiers))];
  const n = (s) => expectedProjects(projects, s).length;
  for (const city of cities) for (const year of years) for (const tier of tiers) {
    const all = n({ city, year, tier });
    const narrows = [n({ city }), n({ year }), n({ tier })].every((x) => x < projects.length);
    if (all > 0 && narrows && n({ year, tier }) > all && n({ city, year }) > all && n({ tier }) > n({ year, tier }))
      return { city, year, tier };
  }
  throw new Error('no city/year/tier combination narrows the list at every step');
}

test('the data has what the filter tests need', () => {
  assert.ok(projects.length > 10, 'projects.json lists the projects');
  assert.ok(new Set(projects.map((p) => p.program_year)).size >= 2, 'at least two program years');
});

test('unfiltered /projects/ lists every project and shows the enhanced form', async () => {
  await page.goto(`${server.url}/projects/`);
  await page.waitForSelector('#project-filter:not([hidden])');
  assert.deepEqual(await shownUrls(), urlsOf(projects));
  assert.equal(await page.isHidden('#static-views'), true, 'static links give way to the form');
  for (const id of ['filter-city', 'filter-year', 'filter-tier']) {
    const label = await page.textContent(`label[for="${id}"]`);
    assert.ok(label && label.trim(), `${id} has a label`);
    assert.equal(await page.isEnabled(`#${id}`), true);
  }
});

test('the filter narrows by city, by year, by tier and by their combination, and the URL follows', async () => {
  const { city, year, tier } = pickCombination();
  await page.goto(`${server.url}/projects/`);
  await page.waitForSelector('#project-filter:not([hidden])');

  await page.selectOption('#filter-city', city);
  const nCity = await assertShows({ city }, 'by city');
  assert.deepEqual(await query(), { city });
  assert.ok(nCity < projects.length);

  await page.selectOption('#filter-city', '');
  await page.selectOption('#filter-year', year);
  await assertShows({ year }, 'by year');
  assert.deepEqual(await query(), { year });

  await page.selectOption('#filter-year', '');
  await page.selectOption('#filter-tier', tier);
  await assertShows({ tier }, 'by tier');
  assert.deepEqual(await query(), { tier });

  await page.selectOption('#filter-year', year);
  await page.selectOption('#filter-city', city);
  const n = await assertShows({ city, year, tier }, 'combined');
  assert.deepEqual(await query(), { year, tier, city });
  assert.equal(new URL(page.url()).search, `?year=${year}&tier=${tier}&city=${city}`, 'documented key order');
  assert.ok(n > 0);

  // Reload restores the state from the URL.
  await page.reload();
  await page.waitForSelector('#project-filter:not([hidden])');
  await assertShows({ city, year, tier }, 'after reload');
  assert.equal(await page.inputValue('#filter-city'), city);
  assert.equal(await page.inputValue('#filter-year'), year);
  assert.equal(await page.inputValue('#filter-tier'), tier);

  // Back walks the history of filter states: the step before the last added the city.
  await page.goBack();
  await page.waitForFunction((c) => !new URL(location.href).searchParams.has('city') && document.getElementById('filter-city').value === '', city);
  assert.deepEqual(await query(), { year, tier });
  await assertShows({ year, tier }, 'after back');
  await page.goBack();
  assert.deepEqual(await query(), { tier });
  await assertShows({ tier }, 'after second back');
  await page.goForward();
  assert.deepEqual(await query(), { year, tier });
  await assertShows({ year, tier }, 'after forward');
});

test('a linked filtered view opens filtered; chips remove filters one by one; clear removes all', async () => {
  const { city, year, tier } = pickCombination();
  await page.goto(`${server.url}/projects/?city=${city}&tier=${tier}&year=${year}`);
  await page.waitForSelector('#filter-selected:not([hidden])');
  await assertShows({ city, year, tier }, 'opened from a link');
  assert.equal(new URL(page.url()).search, `?year=${year}&tier=${tier}&city=${city}`, 'query put in canonical order');

  const chips = page.locator('#filter-selected button.chip');
  assert.equal(await chips.count(), 3, 'one chip per selected filter');
  const yearLabel = await page.$eval(`#filter-year option[value="${year}"]`, (o) => o.dataset.label);
  const yearChip = chips.filter({ hasText: yearLabel });
  assert.equal(await yearChip.count(), 1);
  assert.match(await yearChip.textContent(), /移除/, 'chip says what it does to screen readers');
  await yearChip.click();
  await assertShows({ city, tier }, 'after removing the year chip');
  assert.deepEqual(await query(), { tier, city });
  assert.equal(await chips.count(), 2);
  assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('chip')), true, 'focus stays on a chip');

  // Counts beside each option reflect the other filters chosen.
  const optionText = await page.textContent(`#filter-year option[value="${year}"]`);
  assert.ok(optionText.includes(`（${expectedProjects(projects, { city, tier, year }).length}）`), `year option count: ${optionText}`);
  const cityText = await page.textContent(`#filter-city option[value="${city}"]`);
  assert.ok(cityText.includes(`（${expectedProjects(projects, { city, tier }).length}）`), `city option count: ${cityText}`);

  await page.click('#filter-clear');
  await assertShows({}, 'after clear');
  assert.equal(new URL(page.url()).search, '');
  assert.equal(await page.isHidden('#filter-selected'), true);
  const clearText = await page.textContent('#filter-clear');
  assert.match(clearText, /清除/);
});

test('a filter that matches nothing says so', async () => {
  // A city with no project in some year, computed from the data.
  const years = [...new Set(projects.map((p) => p.program_year))];
  const cities = [...new Set(readProjects().map((p) => p.city_id))];
  let empty = null;
  for (const city of cities) for (const year of years)
    if (!empty && expectedProjects(projects, { city, year }).length === 0 && expectedProjects(projects, { city }).length > 0) empty = { city, year };
  assert.ok(empty, 'the real content has a city without projects in some program year (else pick another case)');
  await page.goto(`${server.url}/projects/?year=${empty.year}&city=${empty.city}`);
  await page.waitForSelector('#project-filter:not([hidden])');
  await assertShows(empty, 'empty result');
  assert.equal(await page.isVisible('#filter-empty'), true);
});

test('with JavaScript off, /projects/ lists every project and links to the static filtered views', async () => {
  const noJs = await launchBrowser({ javaScriptEnabled: false });
  try {
    const p = await noJs.newPage();
    // Even a filtered URL shows everything without the script (nothing is hidden server-side).
    await p.goto(`${server.url}/projects/?tier=excellent`);
    const rows = await p.$$eval('#project-table tbody tr', (rs) =>
      rs.filter((r) => r.getBoundingClientRect().height > 0).map((r) => new URL(r.querySelector('a').href).pathname).sort());
    assert.deepEqual(rows, urlsOf(projects));
    assert.equal(await p.isVisible('#project-filter'), false, 'the script-only form stays hidden');
    const links = await p.$$eval('#static-views a', (as) => as.filter((a) => a.getBoundingClientRect().height > 0).map((a) => new URL(a.href).pathname));
    const years = [...new Set(projects.map((p) => p.program_year))];
    const tiersByYear = new Map(years.map((y) => [y, new Set(projects.filter((p) => p.program_year === y).flatMap((p) => p.tiers))]));
    for (const y of years) {
      assert.ok(links.includes(`/ratings/${y}/`), `links to /ratings/${y}/`);
      for (const t of tiersByYear.get(y)) assert.ok(links.includes(`/ratings/${y}/${t}/`), `links to /ratings/${y}/${t}/`);
    }
    // Those static views are real pages listing exactly the projects of that year and tier.
    const [y] = years;
    const [t] = tiersByYear.get(y);
    const res = await p.goto(`${server.url}/ratings/${y}/${t}/`);
    assert.equal(res.status(), 200);
    const listed = await p.$$eval('main table tbody a[href^="/projects/"]', (as) => [...new Set(as.map((a) => new URL(a.href).pathname))].sort());
    const expected = urlsOf(projects.filter((pr) => pr.ratingPairs.some(([ry, rt]) => ry === y && rt === t)));
    assert.deepEqual(listed, expected);
  } finally {
    await noJs.close();
  }
});
