import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type EvalCommandDeps, runEvalCommand } from '../../src/eval/command.js';
import type { EvalLog } from '../../src/eval/log.js';
import { createReplayProvider, recordingProvider } from '../../src/providers/replay.js';
import type { FindingInput } from '../../src/review/schema.js';
import { call, scriptedProvider } from '../helpers/scripted-provider.js';

const FIXTURES = path.resolve('test/fixtures/eval');

const FINDINGS: Record<string, FindingInput[]> = {
  'scaler-before-split': [
    {
      severity: 'CRITICAL',
      title: 'Scaler fitted before the train/test split',
      file: 'train.py',
      line: 13,
      issue: 'StandardScaler is fitted on all rows, test rows included.',
      impact: 'Test scores are optimistic.',
      fix: 'Split first and fit the scaler on the training rows (use a Pipeline).',
      current: 'X_scaled = scaler.fit_transform(X)',
    },
  ],
  'smote-before-split': [
    {
      severity: 'CRITICAL',
      title: 'SMOTE applied before the split',
      file: 'train.py',
      line: 12,
      issue: 'Synthetic rows are interpolated from test rows.',
      impact: 'The test set is no longer unseen.',
      fix: 'Oversample inside the training folds only.',
      current: 'X_resampled, y_resampled = SMOTE(random_state=0).fit_resample(X, y)',
    },
  ],
  'clean-split-first': [],
};

/** A model (a scripted custom provider) that finds the planted issues except in `skip`. */
function model(skip: string[] = []): NonNullable<EvalCommandDeps['createProvider']> {
  return (options, { case: id }) => {
    if (options.id === 'replay') return createReplayProvider(options.cassette ?? '', { strict: true });
    const findings = skip.includes(id) ? [] : (FINDINGS[id] ?? []);
    const { provider } = scriptedProvider([[call('submit_review', { summary: 'Reviewed train.py.', findings })]], { repeatLast: true });
    return options.record ? recordingProvider(provider, options.record) : provider;
  };
}

async function workspace(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'eval-cmd-'));
  await cp(path.join(FIXTURES, 'suite'), path.join(dir, 'evals', 'eval-fixture'), { recursive: true });
  await cp(path.join(FIXTURES, 'agents'), path.join(dir, 'agents'), { recursive: true });
  return dir;
}

async function run(cwd: string, args: string[], deps: EvalCommandDeps = {}, isTTY = false) {
  let stdout = '';
  let stderr = '';
  const code = await runEvalCommand(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), isTTY, cwd, env: {} }, deps);
  return { code, stdout, stderr };
}

const AGENT = ['--agent', 'eval-fixture', '--provider', 'scripted'];

