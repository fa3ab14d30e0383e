import { EXIT, isReviewAgentError } from '../errors.js';
import { packageVersion } from '../package-root.js';
import { runEvalCommand } from '../eval/command.js';
import { initCommand } from './commands/init.js';
import { listCommand } from './commands/list.js';
import { mcpCommand } from './commands/mcp.js';
import { reviewCommand } from './commands/review.js';
import { rulesCommand } from './commands/rules.js';
import { validateCommand } from './commands/validate.js';
import { HELP } from './help.js';
import { processIO, type CliIO } from './io.js';

/** Runs the CLI; returns the exit code. Never calls process.exit, so it can be tested in-process. */
export async function main(argv: string[], io?: CliIO): Promise<number> {
  const controller = new AbortController();
  const onSigint = () => controller.abort(new Error('interrupted'));
  const ownIO = io === undefined;
  if (ownIO) process.once('SIGINT', onSigint);
  const cli = io ?? processIO(controller.signal);
  try {
    return await dispatch(argv, cli);
  } catch (error) {
    if (isReviewAgentError(error)) {
      cli.stderr(`review-agent: ${error.describe()}\n`);
      return error.exitCode;
    }
    cli.stderr(`review-agent: internal error: ${(error as Error)?.stack ?? String(error)}\n`);
    return EXIT.runtime;
  } finally {
    if (ownIO) process.removeListener('SIGINT', onSigint);
  }
}

async function dispatch(argv: string[], io: CliIO): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    io.stdout(HELP);
    return first === undefined ? EXIT.usage : EXIT.ok;
  }
  if (first === '--version' || first === '-V') {
    io.stdout(`${packageVersion()}\n`);
    return EXIT.ok;
  }
  switch (first) {
    case 'list':
      return listCommand(rest, io);
    case 'validate':
      return validateCommand(rest, io);
    case 'rules':
      return rulesCommand(rest, io);
    case 'init':
      return initCommand(rest, io);
    case 'mcp':
      return mcpCommand(rest, io);
    case 'eval':
      return runEvalCommand(rest, { stdout: io.stdout, stderr: io.stderr, isTTY: io.stderrIsTTY, cwd: io.cwd, env: io.env });
    default:
      if (argv.includes('--help') || argv.includes('-h')) {
        io.stdout(HELP);
        return EXIT.ok;
      }
      return reviewCommand(argv, io);
  }
}
