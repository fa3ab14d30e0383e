import { mkdtemp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { groundFindings, quoteSegments } from '../../src/review/ground.js';
import type { FindingInput } from '../../src/review/schema.js';

const repo = fileURLToPath(new URL('./fixtures/repo/', import.meta.url));

const finding = (overrides: Partial<FindingInput>): FindingInput => ({
  severity: 'CRITICAL',
  title: 'Scaler fitted before the split',
  file: 'train.py',
  line: 22,
  issue: 'fit_transform sees every row.',
  impact: 'Optimistic test score.',
  fix: 'Split first.',
  ...overrides,
});

async function groundOne(overrides: Partial<FindingInput>, root = repo, window?: number) {
  const [result] = await groundFindings(root, [finding(overrides)], window === undefined ? {} : { window });
  if (!result) throw new Error('no result');
  return result;
}

describe('groundFindings: lines and snippets', () => {
  it('verifies a finding whose quoted code is at the cited line', async () => {
    const f = await groundOne({ current: 'X_scaled = scaler.fit_transform(X)' });
    expect(f.verification).toEqual({ status: 'verified' });
    expect(f.line).toBe(22);
  });

  it('verifies a multi-line quote as a block, ignoring indentation, blank lines and spacing', async () => {
    const f = await groundOne({
      line: 21,
      current: 'scaler=StandardScaler()\n  X_scaled = scaler.fit_transform( X )\nX_train, X_test, y_train, y_test = train_test_split(X_scaled, y, test_size=0.2)',
    });
    expect(f.verification?.status).toBe('verified');
  });

  it('corrects a shifted line, keeping the original and shifting endLine with it', async () => {
    const f = await groundOne({ line: 40, endLine: 41, current: '    scaler = StandardScaler()\n    X_scaled = scaler.fit_transform(X)' });
    expect(f.line).toBe(21);
    expect(f.endLine).toBe(22);
    expect(f.verification).toMatchObject({ status: 'corrected', originalLine: 40 });
    expect(f.verification?.note).toContain('line 21');
  });

  it('moves to the nearest occurrence when the quote appears several times', async () => {
    // `model.fit(X_train, y_train)` appears once; `import` lines are unique too: use a pair that repeats.
    const root = await mkdtemp(path.join(tmpdir(), 'ground-'));
    await writeFile(path.join(root, 'a.py'), ['x = 1', 'fit()', 'y = 2', '', '', '', '', '', '', '', '', '', 'fit()', 'z = 3'].join('\n'));
    try {
      const near = await groundOne({ file: 'a.py', line: 11, current: 'fit()' }, root, 2);
      expect([near.line, near.verification?.status]).toEqual([11, 'verified']);
      const far = await groundOne({ file: 'a.py', line: 5, current: 'fit()' }, root, 1);
      expect([far.line, far.verification?.status]).toEqual([2, 'corrected']);
      expect(far.verification?.note).toContain('nearest of 2');
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  it('marks an invented snippet unverified and keeps the cited line', async () => {
    const f = await groundOne({ current: 'X = MinMaxScaler().fit_transform(data)' });
    expect(f.line).toBe(22);
    expect(f.verification).toEqual({ status: 'unverified', note: 'the quoted code was not found in train.py' });
  });

  it('honours the window: a quote 6 lines away is corrected with 5, verified with 10', async () => {
    const quote = 'X_scaled = scaler.fit_transform(X)';
    expect((await groundOne({ line: 28, current: quote })).verification?.status).toBe('corrected');
    expect((await groundOne({ line: 28, current: quote }, repo, 10)).verification?.status).toBe('verified');
  });

  it('ignores Read-style line numbers and ellipsis lines copied into the quote', async () => {
    const f = await groundOne({
      line: 21,
      current: '    21\t    scaler = StandardScaler()\n    22\t    X_scaled = scaler.fit_transform(X)\n...\n    print(f"test accuracy: {best_score:.3f}")',
    });
    expect(f.verification?.status).toBe('verified');
  });

  it('tolerates a comment the model added to the quoted line', async () => {
    const f = await groundOne({ current: 'X_scaled = scaler.fit_transform(X)  # Uses all data!' });
    expect(f.verification?.status).toBe('verified');
  });

  it('accepts a quote most of whose lines are near the cited line, and says so', async () => {
    const f = await groundOne({
      line: 21,
      current: 'scaler = StandardScaler()\nX_scaled = scaler.fit_transform(X)\nX_scaled = X_scaled.astype("float32")',
    });
    expect(f.verification?.status).toBe('verified');
    expect(f.verification?.note).toBe('only 2 of 3 quoted lines match the code near line 21');
  });

  it('checks that the line exists when no code is quoted', async () => {
    expect((await groundOne({ line: 17 })).verification?.status).toBe('verified');
    const past = await groundOne({ line: 400 });
    expect(past.verification).toMatchObject({ status: 'unverified' });
    expect(past.verification?.note).toMatch(/line 400 is past the end of train\.py \(39 lines\)/);
  });

  it('corrects a line past the end of the file when the quote is found', async () => {
    const f = await groundOne({ line: 400, current: 'X_scaled = scaler.fit_transform(X)' });
    expect([f.line, f.verification?.status, f.verification?.originalLine]).toEqual([22, 'corrected', 400]);
  });
});

describe('groundFindings: paths', () => {
  let outside: string;
  let root: string;

  beforeAll(async () => {
    outside = await mkdtemp(path.join(tmpdir(), 'ground-outside-'));
    await writeFile(path.join(outside, 'secret.py'), 'API_KEY = "x"\n');
    root = await mkdtemp(path.join(tmpdir(), 'ground-root-'));
    await mkdir(path.join(root, 'src'));
    await writeFile(path.join(root, 'src', 'train.py'), 'import torch\nmodel.fit(X, y)\n');
    await symlink(path.join(outside, 'secret.py'), path.join(root, 'link.py'));
  });
  afterAll(async () => {
    await rm(outside, { recursive: true, force: true });
    await rm(root, { recursive: true, force: true });
  });

  it('normalises ./ and absolute paths inside the root to root-relative forward-slash paths', async () => {
    for (const file of ['./src/train.py', path.join(root, 'src', 'train.py'), 'src\\train.py', 'a/src/train.py']) {
      const f = await groundOne({ file, line: 2, current: 'model.fit(X, y)' }, root);
      expect([file, f.file, f.verification?.status]).toEqual([file, 'src/train.py', 'verified']);
    }
  });

  it('rejects paths that escape the root: ../, absolute outside, and symlinks pointing out', async () => {
    const cases = ['../' + path.basename(outside) + '/secret.py', path.join(outside, 'secret.py'), 'link.py'];
    for (const file of cases) {
      const f = await groundOne({ file, line: 1, current: 'API_KEY = "x"' }, root);
      expect(f.verification?.status).toBe('unverified');
      expect(f.verification?.note).toBe(`${file} is outside the review root; only files under the root can be cited`);
      expect(f.file).toBe(file);
    }
  });

  it('finds a file cited without its directory when exactly one file has that name and holds the quote', async () => {
    const f = await groundOne({ file: 'train.py', line: 9, current: 'model.fit(X, y)' }, root);
    expect([f.file, f.line, f.verification?.status, f.verification?.originalLine]).toEqual(['src/train.py', 2, 'corrected', 9]);
    expect(f.verification?.note).toBe('train.py does not exist; the quoted code is in src/train.py at line 2');
  });

  it('does not guess a file by name without a quote, or when the quote is not in it', async () => {
    expect((await groundOne({ file: 'train.py', line: 2 }, root)).verification?.status).toBe('unverified');
    const wrong = await groundOne({ file: 'train.py', line: 2, current: 'model.fit(X_train, y_train)' }, root);
    expect([wrong.file, wrong.verification?.status]).toEqual(['train.py', 'unverified']);
  });

  it('does not guess between two files of the same name', async () => {
    const twin = await mkdtemp(path.join(tmpdir(), 'ground-twin-'));
    try {
      for (const dir of ['a', 'b']) {
        await mkdir(path.join(twin, dir));
        await writeFile(path.join(twin, dir, 'train.py'), 'model.fit(X, y)\n');
      }
      const f = await groundOne({ file: 'train.py', line: 1, current: 'model.fit(X, y)' }, twin);
      expect([f.file, f.verification?.status]).toEqual(['train.py', 'unverified']);
    } finally {
      await rm(twin, { recursive: true, force: true });
    }
  });

  it('marks a missing file unverified', async () => {
    const f = await groundOne({ file: 'nope.py', line: 1 }, root);
    expect(f.verification).toEqual({ status: 'unverified', note: 'nope.py does not exist in the review root' });
  });

  it('marks a directory unverified', async () => {
    const f = await groundOne({ file: 'src', line: 1 }, root);
    expect(f.verification?.note).toBe('src is a directory, not a file');
  });

  it('normalises the paths of sites', async () => {
    const f = await groundOne({ file: 'src/train.py', line: 2, sites: [{ file: './src/train.py', line: 1 }] }, root);
    expect(f.sites).toEqual([{ file: 'src/train.py', line: 1 }]);
  });

  it('marks everything unverified when the root does not exist, without throwing', async () => {
    const [f] = await groundFindings(path.join(root, 'missing-root'), [finding({})]);
    expect(f?.verification?.status).toBe('unverified');
    expect(f?.verification?.note).toMatch(/cannot be read/);
  });
});

describe('groundFindings: notebooks', () => {
  it('uses the rendered notebook numbering the Read tool shows', async () => {
    const f = await groundOne({ file: 'explore.ipynb', line: 11, current: 'features = MinMaxScaler().fit_transform(features)' });
    expect(f.verification).toEqual({ status: 'verified' });
  });

  it('corrects a notebook citation that used another numbering', async () => {
    // Line 50 is where the code sits in the raw JSON file, not in the rendered notebook.
    const f = await groundOne({ file: 'explore.ipynb', line: 50, current: 'features = MinMaxScaler().fit_transform(features)' });
    expect([f.line, f.verification?.status]).toEqual([11, 'corrected']);
  });

  it('checks line existence against the rendered lines', async () => {
    expect((await groundOne({ file: 'explore.ipynb', line: 15 })).verification?.status).toBe('verified');
    expect((await groundOne({ file: 'explore.ipynb', line: 16 })).verification?.status).toBe('unverified');
  });
});

describe('quoteSegments', () => {
  it('splits on ellipsis lines and drops blank lines and line-number prefixes', () => {
    expect(quoteSegments('  1\ta = 1\n\n# ...\nb = 2\n…\n  c  =  3')).toEqual([['a=1'], ['b=2'], ['c=3']]);
  });
});
