/** Built-in provider ids; library callers may register others under their own id. */
export type BuiltinProviderId = 'anthropic' | 'openai' | 'offline' | 'replay';

export interface ProviderChoice {
  id: BuiltinProviderId | (string & {});
  /** One line for stderr: which provider runs and why. */
  reason: string;
}

export interface ChooseProviderOptions {
  /** The `--provider` flag. */
  flag?: string;
  /** The config file's provider: the value itself, or the parsed config holding `provider`. */
  config?: string | { provider?: string };
  /** Where the config came from, named in the notice. */
  configFile?: string;
  /** Environment variables (usually process.env), read here and nowhere else. */
  env: Record<string, string | undefined>;
}

/**
 * Which provider runs: the `--provider` flag, then the config file, then the environment
 * (ANTHROPIC_API_KEY → anthropic; OPENAI_API_KEY or OPENAI_BASE_URL → openai), then the offline
 * analyzer. The reason says which rule decided, so a surprising choice is easy to correct.
 */
export function chooseProvider(options: ChooseProviderOptions): ProviderChoice {
  const flag = clean(options.flag);
  if (flag) return { id: flag, reason: `using the ${describe(flag)}: --provider ${flag}` };

  const fromConfig = clean(typeof options.config === 'string' ? options.config : options.config?.provider);
  if (fromConfig) {
    const where = options.configFile ? `provider: ${fromConfig} in ${options.configFile}` : `provider: ${fromConfig} in the config file`;
    return { id: fromConfig, reason: `using the ${describe(fromConfig)}: ${where}` };
  }

  const env = options.env;
  const anthropicKey = isSet(env.ANTHROPIC_API_KEY);
  const openaiKey = isSet(env.OPENAI_API_KEY);
  const openaiBase = isSet(env.OPENAI_BASE_URL);
  if (anthropicKey) {
    const also = openaiKey || openaiBase ? ` (OpenAI settings are set too: pass --provider openai to use them)` : '';
    return { id: 'anthropic', reason: `using the anthropic provider: ANTHROPIC_API_KEY is set${also}` };
  }
  if (openaiKey || openaiBase) {
    const which = [openaiKey ? 'OPENAI_API_KEY' : '', openaiBase ? `OPENAI_BASE_URL (${env.OPENAI_BASE_URL?.trim()})` : '']
      .filter(Boolean)
      .join(' and ');
    return { id: 'openai', reason: `using the openai provider: ${which} ${openaiKey && openaiBase ? 'are' : 'is'} set` };
  }
  return {
    id: 'offline',
    reason:
      'using the offline analyzer: no --provider, no config, and neither ANTHROPIC_API_KEY nor OPENAI_API_KEY/OPENAI_BASE_URL is set',
  };
}

function describe(id: string): string {
  return id === 'offline' ? 'offline analyzer' : `${id} provider`;
}

const BUILTIN: readonly string[] = ['anthropic', 'openai', 'offline', 'replay'];

/** Trimmed; built-in ids are matched case-insensitively, custom ids kept as written. */
function clean(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  if (!trimmed) return undefined;
  const lower = trimmed.toLowerCase();
  return BUILTIN.includes(lower) ? lower : trimmed;
}

function isSet(value: string | undefined): boolean {
  return value !== undefined && value.trim() !== '';
}
