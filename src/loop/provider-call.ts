import { emptyUsage } from '../review/schema.js';
import type { FinishEvent, GenerateRequest, Provider } from '../providers/types.js';

/**
 * Drains one provider stream into its finish event, forwarding text deltas and warnings.
 * A provider that throws or ends without a finish event broke the contract; that becomes an
 * error finish, so the loop has a single failure path.
 */
export async function callProvider(
  provider: Provider,
  request: GenerateRequest,
  on: { text: (t: string) => void; warning: (m: string) => void },
): Promise<FinishEvent> {
  try {
    for await (const event of provider.generate(request)) {
      if (event.type === 'text-delta') on.text(event.text);
      else if (event.type === 'warning') on.warning(event.message);
      else if (event.type === 'finish') return event;
    }
    return failure(`provider "${provider.id}" ended its stream without a finish event`);
  } catch (error) {
    if (request.signal?.aborted) return { ...failure('aborted'), stopReason: 'aborted' };
    return failure(`provider "${provider.id}" threw: ${(error as Error)?.message ?? String(error)}`);
  }
}

function failure(message: string): FinishEvent {
  return {
    type: 'finish',
    message: { role: 'assistant', content: [] },
    stopReason: 'error',
    usage: emptyUsage(),
    error: { message, retryable: false },
  };
}

/** Runs `fn` over items with at most `limit` in flight, keeping result order. */
export async function mapBounded<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]!, index);
    }
  });
  await Promise.all(workers);
  return results;
}
