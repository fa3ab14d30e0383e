import { countBySeverity, describeCounts } from '../review/verdict.js';
import { SEVERITIES, type Finding, type Review, type Severity } from '../review/schema.js';
import { ciPath, type CiPathOptions } from './ci-paths.js';

/** GitHub annotation levels: errors and warnings fail nothing by themselves, the exit code does. */
export const GITHUB_LEVEL: Record<Severity, 'error' | 'warning' | 'notice'> = {
  CRITICAL: 'error',
  HIGH: 'error',
  MEDIUM: 'warning',
  LOW: 'notice',
};

/** Message text of a workflow command (as @actions/core escapes it). */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value of a workflow command: also `:` and `,`, which delimit properties. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** One `::level key=value,...::message` line. */
export function workflowCommand(level: string, properties: Record<string, string | number | undefined>, message: string): string {
  const props = Object.entries(properties)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined && entry[1] !== '')
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
    .join(',');
  return `::${level}${props ? ` ${props}` : ''}::${escapeData(message)}`;
}

export type GithubOptions = CiPathOptions;

function annotation(f: Finding, options: GithubOptions): string {
  const lines = [f.issue, `Impact: ${f.impact}`, `Fix: ${f.fix}`];
  if (f.sites?.length) lines.push(`Also at: ${f.sites.map((s) => `${ciPath(s.file, options)}:${s.line}`).join(', ')}`);
  return workflowCommand(
    GITHUB_LEVEL[f.severity],
    {
      file: ciPath(f.file, options),
      line: f.line,
      endLine: f.endLine !== undefined && f.endLine > f.line ? f.endLine : undefined,
      title: `[${f.severity}] ${f.title}`,
    },
    lines.join('\n\n'),
  );
}

/** The one-line outcome shared by the log and the summary. */
export function verdictLine(review: Review): string {
  const counts = describeCounts(countBySeverity(review.findings));
  const incomplete = review.status === 'incomplete' ? ` (incomplete: ${review.incompleteReason ?? review.endReason ?? 'unknown reason'})` : '';
  return `${review.agent}: ${review.verdict.toUpperCase()}: ${counts}${incomplete}`;
}

/**
 * The review as GitHub Actions workflow commands: one annotation per finding on its file and
 * lines, a warning when the review is incomplete, and a closing notice with the verdict.
 */
export function renderGithub(review: Review, options: GithubOptions = {}): string {
  const out = review.findings.map((f) => annotation(f, options));
  if (review.status === 'incomplete') {
    out.push(workflowCommand('warning', { title: 'review-agent: review incomplete' }, review.incompleteReason ?? review.endReason ?? 'the review stopped early'));
  }
  out.push(workflowCommand('notice', { title: `review-agent: ${review.verdict}` }, `${verdictLine(review)}\n\n${review.summary}`));
  return `${out.join('\n')}\n`;
}

/** Where the summary's file links point; without it findings are plain `file:line` text. */
export interface SummaryLinks {
  /** e.g. https://github.com */
  server: string;
  /** owner/name */
  repository: string;
  /** Commit the links pin. */
  sha: string;
}

export interface SummaryOptions extends GithubOptions {
  links?: SummaryLinks;
}

/** GITHUB_SERVER_URL, GITHUB_REPOSITORY and GITHUB_SHA as summary links, when all are set. */
export function summaryLinksFromEnv(env: Record<string, string | undefined>): SummaryLinks | undefined {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repository, GITHUB_SHA: sha } = env;
  return server && repository && sha ? { server, repository, sha } : undefined;
}

const ICON: Record<Review['verdict'], string> = { approve: '✅', warning: '⚠️', block: '⛔' };

function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]<>|])/g, '\\$1');
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function fence(code: string): string {
  const longest = Math.max(2, ...[...code.matchAll(/`+/g)].map((m) => m[0].length));
  const ticks = '`'.repeat(longest + 1);
  return `${ticks}\n${code.replace(/\n$/, '')}\n${ticks}`;
}

function where(f: Finding, options: SummaryOptions): string {
  const file = ciPath(f.file, options);
  const lines = f.endLine !== undefined && f.endLine > f.line ? `${f.line}-${f.endLine}` : `${f.line}`;
  const label = `${file}:${lines}`;
  if (!options.links) return `<code>${escapeHtml(label)}</code>`;
  const anchor = f.endLine !== undefined && f.endLine > f.line ? `#L${f.line}-L${f.endLine}` : `#L${f.line}`;
  const url = `${options.links.server}/${options.links.repository}/blob/${options.links.sha}/${file.split('/').map(encodeURIComponent).join('/')}${anchor}`;
  return `<a href="${escapeHtml(url)}"><code>${escapeHtml(label)}</code></a>`;
}

/** A markdown job summary (for GITHUB_STEP_SUMMARY): verdict, counts, then each finding folded. */
export function renderGithubSummary(review: Review, options: SummaryOptions = {}): string {
  const counts = countBySeverity(review.findings);
  const out: string[] = [
    `## ${ICON[review.verdict]} review-agent · ${escapeMarkdown(review.agent)}: ${review.verdict}`,
    '',
    escapeMarkdown(review.summary),
    '',
    '| Severity | Findings |',
    '| --- | ---: |',
    ...SEVERITIES.map((s) => `| ${s} | ${counts[s]} |`),
    '',
  ];
  if (review.status === 'incomplete') {
    out.push(`> **Incomplete:** ${escapeMarkdown(review.incompleteReason ?? review.endReason ?? 'the review stopped early')}`, '');
  }
  for (const f of review.findings) {
    const body = [
      escapeMarkdown(f.issue),
      '',
      `**Impact:** ${escapeMarkdown(f.impact)}`,
      '',
      `**Fix:** ${escapeMarkdown(f.fix)}`,
      ...(f.current ? ['', 'Current:', '', fence(f.current)] : []),
      ...(f.fixed ? ['', 'Fixed:', '', fence(f.fixed)] : []),
    ];
    out.push(`<details><summary><b>[${f.severity}]</b> ${escapeHtml(f.title)} · ${where(f, options)}</summary>`, '', ...body, '', '</details>', '');
  }
  const cost = review.usage.costUsd === undefined ? '' : ` · $${review.usage.costUsd.toFixed(4)}`;
  out.push(`<sub>${escapeHtml(`${review.provider}:${review.model}`)} · ${review.usage.inputTokens + review.usage.outputTokens} tokens${cost} · ${(review.durationMs / 1000).toFixed(1)} s</sub>`, '');
  return out.join('\n');
}
