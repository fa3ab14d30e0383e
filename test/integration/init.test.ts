import { mkdir, mkdtemp, readFile, realpath, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkAgentText } from '../../src/agent/parse.js';
import { listAgents } from '../../src/agent/discovery.js';
import { main } from '../../src/cli/main.js';
import type { CliIO } from '../../src/cli/io.js';
import { EXAMPLE_AGENT_PATH, STARTER_CONFIG_NAME } from '../../src/cli/commands/init.js';
import { loadConfigFile } from '../../src/config/load.js';

function io(cwd: string) {
  const out: string[] = [];
  const err: string[] = [];
  const cli: CliIO = { stdout: (t) => out.push(t), stderr: (t) => err.push(t), stdoutIsTTY: false, stderrIsTTY: false, env: {}, cwd };
  return { cli, out, err };
}

async function tempDir(): Promise<string> {
  return realpath(await mkdtemp(path.join(os.tmpdir(), 'ra-init-')));
}

describe('review-agent init', () => {
  it('writes a commented starter config that loads, and an example agent that validates and is found', async () => {
    const dir = await tempDir();
    const { cli, out } = io(dir);
    expect(await main(['init'], cli)).toBe(0);
    expect(out.join('')).toContain(`created ${STARTER_CONFIG_NAME}`);
    expect(out.join('')).toContain(`created ${EXAMPLE_AGENT_PATH}`);

    const configText = await readFile(path.join(dir, STARTER_CONFIG_NAME), 'utf8');
    expect(configText.split('\n').filter((l) => l.startsWith('#')).length).toBeGreaterThan(20);
    const config = await loadConfigFile(path.join(dir, STARTER_CONFIG_NAME));
    expect(config.values).toEqual({ failOn: 'critical', ignore: ['**/.venv/**', '**/node_modules/**'] });
    // Every documented key, once uncommented, is a valid setting: no key in the comments is misspelt.
    const uncommented = configText.replace(/^# ?([a-z][a-zA-Z]*:( .*)?)$/gm, '$1').replace(/^# ( +.*)$/gm, '$1');
    const full = path.join(dir, 'uncommented.yaml');
    await writeFile(full, uncommented);
    const everything = await loadConfigFile(full);
    expect(Object.keys(everything.values).sort()).toEqual(
      ['agentDirs', 'baseUrl', 'failOn', 'ignore', 'maxCost', 'maxTurns', 'model', 'models', 'prices', 'provider', 'timeout'].sort(),
    );

    const agentFile = path.join(dir, EXAMPLE_AGENT_PATH);
    const check = checkAgentText(await readFile(agentFile, 'utf8'), agentFile);
    expect(check.problems).toEqual([]);
    expect(check.spec?.name).toBe('example-reviewer');
    expect(check.spec?.tools.map((t) => t.name)).toEqual(['Read', 'Grep', 'Glob']);
    const listed = await listAgents({ cwd: dir, home: dir });
    expect(listed.find((a) => a.file === agentFile)?.spec?.name).toBe('example-reviewer');
  });

  it('writes into a given folder', async () => {
    const dir = await tempDir();
    const { cli } = io(dir);
    expect(await main(['init', 'sub/project'], cli)).toBe(0);
    await expect(readFile(path.join(dir, 'sub', 'project', STARTER_CONFIG_NAME), 'utf8')).resolves.toContain('failOn');
  });

  it('refuses to overwrite: nothing is written when either file exists', async () => {
    const dir = await tempDir();
    await mkdir(path.join(dir, '.claude', 'agents'), { recursive: true });
    await writeFile(path.join(dir, EXAMPLE_AGENT_PATH), 'mine\n');
    const { cli, err } = io(dir);
    expect(await main(['init'], cli)).toBe(2);
    expect(err.join('')).toContain(`${EXAMPLE_AGENT_PATH} already exists; nothing was written`);
    expect(await readFile(path.join(dir, EXAMPLE_AGENT_PATH), 'utf8')).toBe('mine\n');
    await expect(readFile(path.join(dir, STARTER_CONFIG_NAME), 'utf8')).rejects.toThrow(/ENOENT/);

    const again = await tempDir();
    expect(await main(['init'], io(again).cli)).toBe(0);
    const second = io(again);
    expect(await main(['init'], second.cli)).toBe(2);
    expect(second.err.join('')).toContain('already exist; nothing was written');
  });

  it('rejects unknown flags', async () => {
    const { cli, err } = io(await tempDir());
    expect(await main(['init', '--force'], cli)).toBe(2);
    expect(err.join('')).toContain("Unknown option '--force'");
  });
});
