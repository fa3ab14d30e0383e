import type { Finding, Review, Severity, Usage, Verdict } from '../review/schema.js';
import { SEVERITIES } from '../review/schema.js';
import { countBySeverity } from '../review/verdict.js';

/** Small formatting helpers shared by the terminal and markdown renderers. */

export const VERDICT_LABEL: Record<Verdict, { emoji: string; word: string }> = {
  approve: { emoji: '✅', word: 'Approve' },
  warning: { emoji: '⚠️', word: 'Warning' },
  block: { emoji: '❌', word: 'Block' },
};

/** `train.py:21-22`. */
export function formatLocation(f: Pick<Finding, 'file' | 'line' | 'endLine'>): string {
  return `${f.file}:${f.line}${f.endLine !== undefined && f.endLine !== f.line ? `-${f.endLine}` : ''}`;
}

/** `83 ms`, `4.2s`, `1m 23s`, `1h 02m`. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const seconds = ms / 1000;
  if (seconds < 60) return `${seconds.toFixed(1)}s`;
  const total = Math.round(seconds);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return h > 0 ? `${h}h ${String(m).padStart(2, '0')}m` : `${m}m ${String(s).padStart(2, '0')}s`;
}

/** `950`, `12.3k`, `1.25M`. */
export function formatCount(n: number): string {
  if (n < 1000) return String(n);
  if (n < 1_000_000) return `${(n / 1000).toFixed(n < 10_000 ? 2 : 1).replace(/\.?0+$/, '')}k`;
  return `${(n / 1_000_000).toFixed(2).replace(/\.?0+$/, '')}M`;
}

/** `$0.12`; small costs keep their first significant digits (`$0.0031`). */
export function formatCost(usd: number): string {
  if (usd === 0) return '$0';
  if (usd >= 0.01) return `$${usd.toFixed(2)}`;
  return `$${usd.toPrecision(2)}`;
}

/** Input counts everything the model read, cached or not. */
export function formatTokens(usage: Usage): string {
  const input = usage.inputTokens + usage.cacheReadTokens + usage.cacheWriteTokens;
  const cached = usage.cacheReadTokens > 0 ? `, ${formatCount(usage.cacheReadTokens)} cached` : '';
  return `${formatCount(input)} in${cached} / ${formatCount(usage.outputTokens)} out tokens`;
}

/** `2 CRITICAL, 1 HIGH, 0 MEDIUM, 0 LOW`. */
export function formatCounts(findings: readonly Pick<Finding, 'severity'>[]): string {
  const counts = countBySeverity(findings);
  return SEVERITIES.map((s) => `${counts[s]} ${s}`).join(', ');
}

/** The run facts after the verdict: tokens, cost when known, duration. */
export function formatRunFacts(review: Review): string[] {
  const facts = [formatTokens(review.usage)];
  if (review.usage.costUsd !== undefined) facts.push(formatCost(review.usage.costUsd));
  facts.push(formatDuration(review.durationMs));
  return facts;
}

export function groupBySeverity(findings: readonly Finding[]): Array<[Severity, Finding[]]> {
  return SEVERITIES.map((s): [Severity, Finding[]] => [s, findings.filter((f) => f.severity === s)]).filter(([, list]) => list.length > 0);
}

/** One sentence on a finding's verification, or undefined when verified without remark. */
export function describeVerification(f: Finding): string | undefined {
  const v = f.verification;
  if (!v) return undefined;
  if (v.status === 'unverified') return `Unverified: ${v.note ?? 'could not be checked against the code'}`;
  if (v.status === 'corrected') return `Line corrected from ${v.originalLine ?? '?'}${v.note ? `: ${v.note}` : ''}`;
  return undefined;
}

/** Word-wraps prose to `width` columns; existing line breaks are kept. */
export function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (line && line.length + 1 + word.length > width) {
        out.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    out.push(line);
  }
  return out;
}
