import path from 'node:path';
import { parseDuration } from '../cli/duration.js';
import { ReviewAgentError } from '../errors.js';
import type { ModelMap, ModelPrice, PriceTable } from '../providers/models.js';
import { chooseProvider, type ProviderChoice } from '../providers/select.js';
import type { LoadedConfig } from './load.js';
import { FAIL_ON, type FailOn } from './schema.js';

/** Environment variables that override the config file (and are overridden by flags). */
export const ENV = {
  provider: 'REVIEW_AGENT_PROVIDER',
  model: 'REVIEW_AGENT_MODEL',
  failOn: 'REVIEW_AGENT_FAIL_ON',
  maxTurns: 'REVIEW_AGENT_MAX_TURNS',
  maxCostUsd: 'REVIEW_AGENT_MAX_COST',
  timeoutMs: 'REVIEW_AGENT_TIMEOUT',
} as const;

/** The vendor variables the SDKs read; they count as the environment level for baseUrl. */
const BASE_URL_ENV: Record<string, string> = { anthropic: 'ANTHROPIC_BASE_URL', openai: 'OPENAI_BASE_URL' };

export type SettingSource = 'flag' | 'env' | 'config' | 'default';

/** What the caller set explicitly: CLI flags, or the options of a library call. */
export interface ExplicitSettings {
  provider?: string;
  model?: string;
  baseUrl?: string;
  failOn?: FailOn;
  maxTurns?: number;
  maxCostUsd?: number;
  timeoutMs?: number;
  /** Merged over the config's alias map. */
  models?: ModelMap;
  /** Merged over the config's prices. */
  prices?: PriceTable;
  /** Added to the config's ignore globs (relative to `cwd`). */
  ignore?: string[];
  /** Added to the config's agent folders (relative to `cwd`). */
  agentDirs?: string[];
}

/** A glob and the folder it is relative to. */
export interface IgnoreGlob {
  pattern: string;
  base: string;
}

export interface Settings {
  provider: ProviderChoice;
  model?: string;
  baseUrl?: string;
  models?: ModelMap;
  prices?: PriceTable;
  failOn: FailOn;
  /** Undefined: the agent's maxTurns, else the loop's default. */
  maxTurns?: number;
  maxCostUsd?: number;
  timeoutMs?: number;
  ignore: IgnoreGlob[];
  /** Absolute folders searched for agents after ./agents. */
  agentDirs: string[];
  configFile?: string;
  /** Where each scalar setting came from, for `--verbose` and for tests of the precedence. */
  sources: Record<'provider' | 'model' | 'baseUrl' | 'failOn' | 'maxTurns' | 'maxCostUsd' | 'timeoutMs', SettingSource>;
}

export interface ResolveSettingsOptions {
  explicit?: ExplicitSettings;
  env: Record<string, string | undefined>;
  config?: LoadedConfig;
  /** Folder that relative paths of explicit settings are resolved against. */
  cwd: string;
}

function envError(name: string, value: string, expected: string, example: string): ReviewAgentError {
  return new ReviewAgentError('config', `${name}=${value} is not ${expected}`, { field: name, fix: `set it to e.g. ${example}, or unset it` });
}

