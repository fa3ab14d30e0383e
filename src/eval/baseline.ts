import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { ReviewAgentError } from '../errors.js';
import type { EvalLog } from './log.js';

/**
 * The last accepted results of an agent on its suite for one provider:
 * `evals/<agent>/baseline.<provider>.json`. Deterministic content (no timestamps, no absolute paths,
 * sorted keys, rounded numbers) so that accepting a change shows up as a readable diff.
 */
export const BASELINE_VERSION = 1;

const CountsSchema = z.object({ tp: z.number(), fp: z.number(), fn: z.number() });

export const BaselineCase = z.object({
  trials: z.number().int().positive(),
  all: CountsSchema,
  severe: CountsSchema,
  /** Per expected finding: the number of trials that caught it. */
  caught: z.record(z.string(), z.number().int().nonnegative()),
  /** Number of trials with the expected verdict. */
  verdictCorrect: z.number().int().nonnegative(),
});
export type BaselineCase = z.infer<typeof BaselineCase>;

const Rate = z.number().nullable();

export const Baseline = z.object({
  version: z.literal(BASELINE_VERSION),
  agent: z.string(),
  provider: z.string(),
  model: z.string(),
  window: z.number().int().nonnegative(),
  trials: z.number().int().positive(),
  metrics: z.object({
    precision: Rate,
    recall: Rate,
    f1: Rate,
    verdictAccuracy: Rate,
    severityAgreement: Rate,
    severePrecision: Rate,
    severeRecall: Rate,
  }),
  cases: z.record(z.string(), BaselineCase),
});
export type Baseline = z.infer<typeof Baseline>;

export function baselinePath(suiteDir: string, provider: string): string {
  return path.join(suiteDir, `baseline.${provider}.json`);
}

function round(n: number): number;
function round(n: number | null): number | null;
function round(n: number | null): number | null {
  return n === null ? null : Math.round(n * 1e6) / 1e6;
}

export function baselineFromLog(log: EvalLog): Baseline {
  const m = log.results.metrics;
  const cases: Record<string, BaselineCase> = {};
  for (const c of log.results.cases) {
    cases[c.id] = {
      trials: c.trials,
      all: c.all,
      severe: c.severe,
      // Counts, not rates: rounding rates would make an unchanged run differ from its own baseline.
      caught: Object.fromEntries(Object.entries(c.caught).map(([k, v]) => [k, Math.round(v * c.trials)])),
      verdictCorrect: Math.round(c.verdictCorrect * c.trials),
    };
  }
  return {
    version: BASELINE_VERSION,
    agent: log.spec.agent,
    provider: log.spec.provider,
    model: log.spec.model,
    window: log.spec.window,
    trials: log.spec.trials,
    metrics: {
      precision: round(m.all.precision.value),
      recall: round(m.all.recall.value),
      f1: round(m.all.f1.value),
      verdictAccuracy: round(m.verdictAccuracy.value),
      severityAgreement: round(m.severityAgreement.value),
      severePrecision: round(m.severe.precision.value),
      severeRecall: round(m.severe.recall.value),
    },
    cases,
  };
}

/** JSON with object keys sorted at every level, two-space indented, newline-terminated. */
export function stableStringify(value: unknown): string {
  const sortKeys = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sortKeys);
    if (v !== null && typeof v === 'object') {
      return Object.fromEntries(
        Object.keys(v)
          .sort()
          .map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]),
      );
    }
    return v;
  };
  return `${JSON.stringify(sortKeys(value), null, 2)}\n`;
}

/** Refuses to accept partial or broken runs as the new reference. */
export function checkBaselineCandidate(log: EvalLog): string | undefined {
  if (log.spec.shard) return `this run is shard ${log.spec.shard.index}/${log.spec.shard.count}; merge all shards, then update the baseline from the merged log`;
  if (log.status !== 'success') return `the run ended with status ${log.status}`;
  const errors = log.results.metrics.errors;
  if (errors > 0) return `${errors} sample(s) failed to run; fix them before accepting a baseline`;
  return undefined;
}

export async function writeBaseline(file: string, log: EvalLog): Promise<Baseline> {
  const problem = checkBaselineCandidate(log);
  if (problem) throw new ReviewAgentError('usage', `not updating ${file}: ${problem}`, { file, fix: 'rerun the full suite without failures' });
  const baseline = baselineFromLog(log);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, stableStringify(baseline));
  return baseline;
}

/** Reads a baseline; undefined when the file does not exist. */
export async function readBaseline(file: string): Promise<Baseline | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return undefined;
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ReviewAgentError('config', `baseline ${file} is not valid JSON: ${(error as Error).message}`, {
      file,
      fix: 'restore it from version control, or rewrite it with --update-baseline',
    });
  }
  const parsed = Baseline.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ReviewAgentError('config', `baseline ${file} is not a baseline of version ${BASELINE_VERSION}: ${issue?.message}`, {
      file,
      field: issue?.path.join('.'),
      fix: 'rewrite it with --update-baseline',
    });
  }
  return parsed.data;
}
