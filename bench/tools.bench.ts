// Grep and Glob over a generated tree of 20,000 files, against plain `rg` / `rg --files` run in
// the same process on the same tree. Prints median times and our/rg ratios (aim: within 1.3x).
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { runTool } from '../tools/index.js';
import { createGlobTool } from '../tools/glob.js';
import { createGrepTool } from '../tools/grep.js';
import { realRoot } from '../tools/paths.js';
import { DEFAULT_TOOL_LIMITS } from '../tools/types.js';
import type { AnyTool, ToolContext } from '../tools/types.js';

const FILES = 20_000;
const RUNS = 7;

async function generate(dir: string): Promise<void> {
  await writeFile(path.join(dir, '.gitignore'), 'build/\n*.tmp\n');
  for (let d = 0; d < 200; d++) {
    const sub = path.join(dir, `pkg${d % 20}`, `mod${d}`);
    await mkdir(sub, { recursive: true });
    const writes: Promise<void>[] = [];
    for (let f = 0; f < FILES / 200; f++) {
      const n = d * 100 + f;
      const body = Array.from({ length: 40 }, (_, i) =>
        i === 7 && n % 50 === 0 ? `    scaler.fit_transform(X_all)  # ${n}` : `    value_${i} = compute(${n}, ${i})`,
      ).join('\n');
      writes.push(writeFile(path.join(sub, `file${f}.${f % 4 === 0 ? 'txt' : 'py'}`), `def f_${n}():\n${body}\n`));
    }
    await Promise.all(writes);
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

async function time(fn: () => Promise<unknown> | unknown): Promise<number> {
  await fn(); // warm-up: page cache and JIT
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return median(times);
}

function rg(args: string[], cwd: string): () => void {
  return () => {
    const result = spawnSync('rg', [...args, '.'], { cwd, maxBuffer: 1 << 28, stdio: ['ignore', 'pipe', 'pipe'] });
    if (result.status !== 0 && result.status !== 1) throw new Error(`rg failed: ${result.stderr.toString()}`);
  };
}

export async function run(): Promise<void> {
  if (spawnSync('rg', ['--version']).status !== 0) {
    console.log('rg not on PATH: nothing to compare against, skipping');
    return;
  }
  const root = await realRoot(await mkdtemp(path.join(os.tmpdir(), 'ra-bench-tools-')));
  try {
    await generate(root);
    const ctx: ToolContext = { root, limits: DEFAULT_TOOL_LIMITS, signal: new AbortController().signal, emit: () => {} };
    const grep = createGrepTool({ engine: 'rg' });
    const native = createGrepTool({ engine: 'native' });
    const glob = createGlobTool({ engine: 'rg' });
    const globNative = createGlobTool({ engine: 'native' });
    const tool = (t: AnyTool, input: unknown) => async () => {
      const result = await runTool(t, input, ctx);
      if (result.isError) throw new Error(result.content);
    };
    const cases: Array<[string, () => unknown, () => unknown]> = [
      ['Grep files_with_matches vs rg -l', tool(grep, { pattern: 'fit_transform' }), rg(['-l', 'fit_transform'], root)],
      ['Grep content vs rg -n', tool(grep, { pattern: 'fit_transform', output_mode: 'content' }), rg(['-n', 'fit_transform'], root)],
      ['Grep count vs rg -c', tool(grep, { pattern: 'compute\\(\\d+, 3\\)', output_mode: 'count' }), rg(['-c', 'compute\\(\\d+, 3\\)'], root)],
      ['Grep (native engine) vs rg -l', tool(native, { pattern: 'fit_transform' }), rg(['-l', 'fit_transform'], root)],
      // Unsorted listing: the reference. Glob also stats every match to sort newest first,
      // which is what --sortr=modified makes rg do (single-threaded).
      ['Glob **/*.py vs rg --files', tool(glob, { pattern: '**/*.py' }), rg(['--files'], root)],
      ['Glob **/*.py vs rg --files --sortr=modified', tool(glob, { pattern: '**/*.py' }), rg(['--files', '--sortr=modified'], root)],
      ['Glob (native engine) vs rg --files', tool(globNative, { pattern: '**/*.py' }), rg(['--files'], root)],
    ];
    console.log(`${FILES} files, median of ${RUNS} runs`);
    for (const [name, ours, reference] of cases) {
      const a = await time(ours);
      const b = await time(reference);
      console.log(`${name.padEnd(44)} ours ${a.toFixed(1).padStart(7)} ms   rg ${b.toFixed(1).padStart(7)} ms   ratio ${(a / b).toFixed(2)}x`);
    }
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
