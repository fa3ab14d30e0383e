import OpenAI from 'openai';
import { describeFailure, errorText, isAbort, retriesFor, type Failure, type FailureContext } from './failures.js';
import { contextWindowOf, DEFAULT_MODELS } from './models.js';
import { completeTurn, failedTurn, fromCompletion, OpenAITurn } from './openai-stream.js';
import { toOpenAIMessages, toOpenAITools } from './openai-wire.js';
import { inlineTools } from './inline-tools.js';
import { finishEvent, nonEmpty } from './turn.js';
import type { GenerateRequest, Provider, ProviderEvent } from './types.js';

export const OPENAI_DEFAULT_BASE_URL = 'https://api.openai.com/v1';

/** Sent to keyless local servers (Ollama, vLLM, llama.cpp, LM Studio): the SDK insists on some key. */
const NO_KEY = 'sk-no-key-required';

export interface OpenAIProviderOptions {
  /** Model id. Default: the openai entry of DEFAULT_MODELS; local servers usually need their own (--model). */
  model?: string;
  /** Default: env.OPENAI_API_KEY; a placeholder for keyless servers at a custom base URL. */
  apiKey?: string;
  /** Default: env.OPENAI_BASE_URL, then https://api.openai.com/v1. */
  baseURL?: string;
  /** Retries on 429, 408, 409 and 5xx, with exponential backoff. Default 3. */
  maxRetries?: number;
  /** Per-request timeout in milliseconds. Default 600000 (10 minutes). */
  timeoutMs?: number;
  /** Context window in tokens. Default: known for OpenAI models, else unknown. */
  contextWindow?: number;
  /** Stream the response. Default true. */
  stream?: boolean;
  /**
   * The request field carrying maxTokens. Default: max_completion_tokens for api.openai.com
   * (its reasoning models reject max_tokens), max_tokens elsewhere (what local servers know).
   */
  maxTokensField?: 'max_tokens' | 'max_completion_tokens';
  /** Where OPENAI_* variables are read from. Default: process.env, read when the provider is created. */
  env?: Record<string, string | undefined>;
}

