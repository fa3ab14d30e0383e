import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { realRoot } from '../../tools/paths.js';
import { DEFAULT_TOOL_LIMITS } from '../../tools/types.js';
import type { ToolContext, ToolEvent, ToolLimits } from '../../tools/types.js';

/** File contents by root-relative path; `{ link: target }` makes a symlink. */
export type Tree = Record<string, string | Buffer | { link: string }>;

export async function makeTree(tree: Tree, prefix = 'ra-tools-'): Promise<{ root: string; cleanup: () => Promise<void> }> {
  const base = await realRoot(await mkdtemp(path.join(os.tmpdir(), prefix)));
  for (const [rel, content] of Object.entries(tree)) {
    const abs = path.join(base, rel);
    await mkdir(path.dirname(abs), { recursive: true });
    if (typeof content === 'object' && !Buffer.isBuffer(content)) await symlink(content.link, abs);
    else await writeFile(abs, content);
  }
  return { root: base, cleanup: () => rm(base, { recursive: true, force: true }) };
}

export function makeContext(root: string, limits: Partial<ToolLimits> = {}): ToolContext & { events: ToolEvent[] } {
  const events: ToolEvent[] = [];
  return {
    root,
    limits: { ...DEFAULT_TOOL_LIMITS, ...limits },
    signal: new AbortController().signal,
    emit: (event) => events.push(event),
    events,
  };
}
