import { execFileSync } from 'node:child_process';
import { readFile, rm, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createGlobTool } from '../../tools/glob.js';
import { listingSink } from '../../tools/glob/rg.js';
import { runTool } from '../../tools/index.js';
import type { ToolResult } from '../../tools/types.js';
import { makeContext, makeTree } from './helpers.js';
import type { Tree } from './helpers.js';
import { describeNeeding, needsNote } from '../helpers/system.js';

const rg = createGlobTool({ engine: 'rg' });
const native = createGlobTool({ engine: 'native' });
let root: string;
let cleanup: () => Promise<void>;
let outside: { root: string; cleanup: () => Promise<void> };

const tree = (outsideDir: string): Tree => ({
  '.gitignore': 'build/\n*.tmp.py\n!keep.tmp.py\nlogs/*.log\n',
  '.rgignore': 'secret_*\nprec.py\n',
  'old.py': '',
  'mid.py': '',
  'new.py': '',
  'keep.tmp.py': '',
  'scratch.tmp.py': '',
  '.env': '',
  'README': '',
  'src/a.py': '',
  'src/b.ts': '',
  'src/c.tsx': '',
  'src/.gitignore': 'local.py\n*.local\n!important.local\n!prec.py\n',
  'src/local.py': '',
  'src/x.local': '',
  'src/important.local': '',
  'src/prec.py': '',
  'src/secret_key.py': '',
  'src/pkg/m.py': '',
  'src/pkg/local.py': '',
  'src/pkg/deep/er/z.py': '',
  'src/pkg/deep/README': '',
  'build/gen.py': '',
  'build/sub/g.py': '',
  'logs/a.log': '',
  'logs/keep.txt': '',
  '.hidden/conf.py': '',
  '.github/workflows/ci.yml': '',
  '.git/config': '',
  '.git/hooks/pre-commit.py': '',
  'sub/.git': 'gitdir: ../.git/modules/sub\n',
  'sub/z.py': '',
  'sub/.hg/store.py': '',
  'vendor/CVS/Entries': '',
  'weird [dir]/w.py': '',
  'weird [dir]/[x].py': '',
  'docs/README/file.md': '',
  'docs/a.md': '',
  'num/f1.txt': '',
  'num/f2.txt': '',
  'num/f3.txt': '',
  'num/f10.txt': '',
  'ünï/çödé.py': '',
  'link-in.py': { link: 'old.py' },
  'link-out.py': { link: path.join(outsideDir, 'secret.py') },
  'link-dir': { link: outsideDir },
  'link-src': { link: 'src' },
  'src/link-up': { link: '..' },
  'loop-a': { link: 'loop-b' },
  'loop-b': { link: 'loop-a' },
  'dangling.py': { link: 'nope.py' },
});

const t = (s: number) => new Date(Date.UTC(2024, 0, 1, 0, 0, s));

beforeAll(async () => {
  outside = await makeTree({ 'secret.py': 'x\n', 'other.py': '' }, 'ra-glob-outside-');
  const files = tree(outside.root);
  for (let i = 0; i < 120; i++) files[`many/f${String(i).padStart(3, '0')}.txt`] = '';
  ({ root, cleanup } = await makeTree(files, 'ra-glob-'));
  // Every other regular file shares one time, so the path tie-break decides their order.
  for (const [rel, content] of Object.entries(files)) {
    if (typeof content === 'string') await utimes(path.join(root, rel), t(0), t(0));
  }
  await utimes(path.join(root, 'old.py'), t(10), t(10));
  await utimes(path.join(root, 'mid.py'), t(20), t(20));
  await utimes(path.join(root, 'new.py'), t(30), t(30));
  // f010-f119 at 110..219 s; f000-f009 tie with f020 at 120 s, right at the cap.
  for (let i = 0; i < 120; i++) {
    const time = i < 10 ? t(120) : t(100 + i);
    await utimes(path.join(root, `many/f${String(i).padStart(3, '0')}.txt`), time, time);
  }
});

afterAll(async () => {
  await cleanup();
  await outside.cleanup();
});

/** Runs the query through both engines, which must agree exactly. */
async function both(input: Record<string, unknown>, limits = {}): Promise<ToolResult> {
  const a = await runTool(rg, input, makeContext(root, limits));
  const b = await runTool(native, input, makeContext(root, limits));
  expect(b, `native engine differs for ${JSON.stringify(input)}`).toEqual(a);
  return a;
}

async function lines(input: Record<string, unknown>, limits = {}): Promise<string[]> {
  const result = await both(input, limits);
  expect(result.isError, result.content).toBe(false);
  return result.content.startsWith('[review-agent: no files match') ? [] : result.content.split('\n');
}