describe('review-agent eval', () => {
  it('accepts a baseline, passes an unchanged run and fails a weakened one naming the flipped case', async () => {
    const cwd = await workspace();
    const first = await run(cwd, [...AGENT, '--update-baseline'], { createProvider: model() });
    expect(first.stderr).toContain('wrote the baseline evals/eval-fixture/baseline.scripted.json');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/scaler-before-split\s+block → block\s+1\s+0\s+0/);
    const baseline = await readFile(path.join(cwd, 'evals/eval-fixture/baseline.scripted.json'), 'utf8');
    expect(baseline).not.toContain(cwd);

    const same = await run(cwd, AGENT, { createProvider: model() });
    expect(same.code).toBe(0);
    expect(same.stdout).toContain('result: no regression');

    const weak = await run(cwd, AGENT, { createProvider: model(['smote-before-split']) });
    expect(weak.code).toBe(1);
    expect(weak.stdout).toContain('smote-before-split: caught→missed (train.py:12-13 oversampling-before-split)');
    expect(weak.stderr).toContain('regression against evals/eval-fixture/baseline.scripted.json: smote-before-split');
  });

  it('runs shards whose merged log has the totals of one run', async () => {
    const cwd = await workspace();
    const deps = { createProvider: model(['scaler-before-split']) };
    expect((await run(cwd, [...AGENT, '--report', 'json', '--output', 'full.json'], deps)).code).toBe(0);
    for (const i of [1, 2]) {
      const shard = await run(cwd, [...AGENT, '--shard', `${i}/2`, '--report', 'json', '--output', `shard-${i}.json`], deps);
      expect(shard.code).toBe(0);
      expect(shard.stdout).toContain(`shard ${i}/2`);
    }
    const merged = await run(cwd, ['merge', 'shard-2.json', 'shard-1.json', '--report', 'json', '--output', 'merged.json']);
    expect(merged.code).toBe(0);
    const read = async (f: string) => JSON.parse(await readFile(path.join(cwd, f), 'utf8')) as EvalLog;
    const [full, joined] = [await read('full.json'), await read('merged.json')];
    const timeless = (log: EvalLog) => {
      const { durationMs: _d, ...metrics } = log.results.metrics;
      const cases = log.results.cases.map(({ durationMs: _c, ...rest }) => rest);
      return { metrics, cases, samples: log.samples.map((s) => ({ case: s.case, trial: s.trial, status: s.status, findings: s.review?.findings })) };
    };
    expect(timeless(joined)).toEqual(timeless(full));
    expect(joined.spec).toEqual(full.spec);
    expect(joined.results.metrics.all.counts).toEqual({ tp: 1, fp: 0, fn: 1 });
    const twice = await run(cwd, ['merge', 'shard-1.json', 'shard-1.json']);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain('is in both shard-1.json and shard-1.json');
  });

  it('records cassettes, replays them, and reports a changed prompt as a replay mismatch per case', async () => {
    const cwd = await workspace();
    const deps = { createProvider: model() };
    const recorded = await run(cwd, [...AGENT, '--record'], deps);
    expect(recorded.code).toBe(0);
    expect(recorded.stderr).toContain('recorded cassettes in evals/eval-fixture/cassettes/scripted/');
    await run(cwd, ['--agent', 'eval-fixture', '--provider', 'replay', '--update-baseline'], deps);
    const replayed = await run(cwd, ['--agent', 'eval-fixture', '--provider', 'replay'], deps);
    expect(replayed.code).toBe(0);
    expect(replayed.stdout).toMatch(/eval-fixture · replay \(script-1\)/);
    expect(replayed.stdout).toMatch(/scaler-before-split\s+block → block\s+1\s+0\s+0/);

    const agentFile = path.join(cwd, 'agents', 'eval-fixture.md');
    await writeFile(agentFile, (await readFile(agentFile, 'utf8')).replace('for data leakage', 'for data leakage and seeds'));
    const changed = await run(cwd, ['--agent', 'eval-fixture', '--provider', 'replay', '--report', 'json'], deps);
    expect(changed.code).toBe(1);
    const log = JSON.parse(changed.stdout) as EvalLog;
    expect(log.samples.map((s) => s.status)).toEqual(['error', 'error', 'error']);
    for (const s of log.samples) expect(s.error).toMatch(/^replay mismatch: request 1 does not match .*system/);
    expect(changed.stderr).toContain('3 sample(s) could not be evaluated');
  });

  it('says which cassette is missing', async () => {
    const cwd = await workspace();
    await run(cwd, [...AGENT, '--record'], { createProvider: model() });
    await cp(path.join(cwd, 'evals/eval-fixture/clean-split-first'), path.join(cwd, 'evals/eval-fixture/zz-new-case'), { recursive: true });
    const result = await run(cwd, ['--agent', 'eval-fixture', '--provider', 'replay', '--report', 'json'], { createProvider: model() });
    const log = JSON.parse(result.stdout) as EvalLog;
    const missing = log.samples.find((s) => s.case === 'zz-new-case');
    expect(missing?.error).toMatch(/no cassette for case "zz-new-case" .* Fix: record it: review-agent eval --provider scripted --record/);
    expect(result.code).toBe(1);
  });

  it('writes html and junit reports and draws progress only on a TTY', async () => {
    const cwd = await workspace();
    const html = await run(cwd, [...AGENT, '--report', 'html', '--output', 'out/report.html'], { createProvider: model() }, true);
    expect(html.code).toBe(0);
    expect(await readFile(path.join(cwd, 'out/report.html'), 'utf8')).toContain('<h1>Eval: eval-fixture · scripted (script-1)</h1>');
    expect(html.stderr).toMatch(/\r\x1b\[K█+ 3\/3/);
    const junit = await run(cwd, [...AGENT, '--report', 'junit', '--concurrency', '1'], { createProvider: model() }, false);
    expect(junit.stdout).toContain('<testsuites name="review-agent eval" tests="3" failures="0" errors="0"');
    expect(junit.stderr).not.toContain('\r');
  });

  it('rejects bad flags and broken cases with exit 2, naming the case and the field', async () => {
    const cwd = await workspace();
    const bad = async (args: string[]) => run(cwd, args, { createProvider: model() });
    expect((await bad([...AGENT, '--shard', '3/2'])).stderr).toContain('--shard must be i/n');
    expect((await bad([...AGENT, '--report', 'pdf'])).code).toBe(2);
    expect((await bad(['--provider', 'scripted'])).stderr).toContain('--agent is required');
    expect((await bad([...AGENT, '--trials', '0'])).stderr).toContain('--trials must be a positive whole number');
    await cp(path.join(FIXTURES, 'invalid', 'bad-lines'), path.join(cwd, 'evals/eval-fixture/bad-lines'), { recursive: true });
    const broken = await bad(AGENT);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('case "bad-lines"');
    expect(broken.stderr).toContain('expected[0].lines: lines must be [start, end] with start <= end');
  });
});
