import { describe, expect, it } from 'vitest';
import { formatIssuesForRepair, validateSubmission, type Issue } from '../../src/review/validate.js';

const finding = (overrides: Record<string, unknown> = {}) => ({
  severity: 'HIGH',
  title: 'No random seed',
  file: 'train.py',
  line: 24,
  issue: 'train_test_split has no random_state.',
  impact: 'Runs cannot be reproduced.',
  fix: 'Pass random_state=42.',
  ...overrides,
});

function accepted(value: unknown) {
  const result = validateSubmission(value);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
}

function rejected(value: unknown): Issue[] {
  const result = validateSubmission(value);
  if (result.ok) throw new Error('accepted');
  return result.issues;
}

describe('validateSubmission coercions', () => {
  it('accepts a valid submission unchanged', () => {
    const value = { verdict: 'warning', summary: 'One issue.', findings: [finding()] };
    expect(accepted(value)).toEqual(value);
  });

  it('reads a line sent as a string, and a range as line and endLine', () => {
    expect(accepted({ summary: '', findings: [finding({ line: '87' })] }).findings[0]?.line).toBe(87);
    const [f] = accepted({ summary: '', findings: [finding({ line: '87-90' })] }).findings;
    expect([f?.line, f?.endLine]).toEqual([87, 90]);
    const [g] = accepted({ summary: '', findings: [finding({ line: 'L12', endLine: '14' })] }).findings;
    expect([g?.line, g?.endLine]).toEqual([12, 14]);
  });

  it('reads the line from `file: "train.py:87"` when no line is given', () => {
    const [f] = accepted({ summary: '', findings: [finding({ file: 'train.py:87', line: undefined })] }).findings;
    expect([f?.file, f?.line]).toEqual(['train.py', 87]);
    const [g] = accepted({ summary: '', findings: [finding({ file: '`src/train.py:87-90`', line: undefined })] }).findings;
    expect([g?.file, g?.line, g?.endLine]).toEqual(['src/train.py', 87, 90]);
  });

  it('an explicit line wins over a line inside file', () => {
    const [f] = accepted({ summary: '', findings: [finding({ file: 'train.py:80', line: 87 })] }).findings;
    expect([f?.file, f?.line]).toEqual(['train.py', 87]);
  });

  it('normalises severity and verdict case and decoration', () => {
    const value = accepted({ verdict: 'Approve with warnings', summary: 's', findings: [finding({ severity: 'critical' }), finding({ severity: '[Medium]' })] });
    expect(value.verdict).toBe('warning');
    expect(value.findings.map((f) => f.severity)).toEqual(['CRITICAL', 'MEDIUM']);
    expect(accepted({ verdict: 'BLOCKED', summary: 's', findings: [] }).verdict).toBe('block');
  });

  it('treats null optional fields as absent and strips fences from code', () => {
    const [f] = accepted({
      summary: '',
      findings: [finding({ current: '```python\n    x = 1\n```', fixed: null, category: null })],
    }).findings;
    expect(f?.current).toBe('x = 1');
    expect(f).not.toHaveProperty('fixed');
    expect(f).not.toHaveProperty('category');
  });

  it('reads common field aliases (snake_case and synonyms)', () => {
    const [f] = accepted({
      summary: '',
      findings: [{ severity: 'LOW', title: 't', file_path: 'a.py', line_number: 3, description: 'd', impact: 'i', recommendation: 'r', current_code: 'x' }],
    }).findings;
    expect(f).toMatchObject({ file: 'a.py', line: 3, issue: 'd', fix: 'r', current: 'x' });
  });

  it('reads sites given as strings or objects', () => {
    const [f] = accepted({ summary: '', findings: [finding({ sites: ['eval.py:10', { file: 'b.py', line: '4' }] })] }).findings;
    expect(f?.sites).toEqual([
      { file: 'eval.py', line: 10 },
      { file: 'b.py', line: 4 },
    ]);
  });
});

describe('validateSubmission issues', () => {
  it('names the finding index and field of each problem', () => {
    const issues = rejected({
      summary: 'x',
      findings: [finding(), finding({ severity: 'urgent' }), finding({ line: 0 }), finding({ impact: '  ' }), finding({ line: undefined })],
    });
    expect(issues.map((i) => [i.path, i.code])).toEqual([
      ['findings[1].severity', 'invalid_value'],
      ['findings[2].line', 'invalid_value'],
      ['findings[3].impact', 'missing'],
      ['findings[4].line', 'missing'],
    ]);
    expect(issues[0]?.message).toContain('"urgent"');
    expect(issues[0]?.message).toContain('CRITICAL, HIGH, MEDIUM, LOW');
  });

  it('reports an endLine before the line', () => {
    const issues = rejected({ summary: '', findings: [finding({ line: 30, endLine: 20 })] });
    expect(issues.map((i) => i.path)).toEqual(['findings[0].endLine']);
  });

  it('reports a missing findings list, a wrong type, and a non-object', () => {
    expect(rejected({ summary: 's' }).map((i) => [i.path, i.code])).toEqual([['findings', 'missing']]);
    expect(rejected({ summary: 's', findings: 'none' }).map((i) => [i.path, i.code])).toEqual([['findings', 'invalid_type']]);
    expect(rejected(['x']).map((i) => [i.path, i.code])).toEqual([['', 'not_object']]);
    expect(rejected({ summary: 's', findings: ['oops'] }).map((i) => i.path)).toEqual(['findings[0]']);
  });

  it('reports a missing summary and an unknown verdict', () => {
    const issues = rejected({ verdict: 'maybe', findings: [] });
    expect(issues.map((i) => i.path)).toEqual(['verdict', 'summary']);
  });

  it('keeps usable findings in partial, with placeholders for missing prose', () => {
    const result = validateSubmission({ summary: 's', findings: [finding({ fix: undefined }), finding({ file: undefined })] });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.partial.findings).toHaveLength(1);
    expect(result.partial.findings[0]?.fix).toMatch(/not given/);
  });
});

describe('formatIssuesForRepair', () => {
  it('says which finding (1-based too), which field, and what to send', () => {
    const issues = rejected({ summary: 's', findings: [finding(), finding({ line: 'abc' })] });
    const text = formatIssuesForRepair(issues);
    expect(text.split('\n')[0]).toBe('1 problem:');
    expect(text).toContain('findings[1].line (finding 2)');
    expect(text).toContain('"abc"');
    expect(text).toContain('"line": the first cited line as a number');
    expect(text.split('\n').at(-1)).toBe('Send every finding again, including those without problems.');
  });

  it('leaves out the advice about findings when no finding is concerned', () => {
    expect(formatIssuesForRepair([{ path: 'summary', code: 'missing', message: 'summary is missing' }])).toBe('1 problem:\n- summary: summary is missing');
  });

  it('limits a long list', () => {
    const many = Array.from({ length: 30 }, (_, i) => finding({ severity: `bad${i}` }));
    const text = formatIssuesForRepair(rejected({ summary: 's', findings: many }));
    expect(text.split('\n').filter((l) => l.startsWith('- findings'))).toHaveLength(20);
    expect(text).toContain('10 more');
  });
});
