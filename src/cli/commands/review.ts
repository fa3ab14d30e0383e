import { stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { findAgent } from '../../agent/discovery.js';
import { EXIT, ReviewAgentError } from '../../errors.js';
import { runReview } from '../../loop/review.js';
import type { ReviewEvent } from '../../loop/events.js';
import { renderJson } from '../../output/json.js';
import { renderMarkdown } from '../../output/markdown.js';
import { renderTerminal, shouldUseColor } from '../../output/terminal.js';
import { createProvider } from '../../providers/create.js';
import { chooseProvider } from '../../providers/select.js';
import type { Review, Severity } from '../../review/schema.js';
import { EventFiles } from '../event-files.js';
import type { CliIO } from '../io.js';
import { Progress } from '../progress.js';
import { parseReviewArgs, type FailOn, type ReviewArgs } from '../review-args.js';

export async function reviewCommand(argv: string[], io: CliIO): Promise<number> {
  const args = parseReviewArgs(argv);
  const agent = await findAgent(args.agent, { cwd: io.cwd });
  const { root, focus } = await reviewTarget(args, io.cwd);

  const choice = chooseProvider({ flag: args.provider, env: io.env });
  const provider = createProvider({
    id: choice.id,
    agentModel: agent.model,
    model: args.model,
    baseURL: args.baseUrl,
    cassette: args.cassette,
    record: args.record,
    env: io.env,
  });
  if (!args.quiet) io.stderr(`review-agent: ${choice.reason} (model ${provider.model})\n`);
  if (args.unsafeNoSandbox) {
    io.stderr('review-agent: WARNING: --unsafe-no-sandbox: Bash commands run directly on this machine, with network access and your files.\n');
  }

  const progress = args.quiet ? undefined : new Progress({ write: io.stderr, live: io.stderrIsTTY, verbose: args.verbose, columns: io.columns });
  const files = new EventFiles({ events: args.events, transcript: args.transcript, env: io.env });
  const onEvent = (event: ReviewEvent) => {
    progress?.onEvent(event);
    files.onEvent(event);
  };

  let review: Review;
  try {
    review = await runReview({
      agent,
      root,
      provider,
      focus,
      maxTurns: args.maxTurns,
      maxCostUsd: args.maxCostUsd,
      timeoutMs: args.timeoutMs,
      signal: io.signal,
      onEvent,
      strict: args.strict,
      sandbox: args.unsafeNoSandbox ? 'unsafe-none' : 'bwrap',
    });
  } finally {
    await files.close();
  }

  const rendered = render(review, args, io);
  if (args.output) {
    await writeFile(args.output, rendered);
    if (!args.quiet) io.stderr(`review-agent: review written to ${args.output}\n`);
  } else {
    io.stdout(rendered);
  }
  if (review.endReason === 'provider-error') {
    io.stderr(`review-agent: ${review.incompleteReason}\n`);
    return EXIT.runtime;
  }
  if (review.status === 'incomplete' && !args.quiet) io.stderr(`review-agent: review incomplete: ${review.incompleteReason}\n`);
  return failsOn(review, args.failOn) ? EXIT.failOn : EXIT.ok;
}

/** A file under review makes its folder the root and the file the focus. */
async function reviewTarget(args: ReviewArgs, cwd: string): Promise<{ root: string; focus: string[] }> {
  const target = path.resolve(cwd, args.path);
  const info = await stat(target).catch(() => undefined);
  if (!info) {
    throw new ReviewAgentError('usage', `nothing to review at ${args.path}`, { file: target, fix: 'pass an existing folder or file' });
  }
  if (info.isDirectory()) return { root: target, focus: args.focus };
  return { root: path.dirname(target), focus: [path.basename(target), ...args.focus] };
}

function render(review: Review, args: ReviewArgs, io: CliIO): string {
  switch (args.format) {
    case 'json':
      return renderJson(review);
    case 'markdown':
      return renderMarkdown(review);
    default: {
      const color = args.color ?? (args.output ? false : shouldUseColor({ isTTY: io.stdoutIsTTY }, io.env));
      return renderTerminal(review, { color, width: io.columns });
    }
  }
}

const THRESHOLDS: Record<Exclude<FailOn, 'never'>, Severity[]> = {
  critical: ['CRITICAL'],
  high: ['CRITICAL', 'HIGH'],
  medium: ['CRITICAL', 'HIGH', 'MEDIUM'],
  low: ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW'],
};

/** Exit code 1 when a finding at or above the --fail-on severity exists (default: any CRITICAL, i.e. a block). */
export function failsOn(review: Review, failOn: FailOn): boolean {
  if (failOn === 'never') return false;
  const severities = THRESHOLDS[failOn];
  return review.findings.some((f) => severities.includes(f.severity));
}
