import { FindingInput, ReviewSubmission, SEVERITIES, type Site } from './schema.js';
import { parseLineRange, parseLocation, stripLocationDecoration } from './parse-location.js';
import { readCode, readPositiveInt, readSeverity, readText, readVerdict } from './parse-fields.js';

/** One problem with a submission: where (`findings[2].line`), a stable code, and what to send instead. */
export interface Issue {
  path: string;
  code: IssueCode;
  message: string;
}

export type IssueCode =
  | 'not_object' // the answer is not an object
  | 'missing' // a required field is absent or empty
  | 'invalid_type' // the field has the wrong type
  | 'invalid_value' // right type, unusable value (unknown severity, line 0, ...)
  | 'no_review' // no JSON review and no markdown finding or verdict in the answer
  | 'invalid_json'; // a JSON block that does not parse

export type ValidationResult =
  | { ok: true; value: ReviewSubmission; notes: string[] }
  | { ok: false; issues: Issue[]; partial: ReviewSubmission };

/** How a finding's fields are named in the answer, so issue messages use the model's own vocabulary. */
export type AnswerStyle = 'json' | 'markdown';

/**
 * Text stored for a required field the answer left out, so that a partially usable finding is kept
 * in `partial` rather than lost. Such findings always come with an issue.
 */
export const MISSING_TEXT = '(not given in the answer)';

/** Field names models use instead of ours, compared lower-case without `_` or `-`. */
const FINDING_ALIASES: Record<keyof FindingInput, string[]> = {
  severity: ['severity', 'level', 'priority'],
  title: ['title', 'name', 'heading', 'summary'],
  file: ['file', 'path', 'filepath', 'filename', 'location'],
  line: ['line', 'linenumber', 'lineno', 'startline', 'lines', 'linestart'],
  endLine: ['endline', 'lineend', 'lastline'],
  issue: ['issue', 'description', 'problem', 'message', 'details', 'explanation'],
  impact: ['impact', 'risk', 'consequence', 'consequences', 'why'],
  fix: ['fix', 'recommendation', 'suggestion', 'remediation', 'solution', 'suggestedfix'],
  current: ['current', 'currentcode', 'code', 'snippet', 'before', 'evidence'],
  fixed: ['fixed', 'fixedcode', 'after', 'suggestedcode', 'correctedcode'],
  category: ['category', 'section', 'checklist'],
  rule: ['rule', 'ruleid'],
  sites: ['sites', 'otherlocations', 'locations', 'alsoat'],
};

const SUBMISSION_ALIASES = {
  verdict: ['verdict', 'decision', 'approval'],
  summary: ['summary', 'overview', 'assessment'],
  findings: ['findings', 'issues', 'problems', 'comments'],
} as const;

/** How to ask for each field again, in the answer's own style. */
const FIELD_HINTS: Record<AnswerStyle, Record<string, string>> = {
  json: {
    severity: `"severity": one of ${SEVERITIES.join(', ')}`,
    title: '"title": one line naming the problem',
    file: '"file": the path relative to the review root, e.g. "train.py"',
    line: '"line": the first cited line as a number, e.g. 87',
    endLine: '"endLine": the last cited line as a number, not before "line"',
    issue: '"issue": what is wrong in this code',
    impact: '"impact": what goes wrong for the user if it is not fixed',
    fix: '"fix": what to change',
    summary: '"summary": two to five sentences on what was reviewed and the overall assessment',
    findings: '"findings": a list of findings, [] if there is nothing to report',
    verdict: '"verdict": approve, warning or block',
  },
  markdown: {
    severity: `a "[SEVERITY] Title" line with one of ${SEVERITIES.join(', ')}`,
    title: 'a title after the severity, e.g. "[HIGH] Random seed not set"',
    file: 'a "File: path:line" line, e.g. "File: train.py:87"',
    line: 'the line number in the File line, e.g. "File: train.py:87"',
    endLine: 'a range whose end is not before its start, e.g. "File: train.py:87-90"',
    issue: 'an "Issue:" line saying what is wrong',
    impact: 'an "Impact:" line saying what goes wrong if it is not fixed',
    fix: 'a "Fix:" line saying what to change',
    summary: 'a short summary paragraph before the first finding',
    findings: 'findings in the "[SEVERITY] Title" format',
    verdict: 'a verdict line: ✅ Approve, ⚠️ Warning or ❌ Block',
  },
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function canonicalKey(key: string): string {
  return key.toLowerCase().replace(/[_\-\s]/g, '');
}

/** The value under the field's own name, else under the first alias present. */
function pick(obj: Record<string, unknown>, aliases: readonly string[]): { value: unknown; key?: string } {
  const byCanonical = new Map<string, string>();
  for (const key of Object.keys(obj)) if (!byCanonical.has(canonicalKey(key))) byCanonical.set(canonicalKey(key), key);
  for (const alias of aliases) {
    const key = byCanonical.get(alias);
    if (key !== undefined && obj[key] !== undefined && obj[key] !== null) return { value: obj[key], key };
  }
  return { value: undefined };
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  const json = JSON.stringify(value);
  return json === undefined ? typeof value : json.length > 60 ? `${json.slice(0, 57)}...` : json;
}

interface Collector {
  issues: Issue[];
  notes: string[];
  style: AnswerStyle;
}

function report(c: Collector, path: string, code: IssueCode, what: string, field: string): void {
  const hint = FIELD_HINTS[c.style][field];
  c.issues.push({ path, code, message: hint ? `${what}; send ${hint}` : what });
}

function readSites(value: unknown, path: string, c: Collector): Site[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) {
    c.issues.push({ path, code: 'invalid_type', message: `expected a list of {"file", "line"} objects, got ${describe(value)}` });
    return undefined;
  }
  const sites: Site[] = [];
  value.forEach((entry, i) => {
    const loc: Record<string, unknown> | undefined =
      typeof entry === 'string' ? { ...parseLocation(entry) } : isRecord(entry) ? entry : undefined;
    const file = loc ? readText(loc.file ?? loc.path) : undefined;
    const line = loc ? readPositiveInt(loc.line) : undefined;
    if (file && line) sites.push({ file: stripLocationDecoration(file), line });
    else c.issues.push({ path: `${path}[${i}]`, code: 'invalid_value', message: `expected {"file": "a.py", "line": 12}, got ${describe(entry)}` });
  });
  return sites.length ? sites : undefined;
}

