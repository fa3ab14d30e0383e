import type Anthropic from '@anthropic-ai/sdk';
import type { Usage } from '../review/schema.js';
import { fromAnthropicStopReason, fromAnthropicUsage } from './anthropic-wire.js';
import { finishEvent, parseToolInput } from './turn.js';
import type { FinishEvent, ProviderError, ProviderEvent, TextPart, ToolCallPart } from './types.js';

type Block = { kind: 'text'; text: string } | { kind: 'tool'; id: string; name: string; json: string; done: boolean } | { kind: 'other' };

/**
 * Folds the Messages API's stream events into our events and one final message. Content blocks
 * are kept by index; a tool call is announced when its block stops, once its JSON is complete.
 */
export class AnthropicTurn {
  private readonly blocks = new Map<number, Block>();
  private usage: Usage = { inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0 };
  private rawStop: string | null = null;
  /** True once message_stop arrived: a stream that ends without it was cut off. */
  stopped = false;

  apply(event: Anthropic.RawMessageStreamEvent): ProviderEvent[] {
    switch (event.type) {
      case 'message_start':
        this.usage = fromAnthropicUsage(event.message.usage);
        return [];
      case 'content_block_start': {
        const block = event.content_block;
        if (block.type === 'text') {
          this.blocks.set(event.index, { kind: 'text', text: block.text });
          return block.text ? [{ type: 'text-delta', text: block.text }] : [];
        }
        if (block.type === 'tool_use') {
          this.blocks.set(event.index, { kind: 'tool', id: block.id, name: block.name, json: '', done: false });
          return [];
        }
        this.blocks.set(event.index, { kind: 'other' });
        return [];
      }
      case 'content_block_delta': {
        const block = this.blocks.get(event.index);
        const delta = event.delta;
        if (block?.kind === 'text' && delta.type === 'text_delta') {
          block.text += delta.text;
          return [{ type: 'text-delta', text: delta.text }];
        }
        if (block?.kind === 'tool' && delta.type === 'input_json_delta') block.json += delta.partial_json;
        return [];
      }
      case 'content_block_stop': {
        const block = this.blocks.get(event.index);
        if (block?.kind !== 'tool') return [];
        block.done = true;
        return [{ type: 'tool-call', call: toCall(block) }];
      }
      case 'message_delta':
        this.rawStop = event.delta.stop_reason ?? this.rawStop;
        // message_delta usage is cumulative; fields it leaves null keep message_start's value.
        this.usage = {
          inputTokens: event.usage.input_tokens ?? this.usage.inputTokens,
          outputTokens: event.usage.output_tokens ?? this.usage.outputTokens,
          cacheReadTokens: event.usage.cache_read_input_tokens ?? this.usage.cacheReadTokens,
          cacheWriteTokens: event.usage.cache_creation_input_tokens ?? this.usage.cacheWriteTokens,
        };
        return [];
      case 'message_stop':
        this.stopped = true;
        return [];
      default:
        return [];
    }
  }

  /** The parts so far; an unfinished tool call (cut-off stream) is dropped rather than half-run. */
  parts(): (TextPart | ToolCallPart)[] {
    const parts: (TextPart | ToolCallPart)[] = [];
    for (const index of [...this.blocks.keys()].sort((a, b) => a - b)) {
      const block = this.blocks.get(index);
      if (block?.kind === 'text') parts.push({ type: 'text', text: block.text });
      else if (block?.kind === 'tool' && block.done) parts.push(toCall(block));
    }
    return parts;
  }

  finish(): FinishEvent {
    const parts = this.parts();
    const hasCalls = parts.some((p) => p.type === 'toolCall');
    return finishEvent({
      parts,
      stopReason: fromAnthropicStopReason(this.rawStop, hasCalls),
      rawStopReason: this.rawStop,
      usage: this.usage,
    });
  }

  fail(stopReason: 'error' | 'aborted', error?: ProviderError): FinishEvent {
    return finishEvent({ parts: this.parts(), stopReason, rawStopReason: this.rawStop, usage: this.usage, error });
  }
}

function toCall(block: { id: string; name: string; json: string }): ToolCallPart {
  return { type: 'toolCall', id: block.id, name: block.name, input: parseToolInput(block.json) };
}

/** A complete (non-streamed) message, as our events. */
export function eventsOfMessage(message: Anthropic.Message): ProviderEvent[] {
  const events: ProviderEvent[] = [];
  const parts: (TextPart | ToolCallPart)[] = [];
  for (const block of message.content) {
    if (block.type === 'text') {
      parts.push({ type: 'text', text: block.text });
      if (block.text) events.push({ type: 'text-delta', text: block.text });
    } else if (block.type === 'tool_use') {
      const call: ToolCallPart = { type: 'toolCall', id: block.id, name: block.name, input: block.input };
      parts.push(call);
      events.push({ type: 'tool-call', call });
    }
  }
  const hasCalls = parts.some((p) => p.type === 'toolCall');
  events.push(
    finishEvent({
      parts,
      stopReason: fromAnthropicStopReason(message.stop_reason, hasCalls),
      rawStopReason: message.stop_reason,
      usage: fromAnthropicUsage(message.usage),
    }),
  );
  return events;
}
