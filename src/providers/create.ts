import { ReviewAgentError } from '../errors.js';
import { createAnthropicProvider } from './anthropic.js';
import { resolveModel, type ModelMap } from './models.js';
import { createOfflineProvider } from './offline.js';
import { createOpenAIProvider } from './openai.js';
import { createReplayProvider, recordingProvider } from './replay.js';
import type { Provider } from './types.js';

export interface CreateProviderOptions {
  /** 'anthropic' | 'openai' | 'offline' | 'replay' */
  id: string;
  /** What the agent file asks for (alias, inherit or a model id). */
  agentModel?: string;
  /** --model: wins over the agent's model. */
  model?: string;
  baseURL?: string;
  apiKey?: string;
  /** Config overrides of the alias map. */
  models?: ModelMap;
  /** replay: the recording to play back. */
  cassette?: string;
  /** Record every exchange of the created provider to this file. */
  record?: string;
  /** Environment for API keys and base URLs (usually process.env); never read at import. */
  env: Record<string, string | undefined>;
  /** offline: rules to switch off. */
  disabledRules?: string[];
}

/** Builds one of the built-in providers; custom providers are passed to runReview directly. */
export function createProvider(options: CreateProviderOptions): Provider {
  const inner = createInner(options);
  return options.record ? recordingProvider(inner, options.record) : inner;
}

function createInner(options: CreateProviderOptions): Provider {
  const model = () => resolveModel({ provider: options.id, requested: options.agentModel, override: options.model, models: options.models })!;
  switch (options.id) {
    case 'anthropic':
      return createAnthropicProvider({ model: model(), apiKey: options.apiKey, baseURL: options.baseURL, env: options.env });
    case 'openai':
      return createOpenAIProvider({ model: model(), apiKey: options.apiKey, baseURL: options.baseURL, env: options.env });
    case 'offline':
      return createOfflineProvider({ disabledRules: options.disabledRules });
    case 'replay':
      if (!options.cassette) {
        throw new ReviewAgentError('usage', 'the replay provider needs a recording', { fix: 'pass --cassette FILE, a file written by --record' });
      }
      return createReplayProvider(options.cassette, { strict: true });
    default:
      throw new ReviewAgentError('usage', `unknown provider "${options.id}"`, {
        field: 'provider',
        fix: 'use anthropic, openai (or any OpenAI-compatible server with --base-url), offline or replay',
      });
  }
}
