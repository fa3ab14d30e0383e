import { readdir, readFile, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ReviewAgentError } from '../errors.js';
import { packageRoot } from '../package-root.js';
import { loadAgentFile, problemToError } from './loader.js';
import { checkAgentText, type AgentProblem, type ParseAgentOptions } from './parse.js';
import type { AgentSourceKind, AgentSpec } from './schema.js';

export interface DiscoveryOptions extends ParseAgentOptions {
  /** Where project folders are searched from (default process.cwd()). */
  cwd?: string;
  /** Home folder for ~/.claude/agents (default os.homedir()). */
  home?: string;
  /** Extra agent folders (from config or the library caller), searched after ./agents. */
  extraDirs?: string[];
  /** The package's own agents/ folder; found next to this module by default. */
  builtinDir?: string;
}

export interface AgentDir {
  dir: string;
  kind: AgentSourceKind;
}

/** The folders searched, in precedence order: the first agent of a name wins. */
export function agentDirs(options: DiscoveryOptions = {}): AgentDir[] {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const dirs: AgentDir[] = [];
  for (let dir = cwd; ; dir = path.dirname(dir)) {
    dirs.push({ dir: path.join(dir, '.claude', 'agents'), kind: 'project' });
    if (path.dirname(dir) === dir) break;
  }
  dirs.push({ dir: path.join(cwd, 'agents'), kind: 'local' });
  for (const extra of options.extraDirs ?? []) dirs.push({ dir: path.resolve(cwd, extra), kind: 'local' });
  dirs.push({ dir: path.join(options.home ?? os.homedir(), '.claude', 'agents'), kind: 'user' });
  dirs.push({ dir: options.builtinDir ?? builtinAgentsDir(), kind: 'builtin' });
  // One folder can appear twice (cwd is the package itself): keep its first, most specific role.
  const seen = new Set<string>();
  return dirs.filter((d) => (seen.has(d.dir) ? false : (seen.add(d.dir), true)));
}

export function builtinAgentsDir(): string {
  return path.join(packageRoot(), 'agents');
}

export interface ListedAgent {
  file: string;
  kind: AgentSourceKind;
  spec?: AgentSpec;
  problems: AgentProblem[];
  /** Path of the agent of the same name that takes precedence over this one. */
  shadowedBy?: string;
}

async function markdownFiles(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    return entries
      .filter((e) => (e.isFile() || e.isSymbolicLink()) && e.name.endsWith('.md') && e.name.toLowerCase() !== 'readme.md')
      .map((e) => path.join(dir, e.name))
      .sort();
  } catch {
    return [];
  }
}

/** Every agent file found, valid or not, in precedence order. */
export async function listAgents(options: DiscoveryOptions = {}): Promise<ListedAgent[]> {
  const listed: ListedAgent[] = [];
  const winners = new Map<string, string>();
  for (const { dir, kind } of agentDirs(options)) {
    for (const file of await markdownFiles(dir)) {
      const text = await readFile(file, 'utf8').catch(() => undefined);
      if (text === undefined) continue;
      const check = checkAgentText(text, file, { ...options, kind });
      const entry: ListedAgent = { file, kind, spec: check.spec, problems: check.problems };
      const name = check.spec?.name;
      if (name) {
        const winner = winners.get(name);
        if (winner) entry.shadowedBy = winner;
        else winners.set(name, file);
      }
      listed.push(entry);
    }
  }
  return listed;
}

function looksLikePath(value: string): boolean {
  return value.includes('/') || value.includes(path.sep) || value.endsWith('.md');
}

/**
 * Finds an agent by file path or by name. A name is looked up in .claude/agents/ (walking up from
 * cwd), ./agents/, extra folders, ~/.claude/agents/, then the built-in agents.
 */
export async function findAgent(nameOrPath: string, options: DiscoveryOptions = {}): Promise<AgentSpec> {
  const cwd = options.cwd ?? process.cwd();
  if (looksLikePath(nameOrPath)) {
    const file = path.resolve(cwd, nameOrPath);
    const isFile = await stat(file).then((s) => s.isFile(), () => false);
    if (isFile || nameOrPath.endsWith('.md')) return loadAgentFile(file, { ...options, kind: 'file' });
  }
  const all = await listAgents(options);
  const match = all.find((a) => a.spec?.name === nameOrPath && !a.shadowedBy);
  if (match?.spec) return match.spec;
  // A broken file named after the agent: report its problem rather than "not found".
  const broken = all.find((a) => !a.spec && path.basename(a.file, '.md') === nameOrPath);
  if (broken?.problems[0]) throw problemToError(broken.problems[0], broken.problems.length - 1);
  const names = [...new Set(all.flatMap((a) => (a.spec ? [a.spec.name] : [])))].sort();
  throw new ReviewAgentError('usage', `no agent named "${nameOrPath}"`, {
    fix: names.length
      ? `use one of: ${names.join(', ')} (see "review-agent list"), or pass the path of an agent file`
      : 'pass the path of an agent .md file, or add one to .claude/agents/',
  });
}
