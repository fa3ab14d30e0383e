import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { ReviewAgentError } from '../errors.js';
import { configIssues, lineOf } from './issues.js';
import { ConfigFile, type ConfigFileValues } from './schema.js';

/** The key that holds the config inside package.json. */
export const PACKAGE_KEY = 'review-agent';

export interface LoadedConfig {
  /** Absolute path of the file the settings came from. */
  file: string;
  /** Its folder: relative paths in the config (agentDirs, ignore) are relative to it. */
  dir: string;
  values: ConfigFileValues;
}

function configError(file: string, message: string, details: { field?: string; line?: number; fix: string }): ReviewAgentError {
  return new ReviewAgentError('config', message, { file, ...details });
}

/** Parses JSON or YAML text; a syntax error names the file and line. */
function parseText(text: string, file: string): unknown {
  if (file.endsWith('.json')) {
    try {
      return JSON.parse(text);
    } catch (error) {
      const message = (error as Error).message;
      const position = /position (\d+)/.exec(message);
      const line = position ? text.slice(0, Number(position[1])).split('\n').length : undefined;
      throw configError(file, `invalid JSON: ${message}`, { line, fix: 'correct the syntax (JSON has no comments or trailing commas; use a .yaml file for comments)' });
    }
  }
  try {
    return parseYaml(text);
  } catch (error) {
    if (error instanceof YAMLParseError) {
      throw configError(file, `invalid YAML: ${error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`, {
        line: error.linePos?.[0]?.line,
        fix: 'correct the YAML syntax near that line (close brackets and quotes; indent with spaces, not tabs)',
      });
    }
    throw error;
  }
}

/**
 * Validates settings read from `file`. Throws one ReviewAgentError (exit code 2) naming the file,
 * the key, its line and the fix; further problems are counted in the message.
 */
export function parseConfig(raw: unknown, file: string, text?: string, prefix: string[] = []): ConfigFileValues {
  const input = raw ?? {};
  const result = ConfigFile.safeParse(input);
  if (result.success) return result.data;
  const issues = configIssues(result.error, input);
  const first = issues[0]!;
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more: ${issues.slice(1, 4).map((i) => i.field).join(', ')})` : '';
  throw configError(file, `${first.message}${more}`, {
    field: prefix.length ? `${prefix.join('.')}.${first.field}` : first.field,
    line: text === undefined ? undefined : lineOf(text, [...prefix, ...first.path]),
    fix: first.fix,
  });
}

/** Reads and validates one config file, or the `review-agent` key of a package.json. */
export async function loadConfigFile(file: string): Promise<LoadedConfig> {
  const abs = path.resolve(file);
  let text: string;
  try {
    text = await readFile(abs, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw configError(abs, code === 'ENOENT' ? 'config file not found' : `cannot read the config file (${code})`, {
      fix: 'check the path given with --config',
    });
  }
  const parsed = parseText(text, abs);
  const isPackage = path.basename(abs) === 'package.json';
  let raw = parsed;
  if (isPackage) {
    raw = (parsed as Record<string, unknown> | null)?.[PACKAGE_KEY];
    if (raw === undefined) {
      throw configError(abs, `package.json has no "${PACKAGE_KEY}" key`, { fix: `add "${PACKAGE_KEY}": { ... } or use review-agent.config.yaml` });
    }
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
      throw configError(abs, `"${PACKAGE_KEY}" must be an object of settings`, { field: PACKAGE_KEY, line: lineOf(text, [PACKAGE_KEY]), fix: `write "${PACKAGE_KEY}": { "provider": "offline" }` });
    }
  }
  const values = parseConfig(raw, abs, text, isPackage ? [PACKAGE_KEY] : []);
  return { file: abs, dir: path.dirname(abs), values };
}
