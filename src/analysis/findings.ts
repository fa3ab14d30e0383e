// Building findings: every field filled from the rule catalogue and the real source lines;
// duplicates merged; a stable order so the same input always gives the same JSON.
import { severityRank, type FindingInput, type Severity, type Site } from '../review/schema.js';
import { ruleById } from './rules/catalog.js';
import type { SourceFile } from './source.js';

export interface FindingDraft {
  rule: string;
  file: SourceFile;
  line: number;
  endLine?: number;
  /** Overrides the rule's title / severity when the evidence says so. */
  title?: string;
  severity?: Severity;
  issue: string;
  impact: string;
  fix: string;
  fixed?: string;
  sites?: Site[];
  /** Replaces the verbatim lines (used to redact secrets). */
  current?: string;
}

/** The cited lines, verbatim. */
export function linesOf(file: SourceFile, line: number, endLine = line): string {
  return file.lines.slice(line - 1, Math.max(line, endLine)).join('\n');
}

/** Removes the common indentation so rewrites read as a block. */
export function dedent(text: string): string {
  const lines = text.split('\n');
  const indents = lines.filter((l) => l.trim() !== '').map((l) => /^\s*/.exec(l)?.[0].length ?? 0);
  const min = indents.length ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(min)).join('\n');
}

export function indentOf(file: SourceFile, line: number): string {
  return /^\s*/.exec(file.lines[line - 1] ?? '')?.[0] ?? '';
}

export function buildFinding(d: FindingDraft): FindingInput {
  const rule = ruleById(d.rule);
  if (!rule) throw new Error(`unknown rule id ${d.rule}`);
  const endLine = d.endLine !== undefined && d.endLine > d.line ? d.endLine : undefined;
  const finding: FindingInput = {
    severity: d.severity ?? rule.severity,
    title: d.title ?? rule.title,
    file: d.file.path,
    line: d.line,
    issue: d.issue,
    impact: d.impact,
    fix: d.fix,
    current: d.current ?? linesOf(d.file, d.line, endLine ?? d.line),
    category: rule.category,
    rule: rule.id,
  };
  if (endLine !== undefined) finding.endLine = endLine;
  // A rewrite that changes nothing would tell the user their code is the fix.
  if (d.fixed !== undefined && squash(d.fixed) !== squash(finding.current ?? '')) finding.fixed = d.fixed;
  const last = endLine ?? d.line;
  // Places inside the cited lines are already shown by `current`.
  const sites = uniqueSites((d.sites ?? []).filter((s) => !(s.file === d.file.path && s.line >= d.line && s.line <= last)));
  if (sites.length > 0) finding.sites = sites;
  return finding;
}

function squash(code: string): string {
  return code.replace(/\s+/g, ' ').trim();
}

function uniqueSites(sites: Site[]): Site[] {
  const seen = new Set<string>();
  const out: Site[] = [];
  for (const s of [...sites].sort(compareSites)) {
    const key = `${s.file}:${s.line}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(s);
  }
  return out;
}

function compareSites(a: Site, b: Site): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line;
}

/**
 * One finding per root cause: same rule at the same place, drafts the caller grouped, or the same
 * rule on the next line of the same file (two adjacent refits on the test rows): the later one
 * becomes a site of the first.
 */
export function mergeFindings(findings: FindingInput[]): FindingInput[] {
  const byKey = new Map<string, FindingInput>();
  for (const f of findings) {
    const key = `${f.rule}|${f.file}|${f.line}`;
    const prior = byKey.get(key);
    if (!prior) {
      byKey.set(key, f);
      continue;
    }
    const sites = uniqueSites([...(prior.sites ?? []), ...(f.sites ?? [])].filter((s) => !(s.file === prior.file && s.line === prior.line)));
    if (sites.length > 0) prior.sites = sites;
    if (severityRank(f.severity) < severityRank(prior.severity)) byKey.set(key, { ...f, sites: prior.sites });
  }
  const ordered = [...byKey.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || ((a.rule ?? '') < (b.rule ?? '') ? -1 : (a.rule ?? '') > (b.rule ?? '') ? 1 : 0));
  const kept: FindingInput[] = [];
  const lastByRule = new Map<string, FindingInput>();
  for (const f of ordered) {
    const key = `${f.rule}|${f.file}`;
    const prior = lastByRule.get(key);
    // Each leaked credential must be revoked on its own: the secret rule groups the parts of one itself.
    if (prior && f.rule && f.rule !== 'hardcoded-secret' && f.line <= (prior.endLine ?? prior.line) + 1 && f.line > prior.line) {
      prior.sites = uniqueSites([...(prior.sites ?? []), { file: f.file, line: f.line }, ...(f.sites ?? [])]);
      if (severityRank(f.severity) < severityRank(prior.severity)) prior.severity = f.severity;
      continue;
    }
    lastByRule.set(key, f);
    kept.push(f);
  }
  return kept.sort(compareFindings);
}

export function compareFindings(a: FindingInput, b: FindingInput): number {
  return (
    severityRank(a.severity) - severityRank(b.severity) ||
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
    a.line - b.line ||
    ((a.rule ?? '') < (b.rule ?? '') ? -1 : (a.rule ?? '') > (b.rule ?? '') ? 1 : 0)
  );
}
