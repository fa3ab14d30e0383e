import { afterEach, describe, expect, it } from 'vitest';
import { createAnthropicProvider } from '../../src/providers/anthropic.js';
import type { GenerateRequest } from '../../src/providers/types.js';
import { startAnthropicServer, type ScriptedServer, type ScriptEntry } from '../servers/index.js';
import { collect, request, texts } from './collect.js';

let server: ScriptedServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function setup(script: ScriptEntry[], options: { stream?: boolean; maxRetries?: number } = {}) {
  server = await startAnthropicServer(script);
  const provider = createAnthropicProvider({ model: 'claude-test-1', apiKey: 'sk-ant-test', baseURL: server.url, env: {}, ...options });
  return { server, provider };
}

describe.each([true, false])('anthropic provider (stream: %s)', (stream) => {
  it('answers in text with usage', async () => {
    const { provider } = await setup([{ text: 'The split happens after scaling.', usage: { input: 50, output: 9 } }], { stream });
    const { events, finish } = await collect(provider, request());
    expect(texts(events)).toBe('The split happens after scaling.');
    expect(finish.stopReason).toBe('end');
    expect(finish.rawStopReason).toBe('end_turn');
    expect(finish.message).toEqual({ role: 'assistant', content: [{ type: 'text', text: 'The split happens after scaling.' }] });
    expect(finish.usage).toEqual({ inputTokens: 50, outputTokens: 9, cacheReadTokens: 0, cacheWriteTokens: 0 });
  });

  it('returns parallel tool calls with parsed input', async () => {
    const { provider } = await setup(
      [
        {
          text: 'Reading both files.',
          toolCalls: [
            { id: 'toolu_a', name: 'Read', input: { path: 'train.py' } },
            { id: 'toolu_b', name: 'Grep', input: { pattern: 'fit_transform\\(' } },
          ],
        },
      ],
      { stream },
    );
    const { events, finish } = await collect(provider, request());
    const calls = events.flatMap((e) => (e.type === 'tool-call' ? [e.call] : []));
    expect(calls).toEqual([
      { type: 'toolCall', id: 'toolu_a', name: 'Read', input: { path: 'train.py' } },
      { type: 'toolCall', id: 'toolu_b', name: 'Grep', input: { pattern: 'fit_transform\\(' } },
    ]);
    expect(finish.stopReason).toBe('tool_use');
    expect(finish.message.content.map((p) => p.type)).toEqual(['text', 'toolCall', 'toolCall']);
  });

  it('maps cache tokens into usage', async () => {
    const { provider } = await setup([{ text: 'ok', usage: { input: 12, output: 3, cacheRead: 4000, cacheWrite: 800 } }], { stream });
    const { finish } = await collect(provider, request());
    expect(finish.usage).toEqual({ inputTokens: 12, outputTokens: 3, cacheReadTokens: 4000, cacheWriteTokens: 800 });
  });
});

