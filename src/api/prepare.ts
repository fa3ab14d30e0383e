import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { findAgent } from '../agent/discovery.js';
import type { AgentSpec } from '../agent/schema.js';
import { loadConfigFor } from '../config/discover.js';
import { loadConfigFile, parseConfig, type LoadedConfig } from '../config/load.js';
import type { ConfigFileInput } from '../config/schema.js';
import { resolveSettings, type ExplicitSettings, type Settings } from '../config/settings.js';
import { ReviewAgentError } from '../errors.js';
import type { RunReviewOptions } from '../loop/review.js';
import { createProvider } from '../providers/create.js';
import type { ModelMap, PriceTable } from '../providers/models.js';
import type { Provider } from '../providers/types.js';
import type { AnyTool, ToolLimits } from '../../tools/types.js';

/** Everything a review can be asked for; the CLI's flags map onto these one to one. */
export interface ReviewOptions {
  /** An agent name (looked up as the CLI does), the path of an agent .md file, or a loaded agent. */
  agent: string | AgentSpec;
  /** The folder to review, or one file (its folder becomes the root and the file the first focus). */
  path: string;
  /** Folder that relative paths and agent lookups start from (default: process.cwd()). */
  cwd?: string;
  /** A provider id (anthropic, openai, offline, replay) or your own Provider object. Default: flags > REVIEW_AGENT_PROVIDER > config > API keys > offline. */
  provider?: string | Provider;
  /** A model id or alias (opus, sonnet, haiku); overrides the agent's model. Ignored for a Provider object. */
  model?: string;
  /** An OpenAI-compatible server or an Anthropic proxy. */
  baseUrl?: string;
  /** Default: ANTHROPIC_API_KEY / OPENAI_API_KEY from `env`. */
  apiKey?: string;
  /** replay: the recording to play back. */
  cassette?: string;
  /** Record every model exchange to this file. */
  record?: string;
  /** Files to look at first, relative to the review root. */
  focus?: string[];
  /** Default: the agent's maxTurns, else 40. */
  maxTurns?: number;
  /** Stop once the run has cost this many USD (needs a known price). */
  maxCostUsd?: number;
  /** Wall-clock limit of the whole run, in ms. */
  timeoutMs?: number;
  /** Drop findings that could not be verified against the code (default false). */
  strict?: boolean;
  /** Your own tools, offered to the model next to the agent's built-in ones. */
  tools?: AnyTool[];
  /**
   * Settings file: found by walking up from `path` (default), a file path, the settings
   * themselves as an object, or false to use none.
   */
  config?: string | ConfigFileInput | false;
  /** Environment for API keys, base URLs and REVIEW_AGENT_* settings (default: process.env). */
  env?: Record<string, string | undefined>;
  /** Alias map overrides per provider, merged over the config's. */
  models?: ModelMap;
  /** Prices (USD per million tokens) per provider and model, merged over the config's. */
  prices?: PriceTable;
  /** Globs (relative to cwd) of files whose findings are dropped, added to the config's. */
  ignore?: string[];
  /** Extra agent folders (relative to cwd), searched before the config's. */
  agentDirs?: string[];
  /** 'unsafe-none' runs Bash without bubblewrap; only ever set it yourself, never from model output. */
  sandbox?: 'bwrap' | 'unsafe-none';
  /** Output tokens per model call (default 8192). */
  maxTokens?: number;
  toolLimits?: Partial<ToolLimits>;
}

/** A review ready to run: the inputs resolved, nothing sent to a model yet. */
export interface PreparedReview {
  agent: AgentSpec;
  /** Absolute, symlinks resolved. */
  root: string;
  focus: string[];
  provider: Provider;
  /** One line saying which provider runs and why (what the CLI prints to stderr). */
  providerReason: string;
  settings: Settings;
  config?: LoadedConfig;
  /** For runReview, without the signal and event sink. */
  run: Omit<RunReviewOptions, 'signal' | 'onEvent'>;
}

/** A file makes its folder the root and itself the first focus file. */
async function reviewTarget(target: string, given: string, focus: string[]): Promise<{ root: string; focus: string[] }> {
  const info = await stat(target).catch(() => undefined);
  if (!info) {
    throw new ReviewAgentError('usage', `nothing to review at ${given}`, { file: target, fix: 'pass an existing folder or file' });
  }
  const real = await realpath(target);
  if (info.isDirectory()) return { root: real, focus };
  return { root: path.dirname(real), focus: [path.basename(real), ...focus] };
}

async function loadConfig(option: ReviewOptions['config'], target: string, cwd: string): Promise<LoadedConfig | undefined> {
  if (option === false) return undefined;
  if (typeof option === 'string') return loadConfigFile(path.resolve(cwd, option));
  if (option !== undefined) {
    const file = '(config passed to review())';
    return { file, dir: cwd, values: parseConfig(option, file) };
  }
  return loadConfigFor(target);
}

function isProvider(value: ReviewOptions['provider']): value is Provider {
  return typeof value === 'object' && value !== null && typeof value.generate === 'function';
}

/**
 * Resolves a review's inputs the same way for the CLI, the library and the MCP server: the target,
 * the config (walking up from the target), the settings by precedence, the agent and the provider.
 */
export async function prepareReview(options: ReviewOptions): Promise<PreparedReview> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const env = options.env ?? process.env;
  const { root, focus } = await reviewTarget(path.resolve(cwd, options.path), options.path, options.focus ?? []);
  const config = await loadConfig(options.config, root, cwd);

  const custom = isProvider(options.provider) ? options.provider : undefined;
  const explicit: ExplicitSettings = {
    provider: custom ? undefined : (options.provider as string | undefined),
    model: options.model,
    baseUrl: options.baseUrl,
    maxTurns: options.maxTurns,
    maxCostUsd: options.maxCostUsd,
    timeoutMs: options.timeoutMs,
    models: options.models,
    prices: options.prices,
    ignore: options.ignore,
    agentDirs: options.agentDirs,
  };
  const settings = resolveSettings({ explicit, env, config, cwd });

  const agent = typeof options.agent === 'string' ? await findAgent(options.agent, { cwd, extraDirs: settings.agentDirs }) : options.agent;

  const provider =
    custom ??
    createProvider({
      id: settings.provider.id,
      agentModel: agent.model,
      model: settings.model,
      baseURL: settings.baseUrl,
      apiKey: options.apiKey,
      models: settings.models,
      cassette: options.cassette,
      record: options.record,
      env,
    });
  const providerReason = custom ? `using the custom provider "${custom.id}" passed by the caller` : settings.provider.reason;

  return {
    agent,
    root,
    focus,
    provider,
    providerReason,
    settings,
    config,
    run: {
      agent,
      root,
      provider,
      focus,
      maxTurns: settings.maxTurns,
      maxCostUsd: settings.maxCostUsd,
      timeoutMs: settings.timeoutMs,
      strict: options.strict,
      prices: settings.prices,
      extraTools: options.tools,
      sandbox: options.sandbox ?? 'bwrap',
      maxTokens: options.maxTokens,
      toolLimits: options.toolLimits,
    },
  };
}
