import { parseArgs } from 'node:util';
import { ReviewAgentError } from '../errors.js';
import type { Shard } from './log.js';
import { REPORT_FORMATS, type ReportFormat } from './report/index.js';

export interface EvalArgs {
  command: 'run' | 'merge' | 'help';
  /** merge: the shard logs. */
  files: string[];
  agent?: string;
  /** Suite folders; more than one are scored one after another in this process. Empty: the default. */
  suites: string[];
  provider: string;
  model?: string;
  baseUrl?: string;
  trials: number;
  concurrency?: number;
  shard?: Shard;
  window?: number;
  margin: number;
  updateBaseline: boolean;
  record: boolean;
  /** replay: which provider's cassettes to play (a folder under cassettes/). */
  cassettes?: string;
  /** offline: rules switched off, to measure what a rule contributes. */
  disableRules: string[];
  maxTurns?: number;
  report: ReportFormat;
  output?: string;
}

export const EVAL_HELP = `review-agent eval: score an agent on its eval suite and compare with the baseline

usage: review-agent eval --agent NAME [options]
       review-agent eval merge LOG.json... [--suite DIR] [--report FORMAT] [--output FILE] [--update-baseline]

  --agent NAME          agent name or .md file (default: the name of --suite's folder)
  --suite DIR           cases, one folder each (case.yaml + repo/); default evals/<agent>.
                        Repeat it to score several suites in one run (start-up is paid once);
                        each is compared with its own baseline, and the run fails if any regressed
  --provider ID         offline (default), anthropic, openai or replay
  --model ID            model for anthropic/openai (an alias such as sonnet, or a full id)
  --base-url URL        OpenAI-compatible or Anthropic-compatible server
  --trials N            run each case N times (default 1); intervals then account for noise
  --concurrency N       samples at once (default: the CPU count)
  --shard i/n           run the i-th of n slices of the suite; join the logs with "eval merge"
  --window N            lines either side of an expected range that still match (default 3)
  --margin X            allowed drop of recall, precision or verdict accuracy (default 0)
  --update-baseline     accept this run as evals/<agent>/baseline.<provider>.json
  --record              store each case's model exchange in evals/<agent>/cassettes/<provider>/
  --cassettes NAME      with --provider replay: the recorded provider folder to replay
  --disable-rule ID     offline: switch a rule off (repeatable)
  --max-turns N         turn limit of each review
  --report FORMAT       table (default), json (the full log), junit or html
  --output FILE         write the report to FILE instead of stdout

Exit codes: 0 ok, 1 regression against the baseline or failed samples, 2 usage or case errors, 3 runtime errors.
`;

function usage(message: string, field: string, fix: string): ReviewAgentError {
  return new ReviewAgentError('usage', message, { field, fix });
}

function positiveInt(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw usage(`${flag} must be a positive whole number, got "${value}"`, flag, `e.g. ${flag} 3`);
  return n;
}

export function parseShard(value: string | undefined): Shard | undefined {
  if (value === undefined) return undefined;
  const m = /^(\d+)\/(\d+)$/.exec(value.trim());
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || index < 1 || count < 1 || index > count) {
    throw usage(`--shard must be i/n with 1 <= i <= n, got "${value}"`, '--shard', 'e.g. --shard 2/4 runs the second of four slices');
  }
  return { index, count };
}

export function parseEvalArgs(argv: readonly string[]): EvalArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        agent: { type: 'string' },
        suite: { type: 'string', multiple: true },
        provider: { type: 'string' },
        model: { type: 'string' },
        'base-url': { type: 'string' },
        trials: { type: 'string' },
        concurrency: { type: 'string' },
        shard: { type: 'string' },
        window: { type: 'string' },
        margin: { type: 'string' },
        'update-baseline': { type: 'boolean' },
        record: { type: 'boolean' },
        cassettes: { type: 'string' },
        'disable-rule': { type: 'string', multiple: true },
        'max-turns': { type: 'string' },
        report: { type: 'string' },
        output: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw usage((error as Error).message, 'arguments', 'see review-agent eval --help');
  }
  const v = parsed.values;
  const [first, ...rest] = parsed.positionals;
  const command = v.help ? 'help' : first === 'merge' ? 'merge' : 'run';
  if (command === 'run' && first !== undefined) {
    throw usage(`unexpected argument "${first}"`, 'arguments', 'eval takes options only, or "merge LOG.json..."');
  }
  if (command === 'merge' && rest.length === 0) throw usage('eval merge needs the logs to join', 'files', 'review-agent eval merge shard-1.json shard-2.json');
  const suites = v.suite ?? [];
  if (suites.length > 1 && command === 'merge') throw usage('eval merge joins the logs of one suite', '--suite', 'pass --suite once');
  if (suites.length > 1 && v.output) throw usage('--output holds one report, and there is one per suite', '--output', 'score one suite per --output, or drop --output to print every report');
  const report = (v.report ?? 'table') as ReportFormat;
  if (!REPORT_FORMATS.includes(report)) throw usage(`unknown report "${v.report}"`, '--report', `use one of ${REPORT_FORMATS.join(', ')}`);
  const margin = v.margin === undefined ? 0 : Number(v.margin);
  if (!Number.isFinite(margin) || margin < 0 || margin > 1) throw usage(`--margin must be a number from 0 to 1, got "${v.margin}"`, '--margin', 'e.g. --margin 0.02');
  const window = v.window === undefined ? undefined : Number(v.window);
  if (window !== undefined && (!Number.isInteger(window) || window < 0)) throw usage(`--window must be a whole number of lines, got "${v.window}"`, '--window', 'e.g. --window 3');
  const provider = (v.provider ?? 'offline').trim().toLowerCase();
  const trials = positiveInt(v.trials, '--trials') ?? 1;
  if (v.record && provider === 'replay') throw usage('--record cannot record a replay', '--record', 'record with --provider anthropic or openai');
  if (v.record && trials > 1) throw usage('--record keeps one exchange per case', '--record', 'record with --trials 1');
  return {
    command,
    files: command === 'merge' ? rest : [],
    agent: v.agent,
    suites,
    provider,
    model: v.model,
    baseUrl: v['base-url'],
    trials,
    concurrency: positiveInt(v.concurrency, '--concurrency'),
    shard: parseShard(v.shard),
    window,
    margin,
    updateBaseline: v['update-baseline'] ?? false,
    record: v.record ?? false,
    cassettes: v.cassettes,
    disableRules: v['disable-rule'] ?? [],
    maxTurns: positiveInt(v['max-turns'], '--max-turns'),
    report,
    output: v.output,
  };
}
