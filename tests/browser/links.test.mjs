// The built site as a crawler sees it (issue 4 "How we will check it", issue 7 item 6): every internal
// link and asset reference of every page resolves (href, src, srcset, CSS url(), redirect targets,
// fragments), the feed and the sitemap list only real pages, every URL of ../shared/DESIGN.md's table (copied here) exists,
// and every page's header offers search.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { siteDir, resolveFile, walk, readProjects } from './support.mjs';

const root = siteDir();
const files = walk(root);
const htmlFiles = files.filter((f) => f.endsWith('.html'));
const baseUrl = readBaseUrl();

function readBaseUrl() {
  const home = fs.readFileSync(path.join(root, 'index.html'), 'utf8');
  const m = home.match(/<link rel="canonical" href="([^"]+)"/);
  if (!m) throw new Error('home page has no canonical link');
  return new URL(m[1]).origin + '/';
}

function decodeEntities(s) {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos|#39);/gi, (all, e) => {
    const named = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    if (named[e.toLowerCase()]) return named[e.toLowerCase()];
    if (e[1] === 'x' || e[1] === 'X') return String.fromCodePoint(parseInt(e.slice(2), 16));
    return String.fromCodePoint(parseInt(e.slice(1), 10));
  });
}

// Attributes that reference other resources, in the markup the generator writes (double-quoted).
function references(html) {
  const out = [];
  const attr = /\s(href|src|srcset|poster|action|data)="([^"]*)"/g;
  for (const m of html.matchAll(attr)) {
    const value = decodeEntities(m[2]);
    if (m[1] === 'srcset') for (const part of value.split(',')) { const u = part.trim().split(/\s+/)[0]; if (u) out.push(u); }
    else out.push(value);
  }
  const refresh = html.match(/<meta http-equiv="refresh" content="\d+;\s*url=([^"]+)"/i);
  if (refresh) out.push(decodeEntities(refresh[1]));
  return out;
}

// "/x/" for an internal reference (relative, root-relative or on the site's own base URL), else null.
function internalUrl(ref, pageUrl) {
  if (/^(mailto|tel|data|javascript):/i.test(ref)) return null;
  const u = new URL(ref, new URL(pageUrl, baseUrl));
  if (u.origin !== new URL(baseUrl).origin) return null;
  return u;
}

const idCache = new Map();
function idsOf(file) {
  if (!idCache.has(file)) {
    const html = fs.readFileSync(file, 'utf8');
    idCache.set(file, new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => decodeEntities(m[1]))));
  }
  return idCache.get(file);
}

function pageUrlOf(rel) {
  return '/' + rel.replace(/(^|\/)index\.html$/, '$1');
}

function check(ref, pageUrl, broken, where) {
  const u = internalUrl(ref, pageUrl);
  if (!u) return;
  const hit = resolveFile(root, u.pathname);
  if (!hit || hit.redirect) { broken.push(`${where}: ${ref} → ${u.pathname} does not exist`); return; }
  if (u.hash.length > 1 && hit.file.endsWith('.html')) {
    const id = decodeURIComponent(u.hash.slice(1));
    if (!idsOf(hit.file).has(id)) broken.push(`${where}: ${ref} → no element with id "${id}"`);
  }
}

function isRedirectPage(file) {
  return /<meta http-equiv="refresh"/i.test(fs.readFileSync(file, 'utf8'));
}

test('the site has pages to crawl', () => {
  assert.ok(htmlFiles.length > 100, `found ${htmlFiles.length} HTML files`);
});

test('every internal href/src/srcset of every HTML page resolves (fragments included)', () => {
  const broken = [];
  let checked = 0;
  for (const rel of htmlFiles) {
    const html = fs.readFileSync(path.join(root, rel), 'utf8');
    for (const ref of references(html)) { check(ref, pageUrlOf(rel), broken, rel); checked++; }
  }
  assert.ok(checked > 1000, `checked ${checked} references`);
  assert.deepEqual(broken, []);
});

test('every url() in the stylesheets resolves', () => {
  const broken = [];
  for (const rel of files.filter((f) => f.endsWith('.css'))) {
    const css = fs.readFileSync(path.join(root, rel), 'utf8');
    for (const m of css.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g)) check(m[1], '/' + rel, broken, rel);
  }
  assert.deepEqual(broken, []);
});

test('stylesheet and script are fingerprinted and every page links the same ones', () => {
  const assets = files.filter((f) => f.startsWith('assets/'));
  const css = assets.filter((f) => /^assets\/style\.[0-9a-f]{6,}\.css$/.test(f));
  const js = assets.filter((f) => /^assets\/site\.[0-9a-f]{6,}\.js$/.test(f));
  assert.equal(css.length, 1, `one fingerprinted stylesheet: ${assets.join(', ')}`);
  assert.equal(js.length, 1, `one fingerprinted script: ${assets.join(', ')}`);
  const problems = [];
  for (const rel of htmlFiles) {
    const file = path.join(root, rel);
    if (isRedirectPage(file)) continue;
    const html = fs.readFileSync(file, 'utf8');
    if (!html.includes(`href="/${css[0]}"`)) problems.push(`${rel}: does not link /${css[0]}`);
    if (!html.includes(`src="/${js[0]}"`)) problems.push(`${rel}: does not load /${js[0]}`);
  }
  assert.deepEqual(problems, []);
});

