import { z } from 'zod';
import { parseDuration } from '../cli/duration.js';

/** `--fail-on` / `failOn`: the lowest severity that makes the CLI exit 1; `never` disables it. */
export const FAIL_ON = ['critical', 'high', 'medium', 'low', 'never'] as const;
export type FailOn = (typeof FAIL_ON)[number];

const ModelEntry = z
  .object({
    default: z.string().min(1).optional(),
    opus: z.string().min(1).optional(),
    sonnet: z.string().min(1).optional(),
    haiku: z.string().min(1).optional(),
  })
  .strict();

/** USD per million tokens. Cache prices default to the input price, which over- rather than under-counts. */
const PriceEntry = z
  .object({
    input: z.number().nonnegative(),
    output: z.number().nonnegative(),
    cacheRead: z.number().nonnegative().optional(),
    cacheWrite: z.number().nonnegative().optional(),
  })
  .strict();

/** A duration: seconds as a number, or a string such as "90s", "10m", "1h". */
const Duration = z.union([z.number().positive(), z.string()]).transform((value, ctx) => {
  const ms = typeof value === 'number' ? Math.round(value * 1000) : parseDuration(value);
  if (!ms) {
    ctx.addIssue({ code: 'custom', message: `"${value}" is not a duration: use e.g. 90s, 10m or 1h (a bare number is seconds)` });
    return z.NEVER;
  }
  return ms;
});

/**
 * The config file: `review-agent.config.json|yaml|yml`, or the `review-agent` key of package.json.
 * Every object is strict, so a misspelt key is an error rather than a silently ignored setting.
 */
export const ConfigFile = z
  .object({
    /** anthropic | openai | offline | replay, or a custom id registered by a library caller. */
    provider: z.string().trim().min(1).optional(),
    /** Model id or alias (opus, sonnet, haiku); like --model it overrides the agent's model. */
    model: z.string().trim().min(1).optional(),
    /** Alias map per provider: { anthropic: { sonnet: "claude-sonnet-4-5", default: ... } }. */
    models: z.record(z.string(), ModelEntry).optional(),
    /** An OpenAI-compatible server or an Anthropic proxy. */
    baseUrl: z.url({ error: 'write a URL such as http://localhost:11434/v1' }).optional(),
    /** Prices per provider, then model: { openai: { "my-model": { input: 0.2, output: 0.8 } } }. */
    prices: z.record(z.string(), z.record(z.string(), PriceEntry)).optional(),
    failOn: z.enum(FAIL_ON).optional(),
    maxTurns: z.number().int().positive().optional(),
    /** USD. */
    maxCost: z.number().positive().optional(),
    timeout: Duration.optional(),
    /** Globs of files whose findings are dropped, relative to the config file's folder. */
    ignore: z.array(z.string().min(1)).optional(),
    /** Extra folders of agent files, relative to the config file's folder. */
    agentDirs: z.array(z.string().min(1)).optional(),
  })
  .strict();

/** The file as written (what `init` produces and what a user types). */
export type ConfigFileInput = z.input<typeof ConfigFile>;
/** After validation: `timeout` is in milliseconds. */
export type ConfigFileValues = z.output<typeof ConfigFile>;

export const CONFIG_KEYS = Object.keys(ConfigFile.shape);