export function createOpenAIProvider(options: OpenAIProviderOptions = {}): Provider {
  const env = options.env ?? process.env;
  const model = options.model ?? DEFAULT_MODELS.openai?.default ?? 'gpt-5-mini';
  const baseURL = (options.baseURL ?? nonEmpty(env.OPENAI_BASE_URL) ?? OPENAI_DEFAULT_BASE_URL).replace(/\/+$/, '');
  const official = baseURL === OPENAI_DEFAULT_BASE_URL;
  const apiKey = options.apiKey ?? nonEmpty(env.OPENAI_API_KEY);
  const maxRetries = options.maxRetries ?? 3;
  const timeoutMs = options.timeoutMs ?? 600_000;
  const stream = options.stream ?? true;
  const maxTokensField = options.maxTokensField ?? (official ? 'max_completion_tokens' : 'max_tokens');
  const label = official ? 'OpenAI' : 'the OpenAI-compatible server';
  const ctx: FailureContext = { label, baseURL, model, retries: 0, keyVariable: 'OPENAI_API_KEY', timeoutMs };

  // Everything is passed explicitly so the SDK reads no variables of its own from process.env.
  const client = new OpenAI({
    apiKey: apiKey ?? NO_KEY,
    baseURL,
    organization: nonEmpty(env.OPENAI_ORG_ID) ?? null,
    project: nonEmpty(env.OPENAI_PROJECT_ID) ?? null,
    maxRetries,
    timeout: timeoutMs,
  });

  // Learned once per provider, so later turns skip what the server already refused.
  let toolChoiceUnsupported = false;
  let toolsUnsupported = false;
  let generatedIds = 0;
  const newTextCallId = () => `call_text_${++generatedIds}`;
  const newCallId = () => `call_${++generatedIds}`;

  function body(request: GenerateRequest) {
    const withTools = request.tools.length > 0 && !(toolChoiceUnsupported && request.toolChoice === 'none');
    return {
      model,
      messages: toOpenAIMessages(request.system, request.messages),
      ...(maxTokensField === 'max_tokens' ? { max_tokens: request.maxTokens } : { max_completion_tokens: request.maxTokens }),
      ...(withTools ? { tools: toOpenAITools(request.tools) } : {}),
      ...(withTools && !toolChoiceUnsupported ? { tool_choice: request.toolChoice ?? 'auto' } : {}),
    };
  }

  /** One request; `request` is what the loop asked for, tool calls are read against its tools. */
  async function* attempt(request: GenerateRequest): AsyncGenerator<ProviderEvent> {
    const wire = toolsUnsupported ? inlineTools(request) : request;
    const requestOptions = { signal: request.signal, maxRetries, timeout: timeoutMs };
    if (!stream) {
      const completion = await client.chat.completions.create({ ...body(wire), stream: false }, requestOptions);
      const turn = fromCompletion(completion, newCallId);
      if (!turn.hasChoice) throw new EmptyCompletion();
      if (turn.text) yield { type: 'text-delta', text: turn.text };
      yield* completeTurn(turn, request, newTextCallId);
      return;
    }
    const turn = new OpenAITurn();
    try {
      const chunks = await client.chat.completions.create(
        { ...body(wire), stream: true, stream_options: { include_usage: true } },
        requestOptions,
      );
      for await (const chunk of chunks) yield* turn.apply(chunk);
    } catch (error) {
      throw new TurnFailure(turn, error);
    }
    if (request.signal?.aborted) {
      yield failedTurn(turn, 'aborted');
      return;
    }
    const done = { text: turn.text, finishReason: turn.finishReason, usage: turn.usage, calls: turn.nativeCalls(newCallId) };
    yield* completeTurn(done, request, newTextCallId);
  }

  /** After a 400 about tools: the next way to ask, announced as a warning, or undefined to give up. */
  function fallBack(failure: Failure, request: GenerateRequest): string | undefined {
    if (failure.status !== 400 || request.tools.length === 0 || toolsUnsupported) return undefined;
    const why = `${label} rejected the request (${failure.status} ${failure.detail})`;
    if (!toolChoiceUnsupported && /tool[_ ]?choice/i.test(failure.detail)) {
      toolChoiceUnsupported = true;
      const none = request.toolChoice === 'none' ? ' and without tools, since this turn allows none' : '';
      return `${why}; retrying without tool_choice${none}`;
    }
    if (/\btools?\b|--jinja/i.test(failure.detail) && !(toolChoiceUnsupported && request.toolChoice === 'none')) {
      toolsUnsupported = true;
      return `${why}; retrying with the tools described in the system prompt and tool calls read from the answer text`;
    }
    return undefined;
  }

  async function* generate(request: GenerateRequest): AsyncGenerator<ProviderEvent> {
    if (!apiKey && official) {
      const error = describeFailure(
        { kind: 'config', detail: 'OPENAI_API_KEY is not set: export it, or pass --base-url for a local OpenAI-compatible server' },
        ctx,
      );
      yield finishEvent({ parts: [], stopReason: 'error', error });
      return;
    }
    for (;;) {
      let emitted = false;
      try {
        for await (const event of attempt(request)) {
          emitted = true;
          yield event;
        }
        return;
      } catch (caught) {
        const turn = caught instanceof TurnFailure ? caught.turn : new OpenAITurn();
        const error = caught instanceof TurnFailure ? caught.error : caught;
        if (isAbort(error, request.signal)) {
          yield failedTurn(turn, 'aborted');
          return;
        }
        const failure = classify(error);
        const warning = emitted ? undefined : fallBack(failure, request);
        if (warning) {
          yield { type: 'warning', message: warning };
          continue;
        }
        yield failedTurn(turn, 'error', describeFailure(failure, { ...ctx, retries: retriesFor(failure, maxRetries) }));
        return;
      }
    }
  }

  return {
    id: 'openai',
    model,
    contextWindow: options.contextWindow ?? contextWindowOf('openai', model),
    generate,
  };
}

/** Carries the partial turn of a stream that failed, so its text is not lost. */
class TurnFailure extends Error {
  constructor(
    readonly turn: OpenAITurn,
    readonly error: unknown,
  ) {
    super(errorText(error));
  }
}

class EmptyCompletion extends Error {
  constructor() {
    super('the server returned a completion without choices');
  }
}

function classify(error: unknown): Failure {
  if (error instanceof OpenAI.APIConnectionTimeoutError) return { kind: 'timeout', detail: error.message };
  if (error instanceof OpenAI.APIConnectionError) {
    const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
    return { kind: 'connection', detail: `${error.message}${cause}` };
  }
  if (error instanceof OpenAI.APIError) {
    const body: unknown = error.error;
    const message = isRecord(body) && typeof body.message === 'string' ? body.message : error.message;
    if (error.status === undefined) return { kind: 'stream', detail: message };
    return { kind: 'http', status: error.status, detail: message };
  }
  if (error instanceof EmptyCompletion) return { kind: 'stream', detail: error.message };
  return { kind: 'http', detail: errorText(error) };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
