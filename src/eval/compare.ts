import type { Baseline, BaselineCase } from './baseline.js';
import type { CaseSummary } from './metrics.js';
import { type BootstrapOptions, clusterBootstrap, ratio } from './stats.js';

/** The metrics the regression gate watches. */
export const GATED_METRICS = ['recall', 'precision', 'verdictAccuracy'] as const;
export type GatedMetric = (typeof GATED_METRICS)[number];

export interface MetricChange {
  metric: GatedMetric;
  baseline: number | null;
  current: number | null;
  delta: number | null;
  /** 95% paired bootstrap interval of the change (cases resampled together), when trials were repeated. */
  interval?: { low: number | null; high: number | null };
  regressed: boolean;
}

export const FLIP_KINDS = [
  'caught→missed',
  'clean→noisy',
  'noisier',
  'verdict right→wrong',
  'missed→caught',
  'noisy→clean',
  'verdict wrong→right',
] as const;
export type FlipKind = (typeof FLIP_KINDS)[number];
const WORSE: readonly FlipKind[] = ['caught→missed', 'clean→noisy', 'noisier', 'verdict right→wrong'];

export interface Flip {
  case: string;
  kind: FlipKind;
  detail: string;
  worse: boolean;
}

export interface Comparison {
  /** The baseline file, as the user named it. */
  baselineFile: string;
  margin: number;
  /** Paired intervals decide (trials > 1) rather than point changes. */
  paired: boolean;
  changes: MetricChange[];
  flips: Flip[];
  /** Cases in this run that the baseline does not know, and baseline cases this run did not run. */
  newCases: string[];
  missingCases: string[];
  regressed: boolean;
}

interface Unit {
  id: string;
  base: BaselineCase;
  now: CaseSummary;
}

function metricOf(metric: GatedMetric, units: readonly Unit[], side: 'base' | 'now'): number | null {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let correct = 0;
  let trials = 0;
  for (const u of units) {
    const c = side === 'base' ? u.base : u.now;
    tp += c.all.tp;
    fp += c.all.fp;
    fn += c.all.fn;
    correct += side === 'base' ? u.base.verdictCorrect : Math.round(u.now.verdictCorrect * u.now.trials);
    trials += c.trials;
  }
  if (metric === 'recall') return ratio(tp, tp + fn);
  if (metric === 'precision') return ratio(tp, tp + fp);
  return ratio(correct, trials);
}

const EPSILON = 1e-9;

/**
 * Compares this run with the baseline over the cases both ran. Without repeated trials a metric
 * regresses when it falls by more than the margin; with trials, when the whole 95% paired interval
 * of the change lies below minus the margin, so noise alone does not fail the gate.
 */
export function compareWithBaseline(
  current: readonly CaseSummary[],
  baseline: Baseline,
  options: { margin: number; trials: number; baselineFile: string; bootstrap?: BootstrapOptions },
): Comparison {
  const units: Unit[] = current.flatMap((now) => {
    const base = baseline.cases[now.id];
    return base ? [{ id: now.id, base, now }] : [];
  });
  const paired = options.trials > 1 || baseline.trials > 1;
  const changes = GATED_METRICS.map((metric): MetricChange => {
    const before = metricOf(metric, units, 'base');
    const after = metricOf(metric, units, 'now');
    const delta = before === null || after === null ? null : after - before;
    if (!paired) {
      return { metric, baseline: before, current: after, delta, regressed: delta !== null && delta < -options.margin - EPSILON };
    }
    const estimate = clusterBootstrap(
      units,
      (sample) => {
        const b = metricOf(metric, sample, 'base');
        const a = metricOf(metric, sample, 'now');
        return a === null || b === null ? null : a - b;
      },
      options.bootstrap,
    );
    const high = estimate.high;
    return {
      metric,
      baseline: before,
      current: after,
      delta,
      interval: { low: estimate.low, high },
      regressed: high !== null && high < -options.margin - EPSILON,
    };
  });
  const known = new Set(current.map((c) => c.id));
  const flips = units.flatMap(flipsOf);
  return {
    baselineFile: options.baselineFile,
    margin: options.margin,
    paired,
    changes,
    flips,
    newCases: current.filter((c) => !baseline.cases[c.id]).map((c) => c.id),
    missingCases: Object.keys(baseline.cases)
      .filter((id) => !known.has(id))
      .sort(),
    regressed: changes.some((c) => c.regressed),
  };
}

/** A case flips when the majority of its trials changes side. */
function flipsOf({ id, base, now }: Unit): Flip[] {
  const flips: Flip[] = [];
  const add = (kind: FlipKind, detail: string) => flips.push({ case: id, kind, detail, worse: WORSE.includes(kind) });
  for (const [key, caughtBefore] of Object.entries(base.caught).sort(([a], [b]) => (a < b ? -1 : 1))) {
    const before = caughtBefore / base.trials;
    const after = now.caught[key];
    if (after === undefined) continue;
    if (before >= 0.5 && after < 0.5) add('caught→missed', key);
    if (before < 0.5 && after >= 0.5) add('missed→caught', key);
  }
  const fpBefore = base.all.fp / base.trials;
  const fpAfter = now.falsePositivesPerTrial;
  const fpDetail = `false positives per trial ${formatCount(fpBefore)} → ${formatCount(fpAfter)}`;
  if (fpBefore < 0.5 && fpAfter >= 0.5) add('clean→noisy', fpDetail);
  else if (fpBefore >= 0.5 && fpAfter < 0.5) add('noisy→clean', fpDetail);
  else if (fpAfter - fpBefore >= 1) add('noisier', fpDetail);
  const verdictBefore = base.verdictCorrect / base.trials;
  if (verdictBefore >= 0.5 && now.verdictCorrect < 0.5) add('verdict right→wrong', `now ${now.verdicts.join(', ')}`);
  if (verdictBefore < 0.5 && now.verdictCorrect >= 0.5) add('verdict wrong→right', `now ${now.verdicts.join(', ')}`);
  return flips;
}

function formatCount(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(2);
}