describeNeeding('rg')(`Glob, both engines give identical output${needsNote('rg')}`, () => {
  const patterns = [
    '**/*', '*', '**', '**/*.py', '*.py', '**/*.{py,ts}', '**/*.{py,{ts,tsx}}', 'src/{a,b}.*', '{src,docs}/**/*.{py,md}',
    'num/f{1..3}.txt', 'num/f{1..10}.txt', 'num/f?.txt', 'num/f[0-9].txt', 'src', 'src/', 'src/*', 'src/**', './*.py', 'src/./*.py',
    'README', '**/README', '**/.gitignore', '.*', '**/.*', '.git/*', '**/.git/**', 'sub/**', '**/CVS/**', 'build/**', '**/*.tmp.py',
    'logs/*', 'link-dir/*', 'link-dir/secret.py', 'link-src/*.py', 'link-src', 'src/link-up/*.py', 'link-*', 'loop-a/*',
    'weird [dir]/*', 'weird \\[dir\\]/*', '**/\\[x\\].py', '**/[!w]*.py', '**/*.+(py|ts)', '**/@(a|b).*', '!*.py', '!src',
    '*/', '*/*', '**/deep/**', 'many/f1*', '{,src/}*.py', '{src/.,}./*', './**', '**/*.local', 'src/**/README',
    // fast-glob's walk skips folders this pattern's whole-path regex would match.
    '|*/**', 'src/|*/**', '@(src|docs)/*', '+(src|docs)/**/*.py',
  ];
  const queries: Array<Record<string, unknown>> = [
    ...patterns.map((pattern) => ({ pattern })),
    ...['src', 'src/pkg', 'build', 'logs', 'weird [dir]', 'link-src', 'sub', '.git', '.hidden', 'many'].flatMap((p) =>
      ['**/*', '*', '*.py', './**', '**/README', '{src/.,}./*'].map((pattern) => ({ pattern, path: p })),
    ),
  ];
  for (const input of queries) {
    it(JSON.stringify(input), async () => {
      await both(input);
    });
  }
});

