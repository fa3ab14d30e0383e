import Anthropic from '@anthropic-ai/sdk';
import { AnthropicTurn, eventsOfMessage } from './anthropic-stream.js';
import { toAnthropicBody } from './anthropic-wire.js';
import { describeFailure, errorText, isAbort, retriesFor, type Failure, type FailureContext } from './failures.js';
import { contextWindowOf, DEFAULT_MODELS } from './models.js';
import { backoffMs, finishEvent, nonEmpty, sleep } from './turn.js';
import type { GenerateRequest, Provider, ProviderEvent } from './types.js';

export const ANTHROPIC_DEFAULT_BASE_URL = 'https://api.anthropic.com';

export interface AnthropicProviderOptions {
  /** Model id. Default: the anthropic entry of DEFAULT_MODELS (resolve aliases with resolveModel first). */
  model?: string;
  /** Default: env.ANTHROPIC_API_KEY (env.ANTHROPIC_AUTH_TOKEN is sent as a bearer token when no key is set). */
  apiKey?: string;
  /** Default: env.ANTHROPIC_BASE_URL, then https://api.anthropic.com. */
  baseURL?: string;
  /** Retries on 429, 408, 409, 5xx and 529 overloaded, with exponential backoff. Default 3. */
  maxRetries?: number;
  /** Per-request timeout in milliseconds. Default 600000 (10 minutes). */
  timeoutMs?: number;
  /** Context window in tokens. Default: 200000 for Claude models, else unknown. */
  contextWindow?: number;
  /** Stream the response (server-sent events). Default true. */
  stream?: boolean;
  /** Mark tools, system prompt and latest user turn with cache_control. Default true. */
  promptCaching?: boolean;
  /** Where ANTHROPIC_* variables are read from. Default: process.env, read when the provider is created. */
  env?: Record<string, string | undefined>;
}

export function createAnthropicProvider(options: AnthropicProviderOptions = {}): Provider {
  const env = options.env ?? process.env;
  const model = options.model ?? DEFAULT_MODELS.anthropic?.default ?? 'claude-sonnet-4-5';
  const baseURL = (options.baseURL ?? nonEmpty(env.ANTHROPIC_BASE_URL) ?? ANTHROPIC_DEFAULT_BASE_URL).replace(/\/+$/, '');
  const apiKey = options.apiKey ?? nonEmpty(env.ANTHROPIC_API_KEY);
  const authToken = apiKey ? undefined : nonEmpty(env.ANTHROPIC_AUTH_TOKEN);
  const maxRetries = options.maxRetries ?? 3;
  const timeoutMs = options.timeoutMs ?? 600_000;
  const stream = options.stream ?? true;
  const cache = options.promptCaching ?? true;
  const ctx: FailureContext = { label: 'Anthropic', baseURL, model, retries: 0, keyVariable: 'ANTHROPIC_API_KEY', timeoutMs };

  // Credentials are always passed explicitly, so the SDK never falls back to profiles on disk.
  const missingKey = !apiKey && !authToken && baseURL === ANTHROPIC_DEFAULT_BASE_URL;
  const client = new Anthropic({
    ...(authToken ? { authToken } : { apiKey: apiKey ?? 'no-key' }),
    baseURL,
    maxRetries,
    timeout: timeoutMs,
  });

  async function* generate(request: GenerateRequest): AsyncGenerator<ProviderEvent> {
    if (missingKey) {
      const error = describeFailure(
        { kind: 'config', detail: 'ANTHROPIC_API_KEY is not set: export it, or pass --base-url for an Anthropic-compatible server' },
        ctx,
      );
      yield finishEvent({ parts: [], stopReason: 'error', error });
      return;
    }
    const body = { ...toAnthropicBody(request, { cache }), model };
    const requestOptions = { signal: request.signal, maxRetries, timeout: timeoutMs };

    if (!stream) {
      try {
        const message = await client.messages.create({ ...body, stream: false }, requestOptions);
        yield* eventsOfMessage(message);
      } catch (error) {
        yield failed(new AnthropicTurn(), error, request.signal);
      }
      return;
    }

    // The SDK retries HTTP failures; an error event inside an open stream (overloaded mid-stream)
    // is retried here, but only while nothing has been passed on yet.
    for (let attempt = 0; ; attempt++) {
      const turn = new AnthropicTurn();
      let emitted = false;
      try {
        const events = await client.messages.create({ ...body, stream: true }, requestOptions);
        for await (const event of events) {
          for (const out of turn.apply(event)) {
            emitted = true;
            yield out;
          }
        }
        if (request.signal?.aborted) {
          yield turn.fail('aborted');
        } else if (!turn.stopped) {
          yield turn.fail('error', describeFailure({ kind: 'stream', detail: 'the stream ended before message_stop' }, ctx));
        } else {
          yield turn.finish();
        }
        return;
      } catch (error) {
        const midStream = error instanceof Anthropic.APIError && error.status === undefined && !isConnection(error);
        if (midStream && !emitted && attempt < maxRetries && !isAbort(error, request.signal)) {
          if (await sleep(backoffMs(attempt), request.signal)) continue;
        }
        yield failed(turn, error, request.signal, attempt);
        return;
      }
    }
  }

  function failed(turn: AnthropicTurn, error: unknown, signal: AbortSignal | undefined, streamRetries = 0) {
    if (isAbort(error, signal)) return turn.fail('aborted');
    const failure = classify(error);
    const retried = failure.kind === 'stream' ? streamRetries : retriesFor(failure, maxRetries);
    return turn.fail('error', describeFailure(failure, { ...ctx, retries: retried }));
  }

  return {
    id: 'anthropic',
    model,
    contextWindow: options.contextWindow ?? contextWindowOf('anthropic', model),
    generate,
  };
}

function classify(error: unknown): Failure {
  if (error instanceof Anthropic.APIConnectionTimeoutError) return { kind: 'timeout', detail: error.message };
  if (error instanceof Anthropic.APIConnectionError) {
    const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
    return { kind: 'connection', detail: `${error.message}${cause}` };
  }
  if (error instanceof Anthropic.APIError) {
    const detail = error.apiMessage ?? error.message;
    if (error.status === undefined) return { kind: 'stream', detail: error.type ? `${error.type}: ${detail}` : detail };
    return { kind: 'http', status: error.status, detail };
  }
  return { kind: 'http', detail: errorText(error) };
}

function isConnection(error: unknown): boolean {
  return error instanceof Anthropic.APIConnectionError;
}
