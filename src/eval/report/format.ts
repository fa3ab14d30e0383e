import type { Usage } from '../../review/schema.js';
import type { Estimate } from '../stats.js';

/** 0.9531 → "0.95"; undefined → "–". */
export function rate(value: number | null | undefined, digits = 2): string {
  return value === null || value === undefined ? '–' : value.toFixed(digits);
}

/** "0.95 [0.90, 0.98]" */
export function estimate(e: Estimate, digits = 2): string {
  if (e.value === null) return '–';
  if (e.low === null || e.high === null) return rate(e.value, digits);
  return `${rate(e.value, digits)} [${rate(e.low, digits)}, ${rate(e.high, digits)}]`;
}

/** "+0.05" / "-0.10" / "±0.00" */
export function signed(delta: number | null, digits = 2): string {
  if (delta === null) return '–';
  const text = Math.abs(delta).toFixed(digits);
  if (Number(text) === 0) return `±${text}`;
  return `${delta > 0 ? '+' : '-'}${text}`;
}

export function duration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = ms / 1000;
  return s < 60 ? `${s.toFixed(1)} s` : `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;
}

export function tokens(u: Usage): string {
  const cache = u.cacheReadTokens + u.cacheWriteTokens > 0 ? `, cache ${u.cacheReadTokens} read / ${u.cacheWriteTokens} written` : '';
  return `${u.inputTokens} in / ${u.outputTokens} out${cache}`;
}

export function cost(u: Usage): string {
  return u.costUsd === undefined ? 'unknown' : `$${u.costUsd.toFixed(4)}`;
}

export const METRIC_LABELS = { recall: 'recall', precision: 'precision', verdictAccuracy: 'verdict accuracy' } as const;
