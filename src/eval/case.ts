import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { ReviewAgentError } from '../errors.js';
import { Severity, Verdict } from '../review/schema.js';

const Lines = z
  .tuple([z.number().int().positive(), z.number().int().positive()], {
    error: 'lines must be [start, end]: two positive line numbers, e.g. [14, 16]',
  })
  .refine(([start, end]) => start <= end, 'lines must be [start, end] with start <= end');

const RepoFile = z
  .string({ error: 'file is required: a path relative to repo/' })
  .min(1, 'file must not be empty')
  .refine((f) => !path.isAbsolute(f) && !f.split(/[\\/]/).includes('..'), 'file must be relative to repo/ and stay inside it');

export const ExpectedFinding = z
  .object({
    file: RepoFile,
    lines: Lines,
    severity: Severity,
    rule: z.string().min(1).optional(),
    category: z.string().min(1).optional(),
    description: z.string({ error: 'description is required: one line naming the issue' }).min(1),
  })
  .strict();
export type ExpectedFinding = z.infer<typeof ExpectedFinding>;

/** A finding that may be reported or not: it counts neither for nor against. */
export const AcceptableFinding = z
  .object({
    file: RepoFile,
    lines: Lines,
    severity: Severity.optional(),
    rule: z.string().min(1).optional(),
    category: z.string().min(1).optional(),
    description: z.string().min(1).optional(),
  })
  .strict();
export type AcceptableFinding = z.infer<typeof AcceptableFinding>;

/** The schema of `case.yaml`. Unknown keys are errors: a typo such as `expect:` would silently make a clean case. */
export const CaseFile = z
  .object({
    description: z.string({ error: 'description is required: one line saying what the case tests' }).min(1),
    tags: z.array(z.string().min(1)).default([]),
    verdict: Verdict,
    expected: z.array(ExpectedFinding).default([]),
    acceptable: z.array(AcceptableFinding).default([]),
    clean_below: Severity.optional(),
  })
  .strict();

/** A case as scored: everything but where it lives on disk, so logs stay free of absolute paths. */
export interface CaseSpec {
  id: string;
  description: string;
  tags: string[];
  verdict: Verdict;
  expected: ExpectedFinding[];
  acceptable: AcceptableFinding[];
  /** Unmatched findings below this severity are neither right nor wrong. */
  cleanBelow?: Severity;
}

export interface EvalCase extends CaseSpec {
  /** The case directory. */
  dir: string;
  /** The code to review: `<dir>/repo`. */
  repo: string;
}

export interface CaseIssue {
  case: string;
  file: string;
  field?: string;
  line?: number;
  message: string;
}

export type CaseResult = { ok: true; value: EvalCase } | { ok: false; issues: CaseIssue[] };

/** `expected[0].lines` from a zod path. */
export function fieldPath(segments: readonly PropertyKey[]): string {
  let out = '';
  for (const s of segments) out += typeof s === 'number' ? `[${s}]` : `${out ? '.' : ''}${String(s)}`;
  return out;
}

/** Reads and validates `<dir>/case.yaml` and checks that the files it cites exist in `repo/`. */
export async function loadCase(dir: string): Promise<CaseResult> {
  const id = path.basename(dir);
  const file = path.join(dir, 'case.yaml');
  const issue = (message: string, field?: string, line?: number): CaseIssue => ({ case: id, file, field, line, message });
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return { ok: false, issues: [issue('case.yaml is missing; every case directory needs case.yaml beside repo/')] };
  }
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false });
  if (document.errors.length > 0) {
    return {
      ok: false,
      issues: document.errors.map((e) => issue(`invalid YAML: ${e.message.split('\n')[0]}`, undefined, lineCounter.linePos(e.pos[0]).line)),
    };
  }
  const parsed = CaseFile.safeParse(document.toJS() ?? {});
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((i) => issue(i.message, i.path.length ? fieldPath(i.path) : undefined)),
    };
  }
  const data = parsed.data;
  const repo = path.join(dir, 'repo');
  const issues: CaseIssue[] = [];
  if (!(await isDirectory(repo))) issues.push(issue('repo/ is missing: put the code to review in repo/ beside case.yaml'));
  else {
    const lists = [
      ['expected', data.expected],
      ['acceptable', data.acceptable],
    ] as const;
    for (const [name, list] of lists) {
      for (const [index, item] of list.entries()) {
        const problem = await checkCitation(repo, item.file, item.lines);
        if (problem) issues.push(issue(problem, `${name}[${index}].${problem.startsWith('file') ? 'file' : 'lines'}`));
      }
    }
  }
  if (issues.length > 0) return { ok: false, issues };
  return {
    ok: true,
    value: {
      id,
      dir,
      repo,
      description: data.description,
      tags: data.tags,
      verdict: data.verdict,
      expected: data.expected,
      acceptable: data.acceptable,
      ...(data.clean_below ? { cleanBelow: data.clean_below } : {}),
    },
  };
}

