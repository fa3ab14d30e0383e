import type { Message } from '../providers/types.js';

/** Rough token estimate (4 characters a token): good enough to stay clear of the window. */
export function estimateTokens(system: string, messages: readonly Message[]): number {
  let chars = system.length;
  for (const m of messages) {
    for (const part of m.content) {
      if (part.type === 'text') chars += part.text.length;
      else if (part.type === 'toolResult') chars += part.content.length;
      else chars += JSON.stringify(part.input ?? null).length + part.name.length;
    }
  }
  return Math.ceil(chars / 4);
}

export const TRIMMED_NOTE = '[review-agent: this earlier tool result was removed to fit the context window; call the tool again if you still need it]';

/**
 * When the conversation nears the context window, replaces the oldest tool results with a short
 * note (the calls stay, so the model knows what it already looked at). Returns a new array.
 */
export function trimContext(system: string, messages: readonly Message[], contextWindow: number, maxTokens: number): { messages: Message[]; trimmed: number } {
  const budget = Math.floor(contextWindow * 0.75) - maxTokens;
  let total = estimateTokens(system, messages);
  if (total <= budget) return { messages: [...messages], trimmed: 0 };
  let trimmed = 0;
  const out = messages.map((m) => ({ ...m, content: [...m.content] }) as Message);
  // Keep the latest message intact: it holds the results the model is about to read.
  for (let i = 0; i < out.length - 1 && total > budget; i++) {
    const message = out[i]!;
    if (message.role !== 'user') continue;
    message.content = message.content.map((part) => {
      if (part.type !== 'toolResult' || part.content === TRIMMED_NOTE || total <= budget) return part;
      total -= Math.ceil((part.content.length - TRIMMED_NOTE.length) / 4);
      trimmed += 1;
      return { ...part, content: TRIMMED_NOTE };
    });
  }
  return { messages: out, trimmed };
}

/** Caps one tool result so a single huge output cannot take the whole budget. */
export function capToolOutput(content: string, maxChars: number): string {
  if (content.length <= maxChars) return content;
  const head = content.slice(0, Math.floor(maxChars * 0.8));
  const tail = content.slice(content.length - Math.floor(maxChars * 0.1));
  return `${head}\n[review-agent: ${content.length - head.length - tail.length} characters cut from this result to fit the budget; narrow the request (offset/limit, a more specific pattern)]\n${tail}`;
}
