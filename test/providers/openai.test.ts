import { afterEach, describe, expect, it } from 'vitest';
import { createOpenAIProvider, type OpenAIProviderOptions } from '../../src/providers/openai.js';
import type { GenerateRequest } from '../../src/providers/types.js';
import { startOpenAIServer, type OpenAIServerOptions, type ScriptedServer, type ScriptEntry } from '../servers/index.js';
import { collect, request, texts } from './collect.js';

let server: ScriptedServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function setup(script: ScriptEntry[], options: OpenAIProviderOptions = {}, serverOptions: OpenAIServerOptions = {}) {
  server = await startOpenAIServer(script, serverOptions);
  const provider = createOpenAIProvider({ model: 'gpt-test', apiKey: 'sk-test', baseURL: server.url, env: {}, ...options });
  return { server, provider };
}

describe.each([true, false])('openai provider (stream: %s)', (stream) => {
  it('answers in text with usage, cached tokens counted apart', async () => {
    const { provider } = await setup([{ text: 'No leakage found.', usage: { input: 40, output: 5, cacheRead: 60 } }], { stream });
    const { events, finish } = await collect(provider, request());
    expect(texts(events)).toBe('No leakage found.');
    expect(finish.stopReason).toBe('end');
    expect(finish.rawStopReason).toBe('stop');
    expect(finish.message.content).toEqual([{ type: 'text', text: 'No leakage found.' }]);
    expect(finish.usage).toEqual({ inputTokens: 40, outputTokens: 5, cacheReadTokens: 60, cacheWriteTokens: 0 });
    expect(events.some((e) => e.type === 'warning')).toBe(false);
  });

  it('assembles parallel tool calls', async () => {
    const { provider } = await setup(
      [
        {
          toolCalls: [
            { id: 'call_a', name: 'Read', input: { path: 'data/prep.py' } },
            { id: 'call_b', name: 'Grep', input: { pattern: 'StandardScaler\\(\\)\\.fit' } },
          ],
        },
      ],
      { stream },
    );
    const { events, finish } = await collect(provider, request());
    expect(events.flatMap((e) => (e.type === 'tool-call' ? [e.call] : []))).toEqual([
      { type: 'toolCall', id: 'call_a', name: 'Read', input: { path: 'data/prep.py' } },
      { type: 'toolCall', id: 'call_b', name: 'Grep', input: { pattern: 'StandardScaler\\(\\)\\.fit' } },
    ]);
    expect(finish.stopReason).toBe('tool_use');
    expect(finish.rawStopReason).toBe('tool_calls');
  });
});

