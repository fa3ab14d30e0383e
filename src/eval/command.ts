import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { findAgent } from '../agent/discovery.js';
import { EXIT, isReviewAgentError, ReviewAgentError } from '../errors.js';
import type { CreateProviderOptions } from '../providers/create.js';
import type { Provider } from '../providers/types.js';
import { type EvalArgs, EVAL_HELP, parseEvalArgs } from './args.js';
import { baselinePath, readBaseline, writeBaseline } from './baseline.js';
import { type EvalCase, loadSuite } from './case.js';
import { compareWithBaseline } from './compare.js';
import { type EvalLog, mergeLogs, readLog, rescore } from './log.js';
import { createProgressDisplay } from './progress.js';
import { renderReport } from './report/index.js';
import { renderTable } from './report/table.js';
import { requireCassette, reviewRunner } from './run-case.js';
import { runSuite } from './runner.js';

export interface EvalIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** Whether stderr is a terminal: the progress bar is drawn only then. */
  isTTY: boolean;
  cwd: string;
  env: NodeJS.ProcessEnv;
}

/** Seams for tests and embedders; the defaults are the real ones. */
export interface EvalCommandDeps {
  /** Builds the provider of one sample; `context.case` names the case it will review. */
  createProvider?: (options: CreateProviderOptions, context: { case: string }) => Provider;
  signal?: AbortSignal;
}

/** `review-agent eval ...`: parses its own flags and returns the exit code. Never throws. */
export async function runEvalCommand(args: string[], io: EvalIO, deps: EvalCommandDeps = {}): Promise<number> {
  try {
    const parsed = parseEvalArgs(args);
    if (parsed.command === 'help') {
      io.stdout(EVAL_HELP);
      return EXIT.ok;
    }
    if (parsed.command === 'merge') return await mergeCommand(parsed, io);
    if (parsed.suites.length <= 1) return await runCommand(parsed, io, deps);
    return await runSuites(parsed, io, deps);
  } catch (error) {
    return reportError(error, io);
  }
}

function reportError(error: unknown, io: EvalIO): number {
  if (isReviewAgentError(error)) {
    io.stderr(`review-agent eval: ${error.describe()}\n`);
    return error.exitCode;
  }
  io.stderr(`review-agent eval: internal error: ${(error as Error)?.stack ?? String(error)}\n`);
  return EXIT.runtime;
}

/**
 * Several suites, one after another: a broken or regressed suite does not stop the others, and
 * the exit code is the worst of theirs.
 */
async function runSuites(args: EvalArgs, io: EvalIO, deps: EvalCommandDeps): Promise<number> {
  const codes = new Map<string, number>();
  for (const suite of args.suites) {
    if (deps.signal?.aborted) break;
    io.stdout(`== ${suite}\n`);
    let code: number;
    try {
      code = await runCommand({ ...args, suites: [suite] }, io, deps);
    } catch (error) {
      code = reportError(error, io);
    }
    codes.set(suite, code);
  }
  const failed = [...codes].filter(([, code]) => code !== EXIT.ok);
  const skipped = args.suites.length - codes.size;
  io.stdout(
    `${codes.size} suite${codes.size === 1 ? '' : 's'} scored: ${failed.length === 0 ? 'all ok' : `${failed.length} failed (${failed.map(([s, c]) => `${s}: exit ${c}`).join(', ')})`}` +
      `${skipped > 0 ? `; ${skipped} not run (cancelled)` : ''}\n`,
  );
  if (skipped > 0) return EXIT.runtime;
  return Math.max(EXIT.ok, ...failed.map(([, code]) => code));
}

function relative(io: EvalIO, file: string): string {
  const rel = path.relative(io.cwd, file);
  return (rel && !rel.startsWith('..') ? rel : file).split(path.sep).join('/');
}

