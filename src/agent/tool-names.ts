import { BUILTIN_TOOL_NAMES } from '../../tools/types.js';

/**
 * Claude Code tools that agent files in the wild list but a reviewer never gets: reviews do not
 * write files, browse the web or spawn agents. Listing them is a warning, not an error, so
 * existing agent files load unchanged.
 */
export const CLAUDE_CODE_ONLY_TOOLS = new Set([
  'Write',
  'Edit',
  'MultiEdit',
  'NotebookEdit',
  'NotebookRead',
  'WebFetch',
  'WebSearch',
  'TodoWrite',
  'Task',
  'Agent',
  'LS',
  'BashOutput',
  'KillShell',
  'KillBash',
  'SlashCommand',
  'ExitPlanMode',
]);

export const BUILTIN_TOOLS: readonly string[] = BUILTIN_TOOL_NAMES;
