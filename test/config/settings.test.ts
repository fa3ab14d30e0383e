import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { globToRegExp, isIgnored } from '../../src/config/ignore.js';
import type { LoadedConfig } from '../../src/config/load.js';
import { resolveSettings } from '../../src/config/settings.js';
import { ReviewAgentError } from '../../src/errors.js';

const config: LoadedConfig = {
  file: '/repo/review-agent.config.yaml',
  dir: '/repo',
  values: {
    provider: 'openai',
    model: 'from-config',
    baseUrl: 'http://config.local/v1',
    failOn: 'low',
    maxTurns: 10,
    maxCost: 1,
    timeout: 60_000,
    models: { openai: { sonnet: 'cfg-sonnet', haiku: 'cfg-haiku' } },
    prices: { openai: { 'my-model': { input: 1, output: 2 } } },
    ignore: ['vendor/'],
    agentDirs: ['team-agents'],
  },
};

const env = {
  REVIEW_AGENT_PROVIDER: 'anthropic',
  REVIEW_AGENT_MODEL: 'from-env',
  ANTHROPIC_BASE_URL: 'http://env.local',
  REVIEW_AGENT_FAIL_ON: 'medium',
  REVIEW_AGENT_MAX_TURNS: '20',
  REVIEW_AGENT_MAX_COST: '2',
  REVIEW_AGENT_TIMEOUT: '2m',
};

const flags = { provider: 'offline', model: 'from-flag', baseUrl: 'http://flag.local', failOn: 'high' as const, maxTurns: 30, maxCostUsd: 3, timeoutMs: 180_000 };

