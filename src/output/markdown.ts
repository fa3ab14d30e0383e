import type { Finding, Review } from '../review/schema.js';
import { describeVerification, formatCounts, formatLocation, formatRunFacts, VERDICT_LABEL } from './format.js';

/**
 * The review in the agent's own finding format (`### [SEVERITY] Title`, `**File:**`, `**Issue:**`,
 * ...), readable on GitHub and readable again by `parseAnswer`.
 */

const LANGUAGES: Record<string, string> = {
  py: 'python',
  ipynb: 'python',
  pyi: 'python',
  r: 'r',
  jl: 'julia',
  js: 'javascript',
  ts: 'typescript',
  sh: 'bash',
  yaml: 'yaml',
  yml: 'yaml',
  json: 'json',
  toml: 'toml',
  cfg: 'ini',
  ini: 'ini',
  sql: 'sql',
};

function language(file: string): string {
  const ext = /\.([A-Za-z0-9]+)$/.exec(file)?.[1]?.toLowerCase();
  return (ext && LANGUAGES[ext]) ?? '';
}

/** A fence longer than any backtick run inside the code, so quoted fences cannot close it. */
function fenced(code: string, lang: string): string {
  const longest = Math.max(0, ...[...code.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}${lang}\n${code}\n${fence}`;
}

/** Titles and prose are single paragraphs: a line break inside would end the markdown field. */
function inline(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

function renderFinding(f: Finding): string[] {
  const out = [`### [${f.severity}] ${inline(f.title)}`, '', `**File:** \`${formatLocation(f)}\``];
  const verification = describeVerification(f);
  if (verification) out.push('', `_${f.verification?.status === 'unverified' ? '⚠️ ' : ''}${inline(verification)}_`);
  if (f.sites?.length) out.push('', `**Also at:** ${f.sites.map((s) => `\`${s.file}:${s.line}\``).join(', ')}`);
  if (f.category) out.push('', `**Category:** ${inline(f.category)}`);
  out.push('', `**Issue:** ${inline(f.issue)}`, '', `**Impact:** ${inline(f.impact)}`, '', `**Fix:** ${inline(f.fix)}`);
  const lang = language(f.file);
  if (f.current) out.push('', '**Current:**', '', fenced(f.current, lang));
  if (f.fixed) out.push('', '**Fixed:**', '', fenced(f.fixed, lang));
  return out;
}

export function renderMarkdown(review: Review): string {
  const { emoji, word } = VERDICT_LABEL[review.verdict];
  const out: string[] = [`## ${review.agent} review: ${emoji} ${word}`];
  if (review.status === 'incomplete') {
    out.push('', '> [!WARNING]', `> **Incomplete review:** ${inline(review.incompleteReason ?? 'stopped early')}. Findings may be missing; do not treat the verdict as final.`);
  }
  if (review.summary) out.push('', review.summary);
  if (review.findings.length === 0) out.push('', 'No findings.');
  for (const f of review.findings) out.push('', ...renderFinding(f), '', '---');
  if (review.warnings.length > 0) {
    out.push('', '<details><summary>Warnings</summary>', '', ...review.warnings.map((w) => `- ${inline(w)}`), '', '</details>');
  }
  out.push('', `**Verdict:** ${emoji} ${word} (${formatCounts(review.findings)})`);
  if (review.verdictOverride) out.push('', `_${inline(review.verdictOverride.reason)}._`);
  out.push('', `<sub>${[`${review.agent}`, `${review.provider}/${review.model}`, ...formatRunFacts(review)].join(' · ')}</sub>`);
  return `${out.join('\n')}\n`;
}
