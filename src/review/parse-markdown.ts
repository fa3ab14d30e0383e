import type { FindingInput, ReviewSubmission, Severity, Verdict } from './schema.js';
import { readCode, readSeverity } from './parse-fields.js';
import { parseLocations } from './parse-location.js';
import { tokenize, type FieldName, type Token } from './parse-markdown-lines.js';
import { coerceFinding, type Issue } from './validate.js';

/**
 * Reads the agent's markdown answer format: `[SEVERITY] Title`, `File: path:line`, `Issue:`,
 * `Impact:`, `Fix:`, `Current:`/`Fixed:` code, and a verdict line. The summary is a `Summary:`
 * section or else the prose before the first finding.
 */
export interface MarkdownParse {
  value: ReviewSubmission;
  issues: Issue[];
  warnings: string[];
  /** How many findings (complete or not) and whether a verdict line was seen. */
  seen: { findings: number; verdict: boolean };
}

type TextField = 'file' | 'line' | 'severity' | 'category' | 'issue' | 'impact' | 'fix' | 'sites';

interface Draft {
  severity?: Severity;
  title?: string;
  /** `[SEVERITY] Title` headers are strong; bold, heading or headerless starts are weak. */
  strong: boolean;
  text: Partial<Record<TextField, string[]>>;
  current?: string;
  fixed?: string;
  /** `[HIGH] Title — train.py:12`: used when no File label follows. */
  headerLocation?: string;
  labels: number;
  sawFix: boolean;
}

interface Active {
  field: FieldName;
  lines: string[];
  sawBlank: boolean;
}

/** A line after a blank inside unfenced code that reads as a sentence ends the code. */
function looksLikeProse(text: string): boolean {
  return /^[A-Z][a-z']*(\s+\S+){3,}/.test(text) && !/[=(){}[\];]|^(def|class|import|from|return|if|for|while|with)\b/.test(text);
}

/**
 * Headings whose section holds a `Severity:` label start a finding (`### 2. Missing seed` +
 * `- **Severity:** High`). The latest heading-like line before the label is the start; one pass.
 */
function headingStarts(tokens: Token[]): Set<number> {
  const starts = new Set<number>();
  let latest: number | undefined;
  tokens.forEach((t, i) => {
    if (t.kind === 'header' || t.kind === 'rule') latest = undefined;
    else if (t.kind === 'heading') latest = i;
    else if (t.kind === 'text' && /^\*\*|^\d{1,3}[.)]\s/.test(t.text)) latest = i;
    else if (t.kind === 'label' && t.field === 'severity' && latest !== undefined) {
      starts.add(latest);
      latest = undefined;
    }
  });
  return starts;
}

function cleanTitle(text: string): string {
  return text.replace(/^\d{1,3}[.)]\s+/, '').replace(/^(\*\*|__)|(\*\*|__)$/g, '').replace(/[:\s]+$/, '').trim();
}