describe('openai provider: requests on the wire', () => {
  it('sends tools as functions, tool_choice, max_tokens and stream_options.include_usage', async () => {
    const { provider, server } = await setup([{ text: 'ok' }]);
    await collect(provider, request());
    const { body, headers, path } = server.requests[0]!;
    expect(path).toBe('/v1/chat/completions');
    expect(headers.authorization).toBe('Bearer sk-test');
    expect(body.model).toBe('gpt-test');
    expect(body.stream).toBe(true);
    expect(body.stream_options).toEqual({ include_usage: true });
    expect(body.max_tokens).toBe(1024);
    expect(body.max_completion_tokens).toBeUndefined();
    expect(body.tool_choice).toBe('auto');
    expect(body.tools[0]).toEqual({
      type: 'function',
      function: {
        name: 'Read',
        description: 'Read a file under the review root.',
        parameters: { type: 'object', properties: { path: { type: 'string' } }, required: ['path'] },
      },
    });
    expect(body.messages).toEqual([
      { role: 'system', content: 'You review ML training code.' },
      { role: 'user', content: 'Review train.py' },
    ]);
  });

  it('answers tool calls with role "tool" messages in the next request', async () => {
    const { provider, server } = await setup([
      { toolCalls: [{ id: 'call_1', name: 'Read', input: { path: 'a.py' } }, { id: 'call_2', name: 'Read', input: { path: 'b.py' } }] },
      { text: 'Done.' },
    ]);
    const first = await collect(provider, request());
    const messages: GenerateRequest['messages'] = [
      ...request().messages,
      first.finish.message,
      {
        role: 'user',
        content: [
          { type: 'toolResult', toolCallId: 'call_1', toolName: 'Read', content: '1\timport numpy', isError: false },
          { type: 'toolResult', toolCallId: 'call_2', toolName: 'Read', content: 'file not found: b.py', isError: true },
        ],
      },
    ];
    await collect(provider, request({ messages }));
    expect(server.requests[1]!.body.messages.slice(2)).toEqual([
      {
        role: 'assistant',
        content: null,
        tool_calls: [
          { id: 'call_1', type: 'function', function: { name: 'Read', arguments: '{"path":"a.py"}' } },
          { id: 'call_2', type: 'function', function: { name: 'Read', arguments: '{"path":"b.py"}' } },
        ],
      },
      { role: 'tool', tool_call_id: 'call_1', content: '1\timport numpy' },
      { role: 'tool', tool_call_id: 'call_2', content: 'Error: file not found: b.py' },
    ]);
  });

  it('uses max_completion_tokens for the official API', async () => {
    const { provider, server } = await setup([{ text: 'ok' }], { maxTokensField: 'max_completion_tokens' });
    await collect(provider, request());
    expect(server.requests[0]!.body.max_completion_tokens).toBe(1024);
    expect(server.requests[0]!.body.max_tokens).toBeUndefined();
  });

  it('sends unparseable arguments back exactly as received', async () => {
    const { provider, server } = await setup([{ toolCalls: [{ id: 'call_x', name: 'Read', rawInput: '{"path": "a.py"' }] }, { text: 'ok' }]);
    const first = await collect(provider, request());
    expect(first.finish.message.content).toEqual([{ type: 'toolCall', id: 'call_x', name: 'Read', input: { _raw: '{"path": "a.py"' } }]);
    await collect(provider, request({ messages: [...request().messages, first.finish.message] }));
    expect(server.requests[1]!.body.messages[2].tool_calls[0].function.arguments).toBe('{"path": "a.py"');
  });

  it('works keyless against a local base URL from the env option', async () => {
    server = await startOpenAIServer([{ text: 'ok' }]);
    const provider = createOpenAIProvider({ model: 'qwen2.5-coder:7b', env: { OPENAI_BASE_URL: server.url } });
    const { finish } = await collect(provider, request());
    expect(finish.stopReason).toBe('end');
    expect(server.requests[0]!.headers.authorization).toBe('Bearer sk-no-key-required');
  });

  it('reads OPENAI_API_KEY from the env option', async () => {
    server = await startOpenAIServer([{ text: 'ok' }]);
    const provider = createOpenAIProvider({ baseURL: server.url, env: { OPENAI_API_KEY: 'sk-env' } });
    await collect(provider, request());
    expect(server.requests[0]!.headers.authorization).toBe('Bearer sk-env');
  });

  it('fails with an actionable message when no key is set for the real API', async () => {
    const { finish } = await collect(createOpenAIProvider({ env: {} }), request());
    expect(finish.stopReason).toBe('error');
    expect(finish.error?.message).toMatch(/OPENAI_API_KEY is not set.*--base-url/);
  });
});

describe('openai provider: failures', () => {
  it('retries a 429 and then succeeds', async () => {
    const { provider, server } = await setup([{ status: 429, message: 'Rate limit reached', headers: { 'retry-after-ms': '20' } }, { text: 'ok' }], {
      maxRetries: 1,
    });
    const { finish } = await collect(provider, request());
    expect(finish.stopReason).toBe('end');
    expect(server.requests).toHaveLength(2);
  });

  it('gives up after maxRetries 500s with the status and a clear message', async () => {
    const error = { status: 500, message: 'The server had an error', headers: { 'retry-after-ms': '10' } };
    const { provider, server } = await setup([error, error, error, error], { maxRetries: 3 });
    const { finish } = await collect(provider, request());
    expect(server.requests).toHaveLength(4);
    expect(finish.error).toEqual({
      message: 'the OpenAI-compatible server returned a server error after 3 retries (500 The server had an error): try again later',
      status: 500,
      retryable: true,
    });
  });

  it('stops with aborted when the signal fires mid-stream', async () => {
    const { provider } = await setup([{ text: 'Looking at the data loader now', stallAfter: 3 }]);
    const controller = new AbortController();
    const events = [];
    for await (const event of provider.generate(request({ signal: controller.signal }))) {
      events.push(event);
      if (event.type === 'text-delta') controller.abort();
    }
    const finish = events[events.length - 1];
    expect(finish?.type === 'finish' && finish.stopReason).toBe('aborted');
    expect(finish?.type === 'finish' && finish.message.content).toEqual([{ type: 'text', text: 'Looking' }]);
  });
});
