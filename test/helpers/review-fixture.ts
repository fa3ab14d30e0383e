import type { Finding, Review } from '../../src/review/schema.js';

/** A complete Review with sensible defaults, for renderer tests. */
export function makeReview(overrides: Partial<Review> = {}): Review {
  return {
    verdict: 'approve',
    summary: 'Reviewed the training script.',
    findings: [],
    status: 'complete',
    agent: 'model-trainer',
    provider: 'offline',
    model: 'offline-analyzer',
    usage: { inputTokens: 1200, outputTokens: 300, cacheReadTokens: 0, cacheWriteTokens: 0 },
    durationMs: 1500,
    warnings: [],
    ...overrides,
  };
}

export function makeFinding(overrides: Partial<Finding> = {}): Finding {
  return {
    severity: 'CRITICAL',
    title: 'Scaler fitted before the train/test split',
    file: 'train.py',
    line: 12,
    issue: 'StandardScaler.fit_transform runs on all rows, test rows included.',
    impact: 'Test scores are optimistic: the scaler saw test statistics.',
    fix: 'Split first, then fit the scaler on the training rows only.',
    ...overrides,
  };
}
