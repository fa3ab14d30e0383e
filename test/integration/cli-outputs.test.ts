import { mkdir, mkdtemp, readFile, realpath, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CliIO } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { startOpenAIServer, type ScriptedServer } from '../servers/index.js';

// The CLI in-process against a loopback OpenAI-compatible server: config precedence end to end,
// and the CI formats (sarif, github with the job summary).

const TRAIN = `import pandas as pd
from sklearn.preprocessing import StandardScaler

df = pd.read_csv("data.csv")
X = StandardScaler().fit_transform(df)
`;

const leak = {
  severity: 'CRITICAL',
  title: 'Scaler fitted before the split',
  file: 'ml/train.py',
  line: 5,
  issue: 'StandardScaler is fitted on all rows.',
  impact: 'Test statistics leak into training.',
  fix: 'Split first, then fit on the training rows.',
  current: 'X = StandardScaler().fit_transform(df)',
  fixed: 'X_train = StandardScaler().fit_transform(df_train)',
};

const servers: ScriptedServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

/** A repository with the code in ml/ and a server that answers one submit_review. */
async function setup(findings: unknown[] = [leak]) {
  const repo = await realpath(await mkdtemp(path.join(os.tmpdir(), 'ra-cli-')));
  await mkdir(path.join(repo, 'src', 'ml'), { recursive: true });
  await writeFile(path.join(repo, 'src', 'ml', 'train.py'), TRAIN);
  const server = await startOpenAIServer([{ toolCalls: [{ name: 'submit_review', input: { summary: 'Reviewed.', findings } }] }]);
  servers.push(server);
  return { repo, server };
}

function io(cwd: string, env: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  const cli: CliIO = { stdout: (t) => out.push(t), stderr: (t) => err.push(t), stdoutIsTTY: false, stderrIsTTY: false, env, cwd };
  return { cli, out: () => out.join(''), err: () => err.join('') };
}

describe('CLI settings: flags > environment > config > defaults', () => {
  it('takes provider, base URL and fail-on from the config file above the reviewed path', async () => {
    const { repo, server } = await setup();
    await writeFile(path.join(repo, 'review-agent.config.yaml'), `provider: openai\nbaseUrl: ${server.url}\nfailOn: never\n`);
    const run = io(repo, { OPENAI_API_KEY: 'sk-test-cli-000000000000' });
    // The file under review is src/ml/train.py: its folder is the root, the config two folders up.
    const code = await main(['model-trainer', 'src/ml/train.py', '--format', 'json'], run.cli);
    expect(run.err()).toContain(`settings from ${path.join(repo, 'review-agent.config.yaml')}`);
    expect(run.err()).toContain('provider: openai in');
    expect(JSON.parse(run.out()).verdict).toBe('block');
    expect(code).toBe(0);
    expect(server.requests).toHaveLength(1);
  });

  it('an environment variable beats the config, and a flag beats both', async () => {
    const { repo, server } = await setup();
    await writeFile(path.join(repo, 'review-agent.config.yaml'), `provider: openai\nbaseUrl: ${server.url}\nfailOn: never\n`);
    const env = { OPENAI_API_KEY: 'sk-test-cli-000000000000', REVIEW_AGENT_FAIL_ON: 'critical' };
    expect(await main(['model-trainer', 'src/ml', '-q'], io(repo, env).cli)).toBe(1);

    const second = await setup();
    await writeFile(path.join(second.repo, 'review-agent.config.yaml'), `provider: openai\nbaseUrl: ${second.server.url}\nfailOn: never\n`);
    expect(await main(['model-trainer', 'src/ml', '-q', '--fail-on', 'never'], io(second.repo, env).cli)).toBe(0);
  });

  it('a config error exits 2 and names the file, the key and the fix', async () => {
    const { repo } = await setup();
    await writeFile(path.join(repo, 'review-agent.config.yaml'), 'provider: openai\nmax_turns: 3\n');
    const run = io(repo, {});
    expect(await main(['model-trainer', 'src/ml'], run.cli)).toBe(2);
    expect(run.err()).toBe(
      `review-agent: ${path.join(repo, 'review-agent.config.yaml')}:2: max_turns: unknown key "max_turns". Fix: did you mean "maxTurns"? Known keys: provider, model, models, baseUrl, prices, failOn, maxTurns, maxCost, timeout, ignore, agentDirs\n`,
    );
  });

  it('--config picks a file and --no-config ignores the one found', async () => {
    const { repo, server } = await setup();
    await writeFile(path.join(repo, 'review-agent.config.yaml'), 'bogus: 1\n');
    await writeFile(path.join(repo, 'ci.yaml'), `provider: openai\nbaseUrl: ${server.url}\n`);
    const run = io(repo, { OPENAI_API_KEY: 'sk-test-cli-000000000000' });
    expect(await main(['model-trainer', 'src/ml', '--config', 'ci.yaml', '-q'], run.cli)).toBe(1);
    const other = await startOpenAIServer([{ toolCalls: [{ name: 'submit_review', input: { summary: 'Reviewed.', findings: [leak] } }] }]);
    servers.push(other);
    const none = io(repo, { OPENAI_API_KEY: 'sk-test-cli-000000000000' });
    expect(await main(['model-trainer', 'src/ml', '--no-config', '--provider', 'openai', '--base-url', other.url, '--fail-on', 'never'], none.cli)).toBe(0);
    expect(none.err()).not.toContain('settings from');
    expect(none.err()).not.toContain('bogus');
  });
});

