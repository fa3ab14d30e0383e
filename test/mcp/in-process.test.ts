import { cp, mkdir, mkdtemp, realpath, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { afterEach, describe, expect, it } from 'vitest';
import { createReviewServer, type ReviewServerOptions } from '../../src/mcp/server.js';
import { toolNameFor } from '../../src/mcp/agents.js';
import type { GenerateRequest, Provider, ProviderEvent } from '../../src/providers/types.js';
import { Review } from '../../src/review/schema.js';

// The server in-process over the SDK's linked in-memory transports: settings that need a custom
// provider (cancellation) or a second configuration are cheaper to check here than over stdio.

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const clients: Client[] = [];

afterEach(async () => {
  for (const c of clients.splice(0)) await c.close();
});

async function connect(options: ReviewServerOptions): Promise<Client> {
  const server = await createReviewServer(options);
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await server.connect(serverSide);
  const client = new Client({ name: 'in-process', version: '1.0.0' });
  await client.connect(clientSide);
  clients.push(client);
  return client;
}

async function project(): Promise<string> {
  const dir = await realpath(await mkdtemp(path.join(os.tmpdir(), 'ra-mcp-in-')));
  await cp(path.join(repoRoot, 'examples', 'churn-leaky'), path.join(dir, 'churn'), { recursive: true });
  return dir;
}

describe('MCP server in-process', () => {
  it('names tools after agents', () => {
    expect(toolNameFor('model-trainer')).toBe('review_model_trainer');
    expect(toolNameFor('my.agent v2')).toBe('review_my_agent_v2');
    expect(toolNameFor('x'.repeat(100))).toHaveLength(64);
  });

  it('serves agents from the agentDirs of the config found in its folder', async () => {
    const dir = await project();
    await mkdir(path.join(dir, 'team-agents'));
    await writeFile(path.join(dir, 'team-agents', 'team.md'), '---\nname: team-check\ndescription: Team checks.\ntools: Read\n---\nReview.\n');
    await writeFile(path.join(dir, 'review-agent.config.yaml'), 'agentDirs: [team-agents]\n');
    const client = await connect({ cwd: dir, env: { HOME: dir } });
    const names = (await client.listTools()).tools.map((t) => t.name);
    expect(names).toContain('review_team_check');
  });

  it('server defaults apply to every call and tool arguments override them', async () => {
    const dir = await project();
    const client = await connect({ cwd: dir, env: { HOME: dir }, defaults: { provider: 'offline', maxTurns: 1 } });
    const limited = Review.parse((await client.callTool({ name: 'review_model_trainer', arguments: { path: 'churn' } })).structuredContent);
    expect(limited.status).toBe('incomplete');
    expect(limited.endReason).toBe('max-turns');
    const full = Review.parse((await client.callTool({ name: 'review_model_trainer', arguments: { path: 'churn', maxTurns: 40 } })).structuredContent);
    expect(full.status).toBe('complete');
  });

  it('cancelling the request aborts the running review', async () => {
    const dir = await project();
    let started!: () => void;
    const generating = new Promise<void>((resolve) => (started = resolve));
    let sawAbort!: () => void;
    const aborted = new Promise<void>((resolve) => (sawAbort = resolve));
    // A provider that waits until its request is aborted, as a slow model would.
    const waiting: Provider = {
      id: 'waiting',
      model: 'wait-1',
      async *generate(request: GenerateRequest): AsyncIterable<ProviderEvent> {
        started();
        await new Promise<void>((resolve) => request.signal?.addEventListener('abort', () => resolve(), { once: true }));
        sawAbort();
        yield { type: 'finish', message: { role: 'assistant', content: [] }, stopReason: 'aborted', usage: { inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0 } };
      },
    };
    const client = await connect({ cwd: dir, env: { HOME: dir }, defaults: { provider: waiting } });
    const controller = new AbortController();
    const call = client.callTool({ name: 'review_model_trainer', arguments: { path: 'churn' } }, undefined, { signal: controller.signal });
    await generating;
    controller.abort();
    await expect(call).rejects.toThrow();
    await aborted;
  });
});
