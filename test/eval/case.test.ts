import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectedKeys, loadCase, loadSuite } from '../../src/eval/case.js';
import { ReviewAgentError } from '../../src/errors.js';

const invalid = path.resolve('test/fixtures/eval/invalid');

async function issuesOf(name: string) {
  const result = await loadCase(path.join(invalid, name));
  if (result.ok) throw new Error(`${name} unexpectedly loaded`);
  for (const i of result.issues) expect(i.case).toBe(name);
  return result.issues;
}

describe('loadCase: format errors name the case and the field', () => {
  it.each([
    ['bad-verdict', 'verdict', /approve|warning|block/],
    ['bad-lines', 'expected[0].lines', /start <= end/],
    ['missing-description', 'expected[1].description', /description is required/],
    ['unknown-key', undefined, /expect/],
    ['missing-file', 'expected[0].file', /model\.py.*does not exist/],
    ['lines-past-end', 'acceptable[0].lines', /end at 40 but train\.py has 4 lines/],
    ['bad-severity', 'expected[0].severity', /CRITICAL/],
    ['no-repo', undefined, /repo\/ is missing/],
  ])('%s', async (name, field, message) => {
    const [first] = await issuesOf(name);
    expect(first?.field).toBe(field);
    expect(first?.message).toMatch(message);
    expect(first?.file).toBe(path.join(invalid, name, 'case.yaml'));
  });

  it('reports YAML syntax errors with a line', async () => {
    const [first] = await issuesOf('bad-yaml');
    expect(first?.message).toMatch(/invalid YAML/);
    expect(first?.line).toBeGreaterThan(0);
  });

  it('lists every broken case of a suite in one error', async () => {
    const error = await loadSuite(invalid).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ReviewAgentError);
    const message = (error as ReviewAgentError).message;
    for (const name of ['bad-verdict', 'bad-lines', 'missing-description', 'unknown-key', 'missing-file', 'no-repo']) {
      expect(message).toContain(`case "${name}"`);
    }
    expect(message).toContain('expected[1].description');
  });
});

describe('loadCase: valid cases', () => {
  it('loads a case, applies defaults and sorts a suite by name', async () => {
    const suite = await mkdtemp(path.join(os.tmpdir(), 'eval-suite-'));
    for (const name of ['b-clean', 'a-leak']) {
      await mkdir(path.join(suite, name, 'repo'), { recursive: true });
      await writeFile(path.join(suite, name, 'repo', 'train.py'), 'a = 1\nb = 2\nc = 3\n');
    }
    await writeFile(
      path.join(suite, 'a-leak', 'case.yaml'),
      [
        'description: leak',
        'tags: [sklearn]',
        'verdict: block',
        'expected:',
        '  - {file: train.py, lines: [2, 3], severity: CRITICAL, rule: r1, description: d}',
        '  - {file: train.py, lines: [2, 3], severity: HIGH, rule: r1, description: d2}',
        'acceptable:',
        '  - {file: train.py, lines: [1, 1]}',
      ].join('\n'),
    );
    await writeFile(path.join(suite, 'b-clean', 'case.yaml'), 'description: clean\nverdict: approve\nclean_below: MEDIUM\n');
    await mkdir(path.join(suite, 'cassettes', 'offline'), { recursive: true });
    const cases = await loadSuite(suite);
    expect(cases.map((c) => c.id)).toEqual(['a-leak', 'b-clean']);
    const [leak, clean] = cases;
    expect(leak?.repo).toBe(path.join(suite, 'a-leak', 'repo'));
    expect(leak?.acceptable).toEqual([{ file: 'train.py', lines: [1, 1] }]);
    expect(clean).toMatchObject({ expected: [], acceptable: [], tags: [], cleanBelow: 'MEDIUM' });
    expect(expectedKeys(leak?.expected ?? [])).toEqual(['train.py:2-3 r1', 'train.py:2-3 r1 #2']);
  });

  it('says when a suite is missing or empty', async () => {
    const empty = await mkdtemp(path.join(os.tmpdir(), 'eval-empty-'));
    await expect(loadSuite(empty)).rejects.toThrow(/holds no cases/);
    await expect(loadSuite(path.join(empty, 'nope'))).rejects.toThrow(/does not exist/);
  });
});
