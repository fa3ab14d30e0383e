import { describe, expect, it } from 'vitest';
import { escapeData, escapeProperty, renderGithub, renderGithubSummary, summaryLinksFromEnv, workflowCommand } from '../../src/output/github.js';
import { makeFinding, makeReview } from '../helpers/review-fixture.js';

/** Parses a workflow command line back, undoing GitHub's escapes, to check round trips. */
function parseCommand(line: string): { level: string; props: Record<string, string>; message: string } {
  const match = /^::(\w+)(?: ([^:]*))?::(.*)$/.exec(line);
  if (!match) throw new Error(`not a workflow command: ${line}`);
  const unescape = (s: string) => s.replace(/%2C/g, ',').replace(/%3A/g, ':').replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%25/g, '%');
  const props: Record<string, string> = {};
  for (const pair of (match[2] ?? '').split(',').filter(Boolean)) {
    const eq = pair.indexOf('=');
    props[pair.slice(0, eq)] = unescape(pair.slice(eq + 1));
  }
  return { level: match[1]!, props, message: unescape(match[3]!) };
}

describe('GitHub workflow commands', () => {
  it('escapes data and properties as the Actions runner expects', () => {
    expect(escapeData('50% done\r\nnext: a, b')).toBe('50%25 done%0D%0Anext: a, b');
    expect(escapeProperty('a:b,c%\n')).toBe('a%3Ab%2Cc%25%0A');
    expect(workflowCommand('error', { file: 'a,b.py', line: 3, endLine: undefined, title: 'x: y' }, 'm')).toBe('::error file=a%2Cb.py,line=3,title=x%3A y::m');
    expect(workflowCommand('notice', {}, 'plain')).toBe('::notice::plain');
  });

  it('annotates each finding on its file and lines, with the level of its severity', () => {
    const review = makeReview({
      verdict: 'block',
      findings: [
        makeFinding({ line: 12, endLine: 14, title: 'Scaler fit: on all rows, test included' }),
        makeFinding({ severity: 'HIGH', line: 30 }),
        makeFinding({ severity: 'MEDIUM', line: 40, sites: [{ file: 'other.py', line: 7 }] }),
        makeFinding({ severity: 'LOW', line: 50, endLine: 50 }),
      ],
    });
    const lines = renderGithub(review).trimEnd().split('\n');
    expect(lines).toHaveLength(5);
    const parsed = lines.map(parseCommand);
    expect(parsed.map((p) => p.level)).toEqual(['error', 'error', 'warning', 'notice', 'notice']);
    expect(parsed[0]!.props).toEqual({ file: 'train.py', line: '12', endLine: '14', title: '[CRITICAL] Scaler fit: on all rows, test included' });
    expect(lines[0]).toContain('title=[CRITICAL] Scaler fit%3A on all rows%2C test included::');
    expect(parsed[0]!.message).toBe(
      'StandardScaler.fit_transform runs on all rows, test rows included.\n\nImpact: Test scores are optimistic: the scaler saw test statistics.\n\nFix: Split first, then fit the scaler on the training rows only.',
    );
    expect(parsed[2]!.message).toContain('Also at: other.py:7');
    expect(parsed[3]!.props.endLine).toBeUndefined();
    expect(parsed[4]!.props.title).toBe('review-agent: block');
    expect(parsed[4]!.message).toContain('model-trainer: BLOCK: 1 CRITICAL, 1 HIGH, 1 MEDIUM, 1 LOW');
    // No raw newline may survive inside a command: each command is one line.
    for (const line of lines) expect(line.startsWith('::')).toBe(true);
  });

  it('uses repository-relative paths and warns when the review is incomplete', () => {
    const review = makeReview({ status: 'incomplete', incompleteReason: 'turn limit reached (3 turns)', findings: [makeFinding()] });
    const parsed = renderGithub(review, { root: '/ws/src/ml', baseDir: '/ws' }).trimEnd().split('\n').map(parseCommand);
    expect(parsed[0]!.props.file).toBe('src/ml/train.py');
    expect(parsed[1]).toEqual({ level: 'warning', props: { title: 'review-agent: review incomplete' }, message: 'turn limit reached (3 turns)' });
  });
});

describe('GitHub job summary', () => {
  it('shows the verdict, counts per severity and each finding with its code', () => {
    const review = makeReview({
      verdict: 'block',
      summary: 'One leak <script> found.',
      findings: [makeFinding({ current: 'X = scaler.fit_transform(X)', fixed: 'X_train = scaler.fit_transform(X_train)' })],
      usage: { inputTokens: 1000, outputTokens: 200, cacheReadTokens: 0, cacheWriteTokens: 0, costUsd: 0.0123 },
    });
    const md = renderGithubSummary(review);
    expect(md).toContain('## ⛔ review-agent · model-trainer: block');
    expect(md).toContain('| CRITICAL | 1 |');
    expect(md).toContain('| LOW | 0 |');
    expect(md).toContain('One leak \\<script\\> found.');
    expect(md).toContain('<summary><b>[CRITICAL]</b> Scaler fitted before the train/test split · <code>train.py:12</code></summary>');
    expect(md).toContain('```\nX = scaler.fit_transform(X)\n```');
    expect(md).toContain('$0.0123');
  });

  it('links findings to the commit when the GitHub environment is known', () => {
    const links = summaryLinksFromEnv({ GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'acme/ml', GITHUB_SHA: 'abc123' });
    expect(summaryLinksFromEnv({ GITHUB_REPOSITORY: 'acme/ml' })).toBeUndefined();
    const md = renderGithubSummary(makeReview({ findings: [makeFinding({ line: 3, endLine: 5 })] }), { links, root: '/ws/src', baseDir: '/ws' });
    expect(md).toContain('<a href="https://github.com/acme/ml/blob/abc123/src/train.py#L3-L5"><code>src/train.py:3-5</code></a>');
  });

  it('uses a longer fence when the code holds backticks', () => {
    const md = renderGithubSummary(makeReview({ findings: [makeFinding({ current: 'x = "```"' })] }));
    expect(md).toContain('````\nx = "```"\n````');
  });
});
