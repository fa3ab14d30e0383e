import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseAnswer, type ParseResult } from '../../src/review/parse.js';
import { ReviewSubmission, type FindingInput } from '../../src/review/schema.js';
import { MISSING_TEXT } from '../../src/review/validate.js';

const dir = fileURLToPath(new URL('../fixtures/answers/', import.meta.url));
const read = (name: string) => readFileSync(`${dir}${name}`, 'utf8');

function ok(name: string) {
  const result = parseAnswer(read(name));
  if (!result.ok) throw new Error(`${name} did not parse: ${JSON.stringify(result.issues, null, 2)}`);
  expect(ReviewSubmission.safeParse(result.value).success).toBe(true);
  return result;
}

function failed(name: string): Extract<ParseResult, { ok: false }> {
  const result = parseAnswer(read(name));
  if (result.ok) throw new Error(`${name} parsed but should not have`);
  return result;
}

/** The parts of a finding that locate and classify it. */
const where = (f: FindingInput) => [f.severity, f.file, f.line, f.endLine];

describe("the user's agent file", () => {
  it('its own format example parses into one complete finding', () => {
    const seed = readFileSync(fileURLToPath(new URL('../../../shared/seeds/model-trainer.md', import.meta.url)), 'utf8');
    const example = /## Review Output Format[\s\S]*?```\n([\s\S]*?)```/.exec(seed)?.[1];
    expect(example).toBeDefined();
    const result = parseAnswer(example ?? '');
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.value.findings).toEqual([
      {
        severity: 'CRITICAL',
        title: 'Data leakage in feature engineering',
        file: 'train.py',
        line: 87,
        issue: 'Feature computed using entire dataset before train/test split',
        impact: 'Model appears to perform 15% better than real-world performance will be',
        fix: 'Move feature engineering inside cross-validation loop or apply only to training set',
        current: "data['feature'] = expensive_computation(data)  # Uses all data!\ntrain, test = train_test_split(data, test_size=0.2)",
        fixed:
          "train, test = train_test_split(data, test_size=0.2)\ntrain['feature'] = expensive_computation(train)\ntest['feature'] = expensive_computation(test)",
      },
    ]);
  });

  it('its approval criteria lines read as the three verdicts', () => {
    const seed = readFileSync(fileURLToPath(new URL('../../../shared/seeds/model-trainer.md', import.meta.url)), 'utf8');
    const criteria = seed.split('\n').filter((l) => /^- (✅|⚠️|❌)/u.test(l));
    expect(criteria.map((l) => parseAnswer(l)).map((r) => (r.ok ? r.value.verdict : r.issues))).toEqual(['approve', 'warning', 'block']);
  });
});