describe('CLI CI formats', () => {
  it('--format sarif writes repository-relative locations and the fix', async () => {
    const { repo, server } = await setup([{ ...leak, file: 'train.py' }]);
    const run = io(repo, { OPENAI_API_KEY: 'sk-test-cli-000000000000' });
    const out = path.join(repo, 'review.sarif');
    await main(['model-trainer', 'src/ml', '--provider', 'openai', '--base-url', server.url, '--format', 'sarif', '-o', out, '-q'], run.cli);
    const log = JSON.parse(await readFile(out, 'utf8'));
    expect(log.version).toBe('2.1.0');
    const result = log.runs[0].results[0];
    expect(result.level).toBe('error');
    expect(result.locations[0].physicalLocation.artifactLocation.uri).toBe('src/ml/train.py');
    expect(result.fixes[0].artifactChanges[0].replacements[0].insertedContent.text).toBe(leak.fixed);
    expect(log.runs[0].tool.driver.version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('--format github prints annotations and appends the job summary to GITHUB_STEP_SUMMARY', async () => {
    const { repo, server } = await setup([{ ...leak, file: 'train.py' }]);
    const summary = path.join(repo, 'summary.md');
    await writeFile(summary, '# earlier step\n');
    const env = {
      OPENAI_API_KEY: 'sk-test-cli-000000000000',
      GITHUB_STEP_SUMMARY: summary,
      GITHUB_WORKSPACE: repo,
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_REPOSITORY: 'acme/ml',
      GITHUB_SHA: 'abc123',
    };
    const run = io(path.join(repo, 'src'), env);
    const code = await main(['model-trainer', 'ml', '--provider', 'openai', '--base-url', server.url, '--format', 'github', '-q'], run.cli);
    expect(code).toBe(1);
    const lines = run.out().trimEnd().split('\n');
    expect(lines[0]).toBe(
      '::error file=src/ml/train.py,line=5,title=[CRITICAL] Scaler fitted before the split::StandardScaler is fitted on all rows.%0A%0AImpact: Test statistics leak into training.%0A%0AFix: Split first, then fit on the training rows.',
    );
    expect(lines.at(-1)).toMatch(/^::notice title=review-agent%3A block::model-trainer: BLOCK: 1 CRITICAL/);
    const md = await readFile(summary, 'utf8');
    expect(md.startsWith('# earlier step\n## ⛔ review-agent · model-trainer: block')).toBe(true);
    expect(md).toContain('https://github.com/acme/ml/blob/abc123/src/ml/train.py#L5');
  });

  it('an unwritable GITHUB_STEP_SUMMARY is a runtime error naming the file', async () => {
    const { repo, server } = await setup([]);
    const run = io(repo, { OPENAI_API_KEY: 'sk-test-cli-000000000000', GITHUB_STEP_SUMMARY: path.join(repo, 'missing', 'dir', 'summary.md') });
    expect(await main(['model-trainer', 'src/ml', '--provider', 'openai', '--base-url', server.url, '--format', 'github', '-q'], run.cli)).toBe(3);
    expect(run.err()).toContain('cannot append the job summary to');
  });
});
