import { copyFile, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGrepTool } from '../../tools/grep.js';
import { runTool } from '../../tools/index.js';
import { makeContext, makeTree } from './helpers.js';
import type { Tree } from './helpers.js';
import { describeNeeding, needsNote } from '../helpers/system.js';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/tools/notebooks');
const rg = createGrepTool({ engine: 'rg' });
const native = createGrepTool({ engine: 'native' });
let root: string;
let outside: { root: string; cleanup: () => Promise<void> };
let cleanup: () => Promise<void>;

const tree = (outsideDir: string): Tree => ({
  '.gitignore': 'build/\n*.log\n!keep.log\nsrc/pkg/gen_*.py\n# comment\n/anchored.txt\n',
  'train.py': 'import numpy as np\nX = np.load("x.npy")\nscaler = StandardScaler().fit(X)\nX_train, X_test = split(X)\nmodel.fit(X_train)\n',
  'anchored.txt': 'fit here\n',
  'sub/anchored.txt': 'fit there\n',
  'keep.log': 'fit log kept\n',
  'drop.log': 'fit log dropped\n',
  'build/out.py': 'model.fit(X)\n',
  'src/.gitignore': 'local_*.py\n',
  'src/local_a.py': 'fit ignored locally\n',
  'src/pkg/gen_x.py': 'fit generated\n',
  'src/pkg/local_b.py': 'fit ignored by parent rule\n',
  'src/pkg/model.py': 'class Model:\n    def fit(self, X):\n        return self\n\n    def predict(self, X):\n        return X\n',
  'src/pkg/Data.PY': 'FIT upper\n',
  'src/.rgignore': 'secret_*.py\n',
  'src/secret_x.py': 'fit hidden by rgignore\n',
  '.hidden/conf.py': 'fit = 1\n',
  '.git/config': 'fit inside git\n',
  'nested/.git/HEAD': 'fit in nested git\n',
  'nested/code.py': 'fit nested\n',
  'crlf.py': 'fit one\r\nfit two\r\n',
  'blob.bin': Buffer.from('fit\0binary\n'),
  'utf16.txt': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('fit utf16\n', 'utf16le')]),
  'latin1.txt': Buffer.from([0x66, 0x69, 0x74, 0x20, 0xe9, 0x0a]),
  'minified.js': `fit${'x'.repeat(600)}\n`,
  'multi.txt': 'foo\nbar\nbaz\nfoo bar\n',
  'many/f.txt': Array.from({ length: 300 }, (_, i) => `fit row ${i}`).join('\n'),
  'link-in.py': { link: 'train.py' },
  'link-out.py': { link: path.join(outsideDir, 'secret.py') },
  'link-dir-out': { link: outsideDir },
  'loop-a': { link: 'loop-b' },
  'loop-b': { link: 'loop-a' },
  'docs/readme.md': '# fit\nSee `model.fit(X)`.\n',
  'weird [name].py': 'fit weird\n',
});

beforeAll(async () => {
  outside = await makeTree({ 'secret.py': 'fit SECRET_TOKEN\n' }, 'ra-grep-outside-');
  ({ root, cleanup } = await makeTree(tree(outside.root), 'ra-grep-'));
  await mkdir(path.join(root, 'nb'));
  await copyFile(path.join(fixtures, 'train.ipynb'), path.join(root, 'nb/train.ipynb'));
});

afterAll(async () => {
  await cleanup();
  await outside.cleanup();
});

async function both(input: Record<string, unknown>, limits = {}): Promise<string> {
  const a = await runTool(rg, input, makeContext(root, limits));
  const b = await runTool(native, input, makeContext(root, limits));
  expect(b, `native engine differs for ${JSON.stringify(input)}`).toEqual(a);
  expect(a.isError).toBe(false);
  return a.content;
}

