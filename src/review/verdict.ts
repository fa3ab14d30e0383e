import type { Finding, Verdict } from './schema.js';

/**
 * The approval criteria of the model-trainer agent: any CRITICAL blocks; otherwise any HIGH or
 * MEDIUM warns; LOW findings alone approve.
 */
export function verdictFor(findings: readonly Pick<Finding, 'severity'>[]): Verdict {
  if (findings.some((f) => f.severity === 'CRITICAL')) return 'block';
  if (findings.some((f) => f.severity === 'HIGH' || f.severity === 'MEDIUM')) return 'warning';
  return 'approve';
}

export interface VerdictDecision {
  verdict: Verdict;
  override?: { modelVerdict: Verdict; reason: string };
}

/** Applies the policy; records when it disagrees with what the model said. */
export function decideVerdict(findings: readonly Pick<Finding, 'severity'>[], modelVerdict?: Verdict): VerdictDecision {
  const verdict = verdictFor(findings);
  if (modelVerdict === undefined || modelVerdict === verdict) return { verdict };
  const counts = countBySeverity(findings);
  return {
    verdict,
    override: {
      modelVerdict,
      reason: `the model said ${modelVerdict}, but the approval policy gives ${verdict} for ${describeCounts(counts)}`,
    },
  };
}

export function countBySeverity(findings: readonly Pick<Finding, 'severity'>[]): Record<Finding['severity'], number> {
  const counts = { CRITICAL: 0, HIGH: 0, MEDIUM: 0, LOW: 0 };
  for (const f of findings) counts[f.severity] += 1;
  return counts;
}

export function describeCounts(counts: Record<Finding['severity'], number>): string {
  const parts = Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${s}`);
  return parts.length ? parts.join(', ') : 'no findings';
}