describe('settings precedence: flags, then environment, then config, then defaults', () => {
  it('defaults when nothing is set', () => {
    const s = resolveSettings({ env: {}, cwd: '/work' });
    expect(s.provider.id).toBe('offline');
    expect(s).toMatchObject({ failOn: 'critical', model: undefined, baseUrl: undefined, maxTurns: undefined, maxCostUsd: undefined, timeoutMs: undefined, ignore: [], agentDirs: [] });
    expect(Object.values(s.sources).every((v) => v === 'default')).toBe(true);
  });

  it('config over defaults', () => {
    const s = resolveSettings({ env: {}, config, cwd: '/work' });
    expect(s.provider).toEqual({ id: 'openai', reason: 'using the openai provider: provider: openai in /repo/review-agent.config.yaml' });
    expect(s).toMatchObject({ model: 'from-config', baseUrl: 'http://config.local/v1', failOn: 'low', maxTurns: 10, maxCostUsd: 1, timeoutMs: 60_000, configFile: config.file });
    expect(s.ignore).toEqual([{ pattern: 'vendor/', base: '/repo' }]);
    expect(s.agentDirs).toEqual([path.resolve('/repo/team-agents')]);
    expect(s.prices).toEqual({ openai: { 'my-model': { input: 1, output: 2, cacheRead: 1, cacheWrite: 1 } } });
    expect(new Set(Object.values(s.sources))).toEqual(new Set(['config']));
  });

  it('environment over config', () => {
    const s = resolveSettings({ env, config, cwd: '/work' });
    expect(s.provider).toEqual({ id: 'anthropic', reason: 'using the anthropic provider: REVIEW_AGENT_PROVIDER=anthropic' });
    expect(s).toMatchObject({ model: 'from-env', baseUrl: 'http://env.local', failOn: 'medium', maxTurns: 20, maxCostUsd: 2, timeoutMs: 120_000 });
    expect(new Set(Object.values(s.sources))).toEqual(new Set(['env']));
  });

  it('flags over environment', () => {
    const s = resolveSettings({ env, config, explicit: flags, cwd: '/work' });
    expect(s.provider.id).toBe('offline');
    expect(s.provider.reason).toContain('--provider offline');
    expect(s).toMatchObject({ model: 'from-flag', baseUrl: 'http://flag.local', failOn: 'high', maxTurns: 30, maxCostUsd: 3, timeoutMs: 180_000 });
    expect(new Set(Object.values(s.sources))).toEqual(new Set(['flag']));
  });

  it('a config provider beats API keys in the environment; keys beat the offline default', () => {
    expect(resolveSettings({ env: { ANTHROPIC_API_KEY: 'sk-ant-x' }, config, cwd: '/' }).provider.id).toBe('openai');
    expect(resolveSettings({ env: { ANTHROPIC_API_KEY: 'sk-ant-x' }, cwd: '/' }).provider.id).toBe('anthropic');
  });

  it('the vendor base URL variable applies only to its provider', () => {
    const s = resolveSettings({ env: { OPENAI_BASE_URL: 'http://ollama.local/v1' }, config: { ...config, values: { ...config.values, provider: 'anthropic' } }, cwd: '/' });
    expect(s.baseUrl).toBe('http://config.local/v1');
  });

  it('merges explicit alias maps, prices, ignores and agent folders over the config', () => {
    const s = resolveSettings({
      env: {},
      config,
      cwd: '/work',
      explicit: { models: { openai: { sonnet: 'mine' } }, prices: { openai: { other: { input: 3, output: 4, cacheRead: 0, cacheWrite: 0 } } }, ignore: ['*.ipynb'], agentDirs: ['mine'] },
    });
    expect(s.models).toEqual({ openai: { sonnet: 'mine', haiku: 'cfg-haiku' } });
    expect(Object.keys(s.prices!.openai!)).toEqual(['my-model', 'other']);
    expect(s.ignore).toEqual([
      { pattern: 'vendor/', base: '/repo' },
      { pattern: '*.ipynb', base: '/work' },
    ]);
    expect(s.agentDirs).toEqual([path.resolve('/work/mine'), path.resolve('/repo/team-agents')]);
  });

  it.each([
    ['REVIEW_AGENT_MAX_TURNS', 'ten', 'REVIEW_AGENT_MAX_TURNS=ten is not a positive whole number'],
    ['REVIEW_AGENT_MAX_COST', '-1', 'REVIEW_AGENT_MAX_COST=-1 is not a positive number of USD'],
    ['REVIEW_AGENT_TIMEOUT', 'later', 'REVIEW_AGENT_TIMEOUT=later is not a duration'],
    ['REVIEW_AGENT_FAIL_ON', 'blocker', 'REVIEW_AGENT_FAIL_ON=blocker is not one of critical, high, medium, low, never'],
  ])('a malformed %s is an error naming the variable', (name, value, message) => {
    let error: unknown;
    try {
      resolveSettings({ env: { [name]: value }, cwd: '/' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ReviewAgentError);
    expect((error as ReviewAgentError).message).toBe(message);
    expect((error as ReviewAgentError).field).toBe(name);
  });
});

describe('ignore globs', () => {
  it.each([
    ['vendor/', 'vendor/lib/a.py', true],
    ['vendor/', 'src/vendor/a.py', false],
    ['*.ipynb', 'notebooks/deep/x.ipynb', true],
    ['*.ipynb', 'x.py', false],
    ['**/scratch/**', 'a/scratch/b/c.py', true],
    ['notebooks/scratch', 'notebooks/scratch/x.py', true],
    ['/build', 'build/x.py', true],
    ['/build', 'src/build/x.py', false],
    ['data/*.py', 'data/x.py', true],
    ['data/*.py', 'data/sub/x.py', false],
    ['test_?.py', 'test_1.py', true],
    ['{legacy,old}/**', 'old/x.py', true],
    ['src/**/*.{py,ipynb}', 'src/a/b/c.ipynb', true],
    ['file.name.py', 'fileXname.py', false],
  ])('%s matches %s: %s', (pattern, file, expected) => {
    expect(isIgnored(path.join('/repo', file), [{ pattern, base: '/repo' }])).toBe(expected);
  });

  it('patterns are relative to their base and never match files outside it', () => {
    expect(isIgnored('/repo/src/ml/train.py', [{ pattern: 'src/ml/*.py', base: '/repo' }])).toBe(true);
    expect(isIgnored('/other/src/ml/train.py', [{ pattern: '**', base: '/repo' }])).toBe(false);
    expect(globToRegExp('a/**/b').test('a/b')).toBe(true);
  });
});
