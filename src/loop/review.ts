import type { AgentSpec } from '../agent/schema.js';
import { ReviewAgentError } from '../errors.js';
import { costOf, type PriceTable } from '../providers/models.js';
import type { AssistantMessage, Message, Provider, ToolCallPart, ToolResultPart, ToolSpec } from '../providers/types.js';
import { finalizeReview } from '../review/finalize.js';
import { parseAnswer } from '../review/parse.js';
import { emptyUsage, type EndReason, type FindingInput, type Review, type ReviewSubmission, type Usage } from '../review/schema.js';
import { formatIssuesForRepair, validateSubmission, type Issue } from '../review/validate.js';
import { runTool } from '../../tools/index.js';
import { realRoot } from '../../tools/paths.js';
import { DEFAULT_TOOL_LIMITS, type AnyTool, type ToolContext, type ToolLimits } from '../../tools/types.js';
import { capToolOutput, trimContext } from './context-trim.js';
import type { EventSink, ReviewEvent } from './events.js';
import { systemPrompt, userPrompt } from './preamble.js';
import { callProvider, mapBounded } from './provider-call.js';
import { REPORT_FINDING, reviewToolSpecs, SUBMIT_REVIEW } from './review-tools.js';
import { agentTools, toToolSpec, type ToolSetOptions } from './tool-set.js';

export interface RunReviewOptions extends ToolSetOptions {
  agent: AgentSpec;
  /** The folder under review; every tool is confined to it. */
  root: string;
  provider: Provider;
  /** Files to look at first, relative to the root. */
  focus?: string[];
  /** Default: the agent's maxTurns, else 40. */
  maxTurns?: number;
  /** Stop when the run has cost this many USD (needs a known price). */
  maxCostUsd?: number;
  /** Wall-clock limit of the whole run, in ms. */
  timeoutMs?: number;
  signal?: AbortSignal;
  onEvent?: EventSink;
  /** Drop findings that grounding could not verify. */
  strict?: boolean;
  /** Output tokens per model call (default 8192). */
  maxTokens?: number;
  /** Characters of one tool result sent to the model (default 100,000). */
  maxToolResultChars?: number;
  /** Tool calls run at once (default 4). */
  toolConcurrency?: number;
  /** Repair turns for invalid output (default 2). */
  maxRepairs?: number;
  toolLimits?: Partial<ToolLimits>;
  prices?: PriceTable;
}

export const DEFAULT_MAX_TURNS = 40;

interface RunState {
  messages: Message[];
  reported: FindingInput[];
  usage: Usage;
  turn: number;
  repairs: number;
  submission?: ReviewSubmission;
  endReason?: EndReason;
  incompleteReason?: string;
  warnings: string[];
  emit: EventSink;
}

function addMessage(state: RunState, message: Message): void {
  state.messages.push(message);
  state.emit({ type: 'message', turn: state.turn, message });
}

/**
 * Runs one agent over one folder and returns a grounded, validated review. It does not throw for
 * anything the model or provider does: limits, provider failures and invalid output all end in a
 * review marked incomplete that keeps every finding reported so far. It throws ReviewAgentError
 * only for bad options (missing root, clashing tool names).
 */
