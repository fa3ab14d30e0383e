import { describe, expect, it } from 'vitest';
import { renderJson } from '../../src/output/json.js';
import { Review } from '../../src/review/schema.js';
import { sampleReview } from './sample-review.js';

describe('renderJson', () => {
  it('is valid against the schema and ends with a newline', () => {
    const text = renderJson(sampleReview());
    expect(text.endsWith('}\n')).toBe(true);
    expect(Review.safeParse(JSON.parse(text)).success).toBe(true);
  });

  it('orders keys as the schema declares them, whatever the insertion order', () => {
    const review = sampleReview();
    const shuffled = Object.fromEntries(Object.entries(review).reverse()) as Review;
    shuffled.findings = review.findings.map((f) => Object.fromEntries(Object.entries(f).reverse()) as typeof f);
    expect(renderJson(shuffled)).toBe(renderJson(review));
    const parsed = JSON.parse(renderJson(shuffled));
    expect(Object.keys(parsed).slice(0, 4)).toEqual(['verdict', 'summary', 'findings', 'status']);
    expect(Object.keys(parsed.findings[0]).slice(0, 4)).toEqual(['severity', 'title', 'file', 'line']);
    expect(Object.keys(parsed.usage)).toEqual(['inputTokens', 'outputTokens', 'cacheReadTokens', 'cacheWriteTokens', 'costUsd']);
  });

  it('omits undefined optional fields', () => {
    const text = renderJson(sampleReview({ incompleteReason: undefined }));
    expect(text).not.toContain('incompleteReason');
  });
});
