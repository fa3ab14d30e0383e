import { stableStringify, type NormalizedRequest } from './cassette.js';
import type { Message } from './types.js';

export interface RequestDifference {
  part: 'system' | 'tools' | 'messages' | 'maxTokens' | 'toolChoice';
  /** What differs and the likely cause, e.g. "the system prompt differs from the recording (agent prompt changed since recording?)". */
  message: string;
}

/**
 * The first part in which a request differs from a recorded one, checked in the order that
 * explains most mismatches: the prompt, the tools, then the conversation. Undefined when equal.
 */
export function diffRequests(recorded: NormalizedRequest, current: NormalizedRequest): RequestDifference | undefined {
  if (recorded.system !== current.system) {
    return {
      part: 'system',
      message: `the system prompt differs from the recording (agent prompt changed since recording?)${where(recorded.system, current.system)}`,
    };
  }
  const tools = diffTools(recorded, current);
  if (tools) return { part: 'tools', message: tools };
  const messages = diffMessages(recorded.messages, current.messages);
  if (messages) return { part: 'messages', message: messages };
  if (recorded.maxTokens !== current.maxTokens) {
    return { part: 'maxTokens', message: `maxTokens differs from the recording: recorded ${recorded.maxTokens}, now ${current.maxTokens}` };
  }
  if (recorded.toolChoice !== current.toolChoice) {
    return {
      part: 'toolChoice',
      message: `toolChoice differs from the recording: recorded ${recorded.toolChoice}, now ${current.toolChoice} (a limit was reached at a different turn?)`,
    };
  }
  return undefined;
}

function diffTools(recorded: NormalizedRequest, current: NormalizedRequest): string | undefined {
  const before = recorded.tools.map((t) => t.name);
  const after = current.tools.map((t) => t.name);
  if (before.join('\n') !== after.join('\n')) {
    return `the tools offered differ from the recording (agent tools: changed since recording?): recorded [${before.join(', ')}], now [${after.join(', ')}]`;
  }
  for (const [i, tool] of current.tools.entries()) {
    const old = recorded.tools[i];
    if (!old) continue;
    if (old.description !== tool.description) {
      return `the description of tool ${tool.name} differs from the recording (tool changed since recording?)${where(old.description, tool.description)}`;
    }
    const a = stableStringify(old.inputSchema);
    const b = stableStringify(tool.inputSchema);
    if (a !== b) return `the input schema of tool ${tool.name} differs from the recording (tool changed since recording?)${where(a, b)}`;
  }
  return undefined;
}

function diffMessages(recorded: Message[], current: Message[]): string | undefined {
  const n = Math.min(recorded.length, current.length);
  for (let i = 0; i < n; i++) {
    const a = recorded[i]!;
    const b = current[i]!;
    const diff = diffMessage(a, b);
    if (diff) return `message ${i + 1} (${b.role}) differs from the recording: ${diff}`;
  }
  if (recorded.length !== current.length) {
    return `the conversation has ${current.length} messages where the recording has ${recorded.length} (the run took a different path)`;
  }
  return undefined;
}

function diffMessage(a: Message, b: Message): string | undefined {
  if (a.role !== b.role) return `recorded a ${a.role} message, now a ${b.role} message`;
  const n = Math.max(a.content.length, b.content.length);
  for (let j = 0; j < n; j++) {
    const pa = a.content[j];
    const pb = b.content[j];
    if (!pa || !pb) return `recorded ${a.content.length} parts, now ${b.content.length}`;
    if (stableStringify(pa) === stableStringify(pb)) continue;
    if (pa.type === 'toolResult' && pb.type === 'toolResult') {
      if (pa.content !== pb.content) {
        return `the result of ${pb.toolName} (${pb.toolCallId}) changed (reviewed files or the tool changed since recording?)${where(pa.content, pb.content)}`;
      }
      return `the result of ${pb.toolName} (${pb.toolCallId}) changed: recorded isError ${pa.isError}, now ${pb.isError}`;
    }
    if (pa.type === 'text' && pb.type === 'text') {
      return `its text changed (task message or repair prompt changed since recording?)${where(pa.text, pb.text)}`;
    }
    return `part ${j + 1} changed${where(stableStringify(pa), stableStringify(pb))}`;
  }
  return undefined;
}

/** `; first difference at character N: recorded "…", now "…"`, with a little context. */
function where(a: string, b: string): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const from = Math.max(0, i - 20);
  const clip = (s: string) => `${from > 0 ? '…' : ''}${s.slice(from, i + 40)}${s.length > i + 40 ? '…' : ''}`;
  return `; first difference at character ${i + 1}: recorded ${JSON.stringify(clip(a))}, now ${JSON.stringify(clip(b))}`;
}
