import type { Finding, Review } from '../../src/review/schema.js';

/** A review with one finding of each verification state, for renderer tests. */
export function sampleFindings(): Finding[] {
  return [
    {
      severity: 'CRITICAL',
      title: 'Scaler fitted before the train/test split',
      file: 'train.py',
      line: 21,
      endLine: 22,
      issue: 'fit_transform computes statistics over every row, including the future test rows.',
      impact: 'The test accuracy overstates real-world performance.',
      fix: 'Split first; fit the scaler on X_train only.',
      current: 'scaler = StandardScaler()\nX_scaled = scaler.fit_transform(X)',
      fixed: 'scaler = StandardScaler().fit(X_train)\nX_test = scaler.transform(X_test)',
      category: 'Data Preparation',
      verification: { status: 'verified' },
    },
    {
      severity: 'HIGH',
      title: 'No random seeds',
      file: 'train.py',
      line: 24,
      issue: 'train_test_split has no random_state.',
      impact: 'Runs cannot be reproduced.',
      fix: 'Pass random_state=42.',
      sites: [{ file: 'train.py', line: 28 }],
      verification: { status: 'corrected', originalLine: 20, note: 'the quoted code is at line 24; it is not at line 20' },
    },
    {
      severity: 'MEDIUM',
      title: 'Accuracy is the only metric',
      file: 'eval.py',
      line: 8,
      issue: 'Only accuracy is reported.',
      impact: 'Imbalance hides poor recall.',
      fix: 'Report F1 and ROC AUC.',
      current: 'print(accuracy_score(y, p))',
      verification: { status: 'unverified', note: 'the quoted code was not found in eval.py' },
    },
  ];
}

export function sampleReview(overrides: Partial<Review> = {}): Review {
  return {
    verdict: 'block',
    summary: 'Reviewed train.py and eval.py. Preprocessing leaks test statistics.',
    findings: sampleFindings(),
    status: 'complete',
    agent: 'model-trainer',
    provider: 'anthropic',
    model: 'claude-sonnet-4-5',
    usage: { inputTokens: 12_000, outputTokens: 2_300, cacheReadTokens: 40_000, cacheWriteTokens: 0, costUsd: 0.1234 },
    durationMs: 83_200,
    warnings: [],
    ...overrides,
  };
}