async function runCommand(args: EvalArgs, io: EvalIO, deps: EvalCommandDeps): Promise<number> {
  const suite = args.suites[0];
  const agentName = args.agent ?? (suite ? path.basename(path.resolve(io.cwd, suite)) : undefined);
  if (!agentName) throw new ReviewAgentError('usage', 'which agent? --agent is required', { field: '--agent', fix: 'e.g. review-agent eval --agent model-trainer' });
  const agent = await findAgent(agentName, { cwd: io.cwd });
  const suiteDir = path.resolve(io.cwd, suite ?? path.join('evals', agent.name));
  const cases = await loadSuite(suiteDir);
  const cassettes = path.join(suiteDir, 'cassettes');
  const replaying = args.provider === 'replay';
  const recordedWith = replaying ? (args.cassettes ?? (await onlyCassetteFolder(cassettes))) : undefined;
  const cassetteFor = (c: EvalCase) => path.join(cassettes, recordedWith ?? args.provider, `${c.id}.json`);
  // Loaded on demand: the vendor SDKs behind it are not needed by tests that bring their own provider.
  const create = deps.createProvider ?? (await import('../providers/create.js')).createProvider;
  const options = (c: EvalCase, record: boolean): CreateProviderOptions => ({
    id: args.provider,
    agentModel: agent.model,
    ...(args.model ? { model: args.model } : {}),
    ...(args.baseUrl ? { baseURL: args.baseUrl } : {}),
    env: io.env,
    ...(args.disableRules.length ? { disabledRules: args.disableRules } : {}),
    ...(replaying ? { cassette: cassetteFor(c) } : {}),
    ...(record ? { record: cassetteFor(c) } : {}),
  });
  if (args.record) await mkdir(path.join(cassettes, args.provider), { recursive: true });
  const runCase = reviewRunner({
    agent,
    replay: replaying,
    ...(args.maxTurns ? { maxTurns: args.maxTurns } : {}),
    providerFor: async (c) => {
      if (replaying) await requireCassette(cassetteFor(c), c, recordedWith ?? 'anthropic');
      return create(options(c, args.record), { case: c.id });
    },
  });
  const first = cases[0] as EvalCase;
  const model = args.model ?? probeModel(() => create(options(first, false), { case: first.id }), recordedWith);
  const progress = createProgressDisplay({ write: io.stderr, isTTY: io.isTTY });
  let log: EvalLog;
  try {
    log = await runSuite({
      cases,
      runCase,
      agent: agent.name,
      provider: args.provider,
      model,
      suite: relative(io, suiteDir),
      trials: args.trials,
      ...(args.concurrency ? { concurrency: args.concurrency } : {}),
      ...(args.shard ? { shard: args.shard } : {}),
      ...(args.window === undefined ? {} : { window: args.window }),
      ...(deps.signal ? { signal: deps.signal } : {}),
      onProgress: (p) => progress.update(p),
    });
  } finally {
    progress.finish();
  }
  if (args.record) io.stderr(`recorded cassettes in ${relative(io, path.join(cassettes, args.provider))}/\n`);
  return finish(log, suiteDir, args, io);
}

/** The model label of a run, without failing the run when the first case cannot be probed. */
function probeModel(make: () => Provider, recordedWith: string | undefined): string {
  try {
    return make().model;
  } catch {
    return recordedWith ? `replay of ${recordedWith}` : 'unknown';
  }
}

async function onlyCassetteFolder(dir: string): Promise<string> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const folders = entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
  if (folders.length === 1) return folders[0] as string;
  throw new ReviewAgentError('usage', folders.length ? `several recordings to replay: ${folders.join(', ')}` : `no cassettes in ${dir}`, {
    field: '--cassettes',
    fix: folders.length ? `pass --cassettes ${folders[0]} (or another of them)` : 'record them first: review-agent eval --provider anthropic --record',
  });
}

async function mergeCommand(args: EvalArgs, io: EvalIO): Promise<number> {
  const logs = await Promise.all(args.files.map((f) => readLog(path.resolve(io.cwd, f))));
  let merged = mergeLogs(logs, args.files);
  if (args.window !== undefined) merged = rescore(merged, { window: args.window });
  const suiteDir = path.resolve(io.cwd, args.suites[0] ?? merged.spec.suite);
  return finish(merged, suiteDir, args, io);
}

/** Compares with the baseline, updates it if asked, writes the report and decides the exit code. */
async function finish(log: EvalLog, suiteDir: string, args: EvalArgs, io: EvalIO): Promise<number> {
  const file = baselinePath(suiteDir, log.spec.provider);
  const baseline = await readBaseline(file);
  if (baseline) {
    const comparison = compareWithBaseline(log.results.cases, baseline, {
      margin: args.margin,
      trials: log.spec.trials,
      baselineFile: relative(io, file),
      bootstrap: log.spec.bootstrap,
    });
    log = { ...log, comparison };
    const differs = (['model', 'window'] as const).filter((k) => baseline[k] !== log.spec[k]);
    for (const k of differs) io.stderr(`note: the baseline was made with ${k} ${baseline[k]}, this run used ${log.spec[k]}\n`);
  }
  const report = renderReport(log, args.report);
  if (args.output) {
    const out = path.resolve(io.cwd, args.output);
    await mkdir(path.dirname(out), { recursive: true });
    await writeFile(out, report);
    io.stderr(`wrote the ${args.report} report to ${relative(io, out)}\n`);
    if (args.report !== 'table') io.stdout(renderTable(log));
  } else {
    io.stdout(report);
  }
  const m = log.results.metrics;
  if (args.updateBaseline) {
    await writeBaseline(file, log);
    io.stderr(`${baseline ? 'updated' : 'wrote'} the baseline ${relative(io, file)}\n`);
  } else if (!baseline) {
    io.stderr(`no baseline at ${relative(io, file)}: nothing to compare with (accept this run with --update-baseline)\n`);
  }
  if (log.status === 'cancelled') {
    io.stderr('the eval was cancelled before every case ran\n');
    return EXIT.runtime;
  }
  let code: number = EXIT.ok;
  if (m.errors > 0) {
    io.stderr(`${m.errors} sample(s) could not be evaluated (see the notes column)\n`);
    code = EXIT.failOn;
  }
  if (log.comparison?.regressed && !args.updateBaseline) {
    const names = [...new Set(log.comparison.flips.filter((f) => f.worse).map((f) => f.case))];
    io.stderr(`regression against ${log.comparison.baselineFile}${names.length ? `: ${names.join(', ')}` : ''}\n`);
    code = EXIT.failOn;
  }
  return code;
}
