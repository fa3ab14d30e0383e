import type { CaseSpec, ExpectedFinding } from '../../../src/eval/case.js';
import type { SampleRecord } from '../../../src/eval/score.js';
import type { Finding, Review, Severity, Verdict } from '../../../src/review/schema.js';
import { verdictFor } from '../../../src/review/verdict.js';

export function finding(file: string, line: number, severity: Severity = 'HIGH', extra: Partial<Finding> = {}): Finding {
  return {
    severity,
    title: `finding at ${file}:${line}`,
    file,
    line,
    issue: 'issue',
    impact: 'impact',
    fix: 'fix',
    verification: { status: 'verified' },
    ...extra,
  };
}

export function expected(file: string, lines: [number, number], severity: Severity = 'HIGH', extra: Partial<ExpectedFinding> = {}): ExpectedFinding {
  return { file, lines, severity, description: `expected at ${file}:${lines[0]}-${lines[1]}`, ...extra };
}

export function spec(id: string, verdict: Verdict, expectedFindings: ExpectedFinding[], extra: Partial<CaseSpec> = {}): CaseSpec {
  return { id, description: `case ${id}`, tags: [], verdict, expected: expectedFindings, acceptable: [], ...extra };
}

export function review(findings: Finding[], extra: Partial<Review> = {}): Review {
  return {
    verdict: verdictFor(findings),
    summary: 'summary',
    findings,
    status: 'complete',
    agent: 'model-trainer',
    provider: 'test',
    model: 'test-model',
    usage: { inputTokens: 100, outputTokens: 10, cacheReadTokens: 0, cacheWriteTokens: 0 },
    durationMs: 5,
    warnings: [],
    ...extra,
  };
}

export function record(caseId: string, findings: Finding[], trial = 1, extra: Partial<SampleRecord> = {}): SampleRecord {
  return { case: caseId, trial, status: 'ok', review: review(findings), ...extra };
}
