import type OpenAI from 'openai';
import type { Usage } from '../review/schema.js';
import { fromOpenAIFinishReason, fromOpenAIUsage } from './openai-wire.js';
import { extractTextToolCalls } from './text-tool-calls.js';
import { finishEvent, parseToolInput } from './turn.js';
import type { FinishEvent, GenerateRequest, ProviderError, ProviderEvent, TextPart, ToolCallPart } from './types.js';

interface PendingCall {
  id?: string;
  name: string;
  args: string;
}

/**
 * Folds Chat Completions chunks into text, tool calls (assembled by index), a finish reason and
 * usage. Tolerates what local servers send: chunks with `choices: null` or `[]`, tool-call deltas
 * without an index, usage missing or repeated.
 */
export class OpenAITurn {
  text = '';
  private readonly calls: PendingCall[] = [];
  private readonly byIndex = new Map<number, PendingCall>();
  finishReason: string | null = null;
  usage: Usage | undefined;

  /** Text deltas to pass on at once; tool calls are announced at the end, when their arguments are complete. */
  apply(chunk: OpenAI.ChatCompletionChunk): ProviderEvent[] {
    if (chunk.usage) this.usage = fromOpenAIUsage(chunk.usage);
    const choice = chunk.choices?.[0];
    if (!choice) return [];
    if (choice.finish_reason) this.finishReason = choice.finish_reason;
    const delta = choice.delta;
    if (!delta) return [];
    for (const d of delta.tool_calls ?? []) this.addCallDelta(d);
    if (typeof delta.content === 'string' && delta.content !== '') {
      this.text += delta.content;
      return [{ type: 'text-delta', text: delta.content }];
    }
    return [];
  }

  private addCallDelta(d: OpenAI.ChatCompletionChunk.Choice.Delta.ToolCall): void {
    let call = typeof d.index === 'number' ? this.byIndex.get(d.index) : undefined;
    if (!call && typeof d.index !== 'number') {
      // No index: a new id starts a new call, anything else continues the last one.
      const last = this.calls[this.calls.length - 1];
      if (last && (!d.id || d.id === last.id)) call = last;
    }
    if (!call) {
      call = { name: '', args: '' };
      this.calls.push(call);
      this.byIndex.set(typeof d.index === 'number' ? d.index : -this.calls.length, call);
    }
    if (d.id) call.id = d.id;
    if (d.function?.name) call.name += call.name === d.function.name ? '' : d.function.name;
    if (d.function?.arguments) call.args += d.function.arguments;
  }

  /** Calls without an id (some local servers) get one from `newId`, unique within the provider. */
  nativeCalls(newId: () => string): ToolCallPart[] {
    return this.calls
      .filter((c) => c.name !== '')
      .map((c) => ({ type: 'toolCall', id: c.id ?? newId(), name: c.name, input: parseToolInput(c.args) }));
  }
}

/** The turn's closing events: tool calls (native, or extracted from text), warnings, finish. */
export function completeTurn(
  turn: { text: string; finishReason: string | null; usage: Usage | undefined; calls: ToolCallPart[] },
  request: GenerateRequest,
  newId: () => string,
): ProviderEvent[] {
  const events: ProviderEvent[] = [];
  let text = turn.text;
  let calls = turn.calls;
  if (calls.length === 0 && request.tools.length > 0 && request.toolChoice !== 'none') {
    const extracted = extractTextToolCalls(text, request.tools.map((t) => t.name));
    if (extracted.calls.length > 0) {
      text = extracted.text;
      calls = extracted.calls.map((c) => ({ type: 'toolCall', id: newId(), name: c.name, input: c.input }));
      const names = calls.map((c) => c.name).join(', ');
      events.push({
        type: 'warning',
        message: `the model wrote ${calls.length} tool call${calls.length === 1 ? '' : 's'} (${names}) as JSON text instead of using tool calling; extracted ${calls.length === 1 ? 'it' : 'them'} (does the server need a tool-call parser, e.g. vLLM --enable-auto-tool-choice or llama.cpp --jinja?)`,
      });
    }
  }
  for (const call of calls) events.push({ type: 'tool-call', call });
  if (!turn.usage) {
    events.push({
      type: 'warning',
      message: 'the server reported no token usage for this turn; token counts and cost limits count it as zero',
    });
  }
  const parts: (TextPart | ToolCallPart)[] = [{ type: 'text', text }, ...calls];
  events.push(
    finishEvent({
      parts,
      stopReason: fromOpenAIFinishReason(turn.finishReason, calls.length > 0),
      rawStopReason: turn.finishReason,
      usage: turn.usage,
    }),
  );
  return events;
}

/** A failed or aborted turn keeps the text received so far; half-assembled tool calls are dropped. */
export function failedTurn(turn: OpenAITurn, stopReason: 'error' | 'aborted', error?: ProviderError): FinishEvent {
  return finishEvent({ parts: [{ type: 'text', text: turn.text }], stopReason, rawStopReason: turn.finishReason, usage: turn.usage, error });
}

/** A non-streamed completion, in the shape completeTurn takes. */
export function fromCompletion(completion: OpenAI.ChatCompletion, newId: () => string) {
  const message = completion.choices?.[0]?.message;
  const calls: ToolCallPart[] = [];
  for (const call of message?.tool_calls ?? []) {
    if (call.type !== 'function') continue;
    calls.push({ type: 'toolCall', id: call.id || newId(), name: call.function.name, input: parseToolInput(call.function.arguments) });
  }
  return {
    text: message?.content ?? '',
    finishReason: completion.choices?.[0]?.finish_reason ?? null,
    usage: completion.usage ? fromOpenAIUsage(completion.usage) : undefined,
    calls,
    hasChoice: message !== undefined,
  };
}
