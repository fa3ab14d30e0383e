import { emptyUsage, type Usage } from '../review/schema.js';
import type { AssistantMessage, FinishEvent, ProviderError, StopReason, TextPart, ToolCallPart } from './types.js';

/** Parses a tool call's JSON arguments; what is not JSON is passed through as `{ _raw }` for the loop to report. */
export function parseToolInput(json: string): unknown {
  if (json.trim() === '') return {};
  try {
    return JSON.parse(json) as unknown;
  } catch {
    return { _raw: json };
  }
}

/** Builds the assistant message, merging adjacent text and dropping empty text. */
export function assistantMessage(parts: (TextPart | ToolCallPart)[]): AssistantMessage {
  const content: (TextPart | ToolCallPart)[] = [];
  for (const part of parts) {
    const last = content[content.length - 1];
    if (part.type === 'text') {
      if (part.text === '') continue;
      if (last?.type === 'text') {
        content[content.length - 1] = { type: 'text', text: last.text + part.text };
        continue;
      }
    }
    content.push(part);
  }
  return { role: 'assistant', content };
}

export interface FinishInput {
  parts: (TextPart | ToolCallPart)[];
  stopReason: StopReason;
  rawStopReason?: string | null;
  usage?: Usage;
  error?: ProviderError;
}

export function finishEvent(input: FinishInput): FinishEvent {
  const event: FinishEvent = {
    type: 'finish',
    message: assistantMessage(input.parts),
    stopReason: input.stopReason,
    usage: input.usage ?? emptyUsage(),
  };
  if (input.rawStopReason) event.rawStopReason = input.rawStopReason;
  if (input.error) event.error = input.error;
  return event;
}

/** Exponential backoff with jitter (0.5 s doubling up to 8 s), as both SDKs use for HTTP retries. */
export function backoffMs(attempt: number): number {
  const seconds = Math.min(0.5 * 2 ** attempt, 8);
  return seconds * (1 - Math.random() * 0.25) * 1000;
}

/** Resolves after `ms`, or early (false) when the signal aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve(false);
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** An environment value, or undefined when unset or blank. */
export function nonEmpty(value: string | undefined): string | undefined {
  return value !== undefined && value.trim() !== '' ? value.trim() : undefined;
}
