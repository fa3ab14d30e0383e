import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

// The embedding example from docs/integrations.md, run as a user would run it, and type-checked
// against the library's declarations so the documented code cannot rot.

const run = promisify(execFile);
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const example = path.join(repoRoot, 'examples', 'embed.ts');

async function exec(command: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(command, args, { cwd: repoRoot, env: { ...process.env, ANTHROPIC_API_KEY: '', OPENAI_API_KEY: '', OPENAI_BASE_URL: '' } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('examples/embed.ts', () => {
  it('runs: reviews the leaky example offline, prints the markdown review and the streamed summary', async () => {
    const result = await exec(process.execPath, ['--import', 'tsx', '--import', './test/helpers/self-alias.mjs', example, 'examples/churn-leaky']);
    expect(result.stderr).toContain('tool Read');
    expect(result.stdout).toMatch(/^## model-trainer review: ❌ Block/);
    expect(result.stdout).toMatch(/^CRITICAL\ttrain\.py:\d+\t/m);
    expect(result.stdout).toMatch(/^streamed: \d+ tool calls, verdict block, \d+ findings$/m);
    expect(result.code).toBe(1);
  });

  it('approves the clean example (exit 0)', async () => {
    const result = await exec(process.execPath, ['--import', 'tsx', '--import', './test/helpers/self-alias.mjs', example, 'examples/clean-classifier']);
    expect(result.stdout).toMatch(/verdict (approve|warning)/);
    expect(result.code).toBe(0);
  });

  it('type-checks against the public API', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'ra-example-tsc-'));
    const tsconfig = path.join(dir, 'tsconfig.json');
    await writeFile(
      tsconfig,
      JSON.stringify({
        extends: path.join(repoRoot, 'tsconfig.json'),
        compilerOptions: {
          noEmit: true,
          rootDir: repoRoot,
          typeRoots: [path.join(repoRoot, 'node_modules', '@types')],
          paths: { 'review-agent': [path.join(repoRoot, 'src', 'index.ts')] },
        },
        include: [],
        files: [example],
      }),
    );
    const result = await exec(process.execPath, [path.join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', tsconfig]);
    // Only errors in the example count: other modules are type-checked by the build.
    const own = result.stdout.split('\n').filter((l) => l.startsWith('examples/'));
    expect(own).toEqual([]);
  });
});
