import path from 'node:path';
import { isIgnored } from '../config/ignore.js';
import type { IgnoreGlob } from '../config/settings.js';
import type { EventSink, ReviewEvent } from '../loop/events.js';
import { runReview } from '../loop/review.js';
import type { Finding, Review } from '../review/schema.js';
import { decideVerdict } from '../review/verdict.js';
import type { PreparedReview } from './prepare.js';

export interface RunHooks {
  signal?: AbortSignal;
  onEvent?: EventSink;
}

/**
 * Drops findings in ignored files and applies the approval policy again to what is left. The
 * model's own verdict, when the policy had overridden it, is compared afresh.
 */
export function withoutIgnored(review: Review, root: string, ignore: readonly IgnoreGlob[]): Review {
  if (ignore.length === 0) return review;
  const ignored = (f: Pick<Finding, 'file'>) => isIgnored(path.resolve(root, f.file), ignore);
  const kept = review.findings.filter((f) => !ignored(f));
  const dropped = review.findings.length - kept.length;
  if (dropped === 0) return review;
  const files = [...new Set(review.findings.filter(ignored).map((f) => f.file))].sort();
  const decision = decideVerdict(kept, review.verdictOverride?.modelVerdict);
  const { verdictOverride: _old, ...rest } = review;
  return {
    ...rest,
    findings: kept,
    verdict: decision.verdict,
    ...(decision.override ? { verdictOverride: decision.override } : {}),
    warnings: [...review.warnings, `ignored ${dropped} finding${dropped === 1 ? '' : 's'} in files matched by ignore globs: ${files.join(', ')}`],
  };
}

/** Runs a prepared review; the events and the result both reflect the ignore globs. */
export async function runPrepared(prepared: PreparedReview, hooks: RunHooks = {}): Promise<Review> {
  const { root } = prepared;
  const ignore = prepared.settings.ignore;
  const forward = hooks.onEvent;
  const onEvent = (event: ReviewEvent) => {
    if (!forward) return;
    if (event.type === 'finding' && ignore.length && isIgnored(path.resolve(root, event.finding.file), ignore)) return;
    forward(event.type === 'run-end' ? { type: 'run-end', review: withoutIgnored(event.review, root, ignore) } : event);
  };
  const review = await runReview({ ...prepared.run, signal: hooks.signal, onEvent });
  return withoutIgnored(review, root, ignore);
}