describeNeeding('rg')(`Grep, both engines give identical output${needsNote('rg')}`, () => {
  const queries: Array<Record<string, unknown>> = [
    { pattern: 'fit' },
    { pattern: 'fit', output_mode: 'count' },
    { pattern: 'fit', output_mode: 'content' },
    { pattern: 'fit', output_mode: 'content', '-n': false },
    { pattern: 'fit', output_mode: 'content', '-C': 1, path: 'src' },
    { pattern: 'def', output_mode: 'content', '-A': 1, '-B': 2 },
    { pattern: 'FIT', '-i': true },
    { pattern: 'fit', glob: '*.py' },
    { pattern: 'fit', glob: '*.{txt,md}' },
    { pattern: 'fit', glob: '*.log' },
    { pattern: 'fit', glob: '!*.py' },
    { pattern: 'fit', glob: 'src/**/*.py' },
    { pattern: 'fit', glob: '*.py,*.md' },
    { pattern: 'fit', type: 'py' },
    { pattern: 'fit', type: 'md' },
    { pattern: 'fit', type: 'jupyter', output_mode: 'content' },
    { pattern: 'fit', path: 'src/pkg' },
    { pattern: 'fit', path: 'src/pkg/gen_x.py', output_mode: 'content' },
    { pattern: 'fit', path: 'sub' },
    { pattern: 'fit$', output_mode: 'content' },
    { pattern: '^\\s+def \\w+\\(self', output_mode: 'content' },
    { pattern: '(?i)model', output_mode: 'count' },
    { pattern: 'foo\\nbar', multiline: true, output_mode: 'content' },
    { pattern: 'o\\nb|a', multiline: true, output_mode: 'count' },
    { pattern: 'foo.bar', multiline: true, output_mode: 'content' },
    { pattern: 'a\\n?', multiline: true, output_mode: 'count' },
    { pattern: 'a|q\\nz', multiline: true, output_mode: 'count' },
    { pattern: 'ar|z', multiline: true, output_mode: 'count' },
    { pattern: 'fit row', output_mode: 'content', head_limit: 5 },
    { pattern: 'fit row', output_mode: 'content', head_limit: 5, offset: 297 },
    { pattern: 'fit', offset: 3, head_limit: 2 },
    { pattern: 'no-such-text-anywhere' },
    { pattern: 'fit', output_mode: 'content', path: 'nb/train.ipynb' },
    { pattern: 'StandardScaler', output_mode: 'content', '-B': 1 },
    { pattern: '[[:digit:]]{3}', output_mode: 'count' },
  ];
  for (const input of queries) {
    it(JSON.stringify(input), async () => {
      await both(input);
    });
  }
});

