import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { baselineFromLog, readBaseline, writeBaseline } from '../../src/eval/baseline.js';
import type { EvalCase } from '../../src/eval/case.js';
import { compareWithBaseline } from '../../src/eval/compare.js';
import { mergeLogs, readLog, rescore } from '../../src/eval/log.js';
import { pool, type RunCase, runSuite, selectShard } from '../../src/eval/runner.js';
import type { Finding } from '../../src/review/schema.js';
import { expected, finding, review, spec } from './helpers/build.js';

function evalCase(id: string, s = spec(id, 'block', [expected('train.py', [10, 12], 'CRITICAL', { rule: 'leak' })])): EvalCase {
  return { ...s, id, dir: `/nowhere/${id}`, repo: `/nowhere/${id}/repo` };
}

const cases: EvalCase[] = [
  ...['c1', 'c2', 'c3', 'c4', 'c5'].map((id) => evalCase(id)),
  evalCase('clean', spec('clean', 'approve', [])),
];

/** A deterministic stand-in for an agent: finds the leak unless told to skip some cases. */
function agent(options: { skip?: string[]; noisy?: string[]; failOn?: string } = {}): RunCase {
  return async ({ case: c, trial }) => {
    if (c.id === options.failOn) throw new Error('provider exploded');
    const findings: Finding[] = [];
    if (c.expected.length && !options.skip?.includes(c.id)) findings.push(finding('train.py', 11, 'CRITICAL'));
    if (options.noisy?.includes(c.id)) findings.push(finding('train.py', 40, 'HIGH'));
    return { status: 'ok', review: review(findings, { durationMs: 10 + trial }) };
  };
}

const base = { agent: 'model-trainer', provider: 'test', model: 'm', suite: 'evals/model-trainer' } as const;

describe('runSuite', () => {
  it('runs every case and trial and records failures as failed samples', async () => {
    const log = await runSuite({ ...base, cases, runCase: agent({ failOn: 'c3' }), trials: 2, concurrency: 3 });
    expect(log.samples.map((s) => `${s.case}/${s.trial}`)).toEqual(
      ['c1', 'c2', 'c3', 'c4', 'c5', 'clean'].flatMap((id) => [`${id}/1`, `${id}/2`]),
    );
    const failed = log.samples.filter((s) => s.status === 'error');
    expect(failed.map((s) => s.error)).toEqual(['provider exploded', 'provider exploded']);
    expect(log.results.metrics.errors).toBe(2);
    expect(log.results.metrics.all.counts).toEqual({ tp: 8, fp: 0, fn: 2 });
    expect(log.status).toBe('success');
  });

  it('reports progress once per sample', async () => {
    const seen: string[] = [];
    await runSuite({ ...base, cases, runCase: agent(), concurrency: 2, onProgress: (p) => seen.push(`${p.done}/${p.total}`) });
    expect(seen).toEqual(['1/6', '2/6', '3/6', '4/6', '5/6', '6/6']);
  });

  it('stops starting samples once cancelled', async () => {
    const controller = new AbortController();
    const log = await runSuite({
      ...base,
      cases,
      concurrency: 1,
      signal: controller.signal,
      runCase: async (input) => {
        if (input.case.id === 'c2') controller.abort();
        return agent()(input);
      },
    });
    expect(log.status).toBe('cancelled');
    expect(log.samples.map((s) => s.case)).toEqual(['c1', 'c2']);
  });
});

describe('pool', () => {
  it('never runs more than the limit at once and keeps order', async () => {
    let running = 0;
    let peak = 0;
    const out = await pool([1, 2, 3, 4, 5, 6, 7], 3, async (n) => {
      running += 1;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setImmediate(resolve));
      running -= 1;
      return n * 2;
    });
    expect(out).toEqual([2, 4, 6, 8, 10, 12, 14]);
    expect(peak).toBe(3);
  });
});

describe('shards', () => {
  it('splits a suite into disjoint slices covering every case', () => {
    const slices = [1, 2, 3].map((index) => selectShard(cases, { index, count: 3 }).map((c) => c.id));
    expect(slices).toEqual([
      ['c1', 'c4'],
      ['c2', 'c5'],
      ['c3', 'clean'],
    ]);
    expect(() => selectShard(cases, { index: 4, count: 3 })).toThrow(/shard 4\/3 does not exist/);
  });

  it('merge to the same totals as one run', async () => {
    const runCase = agent({ skip: ['c2'], noisy: ['clean', 'c4'] });
    const whole = await runSuite({ ...base, cases, runCase, trials: 2 });
    const shards = await Promise.all([1, 2, 3].map((index) => runSuite({ ...base, cases, runCase, trials: 2, shard: { index, count: 3 } })));
    const merged = mergeLogs(shards);
    expect(merged.samples).toEqual(whole.samples);
    expect(merged.spec).toEqual(whole.spec);
    expect(merged.results).toEqual(whole.results);
    expect(merged.results.metrics.all.counts).toEqual({ tp: 8, fp: 4, fn: 2 });
  });

  it('refuses to merge unrelated logs or the same shard twice', async () => {
    const one = await runSuite({ ...base, cases, runCase: agent(), shard: { index: 1, count: 2 } });
    const other = await runSuite({ ...base, model: 'other', cases, runCase: agent(), shard: { index: 2, count: 2 } });
    expect(() => mergeLogs([one, other], ['a.json', 'b.json'])).toThrow(/b\.json: its model is "other"/);
    expect(() => mergeLogs([one, one], ['a.json', 'a2.json'])).toThrow(/case "c1" is in both a\.json and a2\.json/);
  });
});

