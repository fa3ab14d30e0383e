import { mkdir, mkdtemp, realpath, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findConfigFile, loadConfigFor } from '../../src/config/discover.js';
import { loadConfigFile } from '../../src/config/load.js';
import { ReviewAgentError } from '../../src/errors.js';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'config');
const bad = (name: string) => path.join(fixtures, 'bad', name);

async function loadError(file: string): Promise<ReviewAgentError> {
  const error = await loadConfigFile(file).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ReviewAgentError);
  const e = error as ReviewAgentError;
  expect(e.kind).toBe('config');
  expect(e.exitCode).toBe(2);
  expect(e.file).toBe(file);
  return e;
}

async function tempDir(): Promise<string> {
  return realpath(await mkdtemp(path.join(os.tmpdir(), 'ra-config-')));
}

describe('config files', () => {
  it('loads every setting from YAML, with durations in milliseconds', async () => {
    const loaded = await loadConfigFile(path.join(fixtures, 'good', 'full.yaml'));
    expect(loaded.dir).toBe(path.join(fixtures, 'good'));
    expect(loaded.values).toEqual({
      provider: 'openai',
      model: 'sonnet',
      models: { openai: { sonnet: 'qwen2.5-coder:14b', default: 'qwen2.5-coder:7b' } },
      baseUrl: 'http://127.0.0.1:11434/v1',
      prices: { openai: { 'qwen2.5-coder:14b': { input: 0, output: 0 }, 'gpt-5-mini': { input: 0.25, output: 2, cacheRead: 0.025, cacheWrite: 0 } } },
      failOn: 'high',
      maxTurns: 25,
      maxCost: 0.5,
      timeout: 600_000,
      ignore: ['**/vendor/**', 'notebooks/scratch/'],
      agentDirs: ['review-agents'],
    });
  });

  it('reads a bare number of seconds as a timeout (JSON)', async () => {
    expect((await loadConfigFile(path.join(fixtures, 'good', 'timeout-seconds.json'))).values).toEqual({ timeout: 90_000, failOn: 'never' });
  });

  it('names an unknown key, its line, and the key it probably meant', async () => {
    const e = await loadError(bad('unknown-key.yaml'));
    expect(e.field).toBe('maxturns');
    expect(e.line).toBe(2);
    expect(e.message).toBe('unknown key "maxturns"');
    expect(e.fix).toMatch(/^did you mean "maxTurns"\?/);
    expect(e.describe()).toContain('unknown-key.yaml:2: maxturns: unknown key "maxturns"');
  });

  it('names unknown nested keys with their full path', async () => {
    const e = await loadError(bad('nested-unknown-key.yaml'));
    expect(e.field).toBe('models.openai.sonet');
    expect(e.line).toBe(3);
    expect(e.fix).toContain('did you mean "sonnet"');
  });

  it.each([
    ['wrong-type.json', 'maxTurns', 3, 'expected a number, got the string "twenty"', 'write maxTurns as a number'],
    ['bad-fail-on.yaml', 'failOn', 1, 'the string "blocker" is not allowed', 'use one of: critical, high, medium, low, never'],
    ['bad-timeout.yaml', 'timeout', 1, '"soon" is not a duration: use e.g. 90s, 10m or 1h (a bare number is seconds)', 'correct timeout'],
    ['bad-base-url.yaml', 'baseUrl', 1, 'the string "localhost-11434" is not a valid url', 'write a URL such as http://localhost:11434/v1'],
    ['bad-price.yaml', 'prices.openai.my-model.input', 3, 'number -1 is out of range', 'prices.openai.my-model.input must be at least 0'],
    ['ignore-not-list.yaml', 'ignore', 1, 'expected a list, got the string "**/vendor/**"', 'write ignore as a list'],
    ['not-an-object.yaml', '(top level)', undefined, 'expected an object (key: value pairs), got a list', 'the config must be an object of settings (key: value lines)'],
  ])('%s: wrong values are errors naming the key', async (file, field, line, message, fix) => {
    const e = await loadError(bad(file));
    expect({ field: e.field, line: e.line, message: e.message, fix: e.fix }).toEqual({ field, line, message, fix });
  });

  it('reports syntax errors with their line', async () => {
    const yaml = await loadError(bad('yaml-syntax.yaml'));
    expect(yaml.message).toMatch(/^invalid YAML: /);
    expect(yaml.line).toBe(3);
    const json = await loadError(bad('json-syntax.json'));
    expect(json.message).toMatch(/^invalid JSON: /);
    expect(json.line).toBe(3);
    expect(json.fix).toContain('trailing commas');
  });

  it('counts further problems in the message', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'review-agent.config.yaml');
    await writeFile(file, 'maxTurns: 0\nfailOn: sometimes\ncolour: red\n');
    const e = await loadError(file);
    expect(e.message).toMatch(/\(and 2 more: /);
  });

  it('reports a missing --config file', async () => {
    const e = await loadError('/nonexistent/review-agent.config.yaml');
    expect(e.message).toBe('config file not found');
  });
});

