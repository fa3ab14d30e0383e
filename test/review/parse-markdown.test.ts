import { describe, expect, it } from 'vitest';
import { parseAnswer } from '../../src/review/parse.js';

function ok(text: string) {
  const result = parseAnswer(text);
  if (!result.ok) throw new Error(JSON.stringify(result.issues, null, 2));
  return result;
}

const lines = (...l: string[]) => l.join('\n');

describe('markdown answers: tolerated variations', () => {
  it('bold bracketed severity with bulleted bold labels', () => {
    const { value } = ok(
      lines(
        'Short summary.',
        '',
        '1. **[CRITICAL]** Leak via target encoding',
        '   - **File:** features.py:40-44',
        '   - **Issue:** The encoder is fitted on all rows.',
        '   - **Impact:** Inflated scores.',
        '   - **Fix:** Fit inside the CV fold.',
        '',
        '**Verdict:** ❌ Block',
      ),
    );
    expect(value.findings).toEqual([
      {
        severity: 'CRITICAL',
        title: 'Leak via target encoding',
        file: 'features.py',
        line: 40,
        endLine: 44,
        issue: 'The encoder is fitted on all rows.',
        impact: 'Inflated scores.',
        fix: 'Fit inside the CV fold.',
      },
    ]);
    expect(value.verdict).toBe('block');
  });

  it('labels in any case, continuation lines, and a "Summary:" section that wins over the preamble', () => {
    const { value } = ok(
      lines(
        'Let me summarise what I found.',
        '',
        '### [high] Seeds missing',
        'FILE: train.py, line 12',
        'ISSUE: no seed is set',
        'for numpy or torch.',
        'IMPACT: irreproducible',
        'FIX: call set_seed(0)',
        '',
        'Summary: The training loop is sound apart from seeding.',
        'Nothing else stands out.',
        '',
        'Verdict: Warning',
      ),
    );
    expect(value.summary).toBe('The training loop is sound apart from seeding.\nNothing else stands out.');
    expect(value.findings[0]).toMatchObject({ severity: 'HIGH', file: 'train.py', line: 12, issue: 'no seed is set\nfor numpy or torch.' });
    expect(value.verdict).toBe('warning');
  });

  it('an unlabelled code block in a finding is the current code; one after Fix is the fixed code', () => {
    const { value } = ok(
      lines(
        '[MEDIUM] Accuracy only',
        'File: eval.py:8',
        '```python',
        'print(accuracy_score(y_test, pred))',
        '```',
        'Issue: only accuracy',
        'Impact: imbalance hidden',
        'Fix: report more metrics:',
        '```python',
        'print(classification_report(y_test, pred))',
        '```',
      ),
    );
    expect(value.findings[0]).toMatchObject({
      current: 'print(accuracy_score(y_test, pred))',
      fixed: 'print(classification_report(y_test, pred))',
      fix: 'report more metrics:',
    });
  });

  it('a verdict at the top, and severity counts in the summary are not findings', () => {
    const { value, warnings } = ok(
      lines(
        '**Verdict: ⚠️ Warning**',
        '',
        '- **CRITICAL**: 0',
        '- **HIGH**: 1',
        '',
        '[HIGH] Early stopping on the test set',
        'File: train.py:55',
        'Issue: the test loader drives early stopping',
        'Impact: optimistic test score',
        'Fix: use a validation loader',
      ),
    );
    expect(value.verdict).toBe('warning');
    expect(value.findings.map((f) => f.title)).toEqual(['Early stopping on the test set']);
    expect(warnings).toEqual([]);
  });

  it('ignores a bold severity line with no fields after it, with a warning', () => {
    const { value, warnings } = ok(
      lines('Overall fine.', '', '**LOW** - nitpicks only, nothing worth a finding', '', '✅ Approve'),
    );
    expect(value.findings).toEqual([]);
    expect(value.verdict).toBe('approve');
    expect(warnings.join('\n')).toMatch(/ignored "nitpicks only/);
  });

  it('reads a "## Verdict" heading followed by the verdict on its own line', () => {
    expect(ok(lines('No issues found.', '', '## Verdict', '', '**APPROVE**')).value.verdict).toBe('approve');
    expect(ok(lines('Problems.', '', '## Final verdict', 'Block: leakage')).value.verdict).toBe('block');
  });

  it('keeps Windows line endings out of every field', () => {
    const { value } = ok(
      ['[LOW] Path hard-coded', 'File: train.py:17', 'Issue: literal path', 'Impact: hard to reuse', 'Fix: use argparse', '', 'Current:', '    data = load("data/customers.csv")', '', 'Verdict: ✅ Approve'].join('\r\n'),
    );
    expect(JSON.stringify(value)).not.toContain('\\r');
    expect(value.findings[0]?.current).toBe('data = load("data/customers.csv")');
  });
});

describe('markdown answers: problems reported', () => {
  it('a bracketed finding with no fields is reported, not silently dropped', () => {
    const result = parseAnswer(lines('Summary.', '', '[CRITICAL] Data leakage somewhere', '', 'Verdict: ❌ Block'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => i.path)).toEqual(['findings[0].file', 'findings[0].issue', 'findings[0].impact', 'findings[0].fix']);
    expect(result.issues[0]?.message).toContain('File: path:line');
  });

  it('a finding without a severity header is reported with its title', () => {
    const result = parseAnswer(
      lines('Seeds are missing', 'File: train.py:24', 'Issue: no random_state', 'Impact: irreproducible', 'Fix: add random_state', '', 'Verdict: Warning'),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toEqual([
      expect.objectContaining({ path: 'findings[0].severity', code: 'missing', message: expect.stringContaining('"Seeds are missing"') }),
    ]);
  });

  it('an unreadable severity label is reported as invalid', () => {
    const result = parseAnswer(
      lines('### Seeds', '- **Severity:** Urgent', '- **File:** train.py:24', '- **Issue:** x', '- **Impact:** y', '- **Fix:** z'),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => [i.path, i.code])).toEqual([['findings[0].severity', 'invalid_value']]);
  });
});

describe('markdown answers that quote JSON', () => {
  it('a quoted metrics file is not taken for the review', () => {
    const { value } = ok(
      lines(
        'The metrics file claims a high score:',
        '```json',
        '{"summary": {"accuracy": 0.99}}',
        '```',
        '',
        '[HIGH] Accuracy measured on the training set',
        'File: eval.py:12',
        'Issue: evaluate() is called with X_train.',
        'Impact: the 0.99 is a training score.',
        'Fix: evaluate on X_test.',
        '',
        'Verdict: ⚠️ Warning',
      ),
    );
    expect(value.findings.map((f) => f.title)).toEqual(['Accuracy measured on the training set']);
  });

  it('a quoted example of the JSON format does not hide the markdown review', () => {
    const { value } = ok(
      lines(
        'You asked for JSON like `{"verdict": "block", "findings": []}` but here is the markdown:',
        '',
        '[LOW] Hard-coded path',
        'File: train.py:17',
        'Issue: literal path',
        'Impact: hard to reuse',
        'Fix: read it from argv',
        '',
        '✅ Approve',
      ),
    );
    expect(value.findings).toHaveLength(1);
    expect(value.verdict).toBe('approve');
  });
});

describe('markdown answers: more shapes seen in the wild', () => {
  it('a location at the end of the header line, used when no File label follows', () => {
    const { value } = ok(
      lines('## Issues', '', '**[MEDIUM] Accuracy only** — `eval.py:8`', 'Issue: a', 'Impact: b', 'Fix: c', '', '### Verdict: ⚠️ WARNING'),
    );
    expect(value.findings[0]).toMatchObject({ title: 'Accuracy only', file: 'eval.py', line: 8 });
    expect(value.verdict).toBe('warning');
  });

  it('a ratio in a title is not a location', () => {
    const { value } = ok(lines('[LOW] Split ratio 3:1 is unusual', 'File: train.py:24', 'Issue: a', 'Impact: b', 'Fix: c'));
    expect(value.findings[0]).toMatchObject({ title: 'Split ratio 3:1 is unusual', file: 'train.py', line: 24 });
  });

  it('a finding inside a blockquote, with a quoted code fence, and "Final verdict — ..."', () => {
    const { value } = ok(
      lines('> [HIGH] Seeds', '> File: train.py:24', '> Issue: a', '> Impact: b', '> Fix: c', '> Current:', '> ```python', '> train_test_split(X, y)', '> ```', '', 'Final verdict — ⚠️ Warning'),
    );
    expect(value.findings[0]?.current).toBe('train_test_split(X, y)');
    expect(value.verdict).toBe('warning');
  });

  it('separate File and Line bullets under a numbered bracketed heading', () => {
    const { value } = ok(lines('#### 1. [CRITICAL] Leak', '- File: `train.py`', '- Line: 22', '- Issue: a', '- Impact: b', '- Fix: c', '', '**Verdict**: **BLOCK**'));
    expect(value.findings[0]).toMatchObject({ title: 'Leak', file: 'train.py', line: 22 });
    expect(value.verdict).toBe('block');
  });
});