describe('eval log', () => {
  it('round-trips through JSON and re-scores without running again', async () => {
    const log = await runSuite({ ...base, cases, runCase: agent({ noisy: ['c1'] }) });
    const dir = await mkdtemp(path.join(os.tmpdir(), 'eval-log-'));
    const file = path.join(dir, 'log.json');
    await writeFile(file, JSON.stringify(log));
    const read = await readLog(file);
    expect(read.results).toEqual(log.results);
    // With window 0, the finding at line 11 still overlaps [10, 12]; a 40-line window turns c1's noise into a match attempt.
    expect(rescore(read, { window: 0 }).results.metrics.all.counts).toEqual(log.results.metrics.all.counts);
    expect(rescore(read, { window: 40 }).spec.window).toBe(40);
    await writeFile(file, JSON.stringify({ ...log, version: 99 }));
    await expect(readLog(file)).rejects.toThrow(/not an eval log of version 1/);
  });
});

describe('baseline and regression gate', () => {
  it('writes deterministic baselines without absolute paths', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'eval-baseline-'));
    const file = path.join(dir, 'baseline.test.json');
    const a = await runSuite({ ...base, suite: dir, cases, runCase: agent() });
    const b = await runSuite({ ...base, suite: dir, cases, runCase: agent(), concurrency: 1 });
    await writeBaseline(file, a);
    const first = await readFile(file, 'utf8');
    await writeBaseline(file, b);
    expect(await readFile(file, 'utf8')).toBe(first);
    expect(first).not.toContain(dir);
    expect(first).not.toContain('/nowhere');
    expect(await readBaseline(file)).toEqual(baselineFromLog(a));
    expect(await readBaseline(path.join(dir, 'none.json'))).toBeUndefined();
    const shard = await runSuite({ ...base, cases, runCase: agent(), shard: { index: 1, count: 2 } });
    await expect(writeBaseline(file, shard)).rejects.toThrow(/merge all shards/);
  });

  it('names the flipped cases and fails the gate when a weaker agent misses', async () => {
    const good = baselineFromLog(await runSuite({ ...base, cases, runCase: agent() }));
    const weak = await runSuite({ ...base, cases, runCase: agent({ skip: ['c2', 'c4'], noisy: ['clean'] }) });
    const comparison = compareWithBaseline(weak.results.cases, good, { margin: 0.02, trials: 1, baselineFile: 'baseline.test.json' });
    expect(comparison.regressed).toBe(true);
    const worse = comparison.flips.filter((f) => f.worse).map((f) => `${f.case} ${f.kind} ${f.detail}`);
    expect(worse).toEqual([
      'c2 caught→missed train.py:10-12 leak',
      'c2 verdict right→wrong now approve',
      'c4 caught→missed train.py:10-12 leak',
      'c4 verdict right→wrong now approve',
      'clean clean→noisy false positives per trial 0 → 1',
      'clean verdict right→wrong now warning',
    ]);
    const recall = comparison.changes.find((c) => c.metric === 'recall');
    expect(recall).toMatchObject({ baseline: 1, current: 0.6, regressed: true });
    expect(recall?.delta).toBeCloseTo(-0.4, 12);
  });

  it('passes an unchanged run and a drop within the margin', async () => {
    const log = await runSuite({ ...base, cases, runCase: agent({ skip: ['c2'] }) });
    const same = compareWithBaseline(log.results.cases, baselineFromLog(log), { margin: 0, trials: 1, baselineFile: 'b' });
    expect(same.regressed).toBe(false);
    expect(same.flips).toEqual([]);
    const worse = await runSuite({ ...base, cases, runCase: agent({ skip: ['c2', 'c3'] }) });
    const loose = compareWithBaseline(worse.results.cases, baselineFromLog(log), { margin: 0.5, trials: 1, baselineFile: 'b' });
    expect(loose.regressed).toBe(false);
    expect(loose.flips.map((f) => f.kind)).toContain('caught→missed');
  });

  it('lists new and missing cases and compares only shared ones', async () => {
    const log = await runSuite({ ...base, cases: cases.slice(0, 3), runCase: agent() });
    const old = baselineFromLog(await runSuite({ ...base, cases: cases.slice(1, 4), runCase: agent() }));
    const comparison = compareWithBaseline(log.results.cases, old, { margin: 0, trials: 1, baselineFile: 'b' });
    expect(comparison.newCases).toEqual(['c1']);
    expect(comparison.missingCases).toEqual(['c4']);
  });

  it('with trials, gates on the paired interval rather than on noise', async () => {
    const many = Array.from({ length: 12 }, (_, i) => evalCase(`k${String(i).padStart(2, '0')}`));
    // A flaky agent: each case misses on one trial in three, on different trials for different cases.
    const flaky = (shift: number): RunCase => async ({ case: c, trial }) => {
      const index = Number(c.id.slice(1));
      const miss = (index + trial + shift) % 3 === 0;
      return { status: 'ok', review: review(miss ? [] : [finding('train.py', 11, 'CRITICAL')]) };
    };
    const before = baselineFromLog(await runSuite({ ...base, cases: many, runCase: flaky(0), trials: 3 }));
    const noisy = await runSuite({ ...base, cases: many, runCase: flaky(1), trials: 3 });
    const same = compareWithBaseline(noisy.results.cases, before, { margin: 0, trials: 3, baselineFile: 'b' });
    expect(same.paired).toBe(true);
    expect(same.regressed).toBe(false);
    const broken = await runSuite({ ...base, cases: many, runCase: agent({ skip: many.map((c) => c.id) }), trials: 3 });
    const worse = compareWithBaseline(broken.results.cases, before, { margin: 0.05, trials: 3, baselineFile: 'b' });
    const recall = worse.changes.find((c) => c.metric === 'recall');
    expect(recall?.interval?.high).toBeLessThan(-0.05);
    expect(worse.regressed).toBe(true);
  });
});
