import type { FinishEvent, GenerateRequest, Provider, ProviderEvent, ToolSpec } from '../../src/providers/types.js';

/** Drains a provider stream, checking the contract: exactly one finish event, and it comes last. */
export async function collect(provider: Provider, request: GenerateRequest): Promise<{ events: ProviderEvent[]; finish: FinishEvent }> {
  const events: ProviderEvent[] = [];
  for await (const event of provider.generate(request)) events.push(event);
  const finishes = events.filter((e) => e.type === 'finish');
  if (finishes.length !== 1 || events[events.length - 1]?.type !== 'finish') {
    throw new Error(`expected exactly one finish event, last; got ${events.map((e) => e.type).join(', ')}`);
  }
  return { events, finish: finishes[0] as FinishEvent };
}

export const READ_TOOL: ToolSpec = {
  name: 'Read',
  description: 'Read a file under the review root.',
  inputSchema: { type: 'object', properties: { path: { type: 'string' } }, required: ['path'] },
};

export const GREP_TOOL: ToolSpec = {
  name: 'Grep',
  description: 'Search file contents.',
  inputSchema: { type: 'object', properties: { pattern: { type: 'string' } }, required: ['pattern'] },
};

export function request(overrides: Partial<GenerateRequest> = {}): GenerateRequest {
  return {
    system: 'You review ML training code.',
    messages: [{ role: 'user', content: [{ type: 'text', text: 'Review train.py' }] }],
    tools: [READ_TOOL, GREP_TOOL],
    maxTokens: 1024,
    ...overrides,
  };
}

export function texts(events: ProviderEvent[]): string {
  return events.flatMap((e) => (e.type === 'text-delta' ? [e.text] : [])).join('');
}
