import type { AssistantMessage, GenerateRequest, Provider, ProviderEvent, StopReason } from '../../src/providers/types.js';
import type { Usage } from '../../src/review/schema.js';

export type Step =
  | AssistantMessage['content']
  | { error: string; status?: number }
  | ((request: GenerateRequest) => AssistantMessage['content'] | Promise<AssistantMessage['content']>);

/**
 * A custom provider (the library's documented extension point) that answers from a script and
 * records every request. It exercises the loop without any vendor format.
 */
export function scriptedProvider(steps: Step[], options: { usage?: Partial<Usage>; model?: string; repeatLast?: boolean } = {}) {
  const requests: GenerateRequest[] = [];
  let index = 0;
  const provider: Provider = {
    id: 'scripted',
    model: options.model ?? 'script-1',
    async *generate(request: GenerateRequest): AsyncIterable<ProviderEvent> {
      requests.push(structuredClone({ ...request, signal: undefined }));
      const step = steps[Math.min(index, steps.length - 1)];
      index += 1;
      if (index > steps.length && !options.repeatLast) throw new Error('script exhausted');
      const usage: Usage = { inputTokens: 100, outputTokens: 20, cacheReadTokens: 0, cacheWriteTokens: 0, ...options.usage };
      if (step && typeof step === 'object' && 'error' in step) {
        yield { type: 'finish', message: { role: 'assistant', content: [] }, stopReason: 'error', usage, error: { message: step.error, status: step.status, retryable: false } };
        return;
      }
      const content = typeof step === 'function' ? await step(request) : step!;
      for (const part of content) {
        if (part.type === 'text') yield { type: 'text-delta', text: part.text };
        else yield { type: 'tool-call', call: part };
      }
      if (request.signal?.aborted) {
        yield { type: 'finish', message: { role: 'assistant', content: [] }, stopReason: 'aborted', usage };
        return;
      }
      const stopReason: StopReason = content.some((p) => p.type === 'toolCall') ? 'tool_use' : 'end';
      yield { type: 'finish', message: { role: 'assistant', content }, stopReason, usage };
    },
  };
  return { provider, requests };
}

let counter = 0;
export function call(name: string, input: unknown) {
  counter += 1;
  return { type: 'toolCall' as const, id: `call_${counter}`, name, input };
}

export function text(t: string) {
  return { type: 'text' as const, text: t };
}
