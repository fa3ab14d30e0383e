/**
 * A loopback server speaking OpenAI Chat Completions (POST /v1/chat/completions): JSON responses,
 * and `data:` chunks as the real API streams them (role chunk, content deltas, tool-call deltas by
 * index, a finish chunk, a usage chunk with `choices: []` when stream_options.include_usage, then
 * `data: [DONE]`). Quirks of local servers (Ollama, vLLM, llama.cpp, LM Studio) can be switched on.
 */
import type { ServerResponse } from 'node:http';
import {
  argumentsOf,
  chunks,
  sendJson,
  SseWriter,
  startScriptedServer,
  usageOf,
  type HttpError,
  type RecordedRequest,
  type Reply,
  type ScriptedServer,
  type ScriptEntry,
} from './script.js';

export interface OpenAIServerOptions {
  /** Characters per content delta and per arguments delta. Default 7. */
  chunkSize?: number;
  quirks?: {
    /** The usage chunk carries `choices: null` (and a leading chunk with `choices: null` is sent), as some proxies do. */
    choicesNull?: boolean;
    /** Never report usage, even when asked to. */
    omitUsage?: boolean;
    /** Answer 400 to any request holding `tool_choice`, with vLLM's message (or this one). Not counted against the script. */
    rejectToolChoice?: boolean | string;
    /** Answer 400 to any request holding `tools`, with Ollama's message for a model without tool support (or this one). */
    rejectTools?: boolean | string;
    /** Tool calls without ids. */
    omitToolCallIds?: boolean;
    /** Tool-call deltas without `index`, each call complete in one chunk (older Ollama). */
    toolCallsWithoutIndex?: boolean;
  };
}

const OLLAMA_NO_TOOLS = 'registry.ollama.ai/library/gemma2:2b does not support tools';
const VLLM_TOOL_CHOICE = '"auto" tool choice requires --enable-auto-tool-choice and --tool-call-parser to be set';

export function startOpenAIServer(script: ScriptEntry[], options: OpenAIServerOptions = {}): Promise<ScriptedServer> {
  const size = options.chunkSize ?? 7;
  const quirks = options.quirks ?? {};
  return startScriptedServer(
    script,
    {
      precheck: (request) => {
        if (request.method !== 'POST' || request.path.split('?')[0] !== '/v1/chat/completions') {
          return { status: 404, message: `${request.method} ${request.path} is not served by this test server` };
        }
        if (quirks.rejectToolChoice && request.body?.tool_choice !== undefined) {
          return { status: 400, message: typeof quirks.rejectToolChoice === 'string' ? quirks.rejectToolChoice : VLLM_TOOL_CHOICE };
        }
        if (quirks.rejectTools && request.body?.tools !== undefined) {
          return { status: 400, message: typeof quirks.rejectTools === 'string' ? quirks.rejectTools : OLLAMA_NO_TOOLS };
        }
        return undefined;
      },
      sendError,
      sendReply: (res, request, reply, index) =>
        request.body?.stream === true ? stream(res, request, reply, index, size, quirks) : json(res, request, reply, index, quirks),
    },
    '/v1',
  );
}

function sendError(res: ServerResponse, error: HttpError): void {
  const type = error.type ?? (error.status === 429 ? 'rate_limit_exceeded' : error.status >= 500 ? 'server_error' : 'invalid_request_error');
  sendJson(res, error.status, { error: { message: error.message ?? type, type, param: null, code: null } }, error.headers);
}

function callsOf(reply: Reply, index: number, quirks: NonNullable<OpenAIServerOptions['quirks']>) {
  return (reply.toolCalls ?? []).map((call, i) => ({
    id: quirks.omitToolCallIds ? undefined : (call.id ?? `call_${index + 1}_${i + 1}`),
    name: call.name,
    arguments: argumentsOf(call),
  }));
}

