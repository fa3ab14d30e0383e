import os from 'node:os';
import { isReviewAgentError, ReviewAgentError } from '../errors.js';
import type { Review } from '../review/schema.js';
import { caseSpec, type EvalCase } from './case.js';
import { type Judge, judgeCase } from './judge.js';
import { computeResults, defaultBootstrap, EVAL_LOG_VERSION, type EvalLog, type EvalSpec, type Shard, sortSamples } from './log.js';
import { DEFAULT_WINDOW } from './match.js';
import type { SampleRecord, SampleStatus } from './score.js';

/** What running one case once produced. */
export interface CaseOutcome {
  status: SampleStatus;
  review?: Review;
  error?: string;
}

/**
 * Runs one case once. The real one calls runReview; tests of the harness pass their own.
 * It may throw: the runner records the error as a failed sample and goes on.
 */
export type RunCase = (input: { case: EvalCase; trial: number; signal?: AbortSignal }) => Promise<CaseOutcome>;

export interface Progress {
  done: number;
  total: number;
  case: string;
  trial: number;
  status: SampleStatus;
}

export interface RunSuiteOptions {
  cases: readonly EvalCase[];
  runCase: RunCase;
  /** Recorded in the log and baseline. */
  agent: string;
  provider: string;
  model: string;
  suite: string;
  /** Repeats of each case; default 1. */
  trials?: number;
  /** Samples run at once; default the CPU count. */
  concurrency?: number;
  shard?: Shard;
  /** Line window of matching; default 3. */
  window?: number;
  /** Confirms location matches with a model; off by default. */
  judge?: Judge;
  signal?: AbortSignal;
  onProgress?: (progress: Progress) => void;
  bootstrap?: EvalSpec['bootstrap'];
}

export function defaultConcurrency(): number {
  return Math.max(1, os.availableParallelism());
}

/** The cases of shard i of n (1-based): every n-th case of the sorted suite, so shards stay balanced. */
export function selectShard<T extends { id: string }>(cases: readonly T[], shard: Shard | undefined): T[] {
  if (!shard) return [...cases];
  if (shard.index < 1 || shard.index > shard.count) {
    throw new ReviewAgentError('usage', `shard ${shard.index}/${shard.count} does not exist`, {
      field: 'shard',
      fix: 'use --shard i/n with 1 <= i <= n, e.g. --shard 1/4',
    });
  }
  const sorted = [...cases].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return sorted.filter((_, position) => position % shard.count === shard.index - 1);
}

/** Runs `task` over `items` with at most `limit` at once, keeping results in input order. */
export async function pool<T, R>(items: readonly T[], limit: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(Math.max(1, limit), items.length) }, worker));
  return results;
}

/** Runs every selected case `trials` times, scores the samples, and returns the eval log. */
export async function runSuite(options: RunSuiteOptions): Promise<EvalLog> {
  const started = Date.now();
  const trials = options.trials ?? 1;
  const window = options.window ?? DEFAULT_WINDOW;
  const cases = selectShard(options.cases, options.shard);
  const jobs = cases.flatMap((c) => Array.from({ length: trials }, (_, t) => ({ case: c, trial: t + 1 })));
  const spec: EvalSpec = {
    agent: options.agent,
    provider: options.provider,
    model: options.model,
    suite: options.suite,
    window,
    trials,
    ...(options.shard ? { shard: options.shard } : {}),
    bootstrap: options.bootstrap ?? defaultBootstrap(),
    cases: cases.map(caseSpec),
  };
  let done = 0;
  const samples = await pool(jobs, options.concurrency ?? defaultConcurrency(), async (job): Promise<SampleRecord | undefined> => {
    if (options.signal?.aborted) return undefined;
    const sample = await runOne(job.case, job.trial, options, window);
    done += 1;
    options.onProgress?.({ done, total: jobs.length, case: job.case.id, trial: job.trial, status: sample.status });
    return sample;
  });
  const ran = sortSamples(samples.filter((s): s is SampleRecord => s !== undefined));
  const cancelled = ran.length < jobs.length;
  return {
    version: EVAL_LOG_VERSION,
    status: cancelled ? 'cancelled' : 'success',
    spec,
    samples: ran,
    results: computeResults(spec, ran),
    wallTimeMs: Date.now() - started,
  };
}

async function runOne(c: EvalCase, trial: number, options: RunSuiteOptions, window: number): Promise<SampleRecord> {
  let outcome: CaseOutcome;
  try {
    outcome = await options.runCase({ case: c, trial, ...(options.signal ? { signal: options.signal } : {}) });
  } catch (error) {
    outcome = { status: 'error', error: describeError(error) };
  }
  const sample: SampleRecord = { case: c.id, trial, ...outcome };
  if (options.judge && outcome.status !== 'error' && outcome.review) {
    try {
      const { judgements, usage } = await judgeCase(caseSpec(c), outcome.review.findings, options.judge, window);
      sample.judgements = judgements;
      sample.judgeUsage = usage;
    } catch (error) {
      return { ...sample, status: 'error', error: `judge failed: ${describeError(error)}` };
    }
  }
  return sample;
}

function describeError(error: unknown): string {
  if (isReviewAgentError(error)) return error.fix ? `${error.message}. Fix: ${error.fix}` : error.message;
  return error instanceof Error ? error.message : String(error);
}
