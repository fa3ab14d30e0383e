import type { ReviewSubmission } from './schema.js';
import { findJsonReview } from './parse-json.js';
import { parseMarkdownAnswer } from './parse-markdown.js';
import { validateSubmission, type Issue } from './validate.js';

export type ParseResult =
  | { ok: true; value: ReviewSubmission; warnings: string[] }
  | { ok: false; issues: Issue[]; partial: ReviewSubmission };

/**
 * Turns a model's final answer into a submission: JSON (raw, fenced, or embedded in prose, also
 * inside a tool-call envelope written as text) or the agent's markdown format. On failure the
 * issues say which finding and field were wrong, and `partial` keeps every usable finding.
 */
export function parseAnswer(text: string): ParseResult {
  const normalised = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const json = findJsonReview(normalised);
  if (json?.ok) {
    const value = Array.isArray(json.value) ? { summary: '', findings: json.value } : json.value;
    const result = validateSubmission(value, 'json');
    // JSON quoted inside a markdown review (a config, an example of the format) is not the review.
    if (json.source !== 'the answer' && (!result.ok || result.value.findings.length === 0)) {
      const md = parseMarkdownAnswer(normalised);
      if (md.seen.findings > 0 && md.issues.length === 0) return { ok: true, value: md.value, warnings: md.warnings };
    }
    if (!result.ok) return result;
    // Coercion notes (aliased field names, the block the JSON came from) are not the user's concern.
    const warnings: string[] = [];
    if (Array.isArray(json.value)) warnings.push('the answer was a bare list of findings; no summary or verdict was given');
    return { ok: true, value: result.value, warnings };
  }

  const md = parseMarkdownAnswer(normalised);
  if (md.seen.findings === 0 && !md.seen.verdict) {
    const issues: Issue[] = [];
    if (json && !json.ok) {
      issues.push({ path: '', code: 'invalid_json', message: `the JSON in ${json.source} does not parse (${json.error}); send valid JSON` });
    } else {
      issues.push({
        path: '',
        code: 'no_review',
        message:
          'no review found in the answer: no JSON object with "findings" and no "[SEVERITY] Title" finding or verdict line; ' +
          'send the review as {"verdict", "summary", "findings": [...]} or in the agent\'s markdown format with a verdict line',
      });
    }
    return { ok: false, issues, partial: md.value };
  }
  if (md.issues.length > 0) return { ok: false, issues: md.issues, partial: md.value };
  return { ok: true, value: md.value, warnings: md.warnings };
}