/**
 * Reads one finding. Returns the finding when it is usable (severity, title, file and line known);
 * missing prose fields are then filled with MISSING_TEXT and reported.
 */
export function coerceFinding(raw: unknown, path: string, c: Collector): FindingInput | undefined {
  if (!isRecord(raw)) {
    c.issues.push({ path, code: 'invalid_type', message: `expected a finding object, got ${describe(raw)}` });
    return undefined;
  }
  const field = (name: keyof FindingInput) => pick(raw, FINDING_ALIASES[name]);
  const titleText = readText(field('title').value);
  const label = titleText ? ` in finding "${titleText.slice(0, 60)}"` : '';

  const severityRaw = field('severity').value;
  const severity = readSeverity(severityRaw);
  if (!severity) {
    const code = severityRaw === undefined ? 'missing' : 'invalid_value';
    report(c, `${path}.severity`, code, `severity ${severityRaw === undefined ? 'is missing' : `${describe(severityRaw)} is not a severity`}${label}`, 'severity');
  }
  if (!titleText) report(c, `${path}.title`, 'missing', 'title is missing', 'title');

  // `file` may carry the line ("train.py:87"); an explicit `line` wins over it.
  const fileRaw = readText(field('file').value);
  const location = fileRaw ? parseLocation(fileRaw) : undefined;
  if (!location) report(c, `${path}.file`, field('file').value === undefined ? 'missing' : 'invalid_type', `file is missing${label}`, 'file');

  const lineRaw = field('line').value;
  let line: number | undefined;
  let endLine: number | undefined;
  if (lineRaw !== undefined) {
    const range: { line?: number; endLine?: number } | undefined = Array.isArray(lineRaw)
      ? { line: readPositiveInt(lineRaw[0]), endLine: readPositiveInt(lineRaw[1]) }
      : typeof lineRaw === 'string'
        ? parseLineRange(lineRaw)
        : { line: readPositiveInt(lineRaw) };
    line = range?.line;
    endLine = range?.endLine;
    if (line === undefined) report(c, `${path}.line`, 'invalid_value', `line ${describe(lineRaw)} is not a positive line number${label}`, 'line');
  } else if (location?.line !== undefined) {
    line = location.line;
    endLine = location.endLine;
  } else if (location) {
    report(c, `${path}.line`, 'missing', `line is missing${label}`, 'line');
  }

  const endRaw = field('endLine').value;
  if (endRaw !== undefined) {
    const end = readPositiveInt(endRaw);
    if (end === undefined) report(c, `${path}.endLine`, 'invalid_value', `endLine ${describe(endRaw)} is not a positive line number${label}`, 'endLine');
    else endLine = end;
  }
  if (endLine !== undefined && line !== undefined && endLine < line) {
    report(c, `${path}.endLine`, 'invalid_value', `endLine ${endLine} is before line ${line}${label}`, 'endLine');
    endLine = undefined;
  }
  if (endLine === line) endLine = undefined;

  const prose = {} as Record<'issue' | 'impact' | 'fix', string>;
  for (const name of ['issue', 'impact', 'fix'] as const) {
    const text = readText(field(name).value);
    if (!text) report(c, `${path}.${name}`, 'missing', `${name} is missing${label}`, name);
    prose[name] = text ?? MISSING_TEXT;
  }

  for (const [name, key] of Object.entries(aliasesUsed(raw))) c.notes.push(`${path}: read "${key}" as "${name}"`);

  if (!severity || !titleText || !location || line === undefined) return undefined;
  const finding: FindingInput = {
    severity,
    title: titleText.replace(/\s+/g, ' '),
    file: stripLocationDecoration(location.file),
    line,
    ...(endLine !== undefined ? { endLine } : {}),
    ...prose,
  };
  const current = readCode(field('current').value);
  const fixed = readCode(field('fixed').value);
  const category = readText(field('category').value);
  const rule = readText(field('rule').value);
  const sites = readSites(field('sites').value, `${path}.sites`, c);
  if (current) finding.current = current;
  if (fixed) finding.fixed = fixed;
  if (category) finding.category = category;
  if (rule) finding.rule = rule;
  if (sites) finding.sites = sites;
  const checked = FindingInput.safeParse(finding);
  if (checked.success) return checked.data;
  for (const zi of checked.error.issues) {
    c.issues.push({ path: formatPath([path, ...zi.path]), code: 'invalid_value', message: `${zi.message}${label}` });
  }
  return undefined;
}

