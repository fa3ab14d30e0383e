import { afterEach, describe, expect, it } from 'vitest';
import { createOpenAIProvider } from '../../src/providers/openai.js';
import { startOpenAIServer, type OpenAIServerOptions, type ScriptedServer, type ScriptEntry } from '../servers/index.js';
import { collect, request, texts } from './collect.js';

let server: ScriptedServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function setup(script: ScriptEntry[], serverOptions: OpenAIServerOptions = {}, stream = true) {
  server = await startOpenAIServer(script, serverOptions);
  const provider = createOpenAIProvider({ model: 'local-model', baseURL: server.url, env: {}, stream, maxRetries: 0 });
  return { server, provider };
}

describe('openai provider against misbehaving local servers', () => {
  it('tolerates chunks with choices: null', async () => {
    const { provider } = await setup([{ text: 'All good.', usage: { input: 10, output: 3 } }], { quirks: { choicesNull: true } });
    const { events, finish } = await collect(provider, request());
    expect(texts(events)).toBe('All good.');
    expect(finish.stopReason).toBe('end');
    expect(finish.usage.inputTokens).toBe(10);
  });

  it.each([true, false])('counts missing usage as zero with a warning (stream: %s)', async (stream) => {
    const { provider } = await setup([{ text: 'ok' }], { quirks: { omitUsage: true } }, stream);
    const { events, finish } = await collect(provider, request());
    expect(finish.stopReason).toBe('end');
    expect(finish.usage).toEqual({ inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0 });
    const warnings = events.flatMap((e) => (e.type === 'warning' ? [e.message] : []));
    expect(warnings).toEqual(['the server reported no token usage for this turn; token counts and cost limits count it as zero']);
  });

  it('retries once without tool_choice when the server rejects it, and remembers', async () => {
    const { provider, server } = await setup(
      [{ toolCalls: [{ id: 'c1', name: 'Read', input: { path: 'a.py' } }] }, { text: 'second turn' }],
      { quirks: { rejectToolChoice: true } },
    );
    const first = await collect(provider, request());
    expect(first.finish.stopReason).toBe('tool_use');
    expect(first.events[0]).toEqual({
      type: 'warning',
      message:
        'the OpenAI-compatible server rejected the request (400 "auto" tool choice requires --enable-auto-tool-choice and --tool-call-parser to be set); retrying without tool_choice',
    });
    expect(server.requests.map((r) => r.body.tool_choice)).toEqual(['auto', undefined]);
    expect(server.requests[1]!.body.tools).toHaveLength(2);

    const second = await collect(provider, request());
    expect(second.finish.stopReason).toBe('end');
    expect(server.requests).toHaveLength(3);
    expect(server.requests[2]!.body.tool_choice).toBeUndefined();
    expect(second.events.some((e) => e.type === 'warning')).toBe(false);
  });

  it('drops the tools too when the turn allows none and tool_choice is unsupported', async () => {
    const { provider, server } = await setup([{ text: 'final' }], { quirks: { rejectToolChoice: 'Unsupported parameter: tool_choice' } });
    const { finish, events } = await collect(provider, request({ toolChoice: 'none' }));
    expect(finish.stopReason).toBe('end');
    expect(server.requests[0]!.body.tool_choice).toBe('none');
    expect(server.requests[1]!.body.tools).toBeUndefined();
    expect(server.requests[1]!.body.tool_choice).toBeUndefined();
    expect(events[0]?.type === 'warning' && events[0].message).toMatch(/without tools, since this turn allows none/);
  });

  it('does not retry other 400s', async () => {
    const { provider, server } = await setup([{ status: 400, message: 'context length exceeded' }, { text: 'x' }]);
    const { finish } = await collect(provider, request());
    expect(server.requests).toHaveLength(1);
    expect(finish.error).toEqual({
      message: 'the OpenAI-compatible server rejected the request (400 context length exceeded)',
      status: 400,
      retryable: false,
    });
  });

  it('assembles tool-call deltas that carry no index', async () => {
    const { provider } = await setup(
      [{ toolCalls: [{ id: 'x1', name: 'Read', input: { path: 'a.py' } }, { id: 'x2', name: 'Grep', input: { pattern: 'fit' } }] }],
      { quirks: { toolCallsWithoutIndex: true } },
    );
    const { finish } = await collect(provider, request());
    expect(finish.message.content).toEqual([
      { type: 'toolCall', id: 'x1', name: 'Read', input: { path: 'a.py' } },
      { type: 'toolCall', id: 'x2', name: 'Grep', input: { pattern: 'fit' } },
    ]);
  });

  it('treats "stop" with tool calls as a tool-use turn', async () => {
    const { provider } = await setup([{ toolCalls: [{ name: 'Read', input: { path: 'a.py' } }], stopReason: 'stop' }]);
    const { finish } = await collect(provider, request());
    expect(finish.stopReason).toBe('tool_use');
    expect(finish.rawStopReason).toBe('stop');
  });

  it.each([true, false])('extracts tool calls a local model wrote as JSON text (stream: %s)', async (stream) => {
    const text = 'I will read the training script first.\n<tool_call>\n{"name": "Read", "arguments": {"path": "train.py"}}\n</tool_call>';
    const { provider } = await setup([{ text }], {}, stream);
    const { events, finish } = await collect(provider, request());
    expect(finish.stopReason).toBe('tool_use');
    expect(finish.message.content).toEqual([
      { type: 'text', text: 'I will read the training script first.' },
      { type: 'toolCall', id: 'call_text_1', name: 'Read', input: { path: 'train.py' } },
    ]);
    const warning = events.find((e) => e.type === 'warning');
    expect(warning?.type === 'warning' && warning.message).toMatch(/wrote 1 tool call \(Read\) as JSON text/);
  });

  it('leaves JSON naming an unknown tool as text', async () => {
    const text = '{"name": "Write", "arguments": {"path": "x"}}';
    const { provider } = await setup([{ text }]);
    const { finish } = await collect(provider, request());
    expect(finish.stopReason).toBe('end');
    expect(finish.message.content).toEqual([{ type: 'text', text }]);
  });

  it('does not extract calls from text when the turn allows no tools', async () => {
    const text = '{"name": "Read", "arguments": {"path": "a.py"}}';
    const { provider } = await setup([{ text }]);
    const { finish } = await collect(provider, request({ toolChoice: 'none' }));
    expect(finish.message.content).toEqual([{ type: 'text', text }]);
  });

  it('describes the tools in the prompt when the server accepts no tools (Ollama model without tool support)', async () => {
    const { provider, server } = await setup(
      [{ text: 'Reading it.\n{"name": "Read", "arguments": {"path": "train.py"}}' }, { text: 'Found nothing.' }],
      { quirks: { rejectTools: true } },
    );
    const first = await collect(provider, request());
    expect(first.events[0]).toEqual({
      type: 'warning',
      message:
        'the OpenAI-compatible server rejected the request (400 registry.ollama.ai/library/gemma2:2b does not support tools); retrying with the tools described in the system prompt and tool calls read from the answer text',
    });
    expect(first.finish.stopReason).toBe('tool_use');
    expect(first.finish.message.content).toEqual([
      { type: 'text', text: 'Reading it.' },
      { type: 'toolCall', id: 'call_text_1', name: 'Read', input: { path: 'train.py' } },
    ]);
    const retried = server.requests[1]!.body;
    expect(retried.tools).toBeUndefined();
    expect(retried.tool_choice).toBeUndefined();
    expect(retried.messages[0].content).toContain('## Calling tools');
    expect(retried.messages[0].content).toContain('### Read\nRead a file under the review root.');

    const messages = [
      ...request().messages,
      first.finish.message,
      { role: 'user' as const, content: [{ type: 'toolResult' as const, toolCallId: 'call_text_1', toolName: 'Read', content: '1\timport os', isError: false }] },
    ];
    const second = await collect(provider, request({ messages }));
    expect(second.finish.stopReason).toBe('end');
    expect(server.requests).toHaveLength(3);
    expect(server.requests[2]!.body.messages.slice(2)).toEqual([
      { role: 'assistant', content: 'Reading it.\n{"name":"Read","arguments":{"path":"train.py"}}\n' },
      { role: 'user', content: 'Result of Read:\n1\timport os' },
    ]);
  });

  it('falls back twice on vLLM without a tool-call parser: tool_choice first, then tools', async () => {
    const vllm = '"auto" tool choice requires --enable-auto-tool-choice and --tool-call-parser to be set';
    const { provider, server } = await setup([{ text: '<tool_call>{"name": "Grep", "arguments": {"pattern": "fit"}}</tool_call>' }], {
      quirks: { rejectTools: vllm },
    });
    const { events, finish } = await collect(provider, request());
    expect(events.filter((e) => e.type === 'warning')).toHaveLength(3);
    expect(server.requests.map((r) => [r.body.tool_choice, r.body.tools?.length])).toEqual([
      ['auto', 2],
      [undefined, 2],
      [undefined, undefined],
    ]);
    expect(finish.message.content).toEqual([{ type: 'toolCall', id: 'call_text_1', name: 'Grep', input: { pattern: 'fit' } }]);
  });

  it('gives tool calls without ids unique ids across turns', async () => {
    const { provider } = await setup(
      [{ toolCalls: [{ name: 'Read', input: { path: 'a' } }, { name: 'Read', input: { path: 'b' } }] }, { toolCalls: [{ name: 'Read', input: { path: 'c' } }] }],
      { quirks: { omitToolCallIds: true } },
    );
    const ids = [];
    for (let i = 0; i < 2; i++) {
      const { finish } = await collect(provider, request());
      ids.push(...finish.message.content.flatMap((p) => (p.type === 'toolCall' ? [p.id] : [])));
    }
    expect(ids).toEqual(['call_1', 'call_2', 'call_3']);
  });
});
