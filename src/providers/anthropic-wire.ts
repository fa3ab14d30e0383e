import type Anthropic from '@anthropic-ai/sdk';
import type { Usage } from '../review/schema.js';
import type { GenerateRequest, Message, StopReason, ToolSpec } from './types.js';

/** Our normalized request in the Messages API's shape, minus `model` and `stream`. */
export interface AnthropicRequestBody {
  max_tokens: number;
  system?: Anthropic.TextBlockParam[];
  messages: Anthropic.MessageParam[];
  tools?: Anthropic.Tool[];
  tool_choice?: Anthropic.ToolChoice;
}

type UserBlock = Anthropic.TextBlockParam | Anthropic.ToolResultBlockParam;
type AssistantBlock = Anthropic.TextBlockParam | Anthropic.ToolUseBlockParam;

const EPHEMERAL = { type: 'ephemeral' } as const;

/**
 * Prompt caching uses three of the four allowed breakpoints: the last tool (caches all tools),
 * the system prompt, and the latest user turn (so each turn reads the prefix the previous one wrote).
 */
export function toAnthropicBody(request: GenerateRequest, options: { cache: boolean }): AnthropicRequestBody {
  const body: AnthropicRequestBody = {
    max_tokens: request.maxTokens,
    messages: toAnthropicMessages(request.messages, options.cache),
  };
  // The API rejects empty text blocks, so an empty system prompt is left out.
  if (request.system.trim() !== '') {
    body.system = [{ type: 'text', text: request.system, ...(options.cache ? { cache_control: EPHEMERAL } : {}) }];
  }
  if (request.tools.length > 0) {
    body.tools = toAnthropicTools(request.tools, options.cache);
    // 'none' still sends the tools (the conversation refers to them) but forbids new calls.
    body.tool_choice = request.toolChoice === 'none' ? { type: 'none' } : { type: 'auto' };
  }
  return body;
}

export function toAnthropicTools(tools: ToolSpec[], cache: boolean): Anthropic.Tool[] {
  return tools.map((tool, i) => ({
    name: tool.name,
    description: tool.description,
    input_schema: { type: 'object', ...tool.inputSchema },
    ...(cache && i === tools.length - 1 ? { cache_control: EPHEMERAL } : {}),
  }));
}

/**
 * Consecutive messages of one role are merged, so every tool result of a turn travels in one user
 * message; tool results come first in it, as the API requires after a tool_use turn.
 */
export function toAnthropicMessages(messages: Message[], cache: boolean): Anthropic.MessageParam[] {
  const out: { role: 'user' | 'assistant'; blocks: (UserBlock | AssistantBlock)[] }[] = [];
  for (const message of messages) {
    const blocks = message.role === 'user' ? userBlocks(message.content) : assistantBlocks(message.content);
    if (blocks.length === 0) continue;
    const last = out[out.length - 1];
    if (last && last.role === message.role) last.blocks.push(...blocks);
    else out.push({ role: message.role, blocks });
  }
  for (const entry of out) {
    if (entry.role === 'user') entry.blocks.sort((a, b) => rank(a) - rank(b));
  }
  if (cache) {
    const lastUser = [...out].reverse().find((m) => m.role === 'user');
    const lastBlock = lastUser?.blocks[lastUser.blocks.length - 1];
    if (lastBlock) lastBlock.cache_control = EPHEMERAL;
  }
  return out.map((m) => ({ role: m.role, content: m.blocks }) as Anthropic.MessageParam);
}

function rank(block: UserBlock | AssistantBlock): number {
  return block.type === 'tool_result' ? 0 : 1;
}

function userBlocks(content: Message['content']): UserBlock[] {
  const blocks: UserBlock[] = [];
  for (const part of content) {
    if (part.type === 'toolResult') {
      blocks.push({
        type: 'tool_result',
        tool_use_id: part.toolCallId,
        content: part.content,
        ...(part.isError ? { is_error: true } : {}),
      });
    } else if (part.type === 'text' && part.text.trim() !== '') {
      blocks.push({ type: 'text', text: part.text });
    }
  }
  return blocks;
}

function assistantBlocks(content: Message['content']): AssistantBlock[] {
  const blocks: AssistantBlock[] = [];
  for (const part of content) {
    if (part.type === 'toolCall') {
      blocks.push({ type: 'tool_use', id: part.id, name: part.name, input: asInputObject(part.input) });
    } else if (part.type === 'text' && part.text.trim() !== '') {
      blocks.push({ type: 'text', text: part.text });
    }
  }
  return blocks;
}

/** tool_use.input must be an object; anything else (never produced by us) is wrapped. */
function asInputObject(input: unknown): Record<string, unknown> {
  if (typeof input === 'object' && input !== null && !Array.isArray(input)) return input as Record<string, unknown>;
  return input === undefined ? {} : { value: input };
}

export function fromAnthropicStopReason(raw: string | null | undefined, hasToolCalls: boolean): StopReason {
  switch (raw) {
    case 'tool_use':
      return 'tool_use';
    case 'max_tokens':
    case 'model_context_window_exceeded':
      return 'max_tokens';
    default:
      return hasToolCalls ? 'tool_use' : 'end';
  }
}

/** Anthropic reports plain input apart from cache reads and writes, which is exactly our Usage. */
export function fromAnthropicUsage(usage: {
  input_tokens?: number | null;
  output_tokens?: number | null;
  cache_read_input_tokens?: number | null;
  cache_creation_input_tokens?: number | null;
}): Usage {
  return {
    inputTokens: usage.input_tokens ?? 0,
    outputTokens: usage.output_tokens ?? 0,
    cacheReadTokens: usage.cache_read_input_tokens ?? 0,
    cacheWriteTokens: usage.cache_creation_input_tokens ?? 0,
  };
}