/** Which aliases a finding used, for notes (`description` read as `issue`). */
function aliasesUsed(raw: Record<string, unknown>): Record<string, string> {
  const used: Record<string, string> = {};
  for (const [name, aliases] of Object.entries(FINDING_ALIASES)) {
    const { key } = pick(raw, aliases);
    if (key !== undefined && canonicalKey(key) !== canonicalKey(name)) used[name] = key;
  }
  return used;
}

/** Coerces what it can and collects issues for the rest; `value` holds everything usable. */
export function coerceSubmission(raw: unknown, style: AnswerStyle = 'json'): { value: ReviewSubmission; issues: Issue[]; notes: string[] } {
  const c: Collector = { issues: [], notes: [], style };
  const value: ReviewSubmission = { summary: '', findings: [] };
  if (!isRecord(raw)) {
    c.issues.push({ path: '', code: 'not_object', message: `expected an object {"verdict", "summary", "findings"}, got ${describe(raw)}` });
    return { value, ...c };
  }
  const verdictRaw = pick(raw, SUBMISSION_ALIASES.verdict).value;
  if (verdictRaw !== undefined) {
    const verdict = readVerdict(verdictRaw);
    if (verdict) value.verdict = verdict;
    else report(c, 'verdict', 'invalid_value', `verdict ${describe(verdictRaw)} is not a verdict`, 'verdict');
  }
  const summaryRaw = pick(raw, SUBMISSION_ALIASES.summary).value;
  // An empty summary is allowed by the schema; only an absent or non-text one is an issue.
  const summary = typeof summaryRaw === 'string' ? summaryRaw.trim() : readText(summaryRaw);
  if (summary !== undefined) value.summary = summary;
  else report(c, 'summary', summaryRaw === undefined ? 'missing' : 'invalid_type', 'summary is missing', 'summary');

  const findingsRaw = pick(raw, SUBMISSION_ALIASES.findings).value;
  if (findingsRaw === undefined) report(c, 'findings', 'missing', 'findings is missing', 'findings');
  else if (!Array.isArray(findingsRaw)) report(c, 'findings', 'invalid_type', `findings must be a list, got ${describe(findingsRaw)}`, 'findings');
  else {
    findingsRaw.forEach((f, i) => {
      const finding = coerceFinding(f, `findings[${i}]`, c);
      if (finding) value.findings.push(finding);
    });
  }
  return { value, issues: c.issues, notes: [...new Set(c.notes)] };
}

/** Validates a `submit_review` input (or a parsed JSON answer), coercing what models commonly get wrong. */
export function validateSubmission(raw: unknown, style: AnswerStyle = 'json'): ValidationResult {
  const { value, issues, notes } = coerceSubmission(raw, style);
  // The schema is the last word: anything the coercion let through that it rejects is an issue too.
  const checked = ReviewSubmission.safeParse(value);
  if (!checked.success) {
    for (const zi of checked.error.issues) {
      issues.push({ path: formatPath(zi.path), code: 'invalid_value', message: zi.message });
    }
  }
  if (!checked.success || issues.length > 0) return { ok: false, issues, partial: value };
  return { ok: true, value: checked.data, notes };
}

/** `["findings", 2, "line"]` → `findings[2].line`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`))
    .join('');
}

/** How many issues a repair message lists before summarising the rest. */
const REPAIR_LIST_LIMIT = 20;

/**
 * The body of a repair turn: which finding, which field, what was wrong and what to send instead.
 * Callers add their own lead and closing line ("Call submit_review again..."). Finding numbers
 * are also given 1-based next to the 0-based path, because models count from 1.
 */
export function formatIssuesForRepair(issues: readonly Issue[]): string {
  if (issues.length === 0) return 'No problems.';
  const lines = issues.slice(0, REPAIR_LIST_LIMIT).map((issue) => {
    const m = /^findings\[(\d+)\]/.exec(issue.path);
    const which = m ? ` (finding ${Number(m[1]) + 1})` : '';
    return `- ${issue.path || 'answer'}${which}: ${issue.message}`;
  });
  if (issues.length > REPAIR_LIST_LIMIT) lines.push(`- ...and ${issues.length - REPAIR_LIST_LIMIT} more problems of the same kind`);
  const count = issues.length === 1 ? '1 problem' : `${issues.length} problems`;
  const out = [`${count}:`, ...lines];
  // Models tend to resend only the findings they were told about.
  if (issues.some((i) => i.path.startsWith('findings['))) out.push('Send every finding again, including those without problems.');
  return out.join('\n');
}