export async function runReview(options: RunReviewOptions): Promise<Review> {
  const started = Date.now();
  const { agent, provider } = options;
  const emit: EventSink = (event: ReviewEvent) => {
    try {
      options.onEvent?.(event);
    } catch {
      // An observer's bug must not end the review.
    }
  };
  const root = await realRoot(options.root).catch((error: unknown) => {
    throw new ReviewAgentError('usage', `cannot review "${options.root}": ${(error as Error).message}`, {
      fix: 'pass an existing folder or file to review',
      cause: error,
    });
  });

  const tools = agentTools(agent, options);
  const byName = new Map(tools.map((t) => [t.name, t]));
  const toolSpecs: ToolSpec[] = [...tools.map(toToolSpec), ...reviewToolSpecs()];
  const system = systemPrompt({ agent, root, toolNames: tools.map((t) => t.name) });
  const maxTurns = options.maxTurns ?? agent.maxTurns ?? DEFAULT_MAX_TURNS;
  const maxTokens = options.maxTokens ?? 8192;
  const limits: ToolLimits = { ...DEFAULT_TOOL_LIMITS, ...options.toolLimits };

  const controller = new AbortController();
  const onAbort = () => controller.abort(options.signal?.reason);
  options.signal?.addEventListener('abort', onAbort, { once: true });
  if (options.signal?.aborted) controller.abort(options.signal.reason);
  let timedOut = false;
  const timer =
    options.timeoutMs === undefined
      ? undefined
      : setTimeout(() => {
          timedOut = true;
          controller.abort(new Error('timeout'));
        }, options.timeoutMs);

  const state: RunState = {
    messages: [{ role: 'user', content: [{ type: 'text', text: userPrompt(root, options.focus) }] }],
    reported: [],
    usage: emptyUsage(),
    turn: 0,
    repairs: 0,
    warnings: [...agent.warnings],
    emit,
  };
  const warn = (message: string) => {
    state.warnings.push(message);
    emit({ type: 'warning', message });
  };

  emit({ type: 'run-start', agent: agent.name, provider: provider.id, model: provider.model, root, tools: toolSpecs.map((t) => t.name), system });
  emit({ type: 'message', turn: 0, message: state.messages[0]! });

  const toolCtx: ToolContext = {
    root,
    limits,
    signal: controller.signal,
    emit: (e) => {
      if (e.type === 'tool-warning') warn(`${e.tool}: ${e.message}`);
    },
  };

  try {
    while (!state.submission && !state.endReason) {
      const limit = limitReached(state, maxTurns, options.maxCostUsd, controller.signal, timedOut);
      if (limit) {
        state.endReason = limit.reason;
        state.incompleteReason = limit.message;
        break;
      }
      state.turn += 1;
      emit({ type: 'turn-start', turn: state.turn });
      const { messages, trimmed } = trimContext(system, state.messages, provider.contextWindow ?? 200_000, maxTokens);
      if (trimmed > 0) state.messages = messages;
      const finish = await callProvider(
        provider,
        { system, messages, tools: toolSpecs, maxTokens, signal: controller.signal, toolChoice: 'auto' },
        { text: (text) => emit({ type: 'text-delta', turn: state.turn, text }), warning: warn },
      );
      addUsage(state, finish.usage, provider, options.prices);
      emit({ type: 'usage', turn: state.turn, usage: finish.usage, total: { ...state.usage } });

      if (finish.stopReason === 'aborted' || (controller.signal.aborted && finish.stopReason === 'error')) {
        state.endReason = timedOut ? 'timeout' : 'aborted';
        state.incompleteReason = timedOut ? `timed out after ${options.timeoutMs} ms` : 'aborted';
        break;
      }
      if (finish.stopReason === 'error') {
        state.endReason = 'provider-error';
        state.incompleteReason = `provider error: ${finish.error?.message ?? 'unknown error'}${finish.error?.status ? ` (HTTP ${finish.error.status})` : ''}`;
        break;
      }
      addMessage(state, finish.message);
      const calls = finish.message.content.filter((p): p is ToolCallPart => p.type === 'toolCall');
      if (calls.length === 0) {
        handleTextAnswer(state, finish.message, options.maxRepairs ?? 2, finish.stopReason === 'max_tokens');
        continue;
      }
      const results = await mapBounded(calls, options.toolConcurrency ?? 4, (call) =>
        runCall(call, state, byName, toolCtx, options.maxToolResultChars ?? 100_000, options.maxRepairs ?? 2),
      );
      addMessage(state, { role: 'user', content: results });
    }

    if (!state.submission && isLimit(state.endReason)) {
      await lastChance(state, { system, provider, maxTokens, warn, prices: options.prices, signal: options.signal });
    }
  } finally {
    if (timer) clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
  }

  const submission = mergeReported(state.submission, state.reported);
  const complete = state.endReason === 'submitted' || state.endReason === 'answered';
  const review = await finalizeReview({
    submission,
    root,
    agent: agent.name,
    provider: provider.id,
    model: provider.model,
    usage: state.usage,
    durationMs: Date.now() - started,
    status: complete ? 'complete' : 'incomplete',
    incompleteReason: complete ? undefined : state.incompleteReason,
    strict: options.strict,
    warnings: state.warnings,
  });
  const result: Review = { ...review, endReason: state.endReason };
  emit({ type: 'run-end', review: result });
  return result;
}

function isLimit(reason: EndReason | undefined): boolean {
  return reason === 'max-turns' || reason === 'max-cost' || reason === 'timeout';
}

