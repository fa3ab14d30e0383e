// The loop driven by the real @anthropic-ai/sdk and openai clients against loopback servers that
// speak each vendor's wire format: what the servers received is asserted as well as the review.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadAgentFile } from '../../src/agent/loader.js';
import { main } from '../../src/cli/main.js';
import type { CliIO } from '../../src/cli/io.js';
import { runReview } from '../../src/loop/review.js';
import { createAnthropicProvider } from '../../src/providers/anthropic.js';
import { createOpenAIProvider } from '../../src/providers/openai.js';
import { startAnthropicServer, startOpenAIServer, type ScriptedServer } from '../servers/index.js';
import { LEAK_FINDING, makeLeakyRepo } from '../helpers/leaky-repo.js';

const seed = path.resolve(__dirname, '../../../shared/seeds/model-trainer.md');
const servers: ScriptedServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

describe.each([true, false])('anthropic, stream=%s', (stream) => {
  it('runs a multi-turn review with parallel tool calls, caching and well-formed tool results', async () => {
    const server = await startAnthropicServer([
      { toolCalls: [{ name: 'Glob', input: { pattern: '**/*.py' } }, { name: 'Read', input: { file_path: 'train.py' } }], usage: { input: 1200, output: 60, cacheWrite: 900 } },
      { toolCalls: [{ name: 'report_finding', input: LEAK_FINDING }], usage: { input: 300, output: 80, cacheRead: 900 } },
      { toolCalls: [{ name: 'submit_review', input: { verdict: 'block', summary: 'Leak found.', findings: [LEAK_FINDING] } }] },
    ]);
    servers.push(server);
    const agent = await loadAgentFile(seed);
    const provider = createAnthropicProvider({ model: 'claude-test', baseURL: server.url, apiKey: 'sk-ant-test-key-123456', stream, env: {} });
    const review = await runReview({ agent, root: await makeLeakyRepo(), provider });

    expect(review.status).toBe('complete');
    expect(review.verdict).toBe('block');
    expect(review.findings.map((f) => f.verification?.status)).toEqual(['verified']);
    expect(review.usage.cacheReadTokens).toBe(900);
    expect(review.usage.cacheWriteTokens).toBe(900);

    const [first, second] = server.requests.map((r) => r.body);
    expect(first.tools.map((t: { name: string }) => t.name)).toEqual(['Read', 'Grep', 'Glob', 'Bash', 'report_finding', 'submit_review']);
    expect(first.tools.at(-1).cache_control).toEqual({ type: 'ephemeral' });
    expect(JSON.stringify(first.system)).toContain('cache_control');
    expect(JSON.stringify(first.system)).toContain('expert ML engineer');
    // All results of the parallel calls in one user message, matching the tool_use ids.
    const results = second.messages.at(-1);
    expect(results.role).toBe('user');
    const blocks = results.content.filter((b: { type: string }) => b.type === 'tool_result');
    expect(blocks).toHaveLength(2);
    const uses = second.messages.at(-2).content.filter((b: { type: string }) => b.type === 'tool_use');
    expect(blocks.map((b: { tool_use_id: string }) => b.tool_use_id)).toEqual(uses.map((u: { id: string }) => u.id));
    expect(JSON.stringify(blocks[1])).toContain('StandardScaler().fit_transform(X)');
  });
});

describe('openai-compatible local server', () => {
  it('handles tool calls written as JSON text, then a markdown answer', async () => {
    const server = await startOpenAIServer([
      { text: '{"name": "Read", "arguments": {"file_path": "train.py"}}' },
      {
        text: `[CRITICAL] Scaler fitted before the split\nFile: train.py:7\nIssue: fitted on all rows\nImpact: optimistic score\nFix: split first\n\nCurrent:\nX = StandardScaler().fit_transform(X)\n\n❌ Block`,
      },
    ]);
    servers.push(server);
    const agent = await loadAgentFile(seed);
    const provider = createOpenAIProvider({ model: 'qwen-local', baseURL: server.url, env: {} });
    const review = await runReview({ agent, root: await makeLeakyRepo(), provider });
    expect(review.status).toBe('complete');
    expect(review.findings).toHaveLength(1);
    expect(review.findings[0]!.verification?.status).toBe('verified');
    const second = server.requests[1]!.body;
    const toolMessage = second.messages.find((m: { role: string }) => m.role === 'tool');
    expect(toolMessage.content).toContain('StandardScaler');
  });
});

function captureIO(env: NodeJS.ProcessEnv): CliIO & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (t) => out.push(t), stderr: (t) => err.push(t), stdoutIsTTY: false, stderrIsTTY: false, env, cwd: process.cwd() };
}

