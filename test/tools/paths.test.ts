import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { realRoot, resolveInRoot } from '../../tools/paths.js';

let base: string;
let root: string;
let outsideDir: string;

beforeAll(async () => {
  base = await realRoot(await mkdtemp(path.join(os.tmpdir(), 'ra-paths-')));
  root = path.join(base, 'repo');
  outsideDir = path.join(base, 'outside');
  await mkdir(path.join(root, 'src', 'pkg'), { recursive: true });
  await mkdir(outsideDir);
  await writeFile(path.join(root, 'src', 'pkg', 'mod.py'), 'x = 1\n');
  await writeFile(path.join(outsideDir, 'secret.txt'), 'SECRET\n');
  await symlink(path.join(outsideDir, 'secret.txt'), path.join(root, 'link-file'));
  await symlink(outsideDir, path.join(root, 'link-dir'));
  await symlink('src/pkg', path.join(root, 'inner-link'));
  await symlink('loop-b', path.join(root, 'loop-a'));
  await symlink('loop-a', path.join(root, 'loop-b'));
  await symlink(path.join(outsideDir, 'not-yet'), path.join(root, 'dangling-out'));
  await symlink('src/not-yet', path.join(root, 'dangling-in'));
  await writeFile(path.join(root, '~tilde.txt'), 't\n');
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

async function refused(requested: string): Promise<string> {
  const result = await resolveInRoot(root, requested);
  if (result.ok) throw new Error(`expected ${requested} to be refused, got ${result.abs}`);
  expect(result.error).toContain('outside the review root');
  return result.error;
}

describe('resolveInRoot', () => {
  it('resolves relative paths, the root itself and absolute paths inside the root', async () => {
    expect(await resolveInRoot(root, 'src/pkg/mod.py')).toEqual({
      ok: true,
      abs: path.join(root, 'src/pkg/mod.py'),
      rel: 'src/pkg/mod.py',
    });
    expect(await resolveInRoot(root, '.')).toEqual({ ok: true, abs: root, rel: '.' });
    expect(await resolveInRoot(root, '')).toEqual({ ok: true, abs: root, rel: '.' });
    expect(await resolveInRoot(root, path.join(root, 'src'))).toEqual({ ok: true, abs: path.join(root, 'src'), rel: 'src' });
    expect(await resolveInRoot(root, 'src/../src/pkg/./mod.py')).toMatchObject({ ok: true, rel: 'src/pkg/mod.py' });
  });

  it('follows symlinks that stay inside the root to their real location', async () => {
    expect(await resolveInRoot(root, 'inner-link/mod.py')).toMatchObject({ ok: true, rel: 'src/pkg/mod.py' });
  });

  it('returns ok for nonexistent paths inside the root (callers report not found)', async () => {
    expect(await resolveInRoot(root, 'src/missing/deeper.py')).toEqual({
      ok: true,
      abs: path.join(root, 'src/missing/deeper.py'),
      rel: 'src/missing/deeper.py',
    });
    expect(await resolveInRoot(root, 'src/pkg/mod.py/child')).toMatchObject({ ok: true, rel: 'src/pkg/mod.py/child' });
    expect(await resolveInRoot(root, 'dangling-in')).toMatchObject({ ok: true, rel: 'src/not-yet' });
  });

  it('refuses .. escapes, absolute paths outside and ~', async () => {
    expect(await refused('../outside/secret.txt')).toContain('not under the root');
    await refused('src/../../outside');
    await refused('..');
    await refused(path.join(outsideDir, 'secret.txt'));
    await refused('/etc/passwd');
    expect(await refused('~')).toContain('(~)');
    await refused('~/.ssh/id_rsa');
    await refused('~root/.bashrc');
    expect(await resolveInRoot(root, './~tilde.txt')).toMatchObject({ ok: true, rel: '~tilde.txt' });
  });

  it('refuses symlinks to files and directories outside, including paths below them', async () => {
    expect(await refused('link-file')).toContain('symlink that points outside');
    await refused('link-dir');
    await refused('link-dir/secret.txt');
    await refused('link-dir/does-not-exist');
    await refused(path.join(root, 'link-dir', 'secret.txt'));
  });

  it('refuses dangling symlinks that point outside', async () => {
    await refused('dangling-out');
    await refused('dangling-out/child');
  });

  it('refuses symlink loops', async () => {
    expect(await refused('loop-a')).toContain('symlink loop');
    await refused('loop-b/x');
  });

  it('refuses NUL bytes', async () => {
    await refused('src\0/x');
  });
});

describe('realRoot', () => {
  it('returns the real path of a directory', async () => {
    expect(await realRoot(path.join(root, 'inner-link'))).toBe(path.join(root, 'src/pkg'));
  });

  it('throws an actionable error for a missing directory or a file', async () => {
    await expect(realRoot(path.join(base, 'nope'))).rejects.toThrow(/does not exist/);
    await expect(realRoot(path.join(root, 'src/pkg/mod.py'))).rejects.toThrow(/not a directory/);
  });
});
