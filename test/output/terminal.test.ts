import { describe, expect, it } from 'vitest';
import { stripAnsi } from '../../src/output/ansi.js';
import { renderTerminal } from '../../src/output/terminal.js';
import { sampleReview } from './sample-review.js';

describe('renderTerminal', () => {
  const plain = renderTerminal(sampleReview(), { color: false, width: 80 });

  it('groups findings by severity, most severe first, with location and fields', () => {
    const critical = plain.indexOf('CRITICAL (1)');
    const high = plain.indexOf('HIGH (1)');
    const medium = plain.indexOf('MEDIUM (1)');
    expect(critical).toBeGreaterThan(-1);
    expect(high).toBeGreaterThan(critical);
    expect(medium).toBeGreaterThan(high);
    expect(plain).toContain('[CRITICAL] Scaler fitted before the train/test split');
    expect(plain).toContain('train.py:21-22');
    expect(plain).toMatch(/Issue\s+fit_transform computes statistics/);
    expect(plain).toMatch(/Impact\s+The test accuracy overstates/);
    expect(plain).toMatch(/Fix\s+Split first/);
    expect(plain).toContain('│ X_scaled = scaler.fit_transform(X)');
    expect(plain).toContain('│ X_test = scaler.transform(X_test)');
    expect(plain).toContain('also at train.py:28');
  });

  it('marks corrected and unverified findings, and leaves verified ones unmarked', () => {
    expect(plain).toContain('train.py:24 ~ line corrected');
    expect(plain).toContain('Line corrected from 20');
    expect(plain).toContain('eval.py:8 ? unverified');
    expect(plain).toContain('Unverified: the quoted code was not found in eval.py');
    expect(plain).not.toContain('train.py:21-22 ?');
    expect(plain).not.toContain('train.py:21-22 ~');
  });

  it('ends with a one-line verdict: counts, tokens, cost and duration', () => {
    const last = plain.trimEnd().split('\n').at(-1) ?? '';
    expect(last).toBe('❌ BLOCK  1 CRITICAL, 1 HIGH, 1 MEDIUM, 0 LOW · 52k in, 40k cached / 2.3k out tokens · $0.12 · 1m 23s');
  });

  it('leaves the cost out when it is unknown', () => {
    const review = sampleReview({ usage: { inputTokens: 10, outputTokens: 5, cacheReadTokens: 0, cacheWriteTokens: 0 }, durationMs: 900 });
    const last = renderTerminal(review, { color: false }).trimEnd().split('\n').at(-1);
    expect(last).toBe('❌ BLOCK  1 CRITICAL, 1 HIGH, 1 MEDIUM, 0 LOW · 10 in / 5 out tokens · 900 ms');
  });

  it('makes an incomplete review impossible to miss', () => {
    const text = renderTerminal(sampleReview({ status: 'incomplete', incompleteReason: 'turn limit (30) reached' }), { color: false });
    expect(text.split('\n').slice(0, 4).join('\n')).toContain('INCOMPLETE REVIEW: turn limit (30) reached');
    expect(text.trimEnd().split('\n').at(-1)).toMatch(/^ INCOMPLETE  ❌ BLOCK/);
  });

  it('shows the override, warnings, and "No findings." for an empty review', () => {
    const text = renderTerminal(
      sampleReview({
        findings: [],
        verdict: 'approve',
        verdictOverride: { modelVerdict: 'block', reason: 'the model said block, but the approval policy gives approve for no findings' },
        warnings: ['--strict dropped 1 unverified finding'],
      }),
      { color: false },
    );
    expect(text).toContain('No findings.');
    expect(text).toContain('  - --strict dropped 1 unverified finding');
    expect(text).toContain('✅ APPROVE  0 CRITICAL, 0 HIGH, 0 MEDIUM, 0 LOW');
    expect(text).toContain('(the model said block, but the approval policy gives approve for no findings)');
  });

  it('wraps prose to the width but never code', () => {
    const long = 'word '.repeat(60).trim();
    const review = sampleReview({ summary: long, findings: [{ ...sampleReview().findings[0]!, current: `x = "${'y'.repeat(120)}"` }] });
    const lines = renderTerminal(review, { color: false, width: 50 }).split('\n');
    expect(lines.filter((l) => l.startsWith('word')).every((l) => l.length <= 50)).toBe(true);
    expect(lines.some((l) => l.includes('y'.repeat(120)))).toBe(true);
  });

  it('uses ANSI colours only when asked, with the same visible text', () => {
    const coloured = renderTerminal(sampleReview(), { color: true, width: 80 });
    expect(plain).not.toContain('\u001b[');
    expect(coloured).toContain('\u001b[31m');
    expect(stripAnsi(coloured)).toBe(plain);
  });
});