describeNeeding('rg')(`Grep results${needsNote('rg')}`, () => {
  it('lists matching files sorted by path, skipping ignored, VCS, binary files and symlinks', async () => {
    expect(await both({ pattern: 'fit' })).toBe(
      [
        '.hidden/conf.py',
        'crlf.py',
        'docs/readme.md',
        'keep.log',
        'latin1.txt',
        'many/f.txt',
        'minified.js',
        'nb/train.ipynb',
        'nested/code.py',
        'src/pkg/model.py',
        'sub/anchored.txt',
        'train.py',
        'utf16.txt',
        'weird [name].py',
      ].join('\n'),
    );
  });

  it('shows content with line numbers, context groups and cut long lines', async () => {
    expect(await both({ pattern: 'def', output_mode: 'content', '-A': 1 })).toBe(
      [
        'src/pkg/model.py:2:    def fit(self, X):',
        'src/pkg/model.py-3-        return self',
        '--',
        'src/pkg/model.py:5:    def predict(self, X):',
        'src/pkg/model.py-6-        return X',
      ].join('\n'),
    );
    const minified = await both({ pattern: 'fitx', output_mode: 'content' });
    expect(minified).toBe(`minified.js:1:fit${'x'.repeat(497)} … [line truncated, 603 chars]`);
    expect(await both({ pattern: 'fit', output_mode: 'content', path: 'crlf.py' })).toBe('crlf.py:1:fit one\ncrlf.py:2:fit two');
  });

  it('searches notebooks as Read renders them, so line numbers agree', async () => {
    expect(await both({ pattern: 'StandardScaler\\(\\)', output_mode: 'content' })).toBe(
      ['nb/train.ipynb:11:scaler = StandardScaler().fit(X)', 'train.py:3:scaler = StandardScaler().fit(X)'].join('\n'),
    );
    expect(await both({ pattern: '^from sklearn', output_mode: 'content', path: 'nb' })).toBe(
      'nb/train.ipynb:7:from sklearn.preprocessing import StandardScaler',
    );
  });

  it('caps at head_limit (default 250) with a note giving the next offset', async () => {
    const out = (await both({ pattern: 'fit row', output_mode: 'content' })).split('\n');
    expect(out).toHaveLength(251);
    expect(out[249]).toBe('many/f.txt:250:fit row 249');
    expect(out[250]).toBe('[review-agent: showing lines 1-250 of 300 (head_limit=250); call Grep with offset=250 to see more, or narrow the search]');
    const next = (await both({ pattern: 'fit row', output_mode: 'content', offset: 250 })).split('\n');
    expect(next[0]).toBe('many/f.txt:251:fit row 250');
    expect(next.at(-1)).toBe('[review-agent: showing lines 251-300 of 300]');
    expect(await both({ pattern: 'fit row', output_mode: 'content', head_limit: 0 })).not.toContain('head_limit');
  });

  it('counts matching lines per file', async () => {
    expect(await both({ pattern: 'fit', output_mode: 'count', path: 'src' })).toBe(
      'src/pkg/model.py:1\n[review-agent: 1 matching lines in 1 files]',
    );
  });

  it('applies parent .gitignore rules when searching a subdirectory', async () => {
    // src/.gitignore ignores local_*.py everywhere below src; the root ignores src/pkg/gen_*.py.
    expect(await both({ pattern: 'fit', path: 'src/pkg' })).toBe('src/pkg/model.py');
    expect(await both({ pattern: 'fit', path: 'src/pkg', glob: '*.py', '-i': true })).toBe(
      // A --glob include overrides ignore rules for files, as in rg; "*.py" is case-sensitive.
      ['src/pkg/gen_x.py', 'src/pkg/local_b.py', 'src/pkg/model.py'].join('\n'),
    );
  });

  it('searches an explicitly named file even if it is ignored, but never a binary one', async () => {
    expect(await both({ pattern: 'fit', path: 'build/out.py' })).toBe('build/out.py');
    expect(await both({ pattern: 'fit', path: 'blob.bin' })).toBe(
      '[review-agent: no matches found in blob.bin]\n[review-agent: blob.bin is a binary file; Grep does not search binary files]',
    );
  });

  it('reports errors clearly', async () => {
    for (const tool of [rg, native]) {
      const badType = await runTool(tool, { pattern: 'x', type: 'pyy' }, makeContext(root));
      expect(badType.isError).toBe(true);
      expect(badType.content).toMatch(/^Unknown file type "pyy".*known types: .*py,/);
      const missing = await runTool(tool, { pattern: 'x', path: 'nope' }, makeContext(root));
      expect(missing).toEqual({ content: 'Path not found: nope (paths are relative to the review root)', isError: true });
      const badRegex = await runTool(tool, { pattern: 'fit(' }, makeContext(root));
      expect(badRegex.isError).toBe(true);
      expect(badRegex.content).toMatch(/^Grep failed: /);
    }
  });

  it('refuses paths outside the root and never follows links out of it', async () => {
    for (const tool of [rg, native]) {
      for (const p of ['..', '../', outside.root, 'link-out.py', 'link-dir-out', 'link-dir-out/secret.py', 'loop-a', '~', '~/x']) {
        const result = await runTool(tool, { pattern: 'SECRET', path: p }, makeContext(root));
        expect(result.isError, p).toBe(true);
        expect(result.content, p).toContain('outside the review root');
      }
      const all = await runTool(tool, { pattern: 'SECRET_TOKEN', output_mode: 'content' }, makeContext(root));
      expect(all.content).toBe('[review-agent: no matches found in the review root]');
    }
  });

  it('reads nothing outside the root when it searches (fixture unchanged)', async () => {
    expect(await readFile(path.join(outside.root, 'secret.py'), 'utf8')).toBe('fit SECRET_TOKEN\n');
  });
});
