import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { ReviewAgentError } from '../errors.js';
import { loadConfigFile, PACKAGE_KEY, type LoadedConfig } from './load.js';

/** Config file names, looked for in every folder from the reviewed path up to the filesystem root. */
export const CONFIG_FILE_NAMES = ['review-agent.config.json', 'review-agent.config.yaml', 'review-agent.config.yml'] as const;

async function isFile(file: string): Promise<boolean> {
  return stat(file).then((s) => s.isFile(), () => false);
}

/** A package.json counts only when it has a `review-agent` key; one that does not parse is not ours to judge. */
async function packageHasKey(file: string): Promise<boolean> {
  const text = await readFile(file, 'utf8').catch(() => undefined);
  if (text === undefined) return false;
  try {
    const parsed = JSON.parse(text) as unknown;
    return parsed !== null && typeof parsed === 'object' && PACKAGE_KEY in parsed;
  } catch {
    return false;
  }
}

/**
 * The config file that applies to `start` (a folder, or a file whose folder is used): the first
 * folder walking up that holds one. Two candidates in one folder are an error rather than a guess.
 */
export async function findConfigFile(start: string): Promise<string | undefined> {
  const abs = path.resolve(start);
  let dir = (await stat(abs).then((s) => s.isDirectory(), () => false)) ? abs : path.dirname(abs);
  for (;;) {
    const found: string[] = [];
    for (const name of CONFIG_FILE_NAMES) {
      if (await isFile(path.join(dir, name))) found.push(path.join(dir, name));
    }
    const pkg = path.join(dir, 'package.json');
    if (await packageHasKey(pkg)) found.push(pkg);
    if (found.length > 1) {
      throw new ReviewAgentError('config', `more than one config file in ${dir}: ${found.map((f) => path.basename(f)).join(', ')}`, {
        file: found[0],
        fix: 'keep one of them and delete or merge the others',
      });
    }
    if (found[0]) return found[0];
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** Finds and loads the config for a reviewed path; undefined when there is none. */
export async function loadConfigFor(start: string): Promise<LoadedConfig | undefined> {
  const file = await findConfigFile(start);
  return file === undefined ? undefined : loadConfigFile(file);
}
