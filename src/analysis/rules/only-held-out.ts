// Rule 3 over the project: held-out rows that steer training (the best epoch kept on them, early stopping or a
// checkpoint on them) and are then reported as the model's score, when nothing else is held out. Called
// "holdout" or "eval" rather than validation, they play the test set's part: the reported number is the one the
// choice maximised.
import type { FindingInput } from '../../review/schema.js';
import type { AnalysedFile } from '../analyze.js';
import { buildFinding } from '../findings.js';
import { namesOf, SUBMISSION_TEXT } from './code-names.js';

// Code that names a test set anywhere, or names held-out rows for validation (`val_dl`, `X_valid`, a fold): the
// author keeps a validation set on purpose, and a test set the analyzer did not trace may well exist.
const TEST_WORD = /test|\b\w+_te\b|\bte_\w+/i;
const VALIDATION_NAME = /\b(val|valid|validation|va|vl|dev|fold|oof)(_\w+)?\b|\b\w+_(val|valid|validation|va|vl|dev|fold|oof)\b/i;

export function onlyHeldOutFindings(files: readonly AnalysedFile[]): FindingInput[] {
  const code = files.filter((f) => f.facts && f.source.kind !== 'dependency');
  const facts = code.map((f) => f.facts!);
  if (!facts.some((f) => f.heldOutChoices.length > 0)) return [];
  // Anything else held out (a test part, a choice already reported on the test set) is the estimate; with predictions
  // written for a competition's hidden labels, the validation score is the only estimate there can be.
  const otherHeldOut = facts.some((f) => f.testRows || f.testFits.length > 0 || f.selections.length > 0 || f.evals.some((e) => e.part === 'test'));
  if (otherHeldOut || code.some((f) => SUBMISSION_TEXT.test(f.source.code ?? ''))) return [];
  const names = code.map((f) => namesOf(f.source.code ?? '')).join('\n');
  if (TEST_WORD.test(names) || VALIDATION_NAME.test(names)) return [];
  const out: FindingInput[] = [];
  for (const f of code) {
    for (const choice of f.facts!.heldOutChoices) {
      // Reported afterwards: a score of the same rows once the choice is made.
      const report = f.facts!.evals.find((e) => e.line > choice.after && e.part === choice.part && !e.baseline && e.origins?.some((o) => choice.origins.includes(o)));
      if (!report) continue;
      out.push(
        buildFinding({
          rule: 'test-set-selection',
          file: f.source,
          line: choice.line,
          endLine: choice.endLine,
          issue: `${choice.detail.charAt(0).toUpperCase()}${choice.detail.slice(1)}; the same rows are then scored as the result (\`${report.metric}\`, line ${report.line}). With no other rows held out they are the test set, and they chose the model.`,
          impact: 'The reported score is the one the choice maximised over epochs or checkpoints, so it is optimistically biased, and no unbiased estimate of performance on new data is left.',
          fix: 'Hold out a test set the training never looks at (split it off before anything else), keep these rows for early stopping or checkpoint choice, and report the test score once, after training.',
          sites: [{ file: f.source.path, line: report.line }],
        }),
      );
      break;
    }
  }
  return out;
}
