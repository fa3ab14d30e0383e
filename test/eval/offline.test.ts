import { cp, mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runEvalCommand } from '../../src/eval/command.js';
import type { EvalLog } from '../../src/eval/log.js';

/** End to end: the real CLI entry, the built-in model-trainer agent, the real loop and the offline analyzer. */
async function workspace(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'eval-offline-'));
  await cp(path.resolve('test/fixtures/eval/suite'), path.join(dir, 'suite'), { recursive: true });
  return dir;
}

async function run(cwd: string, args: string[], suites = ['suite']) {
  let stdout = '';
  let stderr = '';
  const code = await runEvalCommand(['--agent', 'model-trainer', ...suites.flatMap((s) => ['--suite', s]), '--provider', 'offline', ...args], {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    isTTY: false,
    cwd,
    env: {},
  });
  return { code, stdout, stderr };
}

describe('eval with the offline analyzer', () => {
  it('scores a small suite: every planted leak caught, the clean case approved', async () => {
    const cwd = await workspace();
    const result = await run(cwd, ['--report', 'json']);
    expect(result.code).toBe(0);
    const log = JSON.parse(result.stdout) as EvalLog;
    expect(log.spec).toMatchObject({ agent: 'model-trainer', provider: 'offline', suite: 'suite', trials: 1, window: 3 });
    expect(log.results.metrics.all.counts).toEqual({ tp: 2, fp: 0, fn: 0 });
    expect(log.results.metrics.severe.counts).toEqual({ tp: 2, fp: 0, fn: 0 });
    expect(log.results.metrics.verdictAccuracy.value).toBe(1);
    expect(log.results.cases.map((c) => [c.id, c.verdicts])).toEqual([
      ['clean-split-first', ['approve']],
      ['scaler-before-split', ['block']],
      ['smote-before-split', ['block']],
    ]);
  });

  it('reports a deliberately weakened rule set as a regression, naming the flipped case', async () => {
    const cwd = await workspace();
    expect((await run(cwd, ['--update-baseline'])).code).toBe(0);
    const baseline = await readFile(path.join(cwd, 'suite', 'baseline.offline.json'), 'utf8');
    expect(JSON.parse(baseline).cases['smote-before-split'].caught).toEqual({ 'train.py:12-13 oversampling-before-split': 1 });

    const unchanged = await run(cwd, []);
    expect(unchanged.code).toBe(0);
    expect(unchanged.stdout).toContain('result: no regression');

    const weakened = await run(cwd, ['--disable-rule', 'oversampling-before-split']);
    expect(weakened.code).toBe(1);
    expect(weakened.stdout).toContain('smote-before-split: caught→missed (train.py:12-13 oversampling-before-split)');
    expect(weakened.stdout).toMatch(/recall\s+1\.00 → 0\.50\s+-0\.50\s+REGRESSED/);
    expect(weakened.stderr).toContain('regression against suite/baseline.offline.json: smote-before-split');
    // The baseline is untouched by a failing run.
    expect(await readFile(path.join(cwd, 'suite', 'baseline.offline.json'), 'utf8')).toBe(baseline);
  });

  it('gives the same totals in two shards merged as in one run', async () => {
    const cwd = await workspace();
    await run(cwd, ['--report', 'json', '--output', 'whole.json']);
    await run(cwd, ['--shard', '1/2', '--report', 'json', '--output', 'a.json']);
    await run(cwd, ['--shard', '2/2', '--report', 'json', '--output', 'b.json']);
    let stdout = '';
    const code = await runEvalCommand(['merge', 'a.json', 'b.json', '--report', 'json'], {
      stdout: (s) => (stdout += s),
      stderr: () => undefined,
      isTTY: false,
      cwd,
      env: {},
    });
    expect(code).toBe(0);
    const merged = JSON.parse(stdout) as EvalLog;
    const whole = JSON.parse(await readFile(path.join(cwd, 'whole.json'), 'utf8')) as EvalLog;
    expect(merged.results.metrics.all).toEqual(whole.results.metrics.all);
    expect(merged.results.metrics.severe).toEqual(whole.results.metrics.severe);
    expect(merged.results.metrics.verdictAccuracy).toEqual(whole.results.metrics.verdictAccuracy);
    expect(merged.samples.map((s) => s.review?.findings)).toEqual(whole.samples.map((s) => s.review?.findings));
  });

  it('scores several suites in one run, each against its own baseline, and fails if any regressed', async () => {
    const cwd = await workspace();
    await cp(path.join(cwd, 'suite'), path.join(cwd, 'other'), { recursive: true });
    // Only the copy's baseline records the SMOTE case as caught, so only the copy regresses when the rule is off.
    expect((await run(cwd, ['--update-baseline'], ['other'])).code).toBe(0);
    expect((await run(cwd, ['--update-baseline', '--disable-rule', 'oversampling-before-split'])).code).toBe(0);

    const both = await run(cwd, ['--disable-rule', 'oversampling-before-split'], ['suite', 'other']);
    expect(both.code).toBe(1);
    expect(both.stdout.indexOf('== suite\n')).toBeLessThan(both.stdout.indexOf('== other\n'));
    expect(both.stdout.match(/result: no regression/g)).toHaveLength(1);
    expect(both.stdout).toContain('smote-before-split: caught→missed');
    expect(both.stdout).toContain('2 suites scored: 1 failed (other: exit 1)');
    expect(both.stderr).toContain('regression against other/baseline.offline.json: smote-before-split');

    // A suite that cannot be loaded is reported, and the others are still scored.
    const broken = await run(cwd, [], ['missing', 'other']);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/review-agent eval: .*missing/);
    expect(broken.stdout).toContain('== other\n');
    expect(broken.stdout).toContain('result: no regression');
    expect(broken.stdout).toContain('2 suites scored: 1 failed (missing: exit 2)');
  });
});
