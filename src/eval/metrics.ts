import type { Usage } from '../review/schema.js';
import { emptyUsage } from '../review/schema.js';
import type { CaseSpec } from './case.js';
import { expectedKeys } from './case.js';
import { addUsage, type Counts, type SampleScore } from './score.js';
import { type BootstrapOptions, clusterBootstrap, type Estimate, meanDefined, ratio, wilson } from './stats.js';

export interface RateSet {
  counts: Counts;
  /** Micro precision/recall with Wilson intervals; F1 with a case-clustered bootstrap interval. */
  precision: Estimate;
  recall: Estimate;
  f1: Estimate;
  /** Per-case scores averaged over the cases where they are defined. */
  macro: { precision: number | null; recall: number | null; f1: number | null };
}

export interface Metrics {
  cases: number;
  samples: number;
  /** Samples with no usable review (crash, replay mismatch). */
  errors: number;
  /** Samples whose review stopped early. */
  incomplete: number;
  all: RateSet;
  /** The same metrics restricted to CRITICAL and HIGH. */
  severe: RateSet;
  neutral: number;
  severityAgreement: Estimate;
  verdictAccuracy: Estimate;
  unverifiedRate: Estimate;
  usage: Usage;
  /** Sum of the reviews' own durations. */
  durationMs: number;
}

/** One case's results pooled over its trials. */
export interface CaseSummary {
  id: string;
  trials: number;
  all: Counts;
  severe: Counts;
  precision: number | null;
  recall: number | null;
  f1: number;
  /** Per expected finding (by key): the share of trials that caught it. */
  caught: Record<string, number>;
  /** False positives per trial. */
  falsePositivesPerTrial: number;
  verdictCorrect: number;
  verdicts: string[];
  errors: string[];
  incomplete: number;
  /** Matched pairs whose severities agree, out of all matched pairs (`all.tp`). */
  severityAgreements: number;
  findings: number;
  unverified: number;
  usage: Usage;
  durationMs: number;
}

export function precisionOf(c: Counts): number | null {
  return ratio(c.tp, c.tp + c.fp);
}
export function recallOf(c: Counts): number | null {
  return ratio(c.tp, c.tp + c.fn);
}
/** 2TP/(2TP+FP+FN); a case with nothing expected and nothing reported is perfect (1). */
export function f1Of(c: Counts): number {
  const d = 2 * c.tp + c.fp + c.fn;
  return d === 0 ? 1 : (2 * c.tp) / d;
}

function sum(counts: readonly Counts[]): Counts {
  return counts.reduce((a, c) => ({ tp: a.tp + c.tp, fp: a.fp + c.fp, fn: a.fn + c.fn }), { tp: 0, fp: 0, fn: 0 });
}

function groupByCase(scores: readonly SampleScore[]): Map<string, SampleScore[]> {
  const groups = new Map<string, SampleScore[]>();
  for (const s of scores) groups.set(s.case, [...(groups.get(s.case) ?? []), s]);
  return groups;
}

function rateSet(byCase: readonly Counts[][], bootstrap: BootstrapOptions): RateSet {
  const counts = sum(byCase.flat());
  const perCase = byCase.map(sum);
  const microF1 = (sample: readonly Counts[]) => {
    const c = sum(sample);
    return 2 * c.tp + c.fp + c.fn === 0 ? null : f1Of(c);
  };
  return {
    counts,
    precision: wilson(counts.tp, counts.tp + counts.fp),
    recall: wilson(counts.tp, counts.tp + counts.fn),
    f1: clusterBootstrap(perCase, microF1, bootstrap),
    macro: {
      precision: meanDefined(perCase.map(precisionOf)),
      recall: meanDefined(perCase.map(recallOf)),
      f1: perCase.length ? meanDefined(perCase.map(f1Of)) : null,
    },
  };
}

/** Aggregates sample scores; intervals treat a case (with all its trials) as the unit of resampling. */
export function computeMetrics(scores: readonly SampleScore[], bootstrap: BootstrapOptions = {}): Metrics {
  const groups = [...groupByCase(scores).values()];
  const matched = scores.reduce((n, s) => n + s.tp, 0);
  const agreements = scores.reduce((n, s) => n + s.severityAgreements, 0);
  const findings = scores.reduce((n, s) => n + s.findings, 0);
  const unverified = scores.reduce((n, s) => n + s.unverified, 0);
  return {
    cases: groups.length,
    samples: scores.length,
    errors: scores.filter((s) => s.status === 'error').length,
    incomplete: scores.filter((s) => s.status === 'incomplete').length,
    all: rateSet(groups.map((g) => g.map((s) => ({ tp: s.tp, fp: s.fp, fn: s.fn }))), bootstrap),
    severe: rateSet(groups.map((g) => g.map((s) => s.severe)), bootstrap),
    neutral: scores.reduce((n, s) => n + s.neutral, 0),
    severityAgreement: wilson(agreements, matched),
    verdictAccuracy: wilson(scores.filter((s) => s.verdictCorrect).length, scores.length),
    unverifiedRate: wilson(unverified, findings),
    usage: scores.reduce((u, s) => addUsage(u, s.usage), emptyUsage()),
    durationMs: scores.reduce((n, s) => n + s.durationMs, 0),
  };
}

export function summarizeCases(specs: readonly CaseSpec[], scores: readonly SampleScore[]): CaseSummary[] {
  const groups = groupByCase(scores);
  const out: CaseSummary[] = [];
  for (const spec of specs) {
    const group = groups.get(spec.id);
    if (!group) continue;
    const all = sum(group);
    const keys = expectedKeys(spec.expected);
    const caught: Record<string, number> = {};
    keys.forEach((key, index) => {
      caught[key] = group.filter((s) => s.match.matched.some((m) => m.expected === index)).length / group.length;
    });
    out.push({
      id: spec.id,
      trials: group.length,
      all,
      severe: sum(group.map((s) => s.severe)),
      precision: precisionOf(all),
      recall: recallOf(all),
      f1: f1Of(all),
      caught,
      falsePositivesPerTrial: all.fp / group.length,
      verdictCorrect: group.filter((s) => s.verdictCorrect).length / group.length,
      verdicts: group.map((s) => s.verdict ?? 'none'),
      errors: group.flatMap((s) => (s.status === 'error' && s.error ? [`trial ${s.trial}: ${s.error}`] : [])),
      incomplete: group.filter((s) => s.status === 'incomplete').length,
      severityAgreements: group.reduce((n, s) => n + s.severityAgreements, 0),
      findings: group.reduce((n, s) => n + s.findings, 0),
      unverified: group.reduce((n, s) => n + s.unverified, 0),
      usage: group.reduce((u, s) => addUsage(u, s.usage), emptyUsage()),
      durationMs: group.reduce((n, s) => n + s.durationMs, 0),
    });
  }
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
