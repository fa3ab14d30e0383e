import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { ReviewAgentError } from '../errors.js';
import { Review, Usage, Verdict, Severity } from '../review/schema.js';
import { AcceptableFinding, type CaseSpec, ExpectedFinding } from './case.js';
import type { Comparison } from './compare.js';
import { type CaseSummary, computeMetrics, type Metrics, summarizeCases } from './metrics.js';
import { SAMPLE_STATUSES, type SampleRecord, scoreSample, type SampleScore } from './score.js';
import { DEFAULT_BOOTSTRAP_RESAMPLES, DEFAULT_BOOTSTRAP_SEED } from './stats.js';

/**
 * The eval log: a versioned record of one run (or of merged shards) with its spec, every sample
 * and the scores. Reviews are kept whole, so a log can be re-scored (another window, a fixed case)
 * and diffed against another run without calling the model again.
 */
export const EVAL_LOG_VERSION = 1;

export const Shard = z.object({ index: z.number().int().positive(), count: z.number().int().positive() });
export type Shard = z.infer<typeof Shard>;

const CaseSpecSchema = z.object({
  id: z.string(),
  description: z.string(),
  tags: z.array(z.string()),
  verdict: Verdict,
  expected: z.array(ExpectedFinding),
  acceptable: z.array(AcceptableFinding),
  cleanBelow: Severity.optional(),
});

export const EvalSpec = z.object({
  agent: z.string(),
  provider: z.string(),
  model: z.string(),
  /** The suite folder as given on the command line (relative paths stay relative). */
  suite: z.string(),
  window: z.number().int().nonnegative(),
  trials: z.number().int().positive(),
  shard: Shard.optional(),
  bootstrap: z.object({ seed: z.number().int(), resamples: z.number().int().positive() }),
  cases: z.array(CaseSpecSchema),
});
export type EvalSpec = z.infer<typeof EvalSpec>;

const JudgeDecisionSchema = z.object({
  expected: z.number().int().nonnegative(),
  finding: z.number().int().nonnegative(),
  agrees: z.boolean(),
  reason: z.string().optional(),
});

export const SampleRecordSchema = z.object({
  case: z.string(),
  trial: z.number().int().positive(),
  status: z.enum(SAMPLE_STATUSES),
  error: z.string().optional(),
  review: Review.optional(),
  judgements: z.array(JudgeDecisionSchema).optional(),
  judgeUsage: Usage.optional(),
});

export const EVAL_STATUSES = ['success', 'error', 'cancelled'] as const;
export type EvalStatus = (typeof EVAL_STATUSES)[number];

export interface EvalResults {
  metrics: Metrics;
  cases: CaseSummary[];
}

export interface EvalLog {
  version: typeof EVAL_LOG_VERSION;
  /** success: every sample ran (some may have failed individually); cancelled: stopped early; error: the run itself failed. */
  status: EvalStatus;
  error?: string;
  spec: EvalSpec;
  samples: SampleRecord[];
  results: EvalResults;
  comparison?: Comparison;
  /** Elapsed time of the whole run; for merged shards, the longest shard. */
  wallTimeMs: number;
}

/** Scores samples against the cases of a spec. */
export function scoreAll(spec: Pick<EvalSpec, 'cases' | 'window'>, samples: readonly SampleRecord[]): SampleScore[] {
  const byId = new Map<string, CaseSpec>(spec.cases.map((c) => [c.id, c]));
  return samples.flatMap((s) => {
    const c = byId.get(s.case);
    return c ? [scoreSample(c, s, spec.window)] : [];
  });
}

export function computeResults(spec: EvalSpec, samples: readonly SampleRecord[]): EvalResults {
  const scores = scoreAll(spec, samples);
  return { metrics: computeMetrics(scores, spec.bootstrap), cases: summarizeCases(spec.cases, scores) };
}

export function defaultBootstrap(): EvalSpec['bootstrap'] {
  return { seed: DEFAULT_BOOTSTRAP_SEED, resamples: DEFAULT_BOOTSTRAP_RESAMPLES };
}

