import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { finalizeReview, type FinalizeInput } from '../../src/review/finalize.js';
import { parseAnswer } from '../../src/review/parse.js';
import { Review, type FindingInput, type ReviewSubmission } from '../../src/review/schema.js';
import { decideVerdict, verdictFor } from '../../src/review/verdict.js';

const repo = fileURLToPath(new URL('./fixtures/repo/', import.meta.url));
const answers = fileURLToPath(new URL('../fixtures/answers/', import.meta.url));

const finding = (overrides: Partial<FindingInput>): FindingInput => ({
  severity: 'LOW',
  title: 'Something',
  file: 'train.py',
  line: 17,
  issue: 'i',
  impact: 'm',
  fix: 'f',
  ...overrides,
});

function input(submission: ReviewSubmission, overrides: Partial<FinalizeInput> = {}): FinalizeInput {
  return {
    submission,
    root: repo,
    agent: 'model-trainer',
    provider: 'anthropic',
    model: 'claude-sonnet-4-5',
    usage: { inputTokens: 100, outputTokens: 20, cacheReadTokens: 0, cacheWriteTokens: 0 },
    durationMs: 1234,
    status: 'complete',
    ...overrides,
  };
}

describe('verdict policy', () => {
  it('blocks on any CRITICAL, warns on HIGH or MEDIUM, approves LOW only or nothing', () => {
    expect(verdictFor([{ severity: 'LOW' }, { severity: 'CRITICAL' }])).toBe('block');
    expect(verdictFor([{ severity: 'HIGH' }])).toBe('warning');
    expect(verdictFor([{ severity: 'MEDIUM' }, { severity: 'LOW' }])).toBe('warning');
    expect(verdictFor([{ severity: 'LOW' }])).toBe('approve');
    expect(verdictFor([])).toBe('approve');
  });

  it('records an override only when the model disagrees', () => {
    expect(decideVerdict([{ severity: 'HIGH' }], 'warning')).toEqual({ verdict: 'warning' });
    const decision = decideVerdict([{ severity: 'CRITICAL' }], 'approve');
    expect(decision.verdict).toBe('block');
    expect(decision.override).toEqual({ modelVerdict: 'approve', reason: 'the model said approve, but the approval policy gives block for 1 CRITICAL' });
  });
});

describe('finalizeReview', () => {
  it('grounds, sorts by severity then file then line, and applies the policy', async () => {
    const review = await finalizeReview(
      input({
        verdict: 'block',
        summary: 's',
        findings: [
          finding({ severity: 'LOW', line: 36 }),
          finding({ severity: 'HIGH', file: 'explore.ipynb', line: 15 }),
          finding({ severity: 'HIGH', line: 24 }),
          finding({ severity: 'HIGH', line: 17 }),
        ],
      }),
    );
    expect(review.findings.map((f) => [f.severity, f.file, f.line])).toEqual([
      ['HIGH', 'explore.ipynb', 15],
      ['HIGH', 'train.py', 17],
      ['HIGH', 'train.py', 24],
      ['LOW', 'train.py', 36],
    ]);
    expect(review.verdict).toBe('warning');
    expect(review.verdictOverride?.modelVerdict).toBe('block');
    expect(review.findings.every((f) => f.verification?.status === 'verified')).toBe(true);
    expect(Review.safeParse(review).success).toBe(true);
  });

  it('keeps unverified findings by default and lets them count', async () => {
    const review = await finalizeReview(
      input({ summary: 's', findings: [finding({ severity: 'CRITICAL', current: 'invented_call()' })] }),
    );
    expect(review.findings[0]?.verification?.status).toBe('unverified');
    expect(review.verdict).toBe('block');
    expect(review.verdictOverride).toBeUndefined();
  });

  it('--strict drops unverified findings, says how many, and the verdict follows what is left', async () => {
    const review = await finalizeReview(
      input(
        {
          verdict: 'block',
          summary: 's',
          findings: [
            finding({ severity: 'CRITICAL', current: 'invented_call()' }),
            finding({ severity: 'CRITICAL', file: 'missing.py' }),
            finding({ severity: 'MEDIUM', line: 30, current: 'score = accuracy_score(y_test, model.predict(X_test))' }),
          ],
        },
        { strict: true, warnings: ['from the parser'] },
      ),
    );
    expect(review.findings.map((f) => f.severity)).toEqual(['MEDIUM']);
    expect(review.warnings).toEqual(['from the parser', '--strict dropped 2 unverified findings that could not be matched to the code']);
    expect(review.verdict).toBe('warning');
    expect(review.verdictOverride).toEqual({
      modelVerdict: 'block',
      reason: 'the model said block, but the approval policy gives warning for 1 MEDIUM',
    });
  });

  it('records an incomplete status with its reason', async () => {
    const review = await finalizeReview(input({ summary: '', findings: [] }, { status: 'incomplete', incompleteReason: 'turn limit (30) reached' }));
    expect([review.status, review.incompleteReason, review.verdict]).toEqual(['incomplete', 'turn limit (30) reached', 'approve']);
  });

  it('turns a parsed fixture answer into a review whose findings all check out against the code', async () => {
    const parsed = parseAnswer(readFileSync(`${answers}claude-headings.md`, 'utf8'));
    if (!parsed.ok) throw new Error('fixture did not parse');
    const review = await finalizeReview(input(parsed.value));
    expect(review.verdict).toBe('block');
    expect(review.findings.map((f) => [f.line, f.verification?.status])).toEqual([
      [21, 'verified'],
      [27, 'verified'],
      [24, 'verified'],
      [30, 'verified'],
    ]);
  });
});
