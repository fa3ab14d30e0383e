import type { Message } from '../providers/types.js';
import type { Finding, Review, Usage } from '../review/schema.js';

/**
 * Everything the loop tells its observers, as one discriminated union. The CLI progress display,
 * `--events` JSON lines, transcripts, MCP progress and the eval harness all consume it.
 */
export type ReviewEvent =
  | { type: 'run-start'; agent: string; provider: string; model: string; root: string; tools: string[]; system: string }
  /** Every message added to the conversation, for transcripts. */
  | { type: 'message'; turn: number; message: Message }
  | { type: 'turn-start'; turn: number }
  | { type: 'text-delta'; turn: number; text: string }
  | { type: 'tool-call'; turn: number; id: string; name: string; input: unknown }
  | { type: 'tool-result'; turn: number; id: string; name: string; isError: boolean; chars: number; durationMs: number }
  | { type: 'finding'; finding: Finding }
  | { type: 'usage'; turn: number; usage: Usage; total: Usage }
  | { type: 'warning'; message: string }
  | { type: 'run-end'; review: Review };

export type EventSink = (event: ReviewEvent) => void;
