import { describe, expect, it } from 'vitest';
import { contextWindowOf, costOf, priceOf, resolveModel } from '../../src/providers/models.js';

describe('resolveModel', () => {
  it('maps aliases per provider', () => {
    expect(resolveModel({ provider: 'anthropic', requested: 'opus' })).toBe('claude-opus-4-5');
    expect(resolveModel({ provider: 'anthropic', requested: 'haiku' })).toBe('claude-haiku-4-5');
    expect(resolveModel({ provider: 'openai', requested: 'sonnet' })).toBe('gpt-5-mini');
  });

  it('uses the provider default for inherit or nothing', () => {
    expect(resolveModel({ provider: 'anthropic', requested: 'inherit' })).toBe('claude-sonnet-4-5');
    expect(resolveModel({ provider: 'openai' })).toBe('gpt-5-mini');
  });

  it('lets config replace aliases and defaults, and --model win over all', () => {
    const models = { openai: { default: 'qwen2.5-coder:14b', haiku: 'qwen2.5-coder:3b' } };
    expect(resolveModel({ provider: 'openai', requested: 'haiku', models })).toBe('qwen2.5-coder:3b');
    expect(resolveModel({ provider: 'openai', requested: 'inherit', models })).toBe('qwen2.5-coder:14b');
    expect(resolveModel({ provider: 'openai', requested: 'opus', models })).toBe('gpt-5');
    expect(resolveModel({ provider: 'openai', requested: 'opus', override: 'llama3.1:8b', models })).toBe('llama3.1:8b');
    expect(resolveModel({ provider: 'anthropic', requested: 'opus', override: 'haiku' })).toBe('claude-haiku-4-5');
  });

  it('passes full model ids through, and knows no default for unknown providers', () => {
    expect(resolveModel({ provider: 'anthropic', requested: 'claude-opus-4-1-20250805' })).toBe('claude-opus-4-1-20250805');
    expect(resolveModel({ provider: 'custom' })).toBeUndefined();
    expect(resolveModel({ provider: 'custom', models: { custom: { default: 'm1' } } })).toBe('m1');
  });
});

describe('costOf', () => {
  const usage = { inputTokens: 1_000_000, outputTokens: 100_000, cacheReadTokens: 2_000_000, cacheWriteTokens: 400_000 };

  it('prices input, output, cache reads and writes separately', () => {
    // sonnet 4.5: 3 + 0.1*15 + 2*0.3 + 0.4*3.75 = 3 + 1.5 + 0.6 + 1.5
    expect(costOf('anthropic', 'claude-sonnet-4-5', usage)).toBeCloseTo(6.6, 10);
  });

  it('finds dated model ids by their longest known prefix', () => {
    expect(priceOf('anthropic', 'claude-sonnet-4-5-20250929')).toEqual(priceOf('anthropic', 'claude-sonnet-4-5'));
    expect(priceOf('openai', 'gpt-5-mini-2025-08-07')?.input).toBe(0.25);
    expect(priceOf('openai', 'gpt-5-2025-08-07')?.input).toBe(1.25);
  });

  it('is undefined for unknown models and providers', () => {
    expect(costOf('openai', 'qwen2.5-coder:7b', usage)).toBeUndefined();
    expect(costOf('offline', 'rules', usage)).toBeUndefined();
  });

  it('takes overrides from config, including for local models', () => {
    const prices = {
      anthropic: { 'claude-sonnet-4-5': { input: 1, output: 1, cacheRead: 1, cacheWrite: 1 } },
      openai: { 'qwen2.5-coder:7b': { input: 0, output: 0, cacheRead: 0, cacheWrite: 0 } },
    };
    expect(costOf('anthropic', 'claude-sonnet-4-5', usage, prices)).toBeCloseTo(3.5, 10);
    expect(costOf('openai', 'qwen2.5-coder:7b', usage, prices)).toBe(0);
    expect(costOf('anthropic', 'claude-haiku-4-5', { ...usage, cacheWriteTokens: 0, cacheReadTokens: 0 }, prices)).toBeCloseTo(1.5, 10);
  });
});

describe('contextWindowOf', () => {
  it('knows Claude and OpenAI families, not local models', () => {
    expect(contextWindowOf('anthropic', 'claude-haiku-4-5')).toBe(200_000);
    expect(contextWindowOf('openai', 'gpt-4.1-mini')).toBe(1_047_576);
    expect(contextWindowOf('openai', 'llama3.1:8b')).toBeUndefined();
  });
});
