import { describe, expect, it } from 'vitest';
import { clusterBootstrap, quantile, seededRandom, wilson } from '../../src/eval/stats.js';

describe('wilson', () => {
  // Reference values: Newcombe (1998), Table I, and R's prop.test(correct = FALSE).
  it('matches published 95% intervals', () => {
    const a = wilson(8, 10);
    expect(a.value).toBe(0.8);
    expect(a.low).toBeCloseTo(0.4902, 4);
    expect(a.high).toBeCloseTo(0.9433, 4);
    const b = wilson(0, 10);
    expect(b.low).toBe(0);
    expect(b.high).toBeCloseTo(0.2775, 4);
    const c = wilson(15, 148);
    expect(c.low).toBeCloseTo(0.0624, 4);
    expect(c.high).toBeCloseTo(0.1605, 4);
    const d = wilson(10, 10);
    expect(d.high).toBe(1);
    expect(d.low).toBeCloseTo(0.7225, 4);
  });

  it('is undefined for zero trials', () => {
    expect(wilson(0, 0)).toEqual({ value: null, low: null, high: null });
  });
});

describe('seededRandom', () => {
  it('is deterministic per seed and stays in [0, 1)', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const c = seededRandom(43);
    const xs = Array.from({ length: 1000 }, () => a());
    const ys = Array.from({ length: 1000 }, () => b());
    expect(xs).toEqual(ys);
    expect(Array.from({ length: 5 }, () => c())).not.toEqual(xs.slice(0, 5));
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(mean).toBeGreaterThan(0.45);
    expect(mean).toBeLessThan(0.55);
  });
});

describe('quantile', () => {
  it('interpolates like R type 7', () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([1, 2, 3, 4], 0.025)).toBeCloseTo(1.075, 10);
    expect(quantile([5], 0.9)).toBe(5);
  });
});

describe('clusterBootstrap', () => {
  interface Counts {
    tp: number;
    fp: number;
    fn: number;
  }
  const f1 = (cases: readonly Counts[]): number | null => {
    const tp = cases.reduce((s, c) => s + c.tp, 0);
    const fp = cases.reduce((s, c) => s + c.fp, 0);
    const fn = cases.reduce((s, c) => s + c.fn, 0);
    return 2 * tp + fp + fn === 0 ? null : (2 * tp) / (2 * tp + fp + fn);
  };

  it('matches the exact bootstrap distribution of two clusters', () => {
    // Resampling 2 of {A, B}: AA (1/4) F1 = 1, AB (1/2) F1 = 2/3, BB (1/4) F1 = 0.
    const cases: Counts[] = [
      { tp: 1, fp: 0, fn: 0 },
      { tp: 0, fp: 0, fn: 1 },
    ];
    const estimate = clusterBootstrap(cases, f1, { resamples: 4000, seed: 7 });
    expect(estimate.value).toBeCloseTo(2 / 3, 10);
    expect(estimate.low).toBe(0);
    expect(estimate.high).toBe(1);
  });

  it('collapses to the value when every cluster is the same', () => {
    const cases = Array.from({ length: 5 }, () => ({ tp: 2, fp: 1, fn: 1 }));
    expect(clusterBootstrap(cases, f1)).toEqual({ value: 2 / 3, low: 2 / 3, high: 2 / 3 });
  });

  it('is reproducible with a seed and approximates the normal interval of a mean', () => {
    const random = seededRandom(1);
    const xs = Array.from({ length: 200 }, () => (random() < 0.3 ? 1 : 0));
    const mean = (s: readonly number[]) => s.reduce((a, b) => a + b, 0) / s.length;
    const a = clusterBootstrap(xs, mean, { seed: 3 });
    const b = clusterBootstrap(xs, mean, { seed: 3 });
    expect(a).toEqual(b);
    const p = mean(xs);
    const se = Math.sqrt((p * (1 - p)) / xs.length);
    expect(a.low as number).toBeCloseTo(p - 1.96 * se, 1);
    expect(a.high as number).toBeCloseTo(p + 1.96 * se, 1);
  });

  it('is undefined when the statistic is', () => {
    expect(clusterBootstrap([{ tp: 0, fp: 0, fn: 0 }], f1).value).toBeNull();
    expect(clusterBootstrap([], f1).value).toBeNull();
  });
});