function limitReached(
  state: RunState,
  maxTurns: number,
  maxCostUsd: number | undefined,
  signal: AbortSignal,
  timedOut: boolean,
): { reason: EndReason; message: string } | undefined {
  if (timedOut) return { reason: 'timeout', message: 'timed out' };
  if (signal.aborted) return { reason: 'aborted', message: 'aborted' };
  if (state.turn >= maxTurns) return { reason: 'max-turns', message: `turn limit reached (${maxTurns} turns)` };
  if (maxCostUsd !== undefined && (state.usage.costUsd ?? 0) >= maxCostUsd) {
    return { reason: 'max-cost', message: `cost limit reached ($${(state.usage.costUsd ?? 0).toFixed(4)} of $${maxCostUsd})` };
  }
  return undefined;
}

function addUsage(state: RunState, usage: Usage, provider: Provider, prices: PriceTable | undefined): void {
  state.usage.inputTokens += usage.inputTokens;
  state.usage.outputTokens += usage.outputTokens;
  state.usage.cacheReadTokens += usage.cacheReadTokens;
  state.usage.cacheWriteTokens += usage.cacheWriteTokens;
  const cost = costOf(provider.id, provider.model, usage, prices);
  if (cost !== undefined) state.usage.costUsd = (state.usage.costUsd ?? 0) + cost;
}

/** A turn without tool calls: the answer must be a review in JSON or the agent's markdown format. */
function handleTextAnswer(state: RunState, message: AssistantMessage, maxRepairs: number, cutOff: boolean): void {
  const text = message.content.map((p) => (p.type === 'text' ? p.text : '')).join('');
  const parsed = parseAnswer(text);
  if (parsed.ok) {
    state.submission = parsed.value;
    state.endReason = 'answered';
    for (const w of parsed.warnings) state.warnings.push(w);
    return;
  }
  if (state.repairs < maxRepairs) {
    state.repairs += 1;
    const lead = cutOff ? 'Your answer was cut off by the output limit. ' : '';
    addMessage(state, { role: 'user', content: [{ type: 'text', text: `${lead}${repairText(parsed.issues)}` }] });
    return;
  }
  state.submission = parsed.partial;
  state.endReason = 'invalid-output';
  state.incompleteReason = `the final answer was still invalid after ${maxRepairs} repair turns: ${parsed.issues
    .slice(0, 3)
    .map((i) => `${i.path}: ${i.message}`)
    .join('; ')}`;
}

function repairText(issues: Issue[]): string {
  return `Your review could not be accepted:\n${formatIssuesForRepair(issues)}\nCall ${SUBMIT_REVIEW} again with the corrected review.`;
}

async function runCall(
  call: ToolCallPart,
  state: RunState,
  tools: Map<string, AnyTool>,
  ctx: ToolContext,
  maxChars: number,
  maxRepairs: number,
): Promise<ToolResultPart> {
  const started = Date.now();
  state.emit({ type: 'tool-call', turn: state.turn, id: call.id, name: call.name, input: call.input });
  const result = await answerCall(call, state, tools, ctx, maxRepairs);
  const content = capToolOutput(result.content, maxChars);
  state.emit({ type: 'tool-result', turn: state.turn, id: call.id, name: call.name, isError: result.isError, chars: content.length, durationMs: Date.now() - started });
  return { type: 'toolResult', toolCallId: call.id, toolName: call.name, content, isError: result.isError };
}

async function answerCall(
  call: ToolCallPart,
  state: RunState,
  tools: Map<string, AnyTool>,
  ctx: ToolContext,
  maxRepairs: number,
): Promise<{ content: string; isError: boolean }> {
  if (call.name === REPORT_FINDING) {
    const checked = validateSubmission({ summary: '', findings: [call.input] });
    if (!checked.ok) {
      return { content: `Finding not recorded:\n${formatIssuesForRepair(checked.issues.map((i) => ({ ...i, path: i.path.replace(/^findings\[0\]\.?/, '') || 'finding' })))}`, isError: true };
    }
    const finding = checked.value.findings[0]!;
    state.reported.push(finding);
    state.emit({ type: 'finding', finding });
    return { content: `Recorded finding ${state.reported.length}: [${finding.severity}] ${finding.title}`, isError: false };
  }
  if (call.name === SUBMIT_REVIEW) {
    const checked = validateSubmission(call.input);
    if (checked.ok) {
      state.submission = checked.value;
      state.endReason = 'submitted';
      return { content: 'Review received.', isError: false };
    }
    if (state.repairs >= maxRepairs) {
      state.endReason = 'invalid-output';
      state.incompleteReason = `submit_review input was still invalid after ${maxRepairs} repair turns`;
      return { content: 'Review rejected.', isError: true };
    }
    state.repairs += 1;
    return { content: repairText(checked.issues), isError: true };
  }
  const tool = tools.get(call.name);
  if (!tool) {
    return { content: `There is no tool named "${call.name}". Available: ${[...tools.keys(), REPORT_FINDING, SUBMIT_REVIEW].join(', ')}.`, isError: true };
  }
  return runTool(tool, call.input, ctx);
}