describe('CLI against a failing server', () => {
  it('exits 3 with a clear reason when 500s outlast the retries', async () => {
    const server = await startAnthropicServer(Array.from({ length: 6 }, () => ({ status: 500, message: 'internal error' })));
    servers.push(server);
    const io = captureIO({ ANTHROPIC_API_KEY: 'sk-ant-test-key-123456', ANTHROPIC_BASE_URL: server.url });
    const code = await main(['model-trainer', await makeLeakyRepo(), '--format', 'json'], io);
    expect(code).toBe(3);
    expect(io.err.join('')).toMatch(/provider error: .*500/);
    const review = JSON.parse(io.out.join(''));
    expect(review.status).toBe('incomplete');
    expect(server.requests.length).toBeGreaterThan(1);
  });

  it('recovers from a 429 and completes', async () => {
    const server = await startAnthropicServer([
      { status: 429, message: 'rate limited', headers: { 'retry-after': '0' } },
      { toolCalls: [{ name: 'submit_review', input: { summary: 'Fine.', findings: [] } }] },
    ]);
    servers.push(server);
    const io = captureIO({ ANTHROPIC_API_KEY: 'sk-ant-test-key-123456', ANTHROPIC_BASE_URL: server.url });
    const code = await main(['model-trainer', await makeLeakyRepo(), '--format', 'json'], io);
    expect(code).toBe(0);
    expect(JSON.parse(io.out.join('')).verdict).toBe('approve');
    expect(io.err.join('')).toMatch(/using the anthropic provider: ANTHROPIC_API_KEY is set/);
  });
});

describe('CLI recording, replay, events and transcript', () => {
  it('records a run, replays it with no server, and redacts the API key from the transcript', async () => {
    const key = 'sk-ant-secret-key-0123456789abcdef';
    const server = await startAnthropicServer([
      { toolCalls: [{ name: 'Read', input: { file_path: 'train.py' } }] },
      { toolCalls: [{ name: 'submit_review', input: { summary: 'One leak.', findings: [LEAK_FINDING] } }] },
    ]);
    servers.push(server);
    const dir = await mkdtemp(path.join(os.tmpdir(), 'ra-record-'));
    const root = await makeLeakyRepo();
    const cassette = path.join(dir, 'run.json');
    const events = path.join(dir, 'events.jsonl');
    const transcript = path.join(dir, 'transcript.jsonl');
    // The key also appears in the reviewed code, as secrets in the wild do.
    await writeFile(path.join(root, 'config.py'), `API_KEY = "${key}"\n`);

    const recorded = captureIO({ ANTHROPIC_API_KEY: key, ANTHROPIC_BASE_URL: server.url });
    const args = ['model-trainer', root, '--format', 'json', '--record', cassette, '--events', events, '--transcript', transcript];
    expect(await main(args, recorded)).toBe(1);
    const first = JSON.parse(recorded.out.join(''));
    expect(first.findings).toHaveLength(1);
    expect(server.requests).toHaveLength(2);
    await server.close();

    const replayed = captureIO({});
    expect(await main(['model-trainer', root, '--format', 'json', '--provider', 'replay', '--cassette', cassette], replayed)).toBe(1);
    const second = JSON.parse(replayed.out.join(''));
    expect(second.findings).toEqual(first.findings);
    expect(second.provider).toBe('replay');

    const eventLines = (await readFile(events, 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as { type: string });
    expect(eventLines[0]!.type).toBe('run-start');
    expect(eventLines.at(-1)!.type).toBe('run-end');
    expect(eventLines.map((e) => e.type)).toContain('tool-call');
    const transcriptText = await readFile(transcript, 'utf8');
    expect(transcriptText).toContain('StandardScaler().fit_transform(X)');
    expect(transcriptText).not.toContain(key);
  });

  it('replay says what changed when the agent prompt differs from the recording', async () => {
    const server = await startAnthropicServer([{ toolCalls: [{ name: 'submit_review', input: { summary: 'Fine.', findings: [] } }] }]);
    servers.push(server);
    const dir = await mkdtemp(path.join(os.tmpdir(), 'ra-replay-'));
    const cassette = path.join(dir, 'run.json');
    const root = await makeLeakyRepo();
    const agentFile = path.join(dir, 'agent.md');
    await writeFile(agentFile, '---\nname: a\ndescription: d\ntools: Read\n---\nReview carefully.\n');
    expect(await main([agentFile, root, '--record', cassette, '-q'], captureIO({ ANTHROPIC_API_KEY: 'k', ANTHROPIC_BASE_URL: server.url }))).toBe(0);
    await writeFile(agentFile, '---\nname: a\ndescription: d\ntools: Read\n---\nReview very carefully.\n');
    const io = captureIO({});
    expect(await main([agentFile, root, '--provider', 'replay', '--cassette', cassette, '--format', 'json'], io)).toBe(3);
    expect(io.err.join('')).toMatch(/system prompt/);
  });
});