describe('parseAnswer on recorded-style answers', () => {
  it('reads a Claude-style answer with headings, bold labels and fenced code', () => {
    const { value, warnings } = ok('claude-headings.md');
    expect(value.verdict).toBe('block');
    expect(value.summary).toMatch(/^I reviewed `train.py`/);
    expect(value.summary).not.toContain('## Findings');
    expect(value.findings.map(where)).toEqual([
      ['CRITICAL', 'train.py', 21, 22],
      ['CRITICAL', 'train.py', 27, 33],
      ['HIGH', 'train.py', 24, undefined],
      ['MEDIUM', 'train.py', 30, undefined],
    ]);
    const [leak] = value.findings;
    expect(leak?.title).toBe('StandardScaler fitted on the full dataset before the train/test split');
    expect(leak?.issue).toContain('computes the mean and variance');
    expect(leak?.current).toBe('scaler = StandardScaler()\nX_scaled = scaler.fit_transform(X)');
    expect(leak?.fixed?.split('\n')).toHaveLength(4);
    expect(value.findings[3]?.current).toBeUndefined();
    expect(warnings).toEqual([]);
  });

  it('reads the format copied literally inside a plain fence, with unfenced code', () => {
    const { value } = ok('claude-fenced-literal.md');
    expect(value.verdict).toBe('block');
    expect(value.summary).toBe('Here is my review of the training code.');
    expect(value.findings.map(where)).toEqual([
      ['CRITICAL', 'train.py', 22, undefined],
      ['LOW', 'train.py', 36, undefined],
    ]);
    expect(value.findings[0]?.current).toBe(
      'X_scaled = scaler.fit_transform(X)\nX_train, X_test, y_train, y_test = train_test_split(X_scaled, y, test_size=0.2)',
    );
    // The closing fence ends the last Fixed block: the verdict line after it is not code.
    expect(value.findings[1]?.fixed).toBe('joblib.dump(best_model, "model.joblib")');
  });

  it('reads a GPT-style answer: numbered headings with Severity bullets and indented fences', () => {
    const { value } = ok('gpt-severity-labels.md');
    expect(value.verdict).toBe('warning');
    expect(value.summary).toMatch(/^The script trains a random forest/);
    expect(value.findings.map(where)).toEqual([
      ['CRITICAL', 'train.py', 22, undefined],
      ['HIGH', 'train.py', 27, 33],
      ['LOW', 'train.py', 17, undefined],
    ]);
    expect(value.findings[0]?.title).toBe('Scaling before the split leaks test data');
    expect(value.findings[0]?.category).toBe('Data Preparation');
    expect(value.findings[0]?.current).toBe('X_scaled = scaler.fit_transform(X)');
    expect(value.findings[0]?.fixed).toBe('X_train = scaler.fit_transform(X_train)\nX_test = scaler.transform(X_test)');
  });

  it('reads fenced JSON with prose around it, coercing case, file:line, line ranges and field aliases', () => {
    const { value } = ok('gpt-json-fenced.md');
    expect(value.verdict).toBe('block');
    expect(value.findings.map(where)).toEqual([
      ['CRITICAL', 'train.py', 22, undefined],
      ['HIGH', './train.py', 27, 33],
    ]);
    expect(value.findings[1]?.issue).toBe('The depth loop scores each candidate on X_test.');
    expect(value.findings[1]?.fix).toBe('Use a validation split or GridSearchCV.');
    expect(value.findings[1]?.current).toBe('for depth in [4, 8, 16, None]:');
  });

  it('reads raw JSON exactly matching the schema', () => {
    const { value, warnings } = ok('json-raw.json');
    expect(value.verdict).toBe('warning');
    expect(value.findings.map(where)).toEqual([
      ['HIGH', 'train.py', 24, undefined],
      ['MEDIUM', 'train.py', 30, undefined],
    ]);
    expect(warnings).toEqual([]);
  });

  it('unwraps a tool call written as text, with trailing commas', () => {
    const { value } = ok('local-tool-envelope.txt');
    expect(value.verdict).toBe('block');
    expect(value.findings.map(where)).toEqual([['CRITICAL', 'train.py', 22, undefined]]);
  });

  it('reads a small model answer: lower case labels, CRLF, "path , line N", indented code', () => {
    const text = read('local-lowercase-crlf.md');
    expect(text).toContain('\r\n');
    const { value } = ok('local-lowercase-crlf.md');
    expect(value.verdict).toBe('warning');
    expect(value.findings.map(where)).toEqual([
      ['HIGH', './train.py', 24, undefined],
      ['MEDIUM', 'train.py', 30, undefined],
    ]);
    expect(value.findings[0]?.title).toBe('no random seed anywhere');
    expect(value.findings[0]?.current).toBe('X_train, X_test, y_train, y_test = train_test_split(X_scaled, y, test_size=0.2)');
    expect(value.findings[0]?.fixed).toContain('random_state=42');
    expect(value.findings.every((f) => !f.issue.includes('\r'))).toBe(true);
  });

  it('reads bold severity headers, alias labels, comment lines in unfenced code and prose between findings', () => {
    const { value, warnings } = ok('local-bold-severity.md');
    expect(value.verdict).toBe('block');
    expect(value.findings.map(where)).toEqual([
      ['CRITICAL', 'train.py', 22, undefined],
      ['HIGH', 'train.py', 30, undefined],
    ]);
    const [leak] = value.findings;
    expect(leak?.impact).toBe('optimistic evaluation');
    expect(leak?.fix).toBe('move the split above the scaler');
    expect(leak?.current).toBe('# scale everything\nscaler = StandardScaler()\nX_scaled = scaler.fit_transform(X)');
    // The sentence after the blank line is prose between findings, not code.
    expect(leak?.fixed).not.toContain('I also checked');
    expect(leak?.fixed?.split('\n')).toHaveLength(3);
    expect(value.summary).toBe('');
    expect(warnings.join('\n')).toMatch(/no summary/);
  });

  it('accepts a clean review: no findings and an approve verdict', () => {
    const { value, warnings } = ok('approve-clean.md');
    expect(value.verdict).toBe('approve');
    expect(value.findings).toEqual([]);
    expect(value.summary).toMatch(/^I read `train.py`/);
    expect(value.summary).toContain('No issues found.');
    expect(warnings).toEqual([]);
  });

  it('ignores an echo of the approval criteria and takes the real verdict line', () => {
    const { value } = ok('criteria-echo.md');
    expect(value.verdict).toBe('approve');
    expect(value.findings.map(where)).toEqual([['MEDIUM', 'train.py', 30, undefined]]);
  });

  it('drops an index of titles that are detailed later, and reads several locations as sites', () => {
    const { value } = ok('index-then-details.md');
    expect(value.summary).toBe('two problems in train.py, one of them critical.');
    expect(value.findings.map((f) => f.title)).toEqual(['Scaler fitted before the split', 'No random seeds']);
    expect(value.findings[1]?.sites).toEqual([{ file: 'train.py', line: 28 }]);
    expect(value.verdict).toBe('block');
  });

  it('reads headings with a trailing severity, link locations and Before/After code', () => {
    const { value } = ok('trailing-severity-headings.md');
    expect(value.verdict).toBe('block');
    expect(value.findings.map(where)).toEqual([
      ['CRITICAL', 'explore.ipynb', 11, undefined],
      ['HIGH', 'explore.ipynb', 15, undefined],
    ]);
    expect(value.findings[0]?.title).toBe('Scaling before the split');
    expect(value.findings[0]?.fix).toBe('Split first and fit the scaler on the training rows.');
    expect(value.findings[0]?.current).toBe('features = MinMaxScaler().fit_transform(features)');
    expect(value.findings[1]?.title).toBe('Missing random_state in the split');
  });
});