/**
 * After a turn, cost or time limit: one more turn with only submit_review on offer, so the model
 * can hand in what it has. Whatever happens, the reported findings are kept by the caller.
 */
async function lastChance(
  state: RunState,
  ctx: {
    system: string;
    provider: Provider;
    maxTokens: number;
    warn: (m: string) => void;
    prices?: PriceTable;
    signal?: AbortSignal;
  },
): Promise<void> {
  if (ctx.signal?.aborted) return;
  // The run's own signal has fired on timeout; give the last turn a short grace period of its own.
  const grace = AbortSignal.timeout(60_000);
  const signal = ctx.signal ? AbortSignal.any([ctx.signal, grace]) : grace;
  state.messages = closeDanglingCalls(state.messages);
  addMessage(state, {
    role: 'user',
    content: [
      {
        type: 'text',
        text: `${state.incompleteReason}. You cannot use any more tools except ${SUBMIT_REVIEW}. Call ${SUBMIT_REVIEW} now with the findings you have verified so far and a summary that says what you did not get to.`,
      },
    ],
  });
  state.turn += 1;
  state.emit({ type: 'turn-start', turn: state.turn });
  const submitOnly = reviewToolSpecs().filter((t) => t.name === SUBMIT_REVIEW);
  const finish = await callProvider(
    ctx.provider,
    { system: ctx.system, messages: state.messages, tools: submitOnly, maxTokens: ctx.maxTokens, signal, toolChoice: 'auto' },
    { text: (text) => state.emit({ type: 'text-delta', turn: state.turn, text }), warning: ctx.warn },
  );
  addUsage(state, finish.usage, ctx.provider, ctx.prices);
  state.emit({ type: 'usage', turn: state.turn, usage: finish.usage, total: { ...state.usage } });
  if (finish.stopReason === 'error' || finish.stopReason === 'aborted') return;
  addMessage(state, finish.message);
  const submit = finish.message.content.find((p): p is ToolCallPart => p.type === 'toolCall' && p.name === SUBMIT_REVIEW);
  if (submit) {
    const checked = validateSubmission(submit.input);
    if (checked.ok) state.submission = checked.value;
    return;
  }
  const text = finish.message.content.map((p) => (p.type === 'text' ? p.text : '')).join('');
  const parsed = parseAnswer(text);
  if (parsed.ok) state.submission = parsed.value;
}

/** Every tool call needs a result before the next user text, or vendors reject the request. */
function closeDanglingCalls(messages: Message[]): Message[] {
  const last = messages[messages.length - 1];
  if (!last || last.role !== 'assistant') return messages;
  const calls = last.content.filter((p): p is ToolCallPart => p.type === 'toolCall');
  if (calls.length === 0) return messages;
  return [
    ...messages,
    {
      role: 'user',
      content: calls.map((c) => ({ type: 'toolResult', toolCallId: c.id, toolName: c.name, content: 'Not run: the review hit a limit.', isError: true })),
    },
  ];
}

/** The submitted findings plus any reported ones the submission left out. */
function mergeReported(submission: ReviewSubmission | undefined, reported: FindingInput[]): ReviewSubmission {
  const base: ReviewSubmission = submission ?? {
    summary: reported.length
      ? `The review stopped before a summary was submitted; ${reported.length} finding(s) had been reported.`
      : 'The review stopped before any finding was reported.',
    findings: [],
  };
  const key = (f: FindingInput) => `${f.file.replace(/^\.\//, '')}|${f.line}|${f.severity}|${f.title.trim().toLowerCase()}`;
  const seen = new Set(base.findings.map(key));
  const extra = reported.filter((f) => !seen.has(key(f)));
  return { ...base, findings: [...base.findings, ...extra] };
}
