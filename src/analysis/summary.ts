// The review summary: what was analysed, what was found, and what a static review cannot judge.
import type { FindingInput } from '../review/schema.js';
import { countBySeverity, describeCounts } from '../review/verdict.js';
import type { AnalyzeOptions, AnalysedFile } from './analyze.js';

/** Checklist items that need judgement or results a static analysis does not have. */
export const NOT_JUDGED = [
  'whether the model choice is justified for the problem',
  'whether model complexity matches the data size',
  'outlier handling and error analysis',
  'experiment tracking and whether loss curves were looked at',
  'confidence intervals and per-subset performance',
];

export function summarise(files: readonly AnalysedFile[], findings: readonly FindingInput[], options: Pick<AnalyzeOptions, 'unreadable' | 'truncatedListing'>): string {
  const scripts = files.filter((f) => f.source.kind === 'python');
  const notebooks = files.filter((f) => f.source.kind === 'notebook');
  const deps = files.filter((f) => f.source.kind === 'dependency' || f.source.kind === 'lockfile');
  const settings = files.filter((f) => f.source.kind === 'config');
  const lines = files.reduce((n, f) => n + f.source.lines.length, 0);
  const parts: string[] = [];
  if (scripts.length + notebooks.length === 0) {
    parts.push(`Static analysis found no Python files or notebooks to review${deps.length ? ` (only ${plural(deps.length, 'dependency file')})` : ''}.`);
  } else {
    parts.push(
      `Static analysis (offline, no model) of ${plural(scripts.length, 'Python file')}, ${plural(notebooks.length, 'notebook')} and ${plural(deps.length, 'dependency file')}${settings.length > 0 ? `, with ${plural(settings.length, 'settings file')} read for the values the code takes from them` : ''} (${plural(lines, 'line')}).`,
    );
  }
  const tests = files.filter((f) => f.unitTest).length;
  if (tests > 0) parts.push(`${plural(tests, 'unit-test file')} (pytest/unittest) ${tests === 1 ? 'was' : 'were'} checked for secrets and paths only: ${tests === 1 ? 'it trains' : 'they train'} on toy batches by design.`);
  if (options.truncatedListing) parts.push(options.truncatedListing);
  if (options.unreadable && options.unreadable.length > 0) {
    const shown = options.unreadable.slice(0, 5).map((u) => `${u.path} (${u.reason})`);
    parts.push(`Could not read ${plural(options.unreadable.length, 'file')}: ${shown.join('; ')}${options.unreadable.length > 5 ? '; …' : ''}.`);
  }
  const counts = countBySeverity(findings);
  parts.push(findings.length === 0 ? 'No issues found by the rules.' : `Found ${describeCounts(counts)}.`);
  parts.push(`The review is static: it does not run the code, and it cannot judge ${NOT_JUDGED.join('; ')}. An LLM review adds those.`);
  return parts.join(' ');
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
