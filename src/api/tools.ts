import { createBuiltinTools, type BuiltinToolsOptions } from '../../tools/index.js';
import type { AnyTool } from '../../tools/types.js';

export type { BuiltinToolsOptions };

/**
 * Read, Grep, Glob and Bash as the runtime offers them to agents: confined to the review root,
 * with Claude Code's limits. Useful to wrap, or to call from your own tools.
 */
export function builtinTools(options: BuiltinToolsOptions = {}): AnyTool[] {
  return createBuiltinTools(options);
}
