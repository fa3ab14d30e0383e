import type { Finding, Review, Severity } from '../review/schema.js';
import { createPalette, type Palette } from './ansi.js';
import {
  describeVerification,
  formatCounts,
  formatLocation,
  formatRunFacts,
  groupBySeverity,
  VERDICT_LABEL,
  wrap,
} from './format.js';

export interface TerminalOptions {
  /** Emit ANSI colours (decide with `shouldUseColor`). */
  color: boolean;
  /** Columns to wrap prose at (default 80, e.g. `process.stdout.columns`; at least 40). Code is never wrapped. */
  width?: number;
}

const DEFAULT_WIDTH = 80;
const INDENT = '    ';
const LABEL_WIDTH = 8;

function severityStyle(p: Palette, severity: Severity): (text: string) => string {
  switch (severity) {
    case 'CRITICAL':
      return (t) => p.bold(p.red(t));
    case 'HIGH':
      return p.red;
    case 'MEDIUM':
      return p.yellow;
    case 'LOW':
      return p.cyan;
  }
}

/** A prose field as `Issue   text...` with continuation lines aligned under the text. */
function field(p: Palette, label: string, text: string, width: number): string[] {
  const lines = wrap(text, Math.max(20, width - INDENT.length - LABEL_WIDTH));
  return lines.map((line, i) => `${INDENT}${i === 0 ? p.bold(label.padEnd(LABEL_WIDTH)) : ' '.repeat(LABEL_WIDTH)}${line}`);
}

function code(p: Palette, label: string, text: string): string[] {
  return [`${INDENT}${p.bold(label)}`, ...text.split('\n').map((line) => `${INDENT}  ${p.dim('│')} ${line}`)];
}

function renderFinding(p: Palette, f: Finding, width: number): string[] {
  const style = severityStyle(p, f.severity);
  const lines = [`  ${style(`[${f.severity}]`)} ${p.bold(f.title)}`];
  const status = f.verification?.status;
  const marker = status === 'unverified' ? ` ${p.yellow('? unverified')}` : status === 'corrected' ? ` ${p.cyan('~ line corrected')}` : '';
  lines.push(`${INDENT}${p.cyan(formatLocation(f))}${marker}`);
  const verification = describeVerification(f);
  if (verification) lines.push(...wrap(verification, width - INDENT.length - 2).map((l) => `${INDENT}${p.dim(`  ${l}`)}`));
  if (f.sites?.length) lines.push(`${INDENT}${p.dim(`also at ${f.sites.map((s) => `${s.file}:${s.line}`).join(', ')}`)}`);
  lines.push(...field(p, 'Issue', f.issue, width), ...field(p, 'Impact', f.impact, width), ...field(p, 'Fix', f.fix, width));
  if (f.current) lines.push(...code(p, 'Current:', f.current));
  if (f.fixed) lines.push(...code(p, 'Fixed:', f.fixed));
  return lines;
}

function verdictLine(p: Palette, review: Review): string {
  const { emoji, word } = VERDICT_LABEL[review.verdict];
  const colour = review.verdict === 'block' ? p.red : review.verdict === 'warning' ? p.yellow : p.green;
  const incomplete = review.status === 'incomplete' ? `${p.alert(' INCOMPLETE ')} ` : '';
  const facts = [formatCounts(review.findings), ...formatRunFacts(review)];
  return `${incomplete}${emoji} ${p.bold(colour(word.toUpperCase()))}  ${facts.join(' · ')}`;
}

/** The human report: summary, findings grouped by severity, warnings, then a one-line verdict. */
export function renderTerminal(review: Review, options: TerminalOptions): string {
  const p = createPalette(options.color);
  const width = Math.max(40, options.width ?? DEFAULT_WIDTH);
  const out: string[] = [];
  out.push(p.dim(`${review.agent} review · ${review.provider}/${review.model}`));
  if (review.status === 'incomplete') {
    out.push('', p.alert(` INCOMPLETE REVIEW: ${review.incompleteReason ?? 'stopped early'} `), p.yellow('Findings below may be missing or partial; do not treat this verdict as final.'));
  }
  if (review.summary) out.push('', ...wrap(review.summary, width));
  if (review.findings.length === 0) out.push('', p.green('No findings.'));
  for (const [severity, findings] of groupBySeverity(review.findings)) {
    out.push('', severityStyle(p, severity)(p.bold(`${severity} (${findings.length})`)));
    findings.forEach((f, i) => {
      if (i > 0) out.push('');
      out.push(...renderFinding(p, f, width));
    });
  }
  if (review.warnings.length > 0) {
    out.push('', p.yellow('Warnings'));
    for (const w of review.warnings) out.push(...wrap(w, width - 4).map((l, i) => p.dim(`${i === 0 ? '  - ' : '    '}${l}`)));
  }
  out.push('', verdictLine(p, review));
  if (review.verdictOverride) out.push(p.dim(`  (${review.verdictOverride.reason})`));
  return `${out.join('\n')}\n`;
}