export function sortSamples(samples: readonly SampleRecord[]): SampleRecord[] {
  return [...samples].sort((a, b) => (a.case < b.case ? -1 : a.case > b.case ? 1 : a.trial - b.trial));
}

/** Re-scores a log from its own samples, optionally with another window: no model calls. */
export function rescore(log: EvalLog, options: { window?: number } = {}): EvalLog {
  const spec = { ...log.spec, window: options.window ?? log.spec.window };
  return { ...log, spec, results: computeResults(spec, log.samples) };
}

const LogFile = z.object({
  version: z.literal(EVAL_LOG_VERSION),
  status: z.enum(EVAL_STATUSES),
  error: z.string().optional(),
  spec: EvalSpec,
  samples: z.array(SampleRecordSchema),
  wallTimeMs: z.number().nonnegative(),
});

/** Reads a log written by `--report json`; results are recomputed from the samples, not trusted. */
export async function readLog(file: string): Promise<EvalLog> {
  let data: unknown;
  try {
    data = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new ReviewAgentError('usage', `cannot read eval log ${file}: ${(error as Error).message}`, {
      file,
      fix: 'pass files written by `review-agent eval --report json --output FILE`',
    });
  }
  const parsed = LogFile.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') || undefined;
    throw new ReviewAgentError('usage', `${file} is not an eval log of version ${EVAL_LOG_VERSION}: ${issue?.message}`, {
      file,
      field,
      fix: 'pass files written by `review-agent eval --report json --output FILE` with the same review-agent version',
    });
  }
  const { spec, samples } = parsed.data;
  return { ...parsed.data, version: EVAL_LOG_VERSION, samples: samples as SampleRecord[], results: computeResults(spec, samples as SampleRecord[]) };
}

/**
 * Joins shard logs into one, as if the suite had run at once: same agent, provider, model, window
 * and trials; no case twice. Scores are recomputed over all samples, so totals equal a single run.
 */
export function mergeLogs(logs: readonly EvalLog[], names: readonly string[] = []): EvalLog {
  const first = logs[0];
  if (!first) throw new ReviewAgentError('usage', 'eval merge needs at least one log', { fix: 'review-agent eval merge shard-1.json shard-2.json ...' });
  const nameOf = (i: number) => names[i] ?? `log ${i + 1}`;
  const cases: CaseSpec[] = [];
  const seen = new Map<string, number>();
  logs.forEach((log, i) => {
    for (const key of ['agent', 'provider', 'model', 'window', 'trials', 'suite'] as const) {
      if (log.spec[key] !== first.spec[key]) {
        throw new ReviewAgentError('usage', `cannot merge ${nameOf(i)}: its ${key} is ${JSON.stringify(log.spec[key])} but ${nameOf(0)} has ${JSON.stringify(first.spec[key])}`, {
          file: names[i],
          field: `spec.${key}`,
          fix: 'merge only the shards of one run (same agent, provider, model, window, trials and suite)',
        });
      }
    }
    for (const c of log.spec.cases) {
      const other = seen.get(c.id);
      if (other !== undefined) {
        throw new ReviewAgentError('usage', `case "${c.id}" is in both ${nameOf(other)} and ${nameOf(i)}`, {
          file: names[i],
          fix: 'merge each shard once; shards of one run never share cases',
        });
      }
      seen.set(c.id, i);
      cases.push(c);
    }
  });
  cases.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const { shard: _shard, ...rest } = first.spec;
  const spec: EvalSpec = { ...rest, cases };
  const samples = sortSamples(logs.flatMap((l) => l.samples));
  const status: EvalStatus = logs.some((l) => l.status === 'error') ? 'error' : logs.some((l) => l.status === 'cancelled') ? 'cancelled' : 'success';
  const errors = logs.flatMap((l) => (l.error ? [l.error] : []));
  return {
    version: EVAL_LOG_VERSION,
    status,
    ...(errors.length ? { error: errors.join('; ') } : {}),
    spec,
    samples,
    results: computeResults(spec, samples),
    wallTimeMs: Math.max(...logs.map((l) => l.wallTimeMs)),
  };
}