describe('parseAnswer on broken answers', () => {
  it('reports findings with missing fields by index and field, and keeps the usable ones', () => {
    const { issues, partial } = failed('broken-missing-fields.md');
    expect(issues.map((i) => [i.path, i.code])).toEqual([
      ['findings[1].impact', 'missing'],
      ['findings[2].line', 'missing'],
    ]);
    expect(issues[0]?.message).toMatch(/"No random seeds".*Impact:/);
    expect(issues[1]?.message).toMatch(/File: train.py:87/);
    expect(partial.verdict).toBe('block');
    expect(partial.findings.map((f) => f.title)).toEqual(['Scaler fitted before the split', 'No random seeds']);
    expect(partial.findings[1]?.impact).toBe(MISSING_TEXT);
    expect(ReviewSubmission.safeParse(partial).success).toBe(true);
  });

  it('reports unusable JSON values with their paths', () => {
    const { issues, partial } = failed('broken-json-values.json');
    expect(issues.map((i) => [i.path, i.code])).toEqual([
      ['verdict', 'invalid_value'],
      ['findings[0].severity', 'invalid_value'],
      ['findings[0].line', 'invalid_value'],
      ['findings[1].file', 'missing'],
      ['findings[2].line', 'invalid_value'],
    ]);
    expect(partial.findings.map((f) => f.title)).toEqual(['Accuracy only']);
  });

  it('says when the answer holds no review at all', () => {
    const { issues } = failed('broken-no-review.md');
    expect(issues).toHaveLength(1);
    expect(issues[0]?.code).toBe('no_review');
    expect(issues[0]?.path).toBe('');
  });

  it('reports a JSON block that does not parse', () => {
    const { issues } = failed('broken-invalid-json.md');
    expect(issues[0]?.code).toBe('invalid_json');
    expect(issues[0]?.message).toMatch(/does not parse/);
  });

  it('has a test for every fixture in the folder', () => {
    const tested = [
      'claude-headings.md',
      'claude-fenced-literal.md',
      'gpt-severity-labels.md',
      'gpt-json-fenced.md',
      'json-raw.json',
      'local-tool-envelope.txt',
      'local-lowercase-crlf.md',
      'local-bold-severity.md',
      'approve-clean.md',
      'criteria-echo.md',
      'index-then-details.md',
      'trailing-severity-headings.md',
      'broken-missing-fields.md',
      'broken-json-values.json',
      'broken-no-review.md',
      'broken-invalid-json.md',
    ];
    expect(readdirSync(dir).sort()).toEqual([...tested].sort());
  });
});
