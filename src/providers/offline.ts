// The offline provider: a deterministic static analyzer that drives the agent loop like a model.
// Turn 1 lists files with Glob, the next turns Read them (paging where Read says there is more),
// and the last turn submits the review the analyzer produced. It keeps no state between calls:
// everything is rebuilt from the messages.
import { analyzeFiles, analyzeFilesInParallel, type AnalyzeOptions } from '../analysis/analyze.js';
import { plan } from '../analysis/plan.js';
import { createParsePool, PARALLEL_PARSE_MIN_BYTES } from '../analysis/python/parse-pool.js';
import { createPythonParser, type PythonParser } from '../analysis/python/parser.js';
import { classify, type InputFile } from '../analysis/source.js';
import { fileText, readTranscript } from '../analysis/transcript.js';
import { emptyUsage, type ReviewSubmission } from '../review/schema.js';
import type { AssistantMessage, GenerateRequest, Provider, ProviderEvent, ToolCallPart } from './types.js';

export interface OfflineProviderOptions {
  /** Rule ids to switch off (see `review-agent rules`). */
  disabledRules?: string[];
  /** Parse on worker threads: 'auto' (default) for trees over 1 MiB of Python, 'always' or 'never'. */
  parallelParse?: 'auto' | 'always' | 'never';
}

const SUBMIT = 'submit_review';

export function createOfflineProvider(options: OfflineProviderOptions = {}): Provider {
  let parser: Promise<PythonParser> | undefined;
  const getParser = () => (parser ??= createPythonParser());
  return {
    id: 'offline',
    model: 'offline-analyzer',
    // File contents must stay in the conversation: the provider rebuilds them from it each turn.
    contextWindow: Number.MAX_SAFE_INTEGER,
    generate: (request) => generate(request, options, getParser),
  };
}

async function* generate(request: GenerateRequest, options: OfflineProviderOptions, getParser: () => Promise<PythonParser>): AsyncIterable<ProviderEvent> {
  if (request.signal?.aborted) {
    yield { type: 'finish', message: { role: 'assistant', content: [] }, stopReason: 'aborted', usage: emptyUsage() };
    return;
  }
  try {
    const offered = new Set(request.tools.map((t) => t.name));
    const transcript = readTranscript(request.messages);
    const turn = transcript.turns + 1;
    const canSubmit = offered.has(SUBMIT) && request.toolChoice !== 'none';
    if (!offered.has('Glob') || !offered.has('Read')) {
      const missing = ['Glob', 'Read'].filter((t) => !offered.has(t));
      yield* answer(turn, canSubmit, {
        verdict: 'approve',
        summary: `The offline analyzer could not read the code: this agent does not offer the ${missing.join(' and ')} tool${missing.length > 1 ? 's' : ''} it needs to list and read files. Give the agent Glob and Read (tools: Read, Glob) to get a review. No findings were produced.`,
        findings: [],
      });
      return;
    }
    const next = plan(transcript);
    const calls: ToolCallPart[] = [];
    const id = (n: number) => `offline_${turn}_${n}`;
    for (const g of next.globs) calls.push({ type: 'toolCall', id: id(calls.length + 1), name: 'Glob', input: g });
    for (const r of next.reads) calls.push({ type: 'toolCall', id: id(calls.length + 1), name: 'Read', input: r });
    if (calls.length > 0 && request.toolChoice !== 'none') {
      const text = next.globs.length > 0 ? `Listing Python files, notebooks and dependency files (${calls.length} Glob call${calls.length > 1 ? 's' : ''}).` : `Reading ${calls.length} file${calls.length > 1 ? 's' : ''}.`;
      yield { type: 'text-delta', text };
      for (const call of calls) yield { type: 'tool-call', call };
      const message: AssistantMessage = { role: 'assistant', content: [{ type: 'text', text }, ...calls] };
      yield { type: 'finish', message, stopReason: 'tool_use', usage: emptyUsage() };
      return;
    }
    const inputs: { path: string; text: string }[] = [];
    const unreadable: { path: string; reason: string }[] = [];
    for (const path of next.files) {
      const state = transcript.files.get(path);
      if (!state) continue;
      if (state.error) {
        unreadable.push({ path, reason: state.error });
        continue;
      }
      const { text, complete } = fileText(state);
      if (!complete) unreadable.push({ path, reason: 'some lines could not be read' });
      inputs.push({ path, text });
    }
    for (const path of next.files.filter((p) => !transcript.files.has(p) && /\.lock$/.test(p))) inputs.push({ path, text: '' });
    const analyzeOptions = { parser: await getParser(), disabledRules: options.disabledRules, unreadable, truncatedListing: next.incompleteListing };
    yield* answer(turn, canSubmit, await analyze(inputs, analyzeOptions, options.parallelParse));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    yield {
      type: 'finish',
      message: { role: 'assistant', content: [] },
      stopReason: 'error',
      usage: emptyUsage(),
      error: { message: `offline analyzer failed: ${message}`, retryable: false },
    };
  }
}

/** Big trees are parsed on worker threads (the result is the same); small ones here, where startup would dominate. */
async function analyze(inputs: InputFile[], options: AnalyzeOptions, parallel: OfflineProviderOptions['parallelParse']): Promise<ReviewSubmission> {
  const bytes = inputs.reduce((n, f) => n + (classify(f.path) === 'other' ? 0 : f.text.length), 0);
  const useWorkers = parallel === 'always' || (parallel !== 'never' && bytes >= PARALLEL_PARSE_MIN_BYTES);
  if (!useWorkers) return analyzeFiles(inputs, options);
  const pool = createParsePool();
  try {
    return await analyzeFilesInParallel(inputs, { ...options, pool });
  } finally {
    await pool.close();
  }
}

/** Submits the review with submit_review, or as JSON text when tools are not allowed this turn. */
function* answer(turn: number, canSubmit: boolean, review: ReviewSubmission): Iterable<ProviderEvent> {
  if (canSubmit) {
    const call: ToolCallPart = { type: 'toolCall', id: `offline_${turn}_submit`, name: SUBMIT, input: review };
    yield { type: 'tool-call', call };
    yield { type: 'finish', message: { role: 'assistant', content: [call] }, stopReason: 'tool_use', usage: emptyUsage() };
    return;
  }
  const text = JSON.stringify(review, null, 2);
  yield { type: 'text-delta', text };
  yield { type: 'finish', message: { role: 'assistant', content: [{ type: 'text', text }] }, stopReason: 'end', usage: emptyUsage() };
}
