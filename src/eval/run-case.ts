import { access } from 'node:fs/promises';
import type { AgentSpec } from '../agent/schema.js';
import { ReviewAgentError } from '../errors.js';
import { runReview } from '../loop/review.js';
import type { Provider, ProviderEvent } from '../providers/types.js';
import type { EvalCase } from './case.js';
import type { CaseOutcome, RunCase } from './runner.js';

export interface ReviewRunnerOptions {
  agent: AgentSpec;
  /** A fresh provider for each sample (recording and replay keep one cassette per case). */
  providerFor: (c: EvalCase, trial: number) => Provider | Promise<Provider>;
  /** The provider replays cassettes: a provider failure means the recording no longer fits. */
  replay?: boolean;
  maxTurns?: number;
  maxCostUsd?: number;
  timeoutMs?: number;
}

/**
 * Passes a provider's events through unchanged and keeps the message of every failed call.
 * The replay provider reports a changed prompt or tool list as such a failure.
 */
export function watchFailures(provider: Provider): { provider: Provider; failures: string[] } {
  const failures: string[] = [];
  const watched: Provider = {
    id: provider.id,
    model: provider.model,
    ...(provider.contextWindow === undefined ? {} : { contextWindow: provider.contextWindow }),
    async *generate(request): AsyncIterable<ProviderEvent> {
      for await (const event of provider.generate(request)) {
        if (event.type === 'finish' && event.stopReason === 'error') failures.push(event.error?.message ?? 'provider error');
        yield event;
      }
    },
  };
  return { provider: watched, failures };
}

/** The real RunCase: reviews the case's repo/ with runReview. */
export function reviewRunner(options: ReviewRunnerOptions): RunCase {
  return async ({ case: c, trial, signal }): Promise<CaseOutcome> => {
    const { provider, failures } = watchFailures(await options.providerFor(c, trial));
    const review = await runReview({
      agent: options.agent,
      root: c.repo,
      provider,
      ...(options.maxTurns === undefined ? {} : { maxTurns: options.maxTurns }),
      ...(options.maxCostUsd === undefined ? {} : { maxCostUsd: options.maxCostUsd }),
      ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
      ...(signal ? { signal } : {}),
    });
    if (review.status === 'complete') return { status: 'ok', review };
    const failure = failures[0] ?? (review.endReason === 'provider-error' ? review.incompleteReason : undefined);
    if (failure !== undefined) {
      // Not the model's doing: the sample could not be evaluated, and must not pass silently.
      const what = options.replay ? 'replay mismatch' : 'provider error';
      return { status: 'error', review, error: `${what}: ${failure.replace(/^replay: /, '')}` };
    }
    return { status: 'incomplete', review, ...(review.incompleteReason ? { error: review.incompleteReason } : {}) };
  };
}

/** Fails early, naming the case, when a cassette to replay was never recorded. */
export async function requireCassette(file: string, c: EvalCase, recordedWith: string): Promise<void> {
  const exists = await access(file).then(
    () => true,
    () => false,
  );
  if (!exists) {
    throw new ReviewAgentError('usage', `no cassette for case "${c.id}" at ${file}`, {
      file,
      fix: `record it: review-agent eval --provider ${recordedWith} --record`,
    });
  }
}
