import { z } from 'zod';

/** Severities in descending order of gravity; the order is used for sorting and thresholds. */
export const SEVERITIES = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW'] as const;
export const Severity = z.enum(SEVERITIES);
export type Severity = z.infer<typeof Severity>;

export const VERDICTS = ['approve', 'warning', 'block'] as const;
export const Verdict = z.enum(VERDICTS);
export type Verdict = z.infer<typeof Verdict>;

/** Where else the same root cause shows up (merged duplicates). */
export const Site = z.object({
  file: z.string().min(1),
  line: z.number().int().positive(),
});
export type Site = z.infer<typeof Site>;

/**
 * A finding as a model (or the offline analyzer) submits it. This is the input schema of the
 * `submit_review` and `report_finding` tools, so field descriptions are read by models.
 */
export const FindingInput = z.object({
  severity: Severity.describe('CRITICAL, HIGH, MEDIUM or LOW, as defined by the agent checklist.'),
  title: z.string().min(1).describe('One line naming the problem, e.g. "Scaler fitted before the train/test split".'),
  file: z.string().min(1).describe('Path relative to the review root, exactly as the tools show it.'),
  line: z.number().int().positive().describe('First line of the cited code, as numbered by the Read tool.'),
  endLine: z.number().int().positive().optional().describe('Last line of the cited code, if it spans several lines.'),
  issue: z.string().min(1).describe('What is wrong, concretely, in this code.'),
  impact: z.string().min(1).describe('What goes wrong for the user if it is not fixed.'),
  fix: z.string().min(1).describe('What to change.'),
  current: z.string().optional().describe('The cited lines copied verbatim from the file.'),
  fixed: z.string().optional().describe('The corrected code.'),
  category: z.string().optional().describe('Checklist section, e.g. "Data Preparation".'),
  rule: z.string().optional().describe('Rule id, for findings produced by a rule engine.'),
  sites: z.array(Site).optional().describe('Other places where the same root cause appears.'),
});
export type FindingInput = z.infer<typeof FindingInput>;

export const VERIFICATION_STATUSES = ['verified', 'corrected', 'unverified'] as const;
export const Verification = z.object({
  /** verified: file, line and snippet agree; corrected: the snippet was found elsewhere and the line moved; unverified: could not be checked against the code. */
  status: z.enum(VERIFICATION_STATUSES),
  note: z.string().optional(),
  /** The line the model cited, when the runtime corrected it. */
  originalLine: z.number().int().positive().optional(),
});
export type Verification = z.infer<typeof Verification>;

/** A finding after grounding: the runtime sets `verification`. */
export const Finding = FindingInput.extend({
  verification: Verification.optional(),
});
export type Finding = z.infer<typeof Finding>;

/** What the model submits as its final answer. The verdict is advisory: the policy decides. */
export const ReviewSubmission = z.object({
  verdict: Verdict.optional().describe('approve, warning or block, following the approval criteria.'),
  summary: z.string().describe('Two to five sentences: what was reviewed and the overall assessment.'),
  findings: z.array(FindingInput).describe('Every issue found, most severe first. An empty list means nothing to report.'),
});
export type ReviewSubmission = z.infer<typeof ReviewSubmission>;

export const Usage = z.object({
  inputTokens: z.number().int().nonnegative(),
  outputTokens: z.number().int().nonnegative(),
  cacheReadTokens: z.number().int().nonnegative(),
  cacheWriteTokens: z.number().int().nonnegative(),
  /** USD, when the price of the model is known. */
  costUsd: z.number().nonnegative().optional(),
});
export type Usage = z.infer<typeof Usage>;

export const REVIEW_STATUSES = ['complete', 'incomplete'] as const;

/** How a run ended; everything but 'submitted' and 'answered' leaves the review incomplete. */
export const END_REASONS = [
  'submitted', // the model called submit_review
  'answered', // the model answered in text that parsed
  'max-turns',
  'max-cost',
  'timeout',
  'aborted',
  'provider-error',
  'invalid-output',
] as const;
export const EndReason = z.enum(END_REASONS);
export type EndReason = z.infer<typeof EndReason>;

export const Review = z.object({
  verdict: Verdict,
  summary: z.string(),
  findings: z.array(Finding),
  status: z.enum(REVIEW_STATUSES),
  /** Why the review is incomplete: turn limit, cost limit, timeout, aborted, provider error, invalid output. */
  incompleteReason: z.string().optional(),
  /** Machine-readable cause of the end of the run; the CLI maps provider-error to exit code 3. */
  endReason: EndReason.optional(),
  /** Set when the model stated a verdict that the approval policy overrode. */
  verdictOverride: z
    .object({ modelVerdict: Verdict, reason: z.string() })
    .optional(),
  agent: z.string(),
  provider: z.string(),
  model: z.string(),
  usage: Usage,
  durationMs: z.number().nonnegative(),
  /** Non-fatal problems met on the way (unknown frontmatter fields, degraded tools, dropped findings). */
  warnings: z.array(z.string()).default([]),
});
export type Review = z.infer<typeof Review>;

export function emptyUsage(): Usage {
  return { inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0 };
}

export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}
