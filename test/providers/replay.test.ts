import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isReviewAgentError } from '../../src/errors.js';
import { createAnthropicProvider } from '../../src/providers/anthropic.js';
import { hashRequest, normalizeRequest, readCassette, type Cassette } from '../../src/providers/cassette.js';
import { createReplayProvider, recordingProvider } from '../../src/providers/replay.js';
import { diffRequests } from '../../src/providers/request-diff.js';
import type { GenerateRequest, Message } from '../../src/providers/types.js';
import { startAnthropicServer, type ScriptedServer } from '../servers/index.js';
import { collect, request } from './collect.js';

let dir: string;
let server: ScriptedServer | undefined;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'replay-test-'));
});
afterEach(async () => {
  await server?.close();
  server = undefined;
  rmSync(dir, { recursive: true, force: true });
});

function withResult(first: Message): GenerateRequest['messages'] {
  return [
    ...request().messages,
    first,
    { role: 'user', content: [{ type: 'toolResult', toolCallId: 'toolu_1', toolName: 'Read', content: '1\tx = 1', isError: false }] },
  ];
}

/** Records a two-turn conversation against the loopback Anthropic server. */
async function record(path: string) {
  server = await startAnthropicServer([
    { text: 'Reading.', toolCalls: [{ id: 'toolu_1', name: 'Read', input: { path: 'train.py' } }], usage: { input: 30, output: 8, cacheWrite: 500 } },
    { text: 'No issues.', usage: { input: 5, output: 4, cacheRead: 500 } },
  ]);
  const provider = recordingProvider(createAnthropicProvider({ model: 'claude-rec', apiKey: 'k', baseURL: server.url, env: {} }), path);
  const first = await collect(provider, request());
  const second = await collect(provider, request({ messages: withResult(first.finish.message) }));
  return { first, second };
}

