import type OpenAI from 'openai';
import type { Usage } from '../review/schema.js';
import type { Message, StopReason, ToolSpec } from './types.js';

/**
 * Our conversation as Chat Completions messages: tool results become `role: "tool"` messages,
 * placed right after the assistant message that called them and before any user text.
 */
export function toOpenAIMessages(system: string, messages: Message[]): OpenAI.ChatCompletionMessageParam[] {
  const out: OpenAI.ChatCompletionMessageParam[] = [];
  if (system.trim() !== '') out.push({ role: 'system', content: system });
  for (const message of messages) {
    if (message.role === 'assistant') {
      const text = message.content.flatMap((p) => (p.type === 'text' ? [p.text] : [])).join('');
      const calls = message.content.flatMap((p) => (p.type === 'toolCall' ? [p] : []));
      if (text === '' && calls.length === 0) continue;
      const assistant: OpenAI.ChatCompletionAssistantMessageParam = { role: 'assistant', content: text === '' ? null : text };
      if (calls.length > 0) {
        assistant.tool_calls = calls.map((call) => ({
          id: call.id,
          type: 'function',
          function: { name: call.name, arguments: argumentsText(call.input) },
        }));
      }
      out.push(assistant);
      continue;
    }
    const texts: string[] = [];
    for (const part of message.content) {
      if (part.type === 'toolResult') {
        // Chat Completions has no error flag on tool messages; the prefix tells the model.
        const content = part.isError && !/^error\b/i.test(part.content) ? `Error: ${part.content}` : part.content;
        out.push({ role: 'tool', tool_call_id: part.toolCallId, content });
      } else if (part.text.trim() !== '') {
        texts.push(part.text);
      }
    }
    if (texts.length > 0) out.push({ role: 'user', content: texts.join('\n\n') });
  }
  return out;
}

/** Arguments go back exactly as the model sent them: unparseable ones kept their raw text. */
function argumentsText(input: unknown): string {
  if (isRecord(input) && typeof input._raw === 'string' && Object.keys(input).length === 1) return input._raw;
  return JSON.stringify(input ?? {});
}

export function toOpenAITools(tools: ToolSpec[]): OpenAI.ChatCompletionFunctionTool[] {
  return tools.map((tool) => ({
    type: 'function',
    function: { name: tool.name, description: tool.description, parameters: { type: 'object', ...tool.inputSchema } },
  }));
}

export function fromOpenAIFinishReason(raw: string | null | undefined, hasToolCalls: boolean): StopReason {
  if (raw === 'length') return 'max_tokens';
  // Local servers often say "stop" even when they called tools; the calls decide.
  return hasToolCalls ? 'tool_use' : 'end';
}

/** prompt_tokens includes cached tokens; we count them apart, as Anthropic does. OpenAI bills no cache writes. */
export function fromOpenAIUsage(usage: OpenAI.CompletionUsage): Usage {
  const cached = usage.prompt_tokens_details?.cached_tokens ?? 0;
  return {
    inputTokens: Math.max(0, (usage.prompt_tokens ?? 0) - cached),
    outputTokens: usage.completion_tokens ?? 0,
    cacheReadTokens: cached,
    cacheWriteTokens: 0,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
