/**
 * A loopback server speaking the Anthropic Messages API (POST /v1/messages): JSON responses, and
 * server-sent events in the order and shape the real API emits them (message_start, ping,
 * content_block_start/delta/stop per block, message_delta, message_stop; `event: error` mid-stream).
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

export interface AnthropicServerOptions {
  /** Characters per text delta and per partial_json delta. Default 7. */
  chunkSize?: number;
}

const ERROR_TYPES: Record<number, string> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  403: 'permission_error',
  404: 'not_found_error',
  413: 'request_too_large',
  429: 'rate_limit_error',
  500: 'api_error',
  529: 'overloaded_error',
};

export function startAnthropicServer(script: ScriptEntry[], options: AnthropicServerOptions = {}): Promise<ScriptedServer> {
  const size = options.chunkSize ?? 7;
  return startScriptedServer(
    script,
    {
      precheck: (request) =>
        request.method === 'POST' && request.path.split('?')[0] === '/v1/messages'
          ? undefined
          : { status: 404, message: `${request.method} ${request.path} is not served by this test server` },
      sendError,
      sendReply: (res, request, reply, index) => (request.body?.stream === true ? stream(res, request, reply, index, size) : json(res, request, reply, index)),
    },
    '',
  );
}

function sendError(res: ServerResponse, error: HttpError): void {
  const type = error.type ?? ERROR_TYPES[error.status] ?? (error.status >= 500 ? 'api_error' : 'invalid_request_error');
  sendJson(
    res,
    error.status,
    { type: 'error', error: { type, message: error.message ?? type }, request_id: 'req_test' },
    { 'request-id': 'req_test', ...error.headers },
  );
}

function blocksOf(reply: Reply, index: number) {
  const blocks: ({ type: 'text'; text: string } | { type: 'tool_use'; id: string; name: string; input: unknown; json: string })[] = [];
  if (reply.text !== undefined && reply.text !== '') blocks.push({ type: 'text', text: reply.text });
  (reply.toolCalls ?? []).forEach((call, i) => {
    const json = argumentsOf(call);
    blocks.push({ type: 'tool_use', id: call.id ?? `toolu_${index + 1}_${i + 1}`, name: call.name, input: call.input ?? {}, json });
  });
  return blocks;
}

function stopReasonOf(reply: Reply): string {
  return reply.stopReason ?? ((reply.toolCalls ?? []).length > 0 ? 'tool_use' : 'end_turn');
}

function modelOf(request: RecordedRequest): string {
  return typeof request.body?.model === 'string' ? request.body.model : 'claude-test';
}

function json(res: ServerResponse, request: RecordedRequest, reply: Reply, index: number): void {
  const u = usageOf(reply);
  sendJson(
    res,
    200,
    {
      id: `msg_test_${index + 1}`,
      type: 'message',
      role: 'assistant',
      model: modelOf(request),
      content: blocksOf(reply, index).map((b) => (b.type === 'text' ? b : { type: 'tool_use', id: b.id, name: b.name, input: b.input })),
      stop_reason: stopReasonOf(reply),
      stop_sequence: null,
      usage: {
        input_tokens: u.input,
        output_tokens: u.output,
        cache_creation_input_tokens: u.cacheWrite,
        cache_read_input_tokens: u.cacheRead,
      },
    },
    { 'request-id': `req_test_${index + 1}`, ...reply.headers },
  );
}

async function stream(res: ServerResponse, request: RecordedRequest, reply: Reply, index: number, size: number): Promise<void> {
  const u = usageOf(reply);
  const sse = new SseWriter(res, reply);
  sse.open({ 'request-id': `req_test_${index + 1}`, ...reply.headers });
  const onError = (e: { type?: string; message: string }) =>
    sse.raw(`event: error\ndata: ${JSON.stringify({ type: 'error', error: { type: e.type ?? 'overloaded_error', message: e.message } })}\n\n`);
  const send = (event: string, data: object) => sse.send(event, JSON.stringify({ type: event, ...data }), onError);

  const start = {
    message: {
      id: `msg_test_${index + 1}`,
      type: 'message',
      role: 'assistant',
      model: modelOf(request),
      content: [],
      stop_reason: null,
      stop_sequence: null,
      usage: { input_tokens: u.input, cache_creation_input_tokens: u.cacheWrite, cache_read_input_tokens: u.cacheRead, output_tokens: 1 },
    },
  };
  if (!(await send('message_start', start))) return;
  if (!(await send('ping', {}))) return;
  for (const [i, block] of blocksOf(reply, index).entries()) {
    if (block.type === 'text') {
      if (!(await send('content_block_start', { index: i, content_block: { type: 'text', text: '' } }))) return;
      for (const piece of chunks(block.text, size)) {
        if (!(await send('content_block_delta', { index: i, delta: { type: 'text_delta', text: piece } }))) return;
      }
    } else {
      const startBlock = { type: 'tool_use', id: block.id, name: block.name, input: {} };
      if (!(await send('content_block_start', { index: i, content_block: startBlock }))) return;
      for (const piece of ['', ...chunks(block.json, size)]) {
        if (!(await send('content_block_delta', { index: i, delta: { type: 'input_json_delta', partial_json: piece } }))) return;
      }
    }
    if (!(await send('content_block_stop', { index: i }))) return;
  }
  const delta = {
    delta: { stop_reason: stopReasonOf(reply), stop_sequence: null },
    usage: { input_tokens: u.input, cache_creation_input_tokens: u.cacheWrite, cache_read_input_tokens: u.cacheRead, output_tokens: u.output },
  };
  if (!(await send('message_delta', delta))) return;
  if (!(await send('message_stop', {}))) return;
  sse.end();
}
