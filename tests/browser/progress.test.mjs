// Progress between notices (issue 21) as a reader sees it. On the example site (tests/fixtures/progress, every
// progress record marked 示例): a project's status timeline with each stage's notice and on-time/late; a city's
// progress table by month and its score curve; /progress/2023/ with its chart and data table. On the real site,
// which has no progress notice: the schedule, a plain statement, and no chart. axe on every new page.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { HtmlValidate } from 'html-validate';
import { serveSite, launchBrowser, walk } from './support.mjs';

const require = createRequire(import.meta.url);
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

const exampleDir = process.env.GONGSHI_PROGRESS_SITE;
let example;
let real;
let browser;

before(async () => {
  assert.ok(exampleDir, 'GONGSHI_PROGRESS_SITE points at the example site built from tests/fixtures/progress');
  example = await serveSite(exampleDir);
  real = await serveSite();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await example?.close();
  await real?.close();
});

async function open(server, url) {
  const page = await browser.newPage();
  const res = await page.goto(server.url + url);
  assert.equal(res.status(), 200, url);
  return page;
}

// The cells of a table's body rows, as text; `scope` is a page or a locator.
async function rows(scope, selector) {
  return scope.locator(`${selector} tbody tr`)
    .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent.trim())));
}

test('a project page shows each stage with its notice, on time or late against the plan', async () => {
  const page = await open(example, '/projects/datong-pingcheng-boxue-2023/');
  assert.deepEqual(await rows(page, 'table.timeline-table'), [
    ['2023年4月', '选址确定', '2023-02-25', '逾期：计划2月中旬前（六（一））', '（示例）2月25日确定选址存在问题：（示例）选址晚于计划', '（示例）晋民函〔2023〕904号'],
    ['2023年6月', '开工', '2023-06-05', '逾期：计划5月份（六（二））', '（示例）6月5日开工存在问题：（示例）配套资金未按时到位', '（示例）晋民函〔2023〕906号'],
  ]);
  await page.click('table.timeline-table >> text=（示例）晋民函〔2023〕906号');
  assert.match(page.url(), /\/notices\/shili-jindu-2023-06\/$/);
  const onTime = await open(example, '/projects/taiyuan-qingxu-jinshatan-2023/');
  const stages = await rows(onTime, 'table.timeline-table');
  assert.deepEqual(stages.map((r) => r[3]), ['按期：计划2月中旬前（六（一））', '按期：计划5月份（六（二））']);
  await page.close();
  await onTime.close();
});

test("a city page shows its progress table by month and its score curve", async () => {
  const page = await open(example, '/cities/taiyuan/');
  assert.deepEqual((await rows(page, 'table.stage-table')).map((r) => r.slice(0, 7)), [
    ['2023年4月', '1', '0', '0', '0', '0', '1'],
    ['2023年6月', '0', '2', '1', '0', '0', '3'],
  ]);
  const curve = page.locator('figure.chart', { hasText: '太原市评估得分（按月）' });
  assert.equal(await curve.locator('svg polyline').count(), 1);
  assert.equal(await curve.locator('svg circle').count(), 2);
  assert.deepEqual(await rows(page, 'figure.chart table.score-table'), [['2023年4月', '55'], ['2023年6月', '75']]);
  await page.close();
});

test('/progress/2023/ shows the schedule, the province chart with its data table, and the score curves', async () => {
  const page = await open(example, '/progress/2023/');
  assert.equal(await page.locator('ol.timeline li').count(), 6);
  assert.match(await page.locator('ol.timeline li').first().textContent(), /2月中旬前.*六（一）/s);
  const chart = page.locator('figure.chart', { hasText: '全省各阶段项目数（按月）' });
  assert.equal(await chart.locator('svg[role=img] rect').count(), 3);  // April: 选址确定; June: 开工, 主体完工
  assert.deepEqual((await rows(chart, 'table.stage-table')).map((r) => r.slice(0, 7)), [
    ['2023年4月', '2', '0', '0', '0', '0', '2'],
    ['2023年6月', '0', '3', '1', '0', '0', '4'],
  ]);
  const scores = page.locator('figure.chart', { hasText: '各市评估得分（按月）' });
  assert.equal(await scores.locator('svg polyline').count(), 2);
  assert.deepEqual(await rows(scores, 'table.score-table'), [['2023年4月', '55', '35'], ['2023年6月', '75', '55']]);
  await page.close();
});

test('the real site shows the 2023 schedule and says plainly that no progress notice has been published', async () => {
  const page = await open(real, '/progress/2023/');
  assert.equal(await page.locator('ol.timeline li').count(), 6);
  assert.match(await page.textContent('main'), /本站尚未收录2023年的进度通报/);
  assert.equal(await page.locator('svg').count(), 0, 'no chart without a progress notice');
  const home = await open(real, '/');
  assert.equal(await home.locator('a[href="/progress/2023/"]').count(), 1);
  await page.close();
  await home.close();
});

for (const scheme of ['light', 'dark']) {
  test(`axe-core finds no violation on the new pages (${scheme} scheme)`, async () => {
    const violations = [];
    const audits = [[example, '/progress/2023/'], [example, '/cities/taiyuan/'],
      [example, '/projects/datong-pingcheng-boxue-2023/'], [real, '/progress/2023/']];
    for (const [server, url] of audits) {
      const page = await browser.newPage();
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(server.url + url);
      await page.evaluate(axeSource);
      const result = await page.evaluate((runTags) => window.axe.run(document, {
        runOnly: { type: 'tag', values: runTags }, resultTypes: ['violations'],
      }), tags);
      violations.push(...result.violations.map((v) => `${url}: ${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`));
      await page.close();
    }
    assert.deepEqual(violations, []);
  });
}

// The pages this issue adds to or changes (the fixture's copy of the plan has a table html-validate dislikes).
test('the example site\'s progress, city, project and data pages pass html-validate', async () => {
  const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
  const { $schema, ...config } = JSON.parse(fs.readFileSync(path.join(repo, '.htmlvalidate.json'), 'utf8'));
  const validator = new HtmlValidate(config);
  const files = walk(exampleDir).filter((f) => f.endsWith('.html') && /^(progress|cities|projects|data)\/|^index\.html$/.test(f));
  assert.ok(files.includes('progress/2023/index.html'));
  const errors = [];
  for (const rel of files) {
    const report = await validator.validateFile(path.join(exampleDir, rel));
    for (const r of report.results) for (const m of r.messages) if (m.severity >= 2) errors.push(`${rel}:${m.line}: ${m.ruleId}: ${m.message}`);
  }
  assert.deepEqual(errors, []);
});
