import { describe, expect, it } from 'vitest';
import { capToolOutput, estimateTokens, trimContext, TRIMMED_NOTE } from '../../src/loop/context-trim.js';
import type { Message } from '../../src/providers/types.js';

type Part = Message['content'][number];
const partsOf = (messages: Message[]): Part[] => messages.flatMap((m): Part[] => m.content);

function exchange(i: number, size: number): Message[] {
  return [
    { role: 'assistant', content: [{ type: 'toolCall', id: `c${i}`, name: 'Read', input: { file_path: `f${i}.py` } }] },
    { role: 'user', content: [{ type: 'toolResult', toolCallId: `c${i}`, toolName: 'Read', content: 'x'.repeat(size), isError: false }] },
  ];
}

describe('context trimming', () => {
  it('leaves a conversation that fits alone', () => {
    const messages = [...exchange(1, 1000), ...exchange(2, 1000)];
    expect(trimContext('sys', messages, 200_000, 8000).trimmed).toBe(0);
  });

  it('replaces the oldest tool results first, keeps every call and the latest result', () => {
    const messages = [...exchange(1, 40_000), ...exchange(2, 40_000), ...exchange(3, 40_000)];
    // 120k chars ≈ 30k tokens; a 40k window with 8k output leaves 22k.
    const { messages: out, trimmed } = trimContext('sys', messages, 40_000, 8000);
    expect(trimmed).toBeGreaterThanOrEqual(1);
    const results = partsOf(out).filter((p) => p.type === 'toolResult');
    expect(results[0]!.type === 'toolResult' && results[0]!.content).toBe(TRIMMED_NOTE);
    expect(results[2]!.type === 'toolResult' && results[2]!.content.length).toBe(40_000);
    expect(partsOf(out).filter((p) => p.type === 'toolCall')).toHaveLength(3);
    expect(estimateTokens('sys', out)).toBeLessThanOrEqual(22_000);
    // The input is not mutated.
    expect(messages[1]!.content[0]!.type === 'toolResult' && messages[1]!.content[0]!.content.length).toBe(40_000);
  });

  it('caps one huge tool result, keeping head and tail and saying how to narrow it', () => {
    const big = `HEAD${'y'.repeat(50_000)}TAIL`;
    const capped = capToolOutput(big, 10_000);
    expect(capped.length).toBeLessThan(10_500);
    expect(capped.startsWith('HEAD')).toBe(true);
    expect(capped.endsWith('TAIL')).toBe(true);
    expect(capped).toMatch(/characters cut .* narrow the request/);
  });
});