function finishReasonOf(reply: Reply): string {
  return reply.stopReason ?? ((reply.toolCalls ?? []).length > 0 ? 'tool_calls' : 'stop');
}

function usageBody(reply: Reply) {
  const u = usageOf(reply);
  const prompt = u.input + u.cacheRead;
  return {
    prompt_tokens: prompt,
    completion_tokens: u.output,
    total_tokens: prompt + u.output,
    prompt_tokens_details: { cached_tokens: u.cacheRead },
  };
}

function modelOf(request: RecordedRequest): string {
  return typeof request.body?.model === 'string' ? request.body.model : 'gpt-test';
}

function json(res: ServerResponse, request: RecordedRequest, reply: Reply, index: number, quirks: NonNullable<OpenAIServerOptions['quirks']>): void {
  const calls = callsOf(reply, index, quirks);
  const message: Record<string, unknown> = { role: 'assistant', content: reply.text ?? null, refusal: null };
  if (calls.length > 0) {
    message.tool_calls = calls.map((c) => ({ id: c.id, type: 'function', function: { name: c.name, arguments: c.arguments } }));
  }
  sendJson(
    res,
    200,
    {
      id: `chatcmpl-test-${index + 1}`,
      object: 'chat.completion',
      created: 1_700_000_000,
      model: modelOf(request),
      choices: [{ index: 0, message, finish_reason: finishReasonOf(reply), logprobs: null }],
      ...(quirks.omitUsage ? {} : { usage: usageBody(reply) }),
    },
    reply.headers,
  );
}

async function stream(
  res: ServerResponse,
  request: RecordedRequest,
  reply: Reply,
  index: number,
  size: number,
  quirks: NonNullable<OpenAIServerOptions['quirks']>,
): Promise<void> {
  const includeUsage = request.body?.stream_options?.include_usage === true && !quirks.omitUsage;
  const sse = new SseWriter(res, reply);
  sse.open(reply.headers);
  const onError = (e: { type?: string; message: string }) =>
    sse.raw(`data: ${JSON.stringify({ error: { message: e.message, type: e.type ?? 'server_error', param: null, code: null } })}\n\n`);
  const base = { id: `chatcmpl-test-${index + 1}`, object: 'chat.completion.chunk', created: 1_700_000_000, model: modelOf(request) };
  const chunk = (delta: object, finish: string | null = null) =>
    sse.send(
      undefined,
      JSON.stringify({ ...base, choices: [{ index: 0, delta, finish_reason: finish, logprobs: null }], ...(includeUsage ? { usage: null } : {}) }),
      onError,
    );

  if (quirks.choicesNull && !(await sse.send(undefined, JSON.stringify({ ...base, choices: null }), onError))) return;
  if (!(await chunk({ role: 'assistant', content: '', refusal: null }))) return;
  for (const piece of chunks(reply.text ?? '', size)) {
    if (!(await chunk({ content: piece }))) return;
  }
  for (const [i, call] of callsOf(reply, index, quirks).entries()) {
    if (quirks.toolCallsWithoutIndex) {
      const whole = { id: call.id, type: 'function', function: { name: call.name, arguments: call.arguments } };
      if (!(await chunk({ tool_calls: [whole] }))) return;
      continue;
    }
    const head = { index: i, id: call.id, type: 'function', function: { name: call.name, arguments: '' } };
    if (!(await chunk({ tool_calls: [head] }))) return;
    for (const piece of chunks(call.arguments, size)) {
      if (!(await chunk({ tool_calls: [{ index: i, function: { arguments: piece } }] }))) return;
    }
  }
  if (!(await chunk({}, finishReasonOf(reply)))) return;
  if (includeUsage) {
    const usageChunk = { ...base, choices: quirks.choicesNull ? null : [], usage: usageBody(reply) };
    if (!(await sse.send(undefined, JSON.stringify(usageChunk), onError))) return;
  }
  sse.raw('data: [DONE]\n\n');
  sse.end();
}