describe('config discovery', () => {
  it('walks up from the reviewed path to the nearest config file', async () => {
    const root = await tempDir();
    await mkdir(path.join(root, 'project', 'src', 'ml'), { recursive: true });
    await writeFile(path.join(root, 'review-agent.config.yml'), 'maxTurns: 5\n');
    await writeFile(path.join(root, 'project', 'src', 'ml', 'train.py'), 'print(1)\n');
    expect(await findConfigFile(path.join(root, 'project', 'src', 'ml', 'train.py'))).toBe(path.join(root, 'review-agent.config.yml'));

    await writeFile(path.join(root, 'project', 'review-agent.config.json'), '{"maxTurns": 7}');
    const loaded = await loadConfigFor(path.join(root, 'project', 'src', 'ml'));
    expect(loaded?.file).toBe(path.join(root, 'project', 'review-agent.config.json'));
    expect(loaded?.values.maxTurns).toBe(7);
  });

  it('reads the "review-agent" key of package.json, and skips package.json files without it', async () => {
    const root = await tempDir();
    await mkdir(path.join(root, 'pkg', 'inner'), { recursive: true });
    await writeFile(path.join(root, 'package.json'), JSON.stringify({ name: 'outer', 'review-agent': { failOn: 'medium' } }, null, 2));
    await writeFile(path.join(root, 'pkg', 'package.json'), JSON.stringify({ name: 'inner' }));
    const loaded = await loadConfigFor(path.join(root, 'pkg', 'inner'));
    expect(loaded?.file).toBe(path.join(root, 'package.json'));
    expect(loaded?.values).toEqual({ failOn: 'medium' });
  });

  it('names package.json and the "review-agent." key path in errors', async () => {
    const root = await tempDir();
    await writeFile(path.join(root, 'package.json'), JSON.stringify({ name: 'x', 'review-agent': { maxCost: 'lots' } }, null, 2));
    const error = (await loadConfigFor(root).catch((e: unknown) => e)) as ReviewAgentError;
    expect(error.file).toBe(path.join(root, 'package.json'));
    expect(error.field).toBe('review-agent.maxCost');
    expect(error.line).toBe(4);
  });

  it('refuses two config files in one folder', async () => {
    const root = await tempDir();
    await writeFile(path.join(root, 'review-agent.config.yaml'), 'maxTurns: 1\n');
    await writeFile(path.join(root, 'review-agent.config.json'), '{}');
    const error = (await findConfigFile(root).catch((e: unknown) => e)) as ReviewAgentError;
    expect(error).toBeInstanceOf(ReviewAgentError);
    expect(error.message).toContain('more than one config file');
    expect(error.message).toContain('review-agent.config.json, review-agent.config.yaml');
  });

  it('finds nothing when no folder above has a config', async () => {
    const root = await tempDir();
    // tmpdir itself may sit under a folder with a config on odd machines; only assert when it does not.
    const above = await findConfigFile(path.dirname(root));
    expect(await findConfigFile(root)).toBe(above);
  });
});
