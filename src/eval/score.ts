import type { Finding, Review, Usage, Verdict } from '../review/schema.js';
import { emptyUsage } from '../review/schema.js';
import type { CaseSpec } from './case.js';
import { type CaseMatch, matchCase, pairKey } from './match.js';

/** The severities that block or warn on their own: the headline "severe" view. */
export const SEVERE = ['CRITICAL', 'HIGH'] as const;

export const SAMPLE_STATUSES = ['ok', 'incomplete', 'error'] as const;
export type SampleStatus = (typeof SAMPLE_STATUSES)[number];

/** A judge's ruling on one matched pair; indices into the case's expected list and the review's findings. */
export interface JudgeDecision {
  expected: number;
  finding: number;
  agrees: boolean;
  reason?: string;
}

/**
 * What one run of one case produced: enough to score it again later without calling the model.
 * `ok`: a complete review; `incomplete`: the review stopped early (turn limit, timeout) and is scored
 * as it stands; `error`: no usable review (crash, replay mismatch), scored as all missed.
 */
export interface SampleRecord {
  case: string;
  trial: number;
  status: SampleStatus;
  error?: string;
  review?: Review;
  judgements?: JudgeDecision[];
  judgeUsage?: Usage;
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface SampleScore extends Counts {
  case: string;
  trial: number;
  status: SampleStatus;
  error?: string;
  neutral: number;
  /** Matched pairs whose severities agree. */
  severityAgreements: number;
  severe: Counts;
  verdict: Verdict | null;
  verdictCorrect: boolean;
  findings: number;
  unverified: number;
  usage: Usage;
  durationMs: number;
  match: CaseMatch;
  severeMatch: CaseMatch;
}

export function sampleFindings(record: SampleRecord): Finding[] {
  return record.status === 'error' ? [] : (record.review?.findings ?? []);
}

/** Scores one sample against its case. Pure: the judge's rulings come from the record. */
export function scoreSample(spec: CaseSpec, record: SampleRecord, window?: number): SampleScore {
  const findings = sampleFindings(record);
  const forbidden = new Set((record.judgements ?? []).filter((j) => !j.agrees).map((j) => pairKey(j.expected, j.finding)));
  const match = matchCase(spec, findings, { window, forbidden });
  const severeMatch = matchCase(spec, findings, { window, forbidden, severities: SEVERE });
  const review = record.status === 'error' ? undefined : record.review;
  const verdict = review?.verdict ?? null;
  return {
    case: record.case,
    trial: record.trial,
    status: record.status,
    ...(record.error ? { error: record.error } : {}),
    tp: match.matched.length,
    fp: match.falsePositives.length,
    fn: match.missed.length,
    neutral: match.neutral.length,
    severityAgreements: match.matched.filter((m) => m.severityAgrees).length,
    severe: { tp: severeMatch.matched.length, fp: severeMatch.falsePositives.length, fn: severeMatch.missed.length },
    verdict,
    verdictCorrect: verdict === spec.verdict,
    findings: findings.length,
    unverified: findings.filter((f) => f.verification?.status === 'unverified').length,
    usage: addUsage(record.review?.usage ?? emptyUsage(), record.judgeUsage ?? emptyUsage()),
    durationMs: record.review?.durationMs ?? 0,
    match,
    severeMatch,
  };
}

export function addUsage(a: Usage, b: Usage): Usage {
  const cost = a.costUsd === undefined && b.costUsd === undefined ? undefined : (a.costUsd ?? 0) + (b.costUsd ?? 0);
  return {
    inputTokens: a.inputTokens + b.inputTokens,
    outputTokens: a.outputTokens + b.outputTokens,
    cacheReadTokens: a.cacheReadTokens + b.cacheReadTokens,
    cacheWriteTokens: a.cacheWriteTokens + b.cacheWriteTokens,
    ...(cost === undefined ? {} : { costUsd: cost }),
  };
}
