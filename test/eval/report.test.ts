import { existsSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { baselineFromLog } from '../../src/eval/baseline.js';
import type { EvalCase } from '../../src/eval/case.js';
import { compareWithBaseline } from '../../src/eval/compare.js';
import type { EvalLog } from '../../src/eval/log.js';
import { renderHtml } from '../../src/eval/report/html.js';
import { renderJunit, xmlEscape } from '../../src/eval/report/junit.js';
import { renderTable } from '../../src/eval/report/table.js';
import { type RunCase, runSuite } from '../../src/eval/runner.js';
import { expected, finding, review, spec } from './helpers/build.js';

const HOSTILE = `<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">`;

const cases: EvalCase[] = [
  spec('leak', 'block', [expected('train.py', [14, 16], 'CRITICAL', { rule: 'preprocessing-before-split', description: 'StandardScaler fitted on the full X' })]),
  spec('hostile', 'warning', [expected('train.py', [3, 3], 'HIGH', { description: `seed missing ${HOSTILE}` })], {
    description: `a case whose text tries ${HOSTILE}`,
  }),
  spec('clean', 'approve', []),
].map((s) => ({ ...s, dir: `/x/${s.id}`, repo: `/x/${s.id}/repo` }));

function agent(weak: boolean): RunCase {
  return async ({ case: c }) => {
    if (c.id === 'leak') {
      return { status: 'ok', review: review(weak ? [] : [finding('train.py', 15, 'CRITICAL', { title: 'Scaler fitted before the split' })]) };
    }
    if (c.id === 'hostile') {
      return { status: 'ok', review: review([finding('train.py', 3, 'HIGH', { title: `No seed ${HOSTILE}`, issue: `issue & "quotes" ${HOSTILE}` })]) };
    }
    return weak
      ? { status: 'ok', review: review([finding('eval.py', 9, 'HIGH', { title: 'Spurious warning', verification: { status: 'unverified' } })]) }
      : { status: 'ok', review: review([]) };
  };
}

const base = { agent: 'model-trainer', provider: 'offline', model: 'rules', suite: 'evals/model-trainer', cases } as const;

async function weakLog(): Promise<EvalLog> {
  const good = baselineFromLog(await runSuite({ ...base, runCase: agent(false) }));
  const weak = await runSuite({ ...base, runCase: agent(true) });
  return { ...weak, comparison: compareWithBaseline(weak.results.cases, good, { margin: 0, trials: 1, baselineFile: 'evals/model-trainer/baseline.offline.json' }) };
}

describe('table report', () => {
  it('shows per-case rows, overall scores and the flipped cases', async () => {
    const text = renderTable(await weakLog());
    expect(text).toMatch(/^model-trainer · offline \(rules\) · 3 cases × 1 trial · window ±3/);
    expect(text).toMatch(/leak\s+block → approve ✗\s+0\s+0\s+1/);
    expect(text).toMatch(/CRITICAL\/HIGH\s+precision 0\.50/);
    expect(text).toContain('leak: caught→missed (train.py:14-16 preprocessing-before-split)');
    expect(text).toContain('clean: clean→noisy (false positives per trial 0 → 1)');
    expect(text).toMatch(/recall\s+1\.00 → 0\.50\s+-0\.50\s+REGRESSED/);
    expect(text).toContain('result: REGRESSION');
  });
});

describe('junit report', () => {
  it('fails flipped cases and the gate, and escapes text', async () => {
    const xml = renderJunit(await weakLog());
    expect(xml).toContain('<testsuites name="review-agent eval" tests="4" failures="3" errors="0"');
    expect(xml).toMatch(/<testcase classname="eval.model-trainer" name="leak"[^>]*><failure message="caught→missed: train.py:14-16 preprocessing-before-split; verdict right→wrong: now approve">/);
    expect(xml).toMatch(/name="hostile"[^>]*><system-out>/);
    expect(xml).toMatch(/name="regression gate"[^>]*><failure message="regression against evals\/model-trainer\/baseline.offline.json: recall 1.00 → 0.50/);
    expect(xml).not.toContain('<script>');
    expect(xmlEscape('a\u0001<b>&"\'')).toBe('a&lt;b&gt;&amp;&quot;&apos;');
  });

  it('marks failed samples as errors', async () => {
    const log = await runSuite({ ...base, runCase: async () => ({ status: 'error', error: 'replay mismatch: the system prompt changed' }) });
    const xml = renderJunit(log);
    expect(xml).toContain('errors="3"');
    expect(xml).toContain('<error message="trial 1: replay mismatch: the system prompt changed">');
  });
});

const CHROMIUM = '/usr/bin/chromium';

describe('html report', () => {
  it('escapes everything taken from cases and findings', async () => {
    const html = renderHtml(await weakLog());
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).toContain('&#60;script&#62;window.__pwned = 1&#60;/script&#62;');
  });

  it.skipIf(!existsSync(CHROMIUM) && !process.env.CI)(`shows scores, the change from the baseline and each case side by side in Chromium (${CHROMIUM})`, async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'eval-html-'));
    const file = path.join(dir, 'report.html');
    await writeFile(file, renderHtml(await weakLog()));
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    try {
      const page = await browser.newPage();
      const requests: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      await page.goto(pathToFileURL(file).href);
      expect(await page.title()).toBe('Eval: model-trainer · offline (rules)');
      expect(await page.locator('#recall td').innerText()).toMatch(/^0\.50 \[\d\.\d\d, \d\.\d\d\]$/);
      expect(await page.locator('#precision td').innerText()).toMatch(/^0\.50 /);
      expect(await page.locator('#gate').innerText()).toBe('REGRESSION');
      const flips = await page.locator('ul.flips li').allInnerTexts();
      expect(flips).toContain('leak: caught→missed (train.py:14-16 preprocessing-before-split)');
      expect(flips).toContain('clean: clean→noisy (false positives per trial 0 → 1)');
      // Side by side: the missed expectation in the left column, nothing in the right.
      const leak = page.locator('#case-leak');
      expect(await leak.locator('.cell.expected.missed').innerText()).toContain('StandardScaler fitted on the full X');
      expect(await leak.locator('.pair').nth(1).locator('.cell').nth(1).innerText()).toBe('missed');
      const fp = page.locator('#case-clean .cell.found.fp');
      expect(await fp.innerText()).toContain('Spurious warning');
      expect(await fp.innerText()).toContain('unverified');
      // Hostile text shows as text and never runs.
      const hostile = page.locator('#case-hostile');
      expect(await hostile.locator('p').first().innerText()).toContain('<script>window.__pwned = 1</script>');
      expect(await hostile.locator('.cell.found.matched').innerText()).toContain('<img src=x onerror="window.__pwned = 2">');
      expect(await page.evaluate(() => (globalThis as { __pwned?: number }).__pwned)).toBeUndefined();
      expect(await page.locator('script').count()).toBe(0);
      expect(await page.locator('img').count()).toBe(0);
      expect(requests.filter((u) => !u.startsWith('file:'))).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
