// Every page of the built site passes html-validate (issue 7 item 6) with the repository's
// .htmlvalidate.json: html-validate:recommended with one rule off, for the reason given in
// tests/browser/README.md (void-style: <br> vs <br /> is spelling, not validity).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { HtmlValidate } from 'html-validate';
import { siteDir, walk } from './support.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const { $schema, ...config } = JSON.parse(fs.readFileSync(path.join(repo, '.htmlvalidate.json'), 'utf8'));
const validator = new HtmlValidate(config);

test('the configuration extends html-validate:recommended and still catches errors', async () => {
  assert.deepEqual(config.extends, ['html-validate:recommended']);
  const bad = await validator.validateString('<!DOCTYPE html><html><head><title>x</title></head><body><div><p>a</div><img src="x.png"></body></html>');
  const rules = bad.results.flatMap((r) => r.messages.map((m) => m.ruleId));
  for (const rule of ['element-required-attributes', 'no-implicit-close', 'wcag/h37']) assert.ok(rules.includes(rule), `catches ${rule}`);
  const off = Object.entries(config.rules || {}).filter(([, v]) => v === 'off' || (Array.isArray(v) && v[0] === 'off')).map(([k]) => k);
  const readme = fs.readFileSync(path.join(repo, 'tests', 'browser', 'README.md'), 'utf8');
  for (const rule of off) assert.ok(readme.includes(`\`${rule}\``), `tests/browser/README.md gives the reason ${rule} is off`);
});

test('every HTML page of the site has zero html-validate errors', async () => {
  const root = siteDir();
  const files = walk(root).filter((f) => f.endsWith('.html'));
  assert.ok(files.length > 100);
  const errors = [];
  for (const rel of files) {
    const report = await validator.validateFile(path.join(root, rel));
    for (const r of report.results) for (const m of r.messages) {
      if (m.severity >= 2) errors.push(`${rel}:${m.line}:${m.column}: ${m.ruleId}: ${m.message}`);
    }
  }
  assert.deepEqual(errors.slice(0, 40), [], `${errors.length} errors`);
});
