import { FindingInput, ReviewSubmission } from '../review/schema.js';
import type { ToolSpec } from '../providers/types.js';
import { inputJsonSchema } from '../../tools/index.js';

/** Tools the loop itself answers: the model's way to hand in findings and the final review. */
export const SUBMIT_REVIEW = 'submit_review';
export const REPORT_FINDING = 'report_finding';

export function reviewToolSpecs(): ToolSpec[] {
  return [
    {
      name: REPORT_FINDING,
      description:
        'Record one finding as soon as you have verified it against the code. Findings reported here are kept even if the review is cut short by a turn, cost or time limit. Do not report the same issue twice; submit_review may repeat reported findings.',
      inputSchema: inputJsonSchema(FindingInput),
    },
    {
      name: SUBMIT_REVIEW,
      description:
        'Submit the final review: a summary, every finding (including ones already sent with report_finding), and your verdict. Call it once, when you are done; the review ends there.',
      inputSchema: inputJsonSchema(ReviewSubmission),
    },
  ];
}
