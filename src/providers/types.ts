import type { Usage } from '../review/schema.js';

/** Our own normalized conversation types: no vendor wire format leaks past a provider file. */
export interface TextPart {
  type: 'text';
  text: string;
}

export interface ToolCallPart {
  type: 'toolCall';
  id: string;
  name: string;
  /** Parsed arguments; a provider passes through what it could not parse as `{ _raw: string }`. */
  input: unknown;
}

export interface ToolResultPart {
  type: 'toolResult';
  toolCallId: string;
  toolName: string;
  content: string;
  isError: boolean;
}

export interface UserMessage {
  role: 'user';
  content: (TextPart | ToolResultPart)[];
}

export interface AssistantMessage {
  role: 'assistant';
  content: (TextPart | ToolCallPart)[];
}

export type Message = UserMessage | AssistantMessage;

/** A tool as offered to a model: JSON Schema, derived from the tool's zod schema. */
export interface ToolSpec {
  name: string;
  description: string;
  inputSchema: Record<string, unknown>;
}

export type StopReason = 'end' | 'tool_use' | 'max_tokens' | 'error' | 'aborted';

export interface GenerateRequest {
  system: string;
  messages: Message[];
  tools: ToolSpec[];
  maxTokens: number;
  signal?: AbortSignal;
  /** 'auto' (default) lets the model choose; 'none' forbids tools (final submit turn). */
  toolChoice?: 'auto' | 'none';
}

export interface ProviderError {
  message: string;
  /** HTTP status, when the failure came from a server. */
  status?: number;
  /** Whether the loop could reasonably try again later (the provider already retried). */
  retryable: boolean;
}

/** The last event of every stream. Failures travel here as stopReason 'error' | 'aborted'; providers never throw. */
export interface FinishEvent {
  type: 'finish';
  message: AssistantMessage;
  stopReason: StopReason;
  /** The vendor's own stop reason, kept for transcripts. */
  rawStopReason?: string;
  usage: Usage;
  error?: ProviderError;
}

export type ProviderEvent =
  | { type: 'text-delta'; text: string }
  | { type: 'tool-call'; call: ToolCallPart }
  | { type: 'warning'; message: string }
  | FinishEvent;

export interface Provider {
  /** 'anthropic' | 'openai' | 'offline' | 'replay' | a custom id. */
  readonly id: string;
  /** The model id requests go to. */
  readonly model: string;
  /** Context window in tokens, used to trim old tool results. */
  readonly contextWindow?: number;
  generate(request: GenerateRequest): AsyncIterable<ProviderEvent>;
}
