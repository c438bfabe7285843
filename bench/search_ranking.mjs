// Search ranking on a built site, as a person sees it: /search/?q=… in headless Chromium over a loopback server.
// Queries are drawn from the content itself (seeded, so the same content gives the same queries):
//   name      a project's full name                    → that project first
//   community a project's community                    → a project with that community first
//   county    a two-character county name (代县, 沁县…) → a project in that county first
//   number    a notice's number in three spellings: 晋民函〔2023〕169号, 晋民函2023 169, 169号 → that notice first
//             (for "169号" alone: a notice numbered 169 of any year)
// Reports recall@1 and @3 per kind, the median bytes of index files fetched per query and the median time from
// navigation to the first results (and to the filters' counts, read after the first results). With --assert, exits 1
// unless every query's expected page is first.
//
// usage: node bench/search_ranking.mjs CONTENT_DIR SITE_DIR [--per-kind 30] [--seed 1] [--assert] [--json OUT]
import fs from 'node:fs';
import path from 'node:path';
import { serveSite, launchBrowser, readProjects } from '../tests/browser/support.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args.splice(i, 2)[1] : fallback;
};
const perKind = Number(option('--per-kind', 30));
const seed = Number(option('--seed', 1));
const jsonOut = option('--json', '');
// --pagefind DIR: ask Pagefind instead (DIR holds one Pagefind index per partition, DIR/<part>/, as the issue 20
// comparison wrote them; they are merged in the browser with mergeIndex). The page's URLs are the same.
const pagefindDir = option('--pagefind', '');
const strict = args.includes('--assert');
const [content, site] = args.filter((a) => a !== '--assert');
if (!content || !site) {
  console.error('usage: node bench/search_ranking.mjs CONTENT_DIR SITE_DIR [--per-kind 30] [--seed 1] [--assert]');
  process.exit(2);
}

