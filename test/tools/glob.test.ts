import { utimes } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGlobTool } from '../../tools/glob.js';
import { runTool } from '../../tools/index.js';
import { makeContext, makeTree } from './helpers.js';

const glob = createGlobTool();
let root: string;
let cleanup: () => Promise<void>;
let outside: { root: string; cleanup: () => Promise<void> };

beforeAll(async () => {
  outside = await makeTree({ 'secret.py': 'x\n' }, 'ra-glob-outside-');
  const files: Record<string, string | { link: string }> = {
    '.gitignore': 'build/\n*.tmp.py\n',
    'old.py': '',
    'mid.py': '',
    'new.py': '',
    'src/a.py': '',
    'src/b.ts': '',
    'src/.gitignore': 'local.py\n',
    'src/local.py': '',
    'build/gen.py': '',
    'scratch.tmp.py': '',
    '.git/hooks/pre-commit.py': '',
    '.github/workflows/ci.yml': '',
    'link-in.py': { link: 'old.py' },
    'link-out.py': { link: path.join(outside.root, 'secret.py') },
    'link-dir': { link: outside.root },
  };
  for (let i = 0; i < 120; i++) files[`many/f${String(i).padStart(3, '0')}.txt`] = '';
  ({ root, cleanup } = await makeTree(files, 'ra-glob-'));
  const t = (s: number) => new Date(Date.UTC(2024, 0, 1, 0, 0, s));
  await utimes(path.join(root, 'old.py'), t(1), t(1));
  await utimes(path.join(root, 'mid.py'), t(2), t(2));
  await utimes(path.join(root, 'new.py'), t(3), t(3));
  await utimes(path.join(root, 'src/a.py'), t(0), t(0));
  for (let i = 0; i < 120; i++) await utimes(path.join(root, `many/f${String(i).padStart(3, '0')}.txt`), t(100 + i), t(100 + i));
});

afterAll(async () => {
  await cleanup();
  await outside.cleanup();
});

describe('Glob', () => {
  it('lists matches newest first, relative to the root, without ignored files, VCS folders or symlinks', async () => {
    const result = await runTool(glob, { pattern: '**/*.py' }, makeContext(root));
    expect(result).toEqual({ content: ['new.py', 'mid.py', 'old.py', 'src/a.py'].join('\n'), isError: false });
  });

  it('includes dot folders other than VCS ones', async () => {
    expect((await runTool(glob, { pattern: '**/*.yml' }, makeContext(root))).content).toBe('.github/workflows/ci.yml');
  });

  it('matches relative to path and supports braces', async () => {
    const result = await runTool(glob, { pattern: '*.{py,ts}', path: 'src' }, makeContext(root));
    expect(result.content.split('\n').sort()).toEqual(['src/a.py', 'src/b.ts']);
  });

  it('caps at 100 results with a note', async () => {
    const rows = (await runTool(glob, { pattern: 'many/*.txt' }, makeContext(root))).content.split('\n');
    expect(rows).toHaveLength(101);
    expect(rows[0]).toBe('many/f119.txt');
    expect(rows[99]).toBe('many/f020.txt');
    expect(rows[100]).toBe('[review-agent: showing the 100 newest of 120 matching files; narrow the pattern or path to see others]');
  });

  it('says when nothing matches, and when the folder does not exist', async () => {
    expect(await runTool(glob, { pattern: '**/*.rs' }, makeContext(root))).toEqual({
      content: '[review-agent: no files match "**/*.rs" in the review root]',
      isError: false,
    });
    expect(await runTool(glob, { pattern: '*', path: 'nope' }, makeContext(root))).toMatchObject({ isError: true });
    expect((await runTool(glob, { pattern: '*', path: 'old.py' }, makeContext(root))).content).toMatch(/^Not a directory: old\.py/);
  });

  it('refuses patterns and paths that leave the root', async () => {
    for (const pattern of ['../*', 'src/../../*', '/etc/*', '~/*', '']) {
      const result = await runTool(glob, { pattern }, makeContext(root));
      expect(result.isError, pattern).toBe(true);
      expect(result.content).toMatch(/^Invalid Glob pattern/);
    }
    for (const p of ['..', 'link-dir', outside.root]) {
      const result = await runTool(glob, { pattern: '*', path: p }, makeContext(root));
      expect(result.content, p).toContain('outside the review root');
    }
  });
});
