import { RULES } from '../analysis/rules/catalog.js';
import { renderGithub } from '../output/github.js';
import { renderReview, type RenderOptions } from '../output/render.js';
import { renderSarif, type SarifRuleInfo } from '../output/sarif.js';
import type { Review } from '../review/schema.js';

export const REVIEW_FORMATS = ['terminal', 'markdown', 'json', 'sarif', 'github'] as const;
export type ReviewFormat = (typeof REVIEW_FORMATS)[number];

export interface FormatOptions extends RenderOptions {
  /** sarif, github: the review root, to make paths relative to `baseDir`. */
  root?: string;
  /** sarif, github: the repository root code hosts resolve paths against. */
  baseDir?: string;
  /** sarif: tool.driver.version. */
  toolVersion?: string;
  /** sarif: descriptions of rule ids (default: the offline analyzer's catalogue). */
  rules?: readonly SarifRuleInfo[];
}

/** A review as text in one of the CLI's `--format`s. */
export function formatReview(review: Review, format: ReviewFormat, options: FormatOptions = {}): string {
  switch (format) {
    case 'sarif':
      return renderSarif(review, { rules: RULES, ...options });
    case 'github':
      return renderGithub(review, options);
    default:
      return renderReview(review, format, options);
  }
}
