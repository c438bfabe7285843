// Shared support for gongshi's browser tests: a tiny static server over a
// built site folder and a launcher for Debian's Chromium via playwright-core.
//
// The site folder comes from GONGSHI_SITE (set by CTest, see
// tests/CMakeLists.txt); siteDir() resolves it and fails loudly when unset.

import http from 'node:http';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

export const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.pdf': 'application/pdf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.webmanifest': 'application/manifest+json',
};

export function contentType(file) {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** The built site folder under test (env GONGSHI_SITE). */
export function siteDir() {
  const dir = process.env.GONGSHI_SITE;
  if (!dir) throw new Error('GONGSHI_SITE is not set: point it at a built site folder (gongshi build --out DIR)');
  if (!fs.existsSync(path.join(dir, 'index.html'))) throw new Error(`GONGSHI_SITE=${dir} has no index.html`);
  return path.resolve(dir);
}

/** Map a URL path to a file inside root, or null when it escapes root or does not exist. */
export function resolveFile(root, urlPath) {
  let p;
  try { p = decodeURIComponent(urlPath.split('?')[0].split('#')[0]); } catch { return null; }
  if (p.includes('\0')) return null;
  let file = path.resolve(root, '.' + path.posix.normalize('/' + p));
  if (file !== root && !file.startsWith(root + path.sep)) return null;
  let st;
  try { st = fs.statSync(file); } catch { return null; }
  if (st.isDirectory()) {
    // "/dir" without the slash is not a page; only "/dir/" maps to dir/index.html.
    if (!p.endsWith('/')) return { redirect: p + '/' };
    file = path.join(file, 'index.html');
    try { st = fs.statSync(file); } catch { return null; }
  }
  return st.isFile() ? { file } : null;
}

/**
 * Serve `root` on 127.0.0.1 at a free port.
 * Returns { url, port, close(), requests } where requests logs every path served
 * (with status) so tests can check for 404s.
 */
export async function serveSite(root = siteDir()) {
  root = path.resolve(root);
  const requests = [];
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    const hit = resolveFile(root, url.pathname);
    if (hit && hit.redirect) {
      requests.push({ path: url.pathname, status: 301 });
      res.writeHead(301, { Location: hit.redirect + url.search });
      res.end();
      return;
    }
    let status = 200;
    let file = hit && hit.file;
    if (!file) {
      status = 404;
      file = path.join(root, '404.html');
    }
    requests.push({ path: url.pathname, status });
    let body;
    try { body = await fsp.readFile(file); } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('not found');
      return;
    }
    res.writeHead(status, { 'Content-Type': contentType(file), 'Content-Length': body.length, 'Cache-Control': 'no-store' });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    close: () => new Promise((resolve) => { server.closeAllConnections?.(); server.close(() => resolve()); }),
  };
}

export const CHROMIUM = process.env.GONGSHI_CHROMIUM || '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];

/**
 * Launch Debian's Chromium with a fresh user-data dir.
 * Returns a BrowserContext-like object: { browser, context, newContext(opts), close() }.
 * `browser.newContext(...)` cannot be used with a persistent context, so
 * newContext() opens extra pages sharing the profile; for JS-disabled or
 * differently-sized pages pass options to launchBrowser itself.
 */
export async function launchBrowser(contextOptions = {}) {
  const userDataDir = await fsp.mkdtemp(path.join(os.tmpdir(), 'gongshi-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    // Block anything not served by our own server: the site must make no external requests.
    ...contextOptions,
  });
  const externalRequests = [];
  context.on('request', (req) => {
    const u = new URL(req.url());
    if (!['127.0.0.1', 'localhost'].includes(u.hostname) && !['data:', 'blob:', 'about:'].includes(u.protocol)) {
      externalRequests.push(req.url());
    }
  });
  await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/]|localhost[:/])/, (route) => route.abort());
  return {
    context,
    externalRequests,
    async newPage() { return context.newPage(); },
    async close() {
      await context.close();
      await fsp.rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Every file under dir (relative POSIX paths), sorted. */
export function walk(dir, rel = '') {
  const out = [];
  for (const ent of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    const r = rel ? `${rel}/${ent.name}` : ent.name;
    if (ent.isDirectory()) out.push(...walk(dir, r));
    else out.push(r);
  }
  return out.sort();
}

/**
 * The published projects as the site's open data states them (data/projects.json, joined with data/ratings.json by project_id), each with
 * `tiers` (tier ids it was rated) and `ratingPairs` ([year, tier] of each rating).
 */
export function readProjects(root = siteDir()) {
  const read = (table) => JSON.parse(fs.readFileSync(path.join(root, 'data', `${table}.json`), 'utf8')).records;
  // A project's ratings are rows of the ratings table, joined by project_id.
  const pairs = new Map();
  for (const r of read('ratings')) {
    if (!pairs.has(r.project_id)) pairs.set(r.project_id, []);
    pairs.get(r.project_id).push([r.program_year, r.tier]);
  }
  return read('projects').map((r) => {
    const ratingPairs = pairs.get(r.id) ?? [];
    return { ...r, ratingPairs, tiers: [...new Set(ratingPairs.map(([, t]) => t))] };
  });
}

/** The projects a filter state { city, year, tier } should show (empty values mean "any"). */
export function expectedProjects(projects, { city = '', year = '', tier = '' } = {}) {
  return projects.filter((p) => (!city || p.city_id === city) && (!year || p.program_year === year) &&
    (!tier || p.tiers.includes(tier)));
}
