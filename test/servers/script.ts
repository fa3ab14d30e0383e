/**
 * Shared plumbing of the loopback model servers: a scripted queue of replies, a record of every
 * request received, and helpers to write JSON and server-sent events. Vendor formats live in
 * anthropic-server.ts and openai-server.ts.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ScriptedToolCall {
  /** Default: a deterministic id in the vendor's style (toolu_..., call_...). */
  id?: string;
  name: string;
  /** The arguments object. */
  input?: unknown;
  /** Sent verbatim as the arguments text instead of JSON.stringify(input): for broken JSON. */
  rawInput?: string;
}

export interface ScriptedUsage {
  input?: number;
  output?: number;
  cacheRead?: number;
  cacheWrite?: number;
}

/** One model answer, sent as JSON or as a stream depending on the request's `stream` flag. */
export interface Reply {
  text?: string;
  toolCalls?: ScriptedToolCall[];
  /** The vendor's raw stop reason. Default: tool_use/tool_calls when there are calls, else end_turn/stop. */
  stopReason?: string;
  /** Default: 100 input and 20 output tokens, no cache. */
  usage?: ScriptedUsage;
  /** Wait this long before answering. */
  delayMs?: number;
  headers?: Record<string, string>;
  /** Streaming: send this many events, then hold the connection open until the client leaves. */
  stallAfter?: number;
  /** Streaming: after `after` events (default 0), send the vendor's error event and end the stream. */
  streamError?: { after?: number; type?: string; message: string };
}

/** An HTTP error answer in the vendor's error format. */
export interface HttpError {
  status: number;
  message?: string;
  /** The vendor's error type; default derived from the status. */
  type?: string;
  headers?: Record<string, string>;
  delayMs?: number;
}

export interface RecordedRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  /** The parsed JSON body (tests read it freely, hence `any`). */
  body: any;
}

/** A reply, an error, or a function of the request returning one. */
export type ScriptEntry = Reply | HttpError | ((request: RecordedRequest, index: number) => Reply | HttpError);

export interface ScriptedServer {
  /** Base URL to give the SDK (`baseURL`). */
  url: string;
  /** Every request received, in order, including rejected ones. */
  requests: RecordedRequest[];
  /** Script entries not yet used. */
  pending(): number;
  close(): Promise<void>;
}

export function isHttpError(entry: Reply | HttpError): entry is HttpError {
  return typeof (entry as HttpError).status === 'number';
}

export interface Handler {
  /** Answers that do not consume the script (wrong path, simulated server limitations); undefined to go on. */
  precheck?(request: RecordedRequest): HttpError | undefined;
  sendError(res: ServerResponse, error: HttpError): void;
  sendReply(res: ServerResponse, request: RecordedRequest, reply: Reply, index: number): void | Promise<void>;
}

export async function startScriptedServer(script: ScriptEntry[], handler: Handler, basePath: string): Promise<ScriptedServer> {
  const queue = [...script];
  const requests: RecordedRequest[] = [];
  let answered = 0;

  const server = createServer((req, res) => {
    res.on('error', () => undefined);
    void (async () => {
      const request: RecordedRequest = {
        method: req.method ?? 'GET',
        path: req.url ?? '/',
        headers: flatHeaders(req),
        body: parseBody(await readBody(req)),
      };
      requests.push(request);
      const early = handler.precheck?.(request);
      if (early) return handler.sendError(res, early);
      const next = queue.shift();
      if (next === undefined) {
        return handler.sendError(res, {
          status: 500,
          message: `test server script exhausted: request ${requests.length} has no scripted reply`,
          headers: { 'x-should-retry': 'false' },
        });
      }
      const index = answered++;
      const entry = typeof next === 'function' ? next(request, index) : next;
      if (entry.delayMs) await delay(entry.delayMs);
      if (isHttpError(entry)) handler.sendError(res, entry);
      else await handler.sendReply(res, request, entry, index);
    })().catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(`test server failure: ${String(error)}`);
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${basePath}`,
    requests,
    pending: () => queue.length,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

/** Writes server-sent events one at a time, yielding to the event loop between them so clients see separate chunks. */
export class SseWriter {
  private sent = 0;
  constructor(
    private readonly res: ServerResponse,
    private readonly reply: Reply,
  ) {}

  open(headers: Record<string, string> = {}): void {
    this.res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', ...headers });
  }

  /** False once the stream must stop: the client left, or the reply stalls or fails here. */
  async send(event: string | undefined, data: string, onError: (error: NonNullable<Reply['streamError']>) => void): Promise<boolean> {
    if (this.res.destroyed) return false;
    const { stallAfter, streamError } = this.reply;
    if (streamError && this.sent === (streamError.after ?? 0)) {
      onError(streamError);
      this.res.end();
      return false;
    }
    if (stallAfter !== undefined && this.sent >= stallAfter) {
      await new Promise<void>((resolve) => this.res.on('close', () => resolve()));
      return false;
    }
    this.res.write(`${event ? `event: ${event}\n` : ''}data: ${data}\n\n`);
    this.sent++;
    await new Promise((resolve) => setImmediate(resolve));
    return true;
  }

  raw(text: string): void {
    if (!this.res.destroyed) this.res.write(text);
  }

  end(): void {
    if (!this.res.destroyed) this.res.end();
  }
}

/** Splits text into pieces of `size` characters, as models stream it. */
export function chunks(text: string, size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

export function usageOf(reply: Reply): Required<ScriptedUsage> {
  return { input: 100, output: 20, cacheRead: 0, cacheWrite: 0, ...reply.usage };
}

export function argumentsOf(call: ScriptedToolCall): string {
  return call.rawInput ?? JSON.stringify(call.input ?? {});
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function flatHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) out[key] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const parts: Buffer[] = [];
  for await (const part of req) parts.push(part as Buffer);
  return Buffer.concat(parts).toString('utf8');
}

function parseBody(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
