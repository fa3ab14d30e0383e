import { appendFile, writeFile } from 'node:fs/promises';
import { formatReview } from '../../api/format.js';
import { prepareReview } from '../../api/prepare.js';
import { runPrepared } from '../../api/run.js';
import { EXIT, ReviewAgentError } from '../../errors.js';
import type { ReviewEvent } from '../../loop/events.js';
import { shouldUseColor } from '../../output/ansi.js';
import { renderGithubSummary, summaryLinksFromEnv } from '../../output/github.js';
import { packageVersion } from '../../package-root.js';
import { severityRank, type Review, type Severity } from '../../review/schema.js';
import { EventFiles } from '../event-files.js';
import type { CliIO } from '../io.js';
import { Progress } from '../progress.js';
import { parseReviewArgs, type FailOn } from '../review-args.js';

export async function reviewCommand(argv: string[], io: CliIO): Promise<number> {
  const args = parseReviewArgs(argv);
  // Flags > REVIEW_AGENT_* environment > config file (found walking up from the path) > defaults.
  const prepared = await prepareReview({
    agent: args.agent,
    path: args.path,
    cwd: io.cwd,
    env: io.env,
    config: args.config,
    provider: args.provider,
    model: args.model,
    baseUrl: args.baseUrl,
    cassette: args.cassette,
    record: args.record,
    focus: args.focus,
    maxTurns: args.maxTurns,
    maxCostUsd: args.maxCostUsd,
    timeoutMs: args.timeoutMs,
    strict: args.strict,
    sandbox: args.unsafeNoSandbox ? 'unsafe-none' : 'bwrap',
  });
  const { provider, settings } = prepared;
  const failOn = args.failOn ?? settings.failOn;
  if (!args.quiet) {
    if (settings.configFile) io.stderr(`review-agent: settings from ${settings.configFile}\n`);
    io.stderr(`review-agent: ${prepared.providerReason} (model ${provider.model})\n`);
  }
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
    review = await runPrepared(prepared, { signal: io.signal, onEvent });
  } finally {
    await files.close();
  }

  const baseDir = io.env.GITHUB_WORKSPACE || io.cwd;
  const rendered = formatReview(review, args.format, {
    color: args.color ?? (args.output ? false : shouldUseColor({ isTTY: io.stdoutIsTTY }, io.env)),
    width: io.columns,
    root: prepared.root,
    baseDir,
    toolVersion: packageVersion(),
  });
  if (args.output) {
    await writeFile(args.output, rendered);
    if (!args.quiet) io.stderr(`review-agent: review written to ${args.output}\n`);
  } else {
    io.stdout(rendered);
  }
  if (args.format === 'github') await writeStepSummary(review, io, { root: prepared.root, baseDir });
  if (review.endReason === 'provider-error') {
    io.stderr(`review-agent: ${review.incompleteReason}\n`);
    return EXIT.runtime;
  }
  if (review.status === 'incomplete' && !args.quiet) io.stderr(`review-agent: review incomplete: ${review.incompleteReason}\n`);
  return failsOn(review, failOn) ? EXIT.failOn : EXIT.ok;
}

/** GitHub Actions shows markdown appended to the file named by GITHUB_STEP_SUMMARY on the run's page. */
async function writeStepSummary(review: Review, io: CliIO, paths: { root: string; baseDir: string }): Promise<void> {
  const file = io.env.GITHUB_STEP_SUMMARY;
  if (!file) return;
  const summary = renderGithubSummary(review, { ...paths, links: summaryLinksFromEnv(io.env) });
  try {
    await appendFile(file, `${summary}\n`);
  } catch (error) {
    throw new ReviewAgentError('runtime', `cannot append the job summary to ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, {
      file,
      fix: 'GITHUB_STEP_SUMMARY must name a writable file (the Actions runner sets it); unset it outside Actions',
      cause: error,
    });
  }
}

/** Exit code 1 when a finding at or above the --fail-on severity exists (default: any CRITICAL, i.e. a block). */
export function failsOn(review: Review, failOn: FailOn): boolean {
  if (failOn === 'never') return false;
  const threshold = severityRank(failOn.toUpperCase() as Severity);
  return review.findings.some((f) => severityRank(f.severity) <= threshold);
}