function envValue(env: Record<string, string | undefined>, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

/** Parses the REVIEW_AGENT_* variables; a malformed value is an error naming the variable. */
function readEnv(env: Record<string, string | undefined>): Omit<ExplicitSettings, 'models' | 'prices' | 'ignore' | 'agentDirs' | 'baseUrl'> {
  const out: ReturnType<typeof readEnv> = {};
  const provider = envValue(env, ENV.provider);
  if (provider) out.provider = provider;
  const model = envValue(env, ENV.model);
  if (model) out.model = model;
  const failOn = envValue(env, ENV.failOn);
  if (failOn) {
    if (!(FAIL_ON as readonly string[]).includes(failOn)) throw envError(ENV.failOn, failOn, `one of ${FAIL_ON.join(', ')}`, 'high');
    out.failOn = failOn as FailOn;
  }
  const turns = envValue(env, ENV.maxTurns);
  if (turns) {
    const n = Number(turns);
    if (!Number.isInteger(n) || n <= 0) throw envError(ENV.maxTurns, turns, 'a positive whole number', '20');
    out.maxTurns = n;
  }
  const cost = envValue(env, ENV.maxCostUsd);
  if (cost) {
    const n = Number(cost);
    if (!Number.isFinite(n) || n <= 0) throw envError(ENV.maxCostUsd, cost, 'a positive number of USD', '0.50');
    out.maxCostUsd = n;
  }
  const timeout = envValue(env, ENV.timeoutMs);
  if (timeout) {
    const ms = parseDuration(timeout);
    if (!ms) throw envError(ENV.timeoutMs, timeout, 'a duration', '10m');
    out.timeoutMs = ms;
  }
  return out;
}

function pick<T>(flag: T | undefined, env: T | undefined, config: T | undefined): { value: T | undefined; source: SettingSource } {
  if (flag !== undefined) return { value: flag, source: 'flag' };
  if (env !== undefined) return { value: env, source: 'env' };
  if (config !== undefined) return { value: config, source: 'config' };
  return { value: undefined, source: 'default' };
}

function describeProvider(id: string): string {
  return id === 'offline' ? 'offline analyzer' : `${id} provider`;
}

function configPrices(config: LoadedConfig | undefined): PriceTable | undefined {
  const prices = config?.values.prices;
  if (!prices) return undefined;
  const table: PriceTable = {};
  for (const [provider, models] of Object.entries(prices)) {
    table[provider] = {};
    for (const [model, p] of Object.entries(models)) {
      const price: ModelPrice = { input: p.input, output: p.output, cacheRead: p.cacheRead ?? p.input, cacheWrite: p.cacheWrite ?? p.input };
      table[provider]![model] = price;
    }
  }
  return table;
}

function mergeByProvider<T extends object>(base: Record<string, T> | undefined, over: Record<string, T> | undefined): Record<string, T> | undefined {
  if (!base) return over;
  if (!over) return base;
  const merged: Record<string, T> = { ...base };
  for (const [key, value] of Object.entries(over)) merged[key] = { ...merged[key], ...value };
  return merged;
}

/**
 * One value per setting, by precedence: explicit (flags or library options), then the
 * REVIEW_AGENT_* environment, then the config file, then defaults. Provider auto-detection from
 * API keys comes after the config file, as chooseProvider documents.
 */
export function resolveSettings(options: ResolveSettingsOptions): Settings {
  const explicit = options.explicit ?? {};
  const env = readEnv(options.env);
  const config = options.config?.values;
  const configFile = options.config?.file;

  let provider: ProviderChoice;
  let providerSource: SettingSource;
  if (explicit.provider) {
    provider = chooseProvider({ flag: explicit.provider, env: options.env });
    providerSource = 'flag';
  } else if (env.provider) {
    const id = env.provider.toLowerCase();
    const builtin = ['anthropic', 'openai', 'offline', 'replay'].includes(id);
    provider = { id: builtin ? id : env.provider, reason: `using the ${describeProvider(builtin ? id : env.provider)}: ${ENV.provider}=${env.provider}` };
    providerSource = 'env';
  } else {
    provider = chooseProvider({ config: config?.provider, configFile, env: options.env });
    providerSource = config?.provider ? 'config' : 'default';
  }

  const baseUrlEnvName = BASE_URL_ENV[provider.id];
  const model = pick(explicit.model, env.model, config?.model);
  const baseUrl = pick(explicit.baseUrl, baseUrlEnvName ? envValue(options.env, baseUrlEnvName) : undefined, config?.baseUrl);
  const failOn = pick(explicit.failOn, env.failOn, config?.failOn);
  const maxTurns = pick(explicit.maxTurns, env.maxTurns, config?.maxTurns);
  const maxCostUsd = pick(explicit.maxCostUsd, env.maxCostUsd, config?.maxCost);
  const timeoutMs = pick(explicit.timeoutMs, env.timeoutMs, config?.timeout);

  const configDir = options.config?.dir;
  const ignore: IgnoreGlob[] = [
    ...(configDir ? (config?.ignore ?? []).map((pattern) => ({ pattern, base: configDir })) : []),
    ...(explicit.ignore ?? []).map((pattern) => ({ pattern, base: options.cwd })),
  ];
  const agentDirs = [
    ...(explicit.agentDirs ?? []).map((d) => path.resolve(options.cwd, d)),
    ...(configDir ? (config?.agentDirs ?? []).map((d) => path.resolve(configDir, d)) : []),
  ];

  return {
    provider,
    model: model.value,
    baseUrl: baseUrl.value,
    models: mergeByProvider(config?.models, explicit.models),
    prices: mergeByProvider(configPrices(options.config), explicit.prices),
    failOn: failOn.value ?? 'critical',
    maxTurns: maxTurns.value,
    maxCostUsd: maxCostUsd.value,
    timeoutMs: timeoutMs.value,
    ignore,
    agentDirs,
    configFile,
    sources: {
      provider: providerSource,
      model: model.source,
      baseUrl: baseUrl.source,
      failOn: failOn.source,
      maxTurns: maxTurns.source,
      maxCostUsd: maxCostUsd.source,
      timeoutMs: timeoutMs.source,
    },
  };
}