/** A single '#' comment line (`# fit the scaler`) inside unfenced code is code, not a heading. */
function isCodeLine(token: Token): boolean {
  if (!('raw' in token)) return false;
  const raw = token.raw;
  if (/^\s*#(?!#)\s/.test(raw)) return true;
  return token.kind === 'label' && /^\s+\S/.test(raw) && !/^\s+[-*+]\s/.test(raw);
}

export function parseMarkdownAnswer(text: string): MarkdownParse {
  const tokens = tokenize(text);
  const starts = headingStarts(tokens);
  const drafts: Draft[] = [];
  const preamble: string[] = [];
  const summarySection: string[] = [];
  const verdicts: Array<{ verdict: Verdict; labelled: boolean; index: number }> = [];
  let draft: Draft | undefined;
  let active: Active | undefined;
  let awaitingVerdict = false;
  let lastProse: string | undefined;

  const newDraft = (init: Partial<Draft>): Draft => ({ strong: false, text: {}, labels: 0, sawFix: false, ...init });
  const flush = () => {
    if (!active) return;
    const { field, lines } = active;
    active = undefined;
    if (field === 'summary') {
      summarySection.push(lines.join('\n').trim());
      return;
    }
    if (!draft) return;
    if (field === 'current' || field === 'fixed') {
      const code = readCode(lines.join('\n'));
      if (code) draft[field] = code;
      return;
    }
    if (field === 'verdict') return;
    const value = lines.join('\n').trim();
    if (value) (draft.text[field] ??= []).push(value);
  };
  const closeDraft = () => {
    flush();
    if (draft) drafts.push(draft);
    draft = undefined;
    lastProse = undefined;
  };
  const attachCode = (body: string) => {
    if (!draft) return;
    if (active && (active.field === 'current' || active.field === 'fixed')) {
      active.lines = [body];
      flush();
      return;
    }
    const field = active?.field;
    const emptyLabel = active !== undefined && active.lines.length === 0;
    flush();
    if (field === 'fix' && emptyLabel) (draft.text.fix ??= []).push(body);
    if (field === 'fix' || draft.sawFix) draft.fixed ??= body;
    else draft.current ??= body;
  };

  tokens.forEach((token, index) => {
    if (active && (active.field === 'current' || active.field === 'fixed') && token.kind !== 'code' && isCodeLine(token)) {
      active.lines.push('raw' in token ? token.raw : '');
      return;
    }
    switch (token.kind) {
      case 'header':
        closeDraft();
        draft = newDraft({ severity: token.severity, title: token.title, strong: token.strong });
        if (token.location) draft.headerLocation = token.location;
        return;
      case 'heading':
        flush();
        if (starts.has(index)) {
          closeDraft();
          draft = newDraft({ title: cleanTitle(token.text) });
          return;
        }
        lastProse = token.text;
        return;
      case 'label':
        onLabel(token.field, token.value, index, token.raw);
        return;
      case 'verdict':
        flush();
        verdicts.push({ verdict: token.verdict, labelled: awaitingVerdict, index });
        awaitingVerdict = false;
        return;
      case 'code':
        attachCode(token.body);
        return;
      case 'blank':
        if (active) {
          active.sawBlank = active.lines.length > 0 || active.sawBlank;
          if (active.field === 'current' || active.field === 'fixed' || active.field === 'summary') active.lines.push('');
        }
        return;
      case 'rule':
        flush();
        return;
      case 'text':
        onText(token.text, token.raw, index);
        return;
    }
  });
  closeDraft();

  function onLabel(field: FieldName, value: string, index: number, raw: string): void {
    flush();
    if (field === 'verdict') {
      const verdict = value ? tokenVerdict(value) : undefined;
      if (verdict) verdicts.push({ verdict, labelled: true, index });
      else awaitingVerdict = true;
      return;
    }
    if (field === 'summary') {
      active = { field, lines: value ? [value] : [], sawBlank: false };
      return;
    }
    const startsHeaderless = field === 'file' && (!draft || (draft.text.file !== undefined && (draft.text.issue || draft.text.impact || draft.text.fix)));
    if (field === 'severity' && !draft) draft = newDraft({ title: lastProse });
    if (startsHeaderless) {
      const title = lastProse;
      closeDraft();
      draft = newDraft({ title });
    }
    if (!draft) {
      // "Impact: low overall" before any finding is summary prose, label and all.
      if (drafts.length === 0) preamble.push(raw.trim());
      return;
    }
    draft.labels += 1;
    if (field === 'fix') draft.sawFix = true;
    if (field === 'severity') {
      const severity = readSeverity(value);
      if (!draft.severity && severity) draft.severity = severity;
      else if (!severity) (draft.text.severity ??= []).push(value);
      return;
    }
    active = { field, lines: value ? [value] : [], sawBlank: false };
  }

  function onText(text: string, raw: string, index: number): void {
    if (awaitingVerdict) {
      awaitingVerdict = false;
      const verdict = tokenVerdict(text);
      if (verdict) {
        verdicts.push({ verdict, labelled: true, index });
        return;
      }
    }
    if (starts.has(index)) {
      closeDraft();
      draft = newDraft({ title: cleanTitle(text) });
      return;
    }
    if (active) {
      const code = active.field === 'current' || active.field === 'fixed';
      if (code && !(active.sawBlank && looksLikeProse(text))) {
        active.lines.push(raw.replace(/^\s*>\s?/, ''));
        return;
      }
      if (!code && (!active.sawBlank || active.field === 'summary')) {
        active.lines.push(text);
        return;
      }
      flush();
    }
    if (!draft && drafts.length === 0) preamble.push(text);
    lastProse = text.length <= 120 ? cleanTitle(text) : undefined;
  }

  return assemble(drafts, preamble, summarySection, verdicts);
}

function tokenVerdict(value: string): Verdict | undefined {
  const token = tokenize(value)[0];
  if (token?.kind === 'verdict') return token.verdict;
  return readVerdictLoose(value);
}

function readVerdictLoose(value: string): Verdict | undefined {
  // A labelled verdict may be a bare word with decoration: "**BLOCK**", "Warning (2 HIGH)".
  const m = /^\W*(approved?|warning|warn|block(?:ed)?|block|lgtm|request(?:ed)? changes|reject(?:ed)?)\b/iu.exec(value.replace(/[*_`]/g, ''));
  if (m?.[1]) {
    const word = m[1].toLowerCase();
    if (word.startsWith('block') || word.startsWith('reject') || word.startsWith('request')) return 'block';
    if (word.startsWith('warn')) return 'warning';
    return 'approve';
  }
  const emoji = /^\W*?(✅|⚠|❌)/u.exec(value)?.[1];
  return emoji === '✅' ? 'approve' : emoji === '⚠' ? 'warning' : emoji === '❌' ? 'block' : undefined;
}

/**
 * Picks the verdict: the last labelled one (`Verdict: ...`, a `## Verdict` section), else the
 * last emoji line that is not part of an echo of the approval criteria (three different verdicts
 * on neighbouring lines).
 */
function pickVerdict(verdicts: Array<{ verdict: Verdict; labelled: boolean; index: number }>): Verdict | undefined {
  const labelled = verdicts.filter((v) => v.labelled);
  if (labelled.length) return labelled[labelled.length - 1]!.verdict;
  const standalone = verdicts.filter((v) => !verdicts.some((o) => o.verdict !== v.verdict && Math.abs(o.index - v.index) <= 3));
  return standalone[standalone.length - 1]?.verdict;
}

function assemble(
  drafts: Draft[],
  preamble: string[],
  summarySection: string[],
  verdicts: Array<{ verdict: Verdict; labelled: boolean; index: number }>,
): MarkdownParse {
  const warnings: string[] = [];
  const titled = new Set(drafts.filter((d) => d.labels > 0 && d.title).map((d) => d.title!.toLowerCase()));
  const kept = drafts.filter((d) => {
    if (d.labels > 0 || d.current || d.headerLocation) return true;
    // A bare header is an index entry when the same title has details elsewhere, or prose when weak.
    if (d.title && titled.has(d.title.toLowerCase())) return false;
    if (!d.strong) {
      warnings.push(`ignored "${d.title ?? ''}": it looks like a finding header but no File/Issue/Impact/Fix follows`);
      return false;
    }
    return true;
  });

  const collector = { issues: [] as Issue[], notes: [] as string[], style: 'markdown' as const };
  const findings: FindingInput[] = [];
  kept.forEach((d, k) => {
    const finding = coerceFinding(toRaw(d), `findings[${k}]`, collector);
    if (finding) findings.push(finding);
  });

  const summary = (summarySection.filter(Boolean).join('\n\n') || preamble.join('\n')).replace(/\n{3,}/g, '\n\n').trim();
  const verdict = pickVerdict(verdicts);
  const value: ReviewSubmission = { summary, findings, ...(verdict ? { verdict } : {}) };
  if (!summary) warnings.push('no summary found (no prose before the first finding and no "Summary:" section)');
  if (!verdict && kept.length > 0) warnings.push('no verdict line found; the approval policy decides the verdict');
  return { value, issues: collector.issues, warnings, seen: { findings: kept.length, verdict: verdict !== undefined } };
}

/** The draft as a raw finding object, in the shape `coerceFinding` reads. */
function toRaw(d: Draft): Record<string, unknown> {
  const join = (field: TextField) => d.text[field]?.join('\n\n');
  const raw: Record<string, unknown> = {
    severity: d.severity ?? join('severity'),
    title: d.title,
    issue: join('issue'),
    impact: join('impact'),
    fix: join('fix'),
    category: join('category'),
    current: d.current,
    fixed: d.fixed,
  };
  const fileText = d.text.file?.join(', ') ?? d.headerLocation;
  if (fileText) {
    const [first, ...rest] = parseLocations(fileText);
    if (first) {
      raw.file = first.file;
      if (first.line !== undefined) raw.line = first.line;
      if (first.endLine !== undefined) raw.endLine = first.endLine;
    } else raw.file = fileText;
    const sites = rest.filter((l) => l.line !== undefined).map((l) => ({ file: l.file, line: l.line }));
    if (sites.length) raw.sites = sites;
  }
  const alsoAt = d.text.sites?.join(', ');
  if (alsoAt) {
    const sites = parseLocations(alsoAt).filter((l) => l.line !== undefined).map((l) => ({ file: l.file, line: l.line }));
    raw.sites = [...((raw.sites as unknown[] | undefined) ?? []), ...sites];
  }
  const lineText = join('line');
  if (lineText) raw.line = lineText.split('\n')[0];
  return raw;
}