describe('anthropic provider: requests on the wire', () => {
  it('marks the last tool, the system prompt and the latest user turn with cache_control', async () => {
    const { provider, server } = await setup([{ text: 'ok' }]);
    await collect(provider, request());
    const body = server.requests[0]!.body;
    expect(body.model).toBe('claude-test-1');
    expect(body.stream).toBe(true);
    expect(body.max_tokens).toBe(1024);
    expect(body.system).toEqual([{ type: 'text', text: 'You review ML training code.', cache_control: { type: 'ephemeral' } }]);
    expect(body.tools.map((t: { name: string }) => t.name)).toEqual(['Read', 'Grep']);
    expect(body.tools[0].cache_control).toBeUndefined();
    expect(body.tools[1].cache_control).toEqual({ type: 'ephemeral' });
    expect(body.tools[0].input_schema).toEqual({ type: 'object', properties: { path: { type: 'string' } }, required: ['path'] });
    expect(body.tool_choice).toEqual({ type: 'auto' });
    expect(body.messages).toEqual([
      { role: 'user', content: [{ type: 'text', text: 'Review train.py', cache_control: { type: 'ephemeral' } }] },
    ]);
    // SDK 1.14 sends the API key as a bearer token.
    expect(server.requests[0]!.headers.authorization).toBe('Bearer sk-ant-test');
    expect(server.requests[0]!.headers['anthropic-version']).toBeTruthy();
    expect(server.requests[0]!.path).toBe('/v1/messages');
  });

  it('sends every tool result of a turn in one user message, errors flagged, cache on the latest turn only', async () => {
    const { provider, server } = await setup([
      { toolCalls: [{ id: 'toolu_1', name: 'Read', input: { path: 'a.py' } }, { id: 'toolu_2', name: 'Read', input: { path: 'b.py' } }] },
      { text: 'Done.' },
    ]);
    const first = await collect(provider, request());
    const messages: GenerateRequest['messages'] = [
      ...request().messages,
      first.finish.message,
      {
        role: 'user',
        content: [
          { type: 'toolResult', toolCallId: 'toolu_1', toolName: 'Read', content: '1\timport numpy', isError: false },
          { type: 'toolResult', toolCallId: 'toolu_2', toolName: 'Read', content: 'file not found: b.py', isError: true },
        ],
      },
    ];
    const second = await collect(provider, request({ messages }));
    expect(second.finish.stopReason).toBe('end');
    expect(server.requests[1]!.body.messages).toEqual([
      { role: 'user', content: [{ type: 'text', text: 'Review train.py' }] },
      {
        role: 'assistant',
        content: [
          { type: 'tool_use', id: 'toolu_1', name: 'Read', input: { path: 'a.py' } },
          { type: 'tool_use', id: 'toolu_2', name: 'Read', input: { path: 'b.py' } },
        ],
      },
      {
        role: 'user',
        content: [
          { type: 'tool_result', tool_use_id: 'toolu_1', content: '1\timport numpy' },
          { type: 'tool_result', tool_use_id: 'toolu_2', content: 'file not found: b.py', is_error: true, cache_control: { type: 'ephemeral' } },
        ],
      },
    ]);
  });

  it("sends tools with tool_choice none when the request allows no tools", async () => {
    const { provider, server } = await setup([{ text: 'final answer' }]);
    await collect(provider, request({ toolChoice: 'none' }));
    expect(server.requests[0]!.body.tool_choice).toEqual({ type: 'none' });
    expect(server.requests[0]!.body.tools).toHaveLength(2);
  });

  it('can switch prompt caching off', async () => {
    server = await startAnthropicServer([{ text: 'ok' }]);
    const provider = createAnthropicProvider({ apiKey: 'k', baseURL: server.url, promptCaching: false, env: {} });
    await collect(provider, request());
    expect(JSON.stringify(server.requests[0]!.body)).not.toContain('cache_control');
  });

  it('passes unparseable tool input through as _raw', async () => {
    const { provider } = await setup([{ toolCalls: [{ id: 'toolu_x', name: 'Read', rawInput: '{"path": "a.py"' }] }]);
    const { finish } = await collect(provider, request());
    expect(finish.message.content).toEqual([{ type: 'toolCall', id: 'toolu_x', name: 'Read', input: { _raw: '{"path": "a.py"' } }]);
  });

  it('reads the key and base URL from the env option', async () => {
    server = await startAnthropicServer([{ text: 'ok' }]);
    const provider = createAnthropicProvider({ env: { ANTHROPIC_API_KEY: 'from-env', ANTHROPIC_BASE_URL: server.url } });
    const { finish } = await collect(provider, request());
    expect(finish.stopReason).toBe('end');
    expect(server.requests[0]!.headers.authorization).toBe('Bearer from-env');
  });

  it('fails with an actionable message when no key is set for the real API', async () => {
    const provider = createAnthropicProvider({ env: {} });
    const { finish } = await collect(provider, request());
    expect(finish.stopReason).toBe('error');
    expect(finish.error?.message).toMatch(/ANTHROPIC_API_KEY is not set/);
    expect(finish.error?.retryable).toBe(false);
  });
});

