import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/output/markdown.js';
import { parseAnswer } from '../../src/review/parse.js';
import { sampleReview } from './sample-review.js';

describe('renderMarkdown', () => {
  const md = renderMarkdown(sampleReview());

  it('writes the agent format with a heading per finding and language-tagged code', () => {
    expect(md.startsWith('## model-trainer review: ❌ Block\n')).toBe(true);
    expect(md).toContain('### [CRITICAL] Scaler fitted before the train/test split\n\n**File:** `train.py:21-22`');
    expect(md).toContain('**Issue:** fit_transform computes statistics');
    expect(md).toContain('**Impact:** The test accuracy overstates');
    expect(md).toContain('**Fix:** Split first');
    expect(md).toContain('**Current:**\n\n```python\nscaler = StandardScaler()\nX_scaled = scaler.fit_transform(X)\n```');
    expect(md).toContain('**Verdict:** ❌ Block (1 CRITICAL, 1 HIGH, 1 MEDIUM, 0 LOW)');
    expect(md).toContain('<sub>model-trainer · anthropic/claude-sonnet-4-5 · 52k in, 40k cached / 2.3k out tokens · $0.12 · 1m 23s</sub>');
    expect(md.endsWith('\n')).toBe(true);
  });

  it('marks unverified and corrected findings', () => {
    expect(md).toContain('_⚠️ Unverified: the quoted code was not found in eval.py_');
    expect(md).toContain('_Line corrected from 20: the quoted code is at line 24; it is not at line 20_');
  });

  it('puts an incomplete review in a warning callout at the top', () => {
    const text = renderMarkdown(sampleReview({ status: 'incomplete', incompleteReason: 'cost limit ($1.00) reached' }));
    expect(text.split('\n').slice(0, 5).join('\n')).toContain('> **Incomplete review:** cost limit ($1.00) reached.');
  });

  it('uses a longer fence when the code itself contains a fence', () => {
    const review = sampleReview();
    review.findings[0]!.current = 'doc = """\n```\nexample\n```\n"""';
    expect(renderMarkdown(review)).toContain('````python\ndoc = """\n```\nexample\n```\n"""\n````');
  });

  it('is read back by parseAnswer into the same findings and verdict', () => {
    const review = sampleReview();
    const parsed = parseAnswer(renderMarkdown(review));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    expect(parsed.value.verdict).toBe('block');
    expect(parsed.value.summary).toBe(review.summary);
    const strip = ({ verification: _v, ...rest }: (typeof review.findings)[number]) => rest;
    expect(parsed.value.findings).toEqual(review.findings.map(strip));
  });
});
