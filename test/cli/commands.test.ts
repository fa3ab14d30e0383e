// The built CLI as a user runs it: `node bin/review-agent.js ...` (npm test builds dist/ first).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = path.join(repoRoot, 'bin', 'review-agent.js');
const fixtures = path.join(repoRoot, 'test', 'fixtures', 'agents');
let home: string;

beforeAll(async () => {
  if (!existsSync(path.join(repoRoot, 'dist', 'src', 'cli', 'main.js'))) throw new Error('dist/ is missing: run "npm run build" (npm test does it)');
  home = await mkdtemp(path.join(os.tmpdir(), 'ra-home-'));
});

function run(args: string[], cwd = repoRoot) {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: home, NO_COLOR: '1' };
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, env, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('review-agent CLI', () => {
  it('prints help and its version', () => {
    const help = run(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Usage\n {2}review-agent <agent> <path>/);
    expect(run([]).code).toBe(2);
    expect(run(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('lists agents with their source, tools and model', async () => {
    const project = await mkdtemp(path.join(os.tmpdir(), 'ra-list-'));
    await mkdir(path.join(project, '.claude', 'agents'), { recursive: true });
    await writeFile(path.join(project, '.claude', 'agents', 'mine.md'), '---\nname: mine\ndescription: mine\ntools: Read, Bash(git diff:*)\nmodel: haiku\n---\nReview.\n');
    const listed = run(['list'], project);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/^NAME\s+SOURCE\s+TOOLS\s+MODEL\s+FILE/);
    expect(listed.stdout).toMatch(/mine\s+project\s+Read, Bash\(git diff:\*\)\s+haiku\s+\.claude\/agents\/mine\.md/);
    expect(listed.stdout).toMatch(/model-trainer\s+builtin\s+Read, Grep, Glob, Bash\s+opus/);
    // Folders named by the config's agentDirs are listed too.
    await mkdir(path.join(project, 'team-agents'), { recursive: true });
    await writeFile(path.join(project, 'team-agents', 'team.md'), '---\nname: team-reviewer\ndescription: team\n---\nReview.\n');
    await writeFile(path.join(project, 'review-agent.config.json'), JSON.stringify({ agentDirs: ['team-agents'] }));
    expect(run(['list'], project).stdout).toMatch(/team-reviewer\s+local\s+Read, Grep, Glob, Bash\s+inherit\s+team-agents\/team\.md/);
    const json = JSON.parse(run(['list', '--json'], project).stdout) as { name: string; source: string }[];
    expect(json.map((a) => [a.name, a.source])).toContainEqual(['model-trainer', 'builtin']);
  });

  it('validates agent files: ok for the seed file, every problem and exit 2 for broken ones', () => {
    const ok = run(['validate', path.resolve(repoRoot, '..', 'shared', 'seeds', 'model-trainer.md')]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/ok \(model-trainer: Read, Grep, Glob, Bash; model opus\)/);
    const bad = run(['validate', path.join(fixtures, 'bad', 'yaml-error.md'), path.join(fixtures, 'bad', 'unknown-tool.md')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/yaml-error\.md:\d+: YAML syntax error/);
    expect(bad.stderr).toMatch(/unknown-tool\.md: tools: unknown tool "Grpe"\. Fix: did you mean "Grep"\?/);
  });

  it('answers usage mistakes with one line, the fix and exit 2', async () => {
    const unknownAgent = run(['no-such-agent', 'examples/churn-leaky']);
    expect(unknownAgent.code).toBe(2);
    expect(unknownAgent.stderr).toMatch(/no agent named "no-such-agent".*Fix: use one of: .*model-trainer/);
    const noPath = run(['model-trainer', 'does/not/exist']);
    expect(noPath.code).toBe(2);
    expect(noPath.stderr).toMatch(/nothing to review at does\/not\/exist/);
    const badFlag = run(['model-trainer', 'examples/churn-leaky', '--fail-on', 'sometimes']);
    expect(badFlag.code).toBe(2);
    expect(badFlag.stderr).toMatch(/--fail-on sometimes is not valid.*critical, high, medium, low, never/);
    const badAgentFile = run([path.join(fixtures, 'bad', 'missing-name.md'), 'examples/churn-leaky']);
    expect(badAgentFile.code).toBe(2);
    expect(badAgentFile.stderr).toMatch(/missing-name\.md: name: name is required/);
    expect(badAgentFile.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('reviews the README example offline: blocked, exit 1, the same findings every run', () => {
    const first = run(['model-trainer', 'examples/churn-leaky', '--format', 'json']);
    expect(first.code).toBe(1);
    expect(first.stderr).toMatch(/using the offline analyzer/);
    const review = JSON.parse(first.stdout);
    expect(review.verdict).toBe('block');
    expect(review.status).toBe('complete');
    expect(review.findings.filter((f: { severity: string }) => f.severity === 'CRITICAL').length).toBeGreaterThanOrEqual(2);
    const second = JSON.parse(run(['model-trainer', 'examples/churn-leaky', '--format', 'json']).stdout);
    expect({ ...second, durationMs: 0 }).toEqual({ ...review, durationMs: 0 });
  });

  it('approves the clean example and honours --fail-on', () => {
    const clean = run(['model-trainer', 'examples/clean-classifier', '--format', 'json', '-q']);
    expect(clean.code).toBe(0);
    expect(clean.stderr).toBe('');
    const review = JSON.parse(clean.stdout);
    expect(review.findings.filter((f: { severity: string }) => f.severity === 'CRITICAL' || f.severity === 'HIGH')).toEqual([]);
    expect(run(['model-trainer', 'examples/churn-leaky', '--fail-on', 'never', '-q']).code).toBe(0);
    expect(run(['model-trainer', 'examples/sales-forecast', '--fail-on', 'medium', '-q']).code).toBe(1);
  });

  it('renders markdown in the agent format and lists the offline rules', () => {
    const md = run(['model-trainer', 'examples/churn-leaky', '--format', 'markdown', '-q']);
    expect(md.stdout).toMatch(/\[CRITICAL\] /);
    expect(md.stdout).toMatch(/\*\*File:\*\* `train\.py:\d+/);
    expect(md.stdout).toMatch(/\*\*Verdict:\*\* ❌ Block/);
    const rules = run(['rules']);
    expect(rules.code).toBe(0);
    expect(rules.stdout).toMatch(/preprocessing-before-split\s+CRITICAL\s+Data Preparation/);
  });
});
