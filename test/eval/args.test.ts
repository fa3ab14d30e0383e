import { describe, expect, it } from 'vitest';
import { parseEvalArgs, parseShard } from '../../src/eval/args.js';
import { createProgressDisplay } from '../../src/eval/progress.js';

describe('parseEvalArgs', () => {
  it('applies defaults', () => {
    expect(parseEvalArgs(['--agent', 'model-trainer'])).toMatchObject({
      command: 'run',
      agent: 'model-trainer',
      provider: 'offline',
      trials: 1,
      margin: 0,
      report: 'table',
      updateBaseline: false,
      record: false,
      disableRules: [],
    });
  });

  it('reads every flag', () => {
    const a = parseEvalArgs([
      '--agent', 'a', '--suite', 's', '--provider', 'OpenAI', '--model', 'm', '--base-url', 'http://127.0.0.1:1/v1',
      '--trials', '3', '--concurrency', '2', '--shard', '2/4', '--window', '0', '--margin', '0.05', '--update-baseline',
      '--report', 'html', '--output', 'r.html', '--disable-rule', 'x', '--disable-rule', 'y', '--max-turns', '9',
    ]);
    expect(a).toMatchObject({
      suites: ['s'], provider: 'openai', model: 'm', baseUrl: 'http://127.0.0.1:1/v1', trials: 3, concurrency: 2,
      shard: { index: 2, count: 4 }, window: 0, margin: 0.05, updateBaseline: true, report: 'html', output: 'r.html',
      disableRules: ['x', 'y'], maxTurns: 9,
    });
  });

  it('parses merge with its files', () => {
    expect(parseEvalArgs(['merge', 'a.json', 'b.json', '--report', 'junit'])).toMatchObject({ command: 'merge', files: ['a.json', 'b.json'], report: 'junit' });
    expect(() => parseEvalArgs(['merge'])).toThrow(/needs the logs/);
  });

  it.each([
    [['--shard', '0/2'], /--shard must be i\/n/],
    [['--shard', 'two'], /--shard must be i\/n/],
    [['--trials', '1.5'], /--trials must be a positive whole number/],
    [['--margin', '2'], /--margin must be a number from 0 to 1/],
    [['--window=-1'], /--window must be a whole number/],
    [['--report', 'pdf'], /unknown report "pdf"/],
    [['--record', '--provider', 'replay'], /cannot record a replay/],
    [['--record', '--trials', '2'], /one exchange per case/],
    [['--frobnicate'], /Unknown option '--frobnicate'/],
    [['extra'], /unexpected argument "extra"/],
    [['merge', 'a.json', '--suite', 'x', '--suite', 'y'], /joins the logs of one suite/],
    [['--suite', 'x', '--suite', 'y', '--output', 'r.json'], /--output holds one report/],
  ])('rejects %j', (args, message) => {
    expect(() => parseEvalArgs(args)).toThrow(message);
  });

  it('parses shards', () => {
    expect(parseShard(' 3/3 ')).toEqual({ index: 3, count: 3 });
    expect(parseShard(undefined)).toBeUndefined();
  });
});

describe('progress display', () => {
  it('draws in place on a TTY, strips control characters from case names and clears at the end', () => {
    let out = '';
    const display = createProgressDisplay({ write: (s) => (out += s), isTTY: true, width: 4 });
    display.update({ done: 1, total: 4, case: 'evil\x1b]0;title\x07', trial: 1, status: 'ok' });
    display.update({ done: 2, total: 4, case: 'b', trial: 2, status: 'error' });
    display.finish();
    expect(out).toBe('\r\x1b[K█░░░ 1/4 · evil?]0;title?\r\x1b[K██░░ 2/4 · 1 not ok · b (trial 2)\r\x1b[K');
  });

  it('writes nothing when not a TTY', () => {
    let out = '';
    const display = createProgressDisplay({ write: (s) => (out += s), isTTY: false });
    display.update({ done: 1, total: 1, case: 'a', trial: 1, status: 'ok' });
    display.finish();
    expect(out).toBe('');
  });
});