describeNeeding('rg')(`Glob results${needsNote('rg')}`, () => {
  it('lists matches newest first (ties by path), relative to the root, without ignored files, VCS folders or symlinks', async () => {
    expect(await lines({ pattern: '**/*.py' })).toEqual([
      'new.py',
      'mid.py',
      'old.py',
      '.hidden/conf.py',
      'keep.tmp.py',
      'src/a.py',
      'src/pkg/deep/er/z.py',
      'src/pkg/m.py',
      'sub/z.py',
      'weird [dir]/[x].py',
      'weird [dir]/w.py',
      'ünï/çödé.py',
    ]);
  });

  it('"*" does not cross "/", "**" does, dotfiles and dot folders other than VCS ones included', async () => {
    expect(await lines({ pattern: '*' })).toEqual(['new.py', 'mid.py', 'old.py', '.env', '.gitignore', '.rgignore', 'README', 'keep.tmp.py']);
    expect(await lines({ pattern: '**/*.yml' })).toEqual(['.github/workflows/ci.yml']);
    expect(await lines({ pattern: '**/.git/**' })).toEqual([]);
    expect(await lines({ pattern: '**/*', path: 'sub' })).toEqual(['sub/z.py']);
    expect(await lines({ pattern: '**/Entries' })).toEqual([]);
  });

  it('supports braces, ranges, classes and extglobs as globby does', async () => {
    expect((await lines({ pattern: '*.{py,ts}', path: 'src' })).sort()).toEqual(['src/a.py', 'src/b.ts', 'src/prec.py']);
    expect((await lines({ pattern: '**/*.{py,{ts,tsx}}', path: 'src' })).sort()).toEqual(
      ['src/a.py', 'src/b.ts', 'src/c.tsx', 'src/pkg/deep/er/z.py', 'src/pkg/m.py', 'src/prec.py'],
    );
    expect((await lines({ pattern: 'num/f{1..10}.txt' })).sort()).toEqual(['num/f1.txt', 'num/f10.txt', 'num/f2.txt', 'num/f3.txt']);
    expect((await lines({ pattern: 'num/f[0-9].txt' })).sort()).toEqual(['num/f1.txt', 'num/f2.txt', 'num/f3.txt']);
    expect(await lines({ pattern: '**/\\[x\\].py' })).toEqual(['weird [dir]/[x].py']);
    expect(await lines({ pattern: 'ü*/*.py' })).toEqual(['ünï/çödé.py']);
    expect((await lines({ pattern: '**/*.+(ts|tsx)' })).sort()).toEqual(['src/b.ts', 'src/c.tsx']);
  });

  it('expands a folder name, or **/name, to everything below it, as globby does', async () => {
    expect((await lines({ pattern: 'src/pkg' })).sort()).toEqual(['src/pkg/deep/README', 'src/pkg/deep/er/z.py', 'src/pkg/m.py']);
    expect((await lines({ pattern: '**/README' })).sort()).toEqual(['README', 'docs/README/file.md', 'src/pkg/deep/README']);
  });

  it('applies nested .gitignore and .rgignore files, with negations', async () => {
    const all = await lines({ pattern: '**/*' }, { globMaxResults: 1000 });
    for (const ignored of ['build/gen.py', 'scratch.tmp.py', 'logs/a.log', 'src/local.py', 'src/pkg/local.py', 'src/x.local', 'src/secret_key.py', 'src/prec.py']) {
      expect(all, ignored).not.toContain(ignored);
    }
    for (const kept of ['keep.tmp.py', 'logs/keep.txt', 'src/important.local']) expect(all, kept).toContain(kept);
  });

  it('with path, matches relative to that folder and applies the ignore files above it as Grep does', async () => {
    expect((await lines({ pattern: '*', path: 'src' })).sort()).toEqual(
      ['src/.gitignore', 'src/a.py', 'src/b.ts', 'src/c.tsx', 'src/important.local', 'src/prec.py'],
    );
    expect(await lines({ pattern: '*.log', path: 'logs' })).toEqual([]);
    expect((await lines({ pattern: '**/*', path: 'build' })).sort()).toEqual(['build/gen.py', 'build/sub/g.py']);
    expect(await lines({ pattern: '*', path: 'weird [dir]' })).toEqual(['weird [dir]/[x].py', 'weird [dir]/w.py']);
    // A symlinked folder inside the root is searched at its real location.
    expect((await lines({ pattern: '*.py', path: 'link-src' })).sort()).toEqual(['src/a.py', 'src/prec.py']);
  });

  it('never lists through symlinks, even when the pattern names a linked folder', async () => {
    for (const pattern of ['link-dir/*', 'link-dir/secret.py', 'link-dir', 'link-src/*.py', 'src/link-up/*.py', 'link-*', 'loop-a/*', 'dangling.py']) {
      expect(await lines({ pattern }), pattern).toEqual([]);
    }
    expect(await readFile(path.join(outside.root, 'secret.py'), 'utf8')).toBe('x\n');
  });

  it('caps at 100 results with a note, newest first with ties broken by path', async () => {
    const rows = await lines({ pattern: 'many/*.txt' });
    expect(rows).toHaveLength(101);
    expect(rows[0]).toBe('many/f119.txt');
    expect(rows[98]).toBe('many/f021.txt');
    // Eleven files share the 100th place's time; the path decides which one makes the cut.
    expect(rows[99]).toBe('many/f000.txt');
    expect(rows[100]).toBe('[review-agent: showing the 100 newest of 120 matching files; narrow the pattern or path to see others]');
    const two = await both({ pattern: 'many/*.txt' }, { globMaxResults: 2 });
    expect(two.content).toBe('many/f119.txt\nmany/f118.txt\n[review-agent: showing the 2 newest of 120 matching files; narrow the pattern or path to see others]');
  });

  it('says when nothing matches, and when the folder does not exist', async () => {
    expect(await both({ pattern: '**/*.rs' })).toEqual({ content: '[review-agent: no files match "**/*.rs" in the review root]', isError: false });
    expect(await both({ pattern: '*.rs', path: 'src' })).toEqual({ content: '[review-agent: no files match "*.rs" in src]', isError: false });
    expect(await both({ pattern: '*', path: 'nope' })).toEqual({ content: 'Directory not found: nope (paths are relative to the review root)', isError: true });
    expect((await both({ pattern: '*', path: 'old.py' })).content).toMatch(/^Not a directory: old\.py/);
  });

  it('refuses patterns and paths that leave the root', async () => {
    for (const pattern of ['../*', 'src/../../*', '/etc/*', '~/*', '']) {
      const result = await both({ pattern });
      expect(result.isError, pattern).toBe(true);
      expect(result.content).toMatch(/^Invalid Glob pattern/);
    }
    for (const p of ['..', 'link-dir', 'loop-a', outside.root]) {
      const result = await both({ pattern: '*', path: p });
      expect(result.isError, p).toBe(true);
      expect(result.content, p).toContain('outside the review root');
    }
  });

  it('reports a pattern globby rejects the same way', async () => {
    const result = await both({ pattern: 'num/f{1..5000}.txt' });
    expect(result.isError).toBe(true);
    expect(result.content).toMatch(/^Glob failed: /);
  });
});