describe('anthropic provider: failures', () => {
  it('retries a 429 and then succeeds', async () => {
    const { provider, server } = await setup([{ status: 429, message: 'Number of requests has exceeded your rate limit' }, { text: 'ok' }], {
      maxRetries: 2,
    });
    const { finish } = await collect(provider, request());
    expect(finish.stopReason).toBe('end');
    expect(server.requests).toHaveLength(2);
  });

  it('retries 529 overloaded', async () => {
    const { provider, server } = await setup([{ status: 529, message: 'Overloaded' }, { text: 'ok' }], { maxRetries: 1 });
    const { finish } = await collect(provider, request());
    expect(finish.stopReason).toBe('end');
    expect(server.requests).toHaveLength(2);
  });

  it('gives up after maxRetries 500s with the status and a clear message', async () => {
    const error = { status: 500, message: 'Internal server error', headers: { 'retry-after-ms': '10' } };
    const { provider, server } = await setup([error, error, error, { text: 'never reached' }], { maxRetries: 2 });
    const { finish } = await collect(provider, request());
    expect(server.requests).toHaveLength(3);
    expect(finish.stopReason).toBe('error');
    expect(finish.error).toEqual({
      message: 'Anthropic returned a server error after 2 retries (500 Internal server error): try again later',
      status: 500,
      retryable: true,
    });
  });

  it('does not retry a 400 and names the server message', async () => {
    const { provider, server } = await setup([{ status: 400, message: 'max_tokens: must be positive' }, { text: 'x' }]);
    const { finish } = await collect(provider, request());
    expect(server.requests).toHaveLength(1);
    expect(finish.error).toEqual({ message: 'Anthropic rejected the request (400 max_tokens: must be positive)', status: 400, retryable: false });
  });

  it('names the key variable on 401', async () => {
    const { provider } = await setup([{ status: 401, message: 'invalid x-api-key' }]);
    const { finish } = await collect(provider, request());
    expect(finish.error?.message).toMatch(/rejected the credentials \(401 invalid x-api-key\).*check ANTHROPIC_API_KEY/);
  });

  it('retries an overloaded error event that arrives before any content', async () => {
    const { provider, server } = await setup([{ text: 'late', streamError: { after: 1, message: 'Overloaded' } }, { text: 'ok' }], {
      maxRetries: 1,
    });
    const { finish, events } = await collect(provider, request());
    expect(server.requests).toHaveLength(2);
    expect(texts(events)).toBe('ok');
    expect(finish.stopReason).toBe('end');
  });

  it('keeps partial text when the stream fails after content', async () => {
    const { provider, server } = await setup([{ text: 'Partial answer here', streamError: { after: 5, message: 'Overloaded' } }, { text: 'x' }]);
    const { finish } = await collect(provider, request());
    expect(server.requests).toHaveLength(1);
    expect(finish.stopReason).toBe('error');
    expect(finish.error?.message).toBe('Anthropic stream failed (overloaded_error: Overloaded): try again later');
    expect(finish.error?.retryable).toBe(true);
    // message_start, ping, block start and two deltas went out before the error event.
    expect(finish.message.content).toEqual([{ type: 'text', text: 'Partial answer' }]);
  });

  it('reports an unreachable server', async () => {
    // A port that was just free: start a server, note its URL, close it.
    const gone = await startAnthropicServer([]);
    await gone.close();
    const provider = createAnthropicProvider({ apiKey: 'k', baseURL: gone.url, maxRetries: 0, env: {} });
    const { finish } = await collect(provider, request());
    expect(finish.stopReason).toBe('error');
    expect(finish.error?.retryable).toBe(true);
    expect(finish.error?.message.startsWith(`could not reach Anthropic at ${gone.url} (Connection error.`)).toBe(true);
    expect(finish.error?.message).toMatch(/is the server running and the base URL right \(--base-url\)\?$/);
  });

  it('stops with aborted when the signal fires mid-stream, keeping what arrived', async () => {
    const { provider } = await setup([{ text: 'First words, then silence', stallAfter: 5 }]);
    const controller = new AbortController();
    const events = [];
    for await (const event of provider.generate(request({ signal: controller.signal }))) {
      events.push(event);
      if (event.type === 'text-delta') controller.abort();
    }
    const finish = events[events.length - 1];
    expect(finish?.type).toBe('finish');
    if (finish?.type !== 'finish') return;
    expect(finish.stopReason).toBe('aborted');
    expect(finish.message.content).toEqual([{ type: 'text', text: 'First w' }]);
  });

  it('stops with aborted when the signal fired before the request', async () => {
    const { provider, server } = await setup([{ text: 'x' }]);
    const controller = new AbortController();
    controller.abort();
    const { finish } = await collect(provider, request({ signal: controller.signal }));
    expect(finish.stopReason).toBe('aborted');
    expect(server.requests).toHaveLength(0);
  });
});