test('the Atom feed and the sitemap list only real pages', () => {
  const broken = [];
  const feed = fs.readFileSync(path.join(root, 'feed.xml'), 'utf8');
  const feedLinks = [...feed.matchAll(/<link [^>]*href="([^"]+)"/g)].map((m) => decodeEntities(m[1]));
  const entryIds = [...feed.matchAll(/<entry>[\s\S]*?<id>([^<]+)<\/id>/g)].map((m) => decodeEntities(m[1]));
  assert.ok(entryIds.length > 0, 'the feed has entries');
  for (const ref of [...feedLinks, ...entryIds]) {
    check(ref, '/feed.xml', broken, 'feed.xml');
    assert.equal(new URL(ref).origin, new URL(baseUrl).origin, `feed URL on the site's base: ${ref}`);
  }
  const sitemap = fs.readFileSync(path.join(root, 'sitemap.xml'), 'utf8');
  const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => decodeEntities(m[1]));
  assert.ok(locs.length > 100, `sitemap lists ${locs.length} URLs`);
  for (const loc of locs) {
    check(loc, '/sitemap.xml', broken, 'sitemap.xml');
    const hit = resolveFile(root, new URL(loc).pathname);
    if (hit && hit.file) {
      if (!hit.file.endsWith('.html')) broken.push(`sitemap.xml: ${loc} is not a page`);
      else if (isRedirectPage(hit.file)) broken.push(`sitemap.xml: ${loc} is a redirect, not a page`);
    }
  }
  const robots = fs.readFileSync(path.join(root, 'robots.txt'), 'utf8');
  for (const m of robots.matchAll(/^Sitemap:\s*(\S+)/gim)) check(m[1], '/robots.txt', broken, 'robots.txt');
  assert.deepEqual(broken, []);
  // Every content page is in the sitemap.
  const inSitemap = new Set(locs.map((l) => new URL(l).pathname));
  for (const p of readProjects()) assert.ok(inSitemap.has(`/projects/${p.id}/`), `sitemap lists /projects/${p.id}/`);
});

test("every URL of DESIGN.md's table exists", () => {
  const projects = readProjects();
  const years = [...new Set(projects.map((p) => p.program_year))];
  const tiers = [...new Set(projects.flatMap((p) => p.tiers))];
  const cities = [...new Set(projects.map((p) => p.city_id))];
  const urls = ['/', '/notices/', '/replies/', '/cities/', '/projects/', '/data/', '/search/', '/feed.xml',
    '/sitemap.xml', '/404.html', '/robots.txt', '/data/projects.csv', '/data/projects.json', '/data/ratings.csv',
    '/data/ratings.json', '/data/tasks.csv', '/data/tasks.json', '/ratings/',
    ...projects.map((p) => `/projects/${p.id}/`), ...cities.map((c) => `/cities/${c}/`),
    ...years.map((y) => `/ratings/${y}/`), ...years.flatMap((y) => tiers.map((t) => `/ratings/${y}/${t}/`)),
    '/tasks/2023/', '/notices/jinminhan-2023-169/'];
  const missing = urls.filter((u) => { const h = resolveFile(root, u); return !h || !h.file; });
  assert.deepEqual(missing, []);
  // Notices and replies listed on their index pages have pages.
  for (const index of ['notices', 'replies']) {
    const html = fs.readFileSync(path.join(root, index, 'index.html'), 'utf8');
    const docs = [...html.matchAll(new RegExp(`href="(/${index}/[a-z0-9-]+/)"`, 'g'))].map((m) => m[1]);
    assert.ok(docs.length > 0, `/${index}/ lists documents`);
    assert.deepEqual(docs.filter((u) => { const h = resolveFile(root, u); return !h || !h.file; }), [],
      `every document /${index}/ lists has a page`);
  }
});

test('every page (redirects aside) has lang, a canonical URL, a breadcrumb or is home, and a search entry in its header', () => {
  const problems = [];
  for (const rel of htmlFiles) {
    const file = path.join(root, rel);
    if (isRedirectPage(file)) continue;
    const html = fs.readFileSync(file, 'utf8');
    if (!/<html lang="zh-CN">/.test(html)) problems.push(`${rel}: no lang="zh-CN"`);
    if (rel !== 'index.html' && !/<nav class="breadcrumb[^"]*" aria-label="位置">/.test(html)) problems.push(`${rel}: no breadcrumb`);
    if (!/<link rel="canonical" href="https?:\/\//.test(html)) problems.push(`${rel}: no canonical link`);
    const header = (html.match(/<header class="site-header">([\s\S]*?)<\/header>/) || [])[1];
    if (!header) { problems.push(`${rel}: no site header`); continue; }
    const form = /<form[^>]*action="\/search\/"[^>]*>[\s\S]*?name="q"[\s\S]*?<\/form>/.test(header);
    const link = /<a [^>]*href="\/search\/(\?q=[^"]*)?"/.test(header);
    if (!form && !link) problems.push(`${rel}: header has no search entry`);
  }
  assert.deepEqual(problems, []);
});