describe('Glob rg listing', () => {
  it('decodes names whose bytes are split across chunks of rg output', () => {
    const names = ['ünï/çödé.py', 'a.py', 'ßtraße/é.txt', 'x/y.py'];
    const bytes = Buffer.from(`./${names.join('\0./')}\0`);
    for (let cut = 0; cut <= bytes.length; cut++) {
      const seen: string[] = [];
      const sink = listingSink((rel) => {
        seen.push(rel);
      });
      sink.push(bytes.subarray(0, cut));
      sink.push(bytes.subarray(cut));
      sink.end();
      expect(seen, `cut at byte ${cut}`).toEqual(names);
    }
  });
});

describe('Glob engine choice', () => {
  it('falls back to the native engine with a warning when rg is missing, or fails in rg mode', async () => {
    const auto = createGlobTool({ rgPath: '/nonexistent/rg' });
    const ctx = makeContext(root);
    const result = await runTool(auto, { pattern: '*.py' }, ctx);
    expect(result.isError).toBe(false);
    expect(result.content.split('\n').slice(0, 3)).toEqual(['new.py', 'mid.py', 'old.py']);
    expect(ctx.events).toEqual([
      { type: 'tool-warning', tool: 'Glob', message: 'ripgrep (rg) not found on PATH: using the slower built-in file walk' },
    ]);
    await runTool(auto, { pattern: '*.py' }, ctx);
    expect(ctx.events).toHaveLength(1);
    const strict = createGlobTool({ engine: 'rg', rgPath: '/nonexistent/rg' });
    expect(await runTool(strict, { pattern: '*.py' }, makeContext(root))).toEqual({
      content: expect.stringMatching(/^ripgrep \(rg\) is not on PATH; install it/),
      isError: true,
    });
  });
});

describeNeeding('rg')(`Glob calls in parallel share one rg walk${needsNote('rg')}`, () => {
  // A wrapper that counts how often rg is started, then runs the real one.
  let counter: { root: string; cleanup: () => Promise<void> };
  let countingRg: string;
  const runs = async () => (await readFile(path.join(counter.root, 'runs'), 'utf8').catch(() => '')).split('\n').filter(Boolean).length;
  beforeAll(async () => {
    const real = execFileSync('sh', ['-c', 'command -v rg'], { encoding: 'utf8' }).trim();
    counter = await makeTree({}, 'ra-rg-count-');
    countingRg = path.join(counter.root, 'rg');
    await writeFile(countingRg, `#!/bin/sh\necho "$*" >> '${path.join(counter.root, 'runs')}'\nexec '${real}' "$@"\n`, { mode: 0o755 });
  });
  afterAll(() => counter.cleanup());
  beforeEach(() => rm(path.join(counter.root, 'runs'), { force: true }));

  it('answers each pattern as a lone call would, from one walk of the folder', async () => {
    const shared = createGlobTool({ engine: 'rg', rgPath: countingRg });
    const patterns = ['**/*.py', '**/*.md', 'src/**/*.{ts,tsx}', '**/*.txt'];
    const together = await Promise.all(patterns.map((pattern) => runTool(shared, { pattern }, makeContext(root))));
    expect(await runs()).toBe(1);
    for (const [i, pattern] of patterns.entries()) expect(together[i]).toEqual(await runTool(rg, { pattern }, makeContext(root)));
  });

  it('walks again for another folder, and for a call made after the walk ended', async () => {
    const shared = createGlobTool({ engine: 'rg', rgPath: countingRg });
    await Promise.all([runTool(shared, { pattern: '**/*.py' }, makeContext(root)), runTool(shared, { pattern: '**/*.py', path: 'src' }, makeContext(root))]);
    expect(await runs()).toBe(2);
    const before = await runTool(shared, { pattern: 'fresh_*.py' }, makeContext(root));
    await writeFile(path.join(root, 'fresh_file.py'), '');
    try {
      const after = await runTool(shared, { pattern: 'fresh_*.py' }, makeContext(root));
      expect(await runs()).toBe(4);
      expect(before.content).toMatch(/no files match/);
      expect(after).toEqual({ content: 'fresh_file.py', isError: false });
    } finally {
      await rm(path.join(root, 'fresh_file.py'));
    }
  });

  it('keeps the walk going for the other calls when one is cancelled', async () => {
    const shared = createGlobTool({ engine: 'rg', rgPath: countingRg });
    const controller = new AbortController();
    const cancelled = runTool(shared, { pattern: '**/*.md' }, { ...makeContext(root), signal: controller.signal });
    const kept = runTool(shared, { pattern: '**/*.py' }, makeContext(root));
    controller.abort();
    expect((await cancelled).isError).toBe(true);
    expect(await kept).toEqual(await runTool(rg, { pattern: '**/*.py' }, makeContext(root)));
  });
});
