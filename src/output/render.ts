import type { Review } from '../review/schema.js';
import { renderJson } from './json.js';
import { renderMarkdown } from './markdown.js';
import { renderTerminal } from './terminal.js';

export const OUTPUT_FORMATS = ['terminal', 'markdown', 'json'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export interface RenderOptions {
  /** Terminal only: ANSI colours (default false). */
  color?: boolean;
  /** Terminal only: wrap width (default 80). */
  width?: number;
}

/** One entry point for `--format`; other formats (sarif, github) join here. */
export function renderReview(review: Review, format: OutputFormat, options: RenderOptions = {}): string {
  switch (format) {
    case 'terminal':
      return renderTerminal(review, { color: options.color ?? false, ...(options.width !== undefined ? { width: options.width } : {}) });
    case 'markdown':
      return renderMarkdown(review);
    case 'json':
      return renderJson(review);
  }
}