describe('recording and replay', () => {
  it('plays back exactly what was recorded, without any server', async () => {
    const path = join(dir, 'cassette.json');
    const live = await record(path);
    await server?.close();
    server = undefined;

    const cassette = readCassette(path);
    expect(cassette.provider).toBe('anthropic');
    expect(cassette.model).toBe('claude-rec');
    expect(cassette.contextWindow).toBe(200_000);
    expect(cassette.entries).toHaveLength(2);
    expect(cassette.entries[0]!.request.toolChoice).toBe('auto');
    expect(cassette.entries[0]!.events.map((e) => e.type)).toEqual(['text-delta', 'tool-call', 'finish']);
    expect(JSON.stringify(cassette)).not.toContain('signal');

    const replay = createReplayProvider(path, { strict: true });
    expect(replay.id).toBe('replay');
    expect(replay.model).toBe('claude-rec');
    const first = await collect(replay, request());
    expect(first.finish).toEqual(live.first.finish);
    expect(first.events.filter((e) => e.type === 'tool-call')).toEqual(live.first.events.filter((e) => e.type === 'tool-call'));
    const second = await collect(replay, request({ messages: withResult(first.finish.message) }));
    expect(second.finish).toEqual(live.second.finish);
    expect(second.finish.usage).toEqual({ inputTokens: 5, outputTokens: 4, cacheReadTokens: 500, cacheWriteTokens: 0 });
  });

  it('fails a changed system prompt with a message saying what changed', async () => {
    const path = join(dir, 'cassette.json');
    await record(path);
    const replay = createReplayProvider(path, { strict: true });
    const { finish } = await collect(replay, request({ system: 'You review ML training code carefully.' }));
    expect(finish.stopReason).toBe('error');
    expect(finish.error?.retryable).toBe(false);
    expect(finish.error?.message).toBe(
      `replay: request 1 does not match ${path}: the system prompt differs from the recording (agent prompt changed since recording?); ` +
        'first difference at character 28: recorded "…iew ML training code.", now "…iew ML training code carefully."' +
        ': re-record with --record',
    );
  });

  it('names a changed tool result in the second request', async () => {
    const path = join(dir, 'cassette.json');
    await record(path);
    const replay = createReplayProvider(path);
    const first = await collect(replay, request());
    const messages = withResult(first.finish.message);
    const last = messages[2]!;
    if (last.content[0]?.type === 'toolResult') last.content[0].content = '1\tx = 2';
    const { finish } = await collect(replay, request({ messages }));
    expect(finish.error?.message).toMatch(
      /request 2 does not match .*: message 3 \(user\) differs from the recording: the result of Read \(toolu_1\) changed \(reviewed files or the tool changed since recording\?\)/,
    );
  });

  it('fails a request beyond the end of the recording', async () => {
    const path = join(dir, 'cassette.json');
    await record(path);
    const replay = createReplayProvider(path);
    const first = await collect(replay, request());
    await collect(replay, request({ messages: withResult(first.finish.message) }));
    const { finish } = await collect(replay, request());
    expect(finish.error?.message).toMatch(/request 3 has no recorded answer: .* holds 2 requests.*re-record with --record/);
  });

  it('in lenient mode plays the next answer with a warning, or a later matching one', async () => {
    const path = join(dir, 'cassette.json');
    const live = await record(path);
    const lenient = createReplayProvider(path, { strict: false });
    const changed = await collect(lenient, request({ maxTokens: 99 }));
    expect(changed.events[0]).toMatchObject({ type: 'warning' });
    expect(changed.events[0]?.type === 'warning' && changed.events[0].message).toMatch(/maxTokens differs from the recording: recorded 1024, now 99/);
    expect(changed.finish).toEqual(live.first.finish);

    const skipping = createReplayProvider(path, { strict: false });
    const second = await collect(skipping, request({ messages: withResult(live.first.finish.message) }));
    expect(second.events.some((e) => e.type === 'warning')).toBe(false);
    expect(second.finish).toEqual(live.second.finish);
  });

  it('applies a normalizer so volatile paths do not break matching', async () => {
    const path = join(dir, 'cassette.json');
    server = await startAnthropicServer([{ text: 'ok' }]);
    const normalize = (r: ReturnType<typeof normalizeRequest>) => ({ ...r, system: r.system.replace(/\/tmp\/run-\d+/g, '<root>') });
    const rec = recordingProvider(createAnthropicProvider({ apiKey: 'k', baseURL: server.url, env: {} }), path, { normalize });
    await collect(rec, request({ system: 'Review root: /tmp/run-123' }));
    expect(readCassette(path).entries[0]!.request.system).toBe('Review root: <root>');
    const replay = createReplayProvider(path, { normalize });
    const { finish } = await collect(replay, request({ system: 'Review root: /tmp/run-456' }));
    expect(finish.stopReason).toBe('end');
  });

  it('hashes requests independently of key order and signal', () => {
    const a = normalizeRequest({ ...request(), signal: new AbortController().signal });
    const reordered = JSON.parse(JSON.stringify({ toolChoice: 'auto', maxTokens: 1024, tools: a.tools, messages: a.messages, system: a.system }));
    expect(hashRequest(reordered)).toBe(hashRequest(a));
    expect(hashRequest(normalizeRequest(request({ maxTokens: 1 })))).not.toBe(hashRequest(a));
  });

  it('reports unreadable and malformed recordings with the file and field', () => {
    const missing = join(dir, 'missing.json');
    expect(() => createReplayProvider(missing)).toThrowError(/cannot read the recording/);
    const bad = join(dir, 'bad.json');
    const cassette: Cassette = { version: 1, provider: 'x', model: 'm', entries: [] };
    writeFileSync(bad, JSON.stringify({ ...cassette, entries: [{ requestHash: 'h', request: normalizeRequest(request()), events: [] }] }));
    try {
      createReplayProvider(bad);
      expect.unreachable();
    } catch (error) {
      expect(isReviewAgentError(error)).toBe(true);
      if (!isReviewAgentError(error)) return;
      expect(error.file).toBe(bad);
      expect(error.field).toBe('entries.0.events');
      expect(error.message).toBe('the recording is malformed: must end with a finish event');
    }
  });

  it('replays an aborted request as aborted', async () => {
    const path = join(dir, 'cassette.json');
    await record(path);
    const controller = new AbortController();
    controller.abort();
    const { finish } = await collect(createReplayProvider(path), request({ signal: controller.signal }));
    expect(finish.stopReason).toBe('aborted');
    expect(readFileSync(path, 'utf8').endsWith('\n')).toBe(true);
  });
});

describe('diffRequests', () => {
  const base = normalizeRequest(request());

  it('returns undefined for equal requests', () => {
    expect(diffRequests(base, normalizeRequest(request()))).toBeUndefined();
  });

  it('names removed tools', () => {
    const current = normalizeRequest(request({ tools: request().tools.slice(0, 1) }));
    expect(diffRequests(base, current)).toEqual({
      part: 'tools',
      message: 'the tools offered differ from the recording (agent tools: changed since recording?): recorded [Read, Grep], now [Read]',
    });
  });

  it('names a changed tool schema', () => {
    const tools = request().tools.map((t) => (t.name === 'Grep' ? { ...t, inputSchema: { type: 'object', properties: {} } } : t));
    expect(diffRequests(base, normalizeRequest(request({ tools })))?.message).toMatch(/^the input schema of tool Grep differs/);
  });

  it('names a longer conversation', () => {
    const messages: Message[] = [...request().messages, { role: 'assistant', content: [{ type: 'text', text: 'hi' }] }];
    expect(diffRequests(base, normalizeRequest(request({ messages })))).toEqual({
      part: 'messages',
      message: 'the conversation has 2 messages where the recording has 1 (the run took a different path)',
    });
  });

  it('names a changed toolChoice', () => {
    expect(diffRequests(base, normalizeRequest(request({ toolChoice: 'none' })))?.part).toBe('toolChoice');
  });
});
