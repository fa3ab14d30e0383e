import { describe, expect, it } from 'vitest';
import { chooseProvider } from '../../src/providers/select.js';

describe('chooseProvider', () => {
  const allEnv = { ANTHROPIC_API_KEY: 'a', OPENAI_API_KEY: 'o', OPENAI_BASE_URL: 'http://localhost:11434/v1' };

  it('prefers the --provider flag over everything', () => {
    expect(chooseProvider({ flag: 'OpenAI', config: 'anthropic', env: allEnv })).toEqual({
      id: 'openai',
      reason: 'using the openai provider: --provider openai',
    });
  });

  it('then the config, as a value or the parsed config object', () => {
    expect(chooseProvider({ config: 'offline', env: allEnv })).toEqual({
      id: 'offline',
      reason: 'using the offline analyzer: provider: offline in the config file',
    });
    expect(chooseProvider({ config: { provider: 'openai' }, configFile: '.review-agent.yaml', env: allEnv }).reason).toBe(
      'using the openai provider: provider: openai in .review-agent.yaml',
    );
  });

  it('then ANTHROPIC_API_KEY, mentioning OpenAI settings that lost', () => {
    expect(chooseProvider({ config: {}, env: allEnv })).toEqual({
      id: 'anthropic',
      reason: 'using the anthropic provider: ANTHROPIC_API_KEY is set (OpenAI settings are set too: pass --provider openai to use them)',
    });
    expect(chooseProvider({ env: { ANTHROPIC_API_KEY: 'a' } }).reason).toBe('using the anthropic provider: ANTHROPIC_API_KEY is set');
  });

  it('then OPENAI_API_KEY or OPENAI_BASE_URL', () => {
    expect(chooseProvider({ env: { OPENAI_API_KEY: 'o' } })).toEqual({ id: 'openai', reason: 'using the openai provider: OPENAI_API_KEY is set' });
    expect(chooseProvider({ env: { OPENAI_BASE_URL: 'http://localhost:8080/v1' } }).reason).toBe(
      'using the openai provider: OPENAI_BASE_URL (http://localhost:8080/v1) is set',
    );
    expect(chooseProvider({ env: { OPENAI_API_KEY: 'o', OPENAI_BASE_URL: 'http://h/v1' } }).reason).toBe(
      'using the openai provider: OPENAI_API_KEY and OPENAI_BASE_URL (http://h/v1) are set',
    );
  });

  it('falls back to the offline analyzer, saying why', () => {
    expect(chooseProvider({ flag: '  ', env: { ANTHROPIC_API_KEY: '', OPENAI_API_KEY: ' ' } })).toEqual({
      id: 'offline',
      reason: 'using the offline analyzer: no --provider, no config, and neither ANTHROPIC_API_KEY nor OPENAI_API_KEY/OPENAI_BASE_URL is set',
    });
  });

  it('keeps custom provider ids as written', () => {
    expect(chooseProvider({ flag: 'MyVendor', env: {} }).id).toBe('MyVendor');
  });
});
