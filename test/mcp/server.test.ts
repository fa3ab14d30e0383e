import { cp, mkdir, mkdtemp, realpath, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Review } from '../../src/review/schema.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const cliEntry = path.join(repoRoot, 'test', 'helpers', 'cli-entry.ts');
// An absolute loader URL: the server runs in a temp folder where `tsx` would not resolve.
const tsxLoader = pathToFileURL(path.join(repoRoot, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;

const PROJECT_AGENT = `---
name: house-style
description: Checks the team's house style.
tools: Read
---
You review code for house style.
`;

let project: string;
let client: Client;
let transport: StdioClientTransport;
const stderr: string[] = [];

beforeAll(async () => {
  project = await realpath(await mkdtemp(path.join(os.tmpdir(), 'ra-mcp-')));
  await cp(path.join(repoRoot, 'examples', 'churn-leaky'), path.join(project, 'churn'), { recursive: true });
  await mkdir(path.join(project, '.claude', 'agents'), { recursive: true });
  await writeFile(path.join(project, '.claude', 'agents', 'house-style.md'), PROJECT_AGENT);
  await writeFile(path.join(project, '.claude', 'agents', 'broken.md'), '---\nname: broken\n---\n');

  transport = new StdioClientTransport({
    command: process.execPath,
    args: ['--import', tsxLoader, cliEntry, 'mcp', '--provider', 'offline'],
    cwd: project,
    // Only the SDK's safe defaults (PATH, HOME, ...) plus a home without user agents: no API keys.
    env: { HOME: project },
    stderr: 'pipe',
  });
  transport.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
  client = new Client({ name: 'review-agent-test', version: '1.0.0' });
  await client.connect(transport);
});

afterAll(async () => {
  await client?.close();
});

describe('review-agent mcp over stdio', () => {
  it('offers one review tool per available agent, plus list_agents', async () => {
    const { tools } = await client.listTools();
    const names = tools.map((t) => t.name).sort();
    expect(names).toEqual(['list_agents', 'review_house_style', 'review_model_trainer']);
    const trainer = tools.find((t) => t.name === 'review_model_trainer')!;
    expect(trainer.description).toContain('data leakage');
    expect(trainer.inputSchema.required).toEqual(['path']);
    expect(Object.keys(trainer.inputSchema.properties ?? {}).sort()).toEqual(['focus', 'maxCostUsd', 'maxTurns', 'model', 'path', 'provider', 'strict', 'timeoutSeconds']);
    expect(trainer.outputSchema?.properties).toHaveProperty('findings');
    expect(trainer.annotations?.readOnlyHint).toBe(true);
  });

  it('lists agents as a tool and as a resource, broken files included', async () => {
    const listed = await client.callTool({ name: 'list_agents', arguments: {} });
    const agents = (listed.structuredContent as { agents: { name: string; tool?: string; source: string; problems: string[] }[] }).agents;
    expect(agents.find((a) => a.name === 'model-trainer')).toMatchObject({ tool: 'review_model_trainer', source: 'builtin' });
    expect(agents.find((a) => a.name === 'house-style')).toMatchObject({ tool: 'review_house_style', source: 'project' });
    const broken = agents.find((a) => a.name === '(invalid)');
    expect(broken?.tool).toBeUndefined();
    expect(broken?.problems[0]).toMatch(/description/);
    expect((listed.content as { text: string }[])[0]!.text).toContain('- model-trainer (builtin, tool review_model_trainer)');

    const resource = await client.readResource({ uri: 'review-agent://agents' });
    const fromResource = JSON.parse((resource.contents[0] as { text: string }).text) as { agents: unknown[] };
    expect(fromResource.agents).toEqual(agents);
  });

  it('reviews a fixture repo with the offline provider: markdown text, structured review, progress', async () => {
    const progress: string[] = [];
    // The order on the wire is what the server controls. (The SDK client dispatches notifications a
    // microtask later than responses, so onprogress can miss a notification that shares a read with
    // the result; the wire record cannot.)
    const wire: string[] = [];
    const dispatch = transport.onmessage!;
    const record: typeof dispatch = (message, ...rest) => {
      const m = message as { method?: string; params?: { message?: string }; result?: unknown };
      if (m.method === 'notifications/progress') wire.push(m.params?.message ?? '');
      else if (m.result !== undefined) wire.push('<result>');
      dispatch(message, ...rest);
    };
    transport.onmessage = record;
    const result = await client
      .callTool({ name: 'review_model_trainer', arguments: { path: 'churn' } }, undefined, {
        onprogress: (p) => progress.push(p.message ?? ''),
      })
      .finally(() => {
        transport.onmessage = dispatch;
      });
    expect(result.isError).toBeFalsy();
    const review = Review.parse(result.structuredContent);
    expect(review.agent).toBe('model-trainer');
    expect(review.provider).toBe('offline');
    expect(review.status).toBe('complete');
    expect(review.verdict).toBe('block');
    expect(review.findings.some((f) => f.severity === 'CRITICAL' && f.file === 'train.py')).toBe(true);
    const text = (result.content as { type: string; text: string }[])[0]!;
    expect(text.type).toBe('text');
    expect(text.text).toContain('[CRITICAL]');
    expect(progress[0]).toMatch(/^model-trainer on offline:/);
    expect(progress.some((m) => /^turn \d+: (Read|Glob|Grep)/.test(m))).toBe(true);
    // Every notification, the last one ("done") included, went out before the result.
    expect(wire.at(-1)).toBe('<result>');
    expect(wire.at(-2)).toMatch(/^done: block, \d+ finding\(s\)$/);
  });

  it('reviews one file given by absolute path, honouring focus', async () => {
    const result = await client.callTool({ name: 'review_model_trainer', arguments: { path: path.join(project, 'churn', 'train.py') } });
    const review = Review.parse(result.structuredContent);
    expect(review.findings.every((f) => !f.file.startsWith('..'))).toBe(true);
    expect(review.findings.length).toBeGreaterThan(0);
  });

  it('answers bad input with a tool error the host can show', async () => {
    const missing = await client.callTool({ name: 'review_model_trainer', arguments: { path: 'no/such/folder' } });
    expect(missing.isError).toBe(true);
    expect((missing.content as { text: string }[])[0]!.text).toContain('nothing to review at no/such/folder');

    const badProvider = await client.callTool({ name: 'review_model_trainer', arguments: { path: 'churn', provider: 'nope' } });
    expect(badProvider.isError).toBe(true);
    expect((badProvider.content as { text: string }[])[0]!.text).toContain('unknown provider "nope"');

    // Schema violations are rejected before anything runs.
    const invalid = await client.callTool({ name: 'review_model_trainer', arguments: { path: 'churn', maxTurns: -1 } });
    expect(invalid.isError).toBe(true);
  });

  it('keeps stdout for the protocol and logs to stderr', () => {
    expect(stderr.join('')).toContain('review-agent mcp: serving review_house_style, review_model_trainer');
  });
});
