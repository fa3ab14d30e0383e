import { groundFindings, type GroundOptions } from './ground.js';
import { Review, severityRank, type Finding, type ReviewSubmission, type Usage } from './schema.js';
import { decideVerdict } from './verdict.js';

export interface FinalizeInput {
  submission: ReviewSubmission;
  /** The review root the findings' paths are relative to. */
  root: string;
  agent: string;
  provider: string;
  model: string;
  usage: Usage;
  durationMs: number;
  status: 'complete' | 'incomplete';
  incompleteReason?: string;
  /** Drop findings that could not be checked against the code (default false: they are shown as unverified). */
  strict?: boolean;
  /** Warnings gathered earlier (parser, loader, tools); kept in order, before the ones added here. */
  warnings?: string[];
  /** Grounding options, e.g. the line window (default 5). */
  grounding?: GroundOptions;
}

/** Most severe first, then by file and line, so two runs over the same answer print identically. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    severityRank(a.severity) - severityRank(b.severity) ||
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
    a.line - b.line ||
    (a.title < b.title ? -1 : a.title > b.title ? 1 : 0)
  );
}

/**
 * Turns a validated submission into the final Review: grounds every finding, drops unverified
 * ones under `strict`, sorts, and applies the approval policy (recording when it overrides the model).
 */
export async function finalizeReview(input: FinalizeInput): Promise<Review> {
  const warnings = [...(input.warnings ?? [])];
  const grounded = await groundFindings(input.root, input.submission.findings, input.grounding);
  let findings = grounded;
  if (input.strict) {
    findings = grounded.filter((f) => f.verification?.status !== 'unverified');
    const dropped = grounded.length - findings.length;
    if (dropped > 0) {
      warnings.push(`--strict dropped ${dropped} unverified finding${dropped === 1 ? '' : 's'} that could not be matched to the code`);
    }
  }
  findings = [...findings].sort(compareFindings);
  const decision = decideVerdict(findings, input.submission.verdict);
  return Review.parse({
    verdict: decision.verdict,
    summary: input.submission.summary,
    findings,
    status: input.status,
    ...(input.status === 'incomplete' ? { incompleteReason: input.incompleteReason ?? 'unknown reason' } : {}),
    ...(decision.override ? { verdictOverride: decision.override } : {}),
    agent: input.agent,
    provider: input.provider,
    model: input.model,
    usage: input.usage,
    durationMs: input.durationMs,
    warnings,
  });
}