async function isDirectory(p: string): Promise<boolean> {
  return stat(p).then(
    (s) => s.isDirectory(),
    () => false,
  );
}

/** Line bounds are checked for plain text; notebooks are numbered by whoever reads them. */
async function checkCitation(repo: string, file: string, [, end]: readonly [number, number]): Promise<string | undefined> {
  let text: string;
  try {
    text = await readFile(path.join(repo, file), 'utf8');
  } catch {
    return `file ${JSON.stringify(file)} does not exist in repo/`;
  }
  if (file.endsWith('.ipynb')) return undefined;
  const lineCount = text.endsWith('\n') ? text.split('\n').length - 1 : text.split('\n').length;
  return end > lineCount ? `lines end at ${end} but ${file} has ${lineCount} lines` : undefined;
}

export function describeIssue(i: CaseIssue): string {
  const where = `${i.file}${i.line ? `:${i.line}` : ''}`;
  return `case "${i.case}" (${where}): ${i.field ? `${i.field}: ` : ''}${i.message}`;
}

/**
 * Loads every case of a suite: each subdirectory holding case.yaml or repo/, sorted by name.
 * Throws one error listing every problem, so a suite is fixed in one pass.
 */
export async function loadSuite(suiteDir: string): Promise<EvalCase[]> {
  let entries;
  try {
    entries = await readdir(suiteDir, { withFileTypes: true });
  } catch {
    throw new ReviewAgentError('usage', `eval suite ${suiteDir} does not exist`, {
      file: suiteDir,
      fix: 'pass --suite <dir> holding one directory per case (case.yaml + repo/)',
    });
  }
  const dirs: string[] = [];
  for (const e of entries) {
    if (!e.isDirectory()) continue;
    const dir = path.join(suiteDir, e.name);
    const hasCase = await stat(path.join(dir, 'case.yaml')).then(() => true, () => false);
    if (hasCase || (await isDirectory(path.join(dir, 'repo')))) dirs.push(dir);
  }
  dirs.sort((a, b) => (path.basename(a) < path.basename(b) ? -1 : 1));
  const results = await Promise.all(dirs.map((d) => loadCase(d)));
  const issues = results.flatMap((r) => (r.ok ? [] : r.issues));
  if (issues.length > 0) {
    const first = issues[0] as CaseIssue;
    throw new ReviewAgentError('config', issues.map(describeIssue).join('\n'), {
      file: first.file,
      field: first.field,
      fix: 'correct case.yaml (see docs/evals.md for the format)',
    });
  }
  const cases = results.flatMap((r) => (r.ok ? [r.value] : []));
  if (cases.length === 0) {
    throw new ReviewAgentError('usage', `eval suite ${suiteDir} holds no cases`, {
      file: suiteDir,
      fix: 'add one directory per case with case.yaml and repo/',
    });
  }
  return cases;
}

export function caseSpec(c: EvalCase): CaseSpec {
  const { dir: _dir, repo: _repo, ...spec } = c;
  return spec;
}

/** A stable name for an expected finding, used in baselines and flip lists. */
export function expectedKeys(expected: readonly ExpectedFinding[]): string[] {
  const seen = new Map<string, number>();
  return expected.map((e) => {
    const base = `${e.file}:${e.lines[0]}-${e.lines[1]}${e.rule ? ` ${e.rule}` : ''}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base} #${n}`;
  });
}