// mulberry32: a small seeded generator, so the draw does not depend on the platform.
function random(s) {
  return () => {
    s = (s + 0x6D2B79F5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = random(seed);
const draw = (list, n) => {
  const pool = [...list], out = [];
  while (out.length < n && pool.length) out.push(pool.splice(Math.floor(rand() * pool.length), 1)[0]);
  return out;
};
const drawWithRepeats = (list, n) => Array.from({ length: list.length ? n : 0 }, () => list[Math.floor(rand() * list.length)]);

// At N = 1 000 000 data/projects.json (674 MB) is longer than a Node string may be: read the program years' files
// (data/<year>/projects.json) and put them in the whole file's order (by id).
function readAllProjects(root) {
  if (fs.statSync(path.join(root, 'data', 'projects.json')).size < 256 * 1024 * 1024) return readProjects(root);
  const years = fs.readdirSync(path.join(root, 'data')).filter((y) => /^\d{4}$/.test(y)).sort();
  const all = years.flatMap((y) => JSON.parse(fs.readFileSync(path.join(root, 'data', y, 'projects.json'), 'utf8')).records);
  return all.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
const projects = readAllProjects(site);
const notices = fs.readdirSync(path.join(content, 'notices')).filter((f) => f.endsWith('.md')).sort().map((f) => {
  const text = fs.readFileSync(path.join(content, 'notices', f), 'utf8');
  const number = (text.match(/^doc_number: *(.+)$/m) || [])[1] || '';
  return { url: `/notices/${f.replace(/\.md$/, '')}/`, number: number.replace(/^"|"$/g, '').trim() };
}).filter((n) => /^(.+)〔(\d{4})〕(\d+)号$/.test(n.number));

const queries = [];
// A name two projects share (the peers' generator makes a few) expects either of them.
const byName = new Map();
for (const p of projects) (byName.get(p.name) || byName.set(p.name, []).get(p.name)).push(`/projects/${p.id}/`);
for (const p of draw(projects, perKind)) queries.push({ kind: 'name', q: p.name, expected: byName.get(p.name) });
const byCommunity = new Map();
for (const p of projects) if (p.community) (byCommunity.get(p.community) || byCommunity.set(p.community, []).get(p.community)).push(`/projects/${p.id}/`);
for (const c of draw([...byCommunity.keys()].sort(), perKind)) queries.push({ kind: 'community', q: c, expected: byCommunity.get(c) });
const byCounty = new Map();
for (const p of projects) if ([...p.county].length === 2) (byCounty.get(p.county) || byCounty.set(p.county, []).get(p.county)).push(`/projects/${p.id}/`);
for (const c of drawWithRepeats([...byCounty.keys()].sort(), perKind)) queries.push({ kind: 'county', q: c, expected: byCounty.get(c) });
for (const n of draw(notices, Math.ceil(perKind / 3))) {
  const [, prefix, year, num] = n.number.match(/^(.+)〔(\d{4})〕(\d+)号$/);
  const sameNumber = notices.filter((m) => m.number.endsWith(`〕${num}号`)).map((m) => m.url);
  queries.push({ kind: 'number', q: n.number, expected: [n.url] });
  queries.push({ kind: 'number', q: `${prefix}${year} ${num}`, expected: [n.url] });
  queries.push({ kind: 'number', q: `${num}号`, expected: sameNumber });
}

const server = await serveSite(pagefindDir || site);
const pagefindParts = pagefindDir ? fs.readdirSync(pagefindDir).sort() : [];
const browser = await launchBrowser();
const page = await browser.newPage();
const rows = [];
let fetched = 0;  // response bytes the page received (Pagefind's own fetches, wasm included)
if (pagefindDir) page.on('requestfinished', async (req) => { fetched += (await req.sizes()).responseBodySize; });
try {
  for (const query of queries) {
    if (pagefindDir) {
      rows.push({ ...query, ...(await askPagefind(query)) });
      continue;
    }
    const start = Date.now();
    await page.goto(`${server.url}/search/?q=${encodeURIComponent(query.q)}`);
    // Done when the filters' counts are shown too (they are read after the first results), so `bytes` is all the
    // query fetched.
    await page.waitForFunction(() => /出错|请/.test(document.getElementById('search-status').textContent) ||
      (window.__gongshiSearch && window.__gongshiSearch.countedAt), null, { timeout: 60000 });
    const wall = Date.now() - start;
    const seen = await page.evaluate(() => ({
      urls: [...document.querySelectorAll('#search-results > li h2 a')].map((a) => new URL(a.href).pathname),
      bytes: window.__gongshiSearch ? window.__gongshiSearch.bytes : 0,
      requests: window.__gongshiSearch ? window.__gongshiSearch.requests : 0,
      files: window.__gongshiSearch ? window.__gongshiSearch.files : [],
      shownAt: window.__gongshiSearch && window.__gongshiSearch.shownAt,
      countedAt: window.__gongshiSearch && window.__gongshiSearch.countedAt,
      status: document.getElementById('search-status').textContent,
    }));
    const rank = seen.urls.findIndex((u) => query.expected.includes(u)) + 1;
    // Time to first results: from the navigation's start to the results on the page (the page's own clock).
    const ms = seen.shownAt ? Math.round(seen.shownAt) : wall;
    rows.push({ ...query, expected: query.expected.length, rank, ms, countedMs: Math.round(seen.countedAt || 0), wall,
                bytes: seen.bytes, requests: seen.requests,
                first: seen.urls[0] || '', status: seen.status, files: seen.files });
  }
} finally {
  await browser.close();
  await server.close();
}

// Pagefind 1.6 through its own JS API: a fresh page per query (as a person arriving), the first index loaded and the
// others merged, then search(q) and the first 20 results' data.
async function askPagefind(query) {
  await page.goto(`${server.url}/`);
  fetched = 0;
  const seen = await page.evaluate(async ({ parts, q }) => {
    const t0 = performance.now();
    const pf = await import(`/${parts[0]}/pagefind.js`);
    await pf.options({ basePath: `/${parts[0]}/` });
    for (const p of parts.slice(1)) await pf.mergeIndex(`/${p}/`);
    const found = await pf.search(q);
    const data = await Promise.all(found.results.slice(0, 20).map((r) => r.data()));
    const ms = performance.now() - t0;
    return { urls: data.map((d) => d.url), ms, count: found.results.length };
  }, { parts: pagefindParts, q: query.q });
  await new Promise((resolve) => setTimeout(resolve, 50));  // the last requestfinished events
  const rank = seen.urls.findIndex((u) => query.expected.includes(u)) + 1;
  return { expected: query.expected.length, rank, ms: Math.round(seen.ms), bytes: fetched, first: seen.urls[0] || '',
           status: `${seen.count} results` };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : 0;
};
const summary = {};
for (const kind of ['name', 'community', 'county', 'number', 'all']) {
  const of = rows.filter((r) => kind === 'all' || r.kind === kind);
  summary[kind] = {
    queries: of.length,
    recall_at_1: of.filter((r) => r.rank === 1).length / (of.length || 1),
    recall_at_3: of.filter((r) => r.rank >= 1 && r.rank <= 3).length / (of.length || 1),
    median_bytes: median(of.map((r) => r.bytes)),
    max_bytes: Math.max(0, ...of.map((r) => r.bytes)),
    median_ms: median(of.map((r) => r.ms)),
    max_ms: Math.max(0, ...of.map((r) => r.ms)),
    median_counted_ms: median(of.map((r) => r.countedMs || 0)),
  };
}
for (const r of rows.filter((r) => r.rank !== 1))
  console.log(`miss: ${r.kind} ${JSON.stringify(r.q)}: rank ${r.rank || '-'} (first ${r.first}; ${r.status})`);
for (const [kind, s] of Object.entries(summary))
  console.log(`${kind.padEnd(9)} ${String(s.queries).padStart(4)} queries  recall@1 ${(100 * s.recall_at_1).toFixed(1)}%  ` +
    `recall@3 ${(100 * s.recall_at_3).toFixed(1)}%  bytes median ${s.median_bytes} max ${s.max_bytes}  ` +
    `first results median ${s.median_ms} ms max ${s.max_ms} ms  counts shown median ${s.median_counted_ms} ms`);
if (jsonOut) fs.writeFileSync(jsonOut, JSON.stringify({ summary, rows }, null, 1));
const misses = rows.filter((r) => r.rank !== 1).length;
console.log(`ranking: ${rows.length - misses} of ${rows.length} queries found their page first`);
if (strict && misses) process.exit(1);
