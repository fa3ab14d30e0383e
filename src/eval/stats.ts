/**
 * Interval maths for eval results: Wilson score intervals for rates, and a seeded, case-clustered
 * bootstrap for statistics (F1, paired differences) that are not simple proportions.
 */

/** A point estimate with its 95% interval; `null` values mean the statistic is undefined (0/0). */
export interface Estimate {
  value: number | null;
  low: number | null;
  high: number | null;
}

/** z for a two-sided 95% interval. */
export const Z95 = 1.959963984540054;

/** Wilson score interval for `successes` out of `trials`; undefined (nulls) when trials is 0. */
export function wilson(successes: number, trials: number, z = Z95): Estimate {
  if (trials <= 0) return { value: null, low: null, high: null };
  const p = successes / trials;
  const z2 = z * z;
  const denominator = 1 + z2 / trials;
  const centre = (p + z2 / (2 * trials)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials))) / denominator;
  // At 0 or n successes the bound is exactly 0 or 1; say so rather than print 0.9999999999999999.
  const low = successes <= 0 ? 0 : Math.max(0, centre - half);
  const high = successes >= trials ? 1 : Math.min(1, centre + half);
  return { value: p, low, high };
}

/** mulberry32: a small, fast PRNG; the same seed always gives the same sequence. Returns [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Linear-interpolated quantile of sorted values (type 7, as R's default and numpy's). */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) throw new Error('quantile of an empty list');
  const position = (sorted.length - 1) * q;
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  const a = sorted[lower] as number;
  const b = sorted[upper] as number;
  return a + (b - a) * (position - lower);
}

export interface BootstrapOptions {
  /** Number of resamples; default 2000. */
  resamples?: number;
  /** PRNG seed; default 20240601, so reports are reproducible. */
  seed?: number;
}

export const DEFAULT_BOOTSTRAP_RESAMPLES = 2000;
export const DEFAULT_BOOTSTRAP_SEED = 20240601;

/**
 * Percentile bootstrap that resamples whole clusters (cases) with replacement, because trials and
 * findings of one case are correlated. `statistic` gets the resampled clusters and may return null
 * (undefined for that resample); those resamples are skipped. The point value is the statistic of
 * the original clusters.
 */
export function clusterBootstrap<C>(
  clusters: readonly C[],
  statistic: (sample: readonly C[]) => number | null,
  options: BootstrapOptions = {},
): Estimate {
  const value = clusters.length === 0 ? null : statistic(clusters);
  if (value === null) return { value: null, low: null, high: null };
  const resamples = options.resamples ?? DEFAULT_BOOTSTRAP_RESAMPLES;
  const random = seededRandom(options.seed ?? DEFAULT_BOOTSTRAP_SEED);
  const values: number[] = [];
  const sample: C[] = new Array<C>(clusters.length);
  for (let r = 0; r < resamples; r++) {
    for (let i = 0; i < clusters.length; i++) {
      sample[i] = clusters[Math.floor(random() * clusters.length)] as C;
    }
    const v = statistic(sample);
    if (v !== null && Number.isFinite(v)) values.push(v);
  }
  if (values.length === 0) return { value, low: null, high: null };
  values.sort((a, b) => a - b);
  return { value, low: quantile(values, 0.025), high: quantile(values, 0.975) };
}

/** a/b, or null when b is 0. */
export function ratio(a: number, b: number): number | null {
  return b === 0 ? null : a / b;
}

/** Mean of the defined values, or null when none is defined. */
export function meanDefined(values: readonly (number | null)[]): number | null {
  const defined = values.filter((v): v is number => v !== null);
  return defined.length === 0 ? null : defined.reduce((s, v) => s + v, 0) / defined.length;
}
