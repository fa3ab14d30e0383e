import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capOutput, createBashTool } from '../../tools/bash.js';
import { checkAllowed, splitCommands } from '../../tools/bash-allow.js';
import { runTool } from '../../tools/index.js';
import { bwrapArgs, probeHostLayout } from '../../tools/sandbox.js';
import { makeContext, makeTree } from './helpers.js';
import { describeNeeding, needsNote } from '../helpers/system.js';

let root: string;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  ({ root, cleanup } = await makeTree({ 'a.txt': 'alpha\n', 'b.txt': 'beta\n' }, 'ra-bash-'));
});
afterAll(() => cleanup());

describeNeeding('bwrap')(`Bash${needsNote('bwrap')}`, () => {
  const bash = createBashTool();

  it('runs in the review root and reports stdout', async () => {
    expect(await runTool(bash, { command: 'pwd && ls', description: 'list' }, makeContext(root))).toEqual({
      content: `${root}\na.txt\nb.txt`,
      isError: false,
    });
  });

  it('reports stderr and the exit code', async () => {
    const result = await runTool(bash, { command: 'echo out; echo oops >&2; exit 7' }, makeContext(root));
    expect(result).toEqual({ content: 'out\n[review-agent: stderr]\noops\n[review-agent: exit code 7]', isError: true });
  });

  it('says when a command succeeds silently', async () => {
    expect(await runTool(bash, { command: 'true' }, makeContext(root))).toEqual({
      content: '[review-agent: command succeeded with no output]',
      isError: false,
    });
  });

  it('clamps the timeout to the maximum and accepts it as a string', async () => {
    const result = await runTool(bash, { command: 'sleep 5', timeout: '300' }, makeContext(root, { bashMaxTimeoutMs: 200 }));
    expect(result.content).toContain('timed out after 200 ms');
  });

  it('fails closed with a fix when bubblewrap is missing', async () => {
    const missing = createBashTool({ bwrapPath: '/nonexistent/bwrap' });
    const result = await runTool(missing, { command: 'echo hi' }, makeContext(root));
    expect(result.isError).toBe(true);
    expect(result.content).toMatch(/^Bash is unavailable: bubblewrap \(\/nonexistent\/bwrap\) is not installed/);
    expect(result.content).toContain('apt-get install bubblewrap');
    expect(result.content).toContain('--unsafe-no-sandbox');
    expect(result.content).not.toContain('hi\n');
  });

  it('runs unconfined only in unsafe-none mode, and warns about it', async () => {
    const unsafe = createBashTool({ sandbox: 'unsafe-none' });
    const ctx = makeContext(root);
    const result = await runTool(unsafe, { command: 'echo "$HOME"; test -d /proc/1 && echo host' }, ctx);
    expect(result.content).toBe('/tmp\nhost');
    expect(ctx.events).toEqual([expect.objectContaining({ type: 'tool-warning', tool: 'Bash' })]);
  });

  it('enforces Bash(pattern) grants', async () => {
    const restricted = createBashTool({ allow: ['Bash(git diff:*)', 'ls'] });
    expect((await runTool(restricted, { command: 'ls' }, makeContext(root))).content).toBe('a.txt\nb.txt');
    const refused = await runTool(restricted, { command: 'cat a.txt' }, makeContext(root));
    expect(refused).toEqual({
      content: 'Command refused: "cat a.txt" is not allowed for this agent: Bash(git diff:*), Bash(ls).',
      isError: true,
    });
    expect((await runTool(restricted, { command: 'ls && cat a.txt' }, makeContext(root))).content).toContain('"cat a.txt" is not allowed');
  });

  it('returns a schema error for a missing command', async () => {
    const result = await runTool(bash, { cmd: 'ls' }, makeContext(root));
    expect(result.isError).toBe(true);
    expect(result.content).toMatch(/^Invalid input for Bash:\n- command: /);
  });
});

describe('Bash grants', () => {
  it('uses Claude Code prefix semantics', () => {
    expect(checkAllowed('git diff HEAD~1', ['git diff:*'])).toEqual({ ok: true });
    expect(checkAllowed('git diff', ['git diff:*'])).toEqual({ ok: true });
    expect(checkAllowed('git diffx', ['git diff:*']).ok).toBe(false);
    expect(checkAllowed('npm test', ['npm test']).ok).toBe(true);
    expect(checkAllowed('npm test --all', ['npm test']).ok).toBe(false);
    expect(checkAllowed('anything', undefined).ok).toBe(true);
    expect(checkAllowed('anything', ['*']).ok).toBe(true);
    expect(checkAllowed('anything', []).ok).toBe(false);
  });

  it('checks every part of a compound command and refuses substitutions', () => {
    expect(checkAllowed('git diff | head -5', ['git diff:*', 'head:*']).ok).toBe(true);
    expect(checkAllowed('git diff; curl x', ['git diff:*']).ok).toBe(false);
    expect(checkAllowed('git diff $(cat /etc/passwd)', ['git diff:*']).ok).toBe(false);
    expect(checkAllowed('git diff `id`', ['git diff:*']).ok).toBe(false);
    expect(checkAllowed("git diff 'a;b'", ['git diff:*']).ok).toBe(true);
    expect(splitCommands('a && b || c; d | e & f\ng')).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
  });
});

describe('sandbox backend', () => {
  it('builds a bwrap command line with the isolation the policy asks for', async () => {
    const args = bwrapArgs(await probeHostLayout(), '/srv/repo', 'echo hi');
    const joined = args.join(' ');
    for (const flag of ['--unshare-all', '--die-with-parent', '--new-session', '--clearenv', '--cap-drop ALL', '--tmpfs /tmp']) {
      expect(joined).toContain(flag);
    }
    expect(joined).toContain('--ro-bind /srv/repo /srv/repo --chdir /srv/repo');
    expect(joined).toContain('--setenv HOME /tmp');
    expect(joined).not.toMatch(/--bind |--share-net|\/home|\/root|\/var/);
    expect(args.slice(-3)).toEqual([expect.stringMatching(/bash$|sh$/), '-c', 'echo hi']);
  });

  it('caps output keeping head and tail', () => {
    const text = Array.from({ length: 100 }, (_, i) => `row ${i}`).join('\n');
    const capped = capOutput(text, 40);
    expect(capped.startsWith('row 0\nrow 1\nrow 2')).toBe(true);
    expect(capped.endsWith('row 98\nrow 99')).toBe(true);
    expect(capped).toContain('[review-agent: output truncated: ');
    expect(capOutput('short', 40)).toBe('short');
  });
});
