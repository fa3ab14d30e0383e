import type { Usage } from '../review/schema.js';

/** The model names agent files use (Claude Code's convention); `inherit` means the provider's default. */
export const MODEL_ALIASES = ['opus', 'sonnet', 'haiku'] as const;
export type ModelAlias = (typeof MODEL_ALIASES)[number];

/** Per provider: the model id each alias maps to, and the default used for `inherit` or no model at all. */
export interface ProviderModels {
  default: string;
  opus: string;
  sonnet: string;
  haiku: string;
}

/** Alias maps per provider id; config may replace any entry, or add a provider. */
export type ModelMap = Record<string, Partial<ProviderModels>>;

export const DEFAULT_MODELS: Readonly<Record<string, ProviderModels>> = {
  anthropic: {
    default: 'claude-sonnet-4-5',
    opus: 'claude-opus-4-5',
    sonnet: 'claude-sonnet-4-5',
    haiku: 'claude-haiku-4-5',
  },
  openai: {
    default: 'gpt-5-mini',
    opus: 'gpt-5',
    sonnet: 'gpt-5-mini',
    haiku: 'gpt-5-nano',
  },
};

export interface ResolveModelOptions {
  /** Provider id, e.g. 'anthropic'. */
  provider: string;
  /** What the agent file asks for: an alias, `inherit`, a full model id, or nothing. */
  requested?: string;
  /** `--model`: wins over everything, taken literally (it may itself be an alias). */
  override?: string;
  /** Config overrides of the alias map, merged over DEFAULT_MODELS per provider. */
  models?: ModelMap;
}

/**
 * The model id a request goes to. Returns undefined when the provider has no default and nothing
 * names a model (a custom provider): the caller then keeps the provider's own model.
 */
export function resolveModel(options: ResolveModelOptions): string | undefined {
  const map: Partial<ProviderModels> = {
    ...DEFAULT_MODELS[options.provider],
    ...options.models?.[options.provider],
  };
  const wanted = (options.override ?? options.requested ?? '').trim();
  if (wanted === '' || wanted === 'inherit') return map.default;
  if (isAlias(wanted)) return map[wanted] ?? map.default;
  return wanted;
}

export function isAlias(name: string): name is ModelAlias {
  return (MODEL_ALIASES as readonly string[]).includes(name);
}

/** USD per million tokens. Cache reads and writes are billed apart from plain input. */
export interface ModelPrice {
  input: number;
  output: number;
  cacheRead: number;
  cacheWrite: number;
}

/** Prices per provider id, then model id. Config entries are merged over these. */
export type PriceTable = Record<string, Record<string, ModelPrice>>;

/**
 * List prices as published by the vendors (USD per million tokens, standard tier, 5-minute
 * cache writes). They change: override them in config rather than trusting this table blindly.
 * OpenAI bills no cache writes; its cached input is the cacheRead price.
 */
export const DEFAULT_PRICES: Readonly<PriceTable> = {
  anthropic: {
    'claude-opus-4-5': { input: 5, output: 25, cacheRead: 0.5, cacheWrite: 6.25 },
    'claude-opus-4-1': { input: 15, output: 75, cacheRead: 1.5, cacheWrite: 18.75 },
    'claude-opus-4': { input: 15, output: 75, cacheRead: 1.5, cacheWrite: 18.75 },
    'claude-sonnet-4-5': { input: 3, output: 15, cacheRead: 0.3, cacheWrite: 3.75 },
    'claude-sonnet-4': { input: 3, output: 15, cacheRead: 0.3, cacheWrite: 3.75 },
    'claude-haiku-4-5': { input: 1, output: 5, cacheRead: 0.1, cacheWrite: 1.25 },
    'claude-3-5-haiku': { input: 0.8, output: 4, cacheRead: 0.08, cacheWrite: 1 },
  },
  openai: {
    'gpt-5': { input: 1.25, output: 10, cacheRead: 0.125, cacheWrite: 0 },
    'gpt-5-mini': { input: 0.25, output: 2, cacheRead: 0.025, cacheWrite: 0 },
    'gpt-5-nano': { input: 0.05, output: 0.4, cacheRead: 0.005, cacheWrite: 0 },
    'gpt-4.1': { input: 2, output: 8, cacheRead: 0.5, cacheWrite: 0 },
    'gpt-4.1-mini': { input: 0.4, output: 1.6, cacheRead: 0.1, cacheWrite: 0 },
    'gpt-4.1-nano': { input: 0.1, output: 0.4, cacheRead: 0.025, cacheWrite: 0 },
    'gpt-4o': { input: 2.5, output: 10, cacheRead: 1.25, cacheWrite: 0 },
    'gpt-4o-mini': { input: 0.15, output: 0.6, cacheRead: 0.075, cacheWrite: 0 },
  },
};

/**
 * The price of a model: an exact entry, else the longest entry the id starts with followed by
 * '-' (so a dated id such as `claude-sonnet-4-5-20250929` finds `claude-sonnet-4-5`).
 * Entries in `prices` win over the defaults.
 */
export function priceOf(provider: string, model: string, prices?: PriceTable): ModelPrice | undefined {
  const table = { ...DEFAULT_PRICES[provider], ...prices?.[provider] };
  const exact = table[model];
  if (exact) return exact;
  let best: string | undefined;
  for (const key of Object.keys(table)) {
    if (model.startsWith(`${key}-`) && (best === undefined || key.length > best.length)) best = key;
  }
  return best === undefined ? undefined : table[best];
}

/** Cost in USD of one usage record, or undefined when the model's price is unknown. */
export function costOf(provider: string, model: string, usage: Usage, prices?: PriceTable): number | undefined {
  const price = priceOf(provider, model, prices);
  if (!price) return undefined;
  const micro =
    usage.inputTokens * price.input +
    usage.outputTokens * price.output +
    usage.cacheReadTokens * price.cacheRead +
    usage.cacheWriteTokens * price.cacheWrite;
  return micro / 1_000_000;
}

/** Context windows in tokens for known models; local servers vary, so the caller may set it. */
const CONTEXT_WINDOWS: Readonly<Record<string, Record<string, number>>> = {
  anthropic: { claude: 200_000 },
  openai: { 'gpt-5': 400_000, 'gpt-4.1': 1_047_576, 'gpt-4o': 128_000 },
};

/** The context window of a model, matched by id prefix; undefined when unknown. */
export function contextWindowOf(provider: string, model: string): number | undefined {
  const table = CONTEXT_WINDOWS[provider] ?? {};
  let best: string | undefined;
  for (const key of Object.keys(table)) {
    if (model.startsWith(key) && (best === undefined || key.length > best.length)) best = key;
  }
  return best === undefined ? undefined : table[best];
}
