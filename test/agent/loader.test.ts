import { mkdtemp, mkdir, writeFile, copyFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findAgent, listAgents } from '../../src/agent/discovery.js';
import { loadAgentFile } from '../../src/agent/loader.js';
import { checkAgentText } from '../../src/agent/parse.js';
import { splitToolList } from '../../src/agent/tool-list.js';
import { ReviewAgentError } from '../../src/errors.js';

const fixtures = path.resolve(__dirname, '../fixtures/agents');
const seed = path.resolve(__dirname, '../../../shared/seeds/model-trainer.md');

async function loadError(file: string): Promise<ReviewAgentError> {
  try {
    await loadAgentFile(path.join(fixtures, file));
  } catch (error) {
    expect(error).toBeInstanceOf(ReviewAgentError);
    return error as ReviewAgentError;
  }
  throw new Error(`${file} loaded without error`);
}

describe('the seed agent file', () => {
  it('loads unchanged, with its tools, model and compatible_with', async () => {
    const spec = await loadAgentFile(seed);
    expect(spec.name).toBe('model-trainer');
    expect(spec.tools.map((t) => t.name)).toEqual(['Read', 'Grep', 'Glob', 'Bash']);
    expect(spec.model).toBe('opus');
    expect(spec.compatibleWith).toEqual(['Claude', 'Cursor', 'generic-llm']);
    expect(spec.prompt).toMatch(/^You are an expert ML engineer/);
    expect(spec.prompt).toContain('## Approval Criteria');
    expect(spec.warnings).toEqual([]);
  });

  it('and our own agent keeps its checklist sections, finding format and approval criteria', async () => {
    const ours = await loadAgentFile(path.resolve(__dirname, '../../agents/model-trainer.md'));
    const theirs = await loadAgentFile(seed);
    const sections = [...theirs.prompt.matchAll(/^### (.+?) \((CRITICAL|HIGH|MEDIUM)\)$/gm)].map((m) => m[0]);
    expect(sections.length).toBe(7);
    for (const heading of sections) expect(ours.prompt).toContain(heading);
    for (const label of ['File:', 'Issue:', 'Impact:', 'Fix:', 'Current:', 'Fixed:', '✅ **Approve**', '⚠️ **Warning**', '❌ **Block**']) {
      expect(ours.prompt).toContain(label);
    }
    expect(ours.tools.map((t) => t.name)).toEqual(['Read', 'Grep', 'Glob', 'Bash']);
    expect(ours.prompt).not.toBe(theirs.prompt);
  });
});

describe('frontmatter fields', () => {
  it('reads tools as a YAML list, Bash patterns, disallowedTools and unknown fields', async () => {
    const spec = await loadAgentFile(path.join(fixtures, 'list-tools.md'));
    expect(spec.tools).toEqual([{ name: 'Read' }, { name: 'Bash', pattern: 'git diff:*' }]);
    expect(spec.model).toBe('claude-sonnet-4-5');
    expect(spec.maxTurns).toBe(12);
    expect(spec.color).toBe('blue');
    expect(spec.unknownFields).toEqual({ team: 'ml-platform' });
    expect(spec.warnings.join('\n')).toMatch(/unknown frontmatter field "team"/);
  });

  it('splits a tools string on commas and spaces outside parentheses', () => {
    expect(splitToolList('Bash(git diff:*), Read Grep,Glob')).toEqual(['Bash(git diff:*)', 'Read', 'Grep', 'Glob']);
    expect(splitToolList(['Read', 'Bash(ls -la)'])).toEqual(['Read', 'Bash(ls -la)']);
  });

  it('gives every tool when tools is absent or "*", and none when it is empty', async () => {
    const absent = checkAgentText('---\nname: a\ndescription: d\n---\nbody\n', 'a.md').spec!;
    expect(absent.tools.map((t) => t.name).sort()).toEqual(['Bash', 'Glob', 'Grep', 'Read']);
    const star = await loadAgentFile(path.join(fixtures, 'crlf.md'));
    expect(star.tools.map((t) => t.name).sort()).toEqual(['Bash', 'Glob', 'Grep', 'Read']);
    expect(star.prompt).toBe('Review it.');
    const none = await loadAgentFile(path.join(fixtures, 'no-tools.md'));
    expect(none.tools).toEqual([]);
  });

  it('warns about Claude Code tools a reviewer never gets, instead of failing', async () => {
    const spec = await loadAgentFile(path.join(fixtures, 'claude-code-tools.md'));
    expect(spec.tools).toEqual([{ name: 'Read' }]);
    expect(spec.warnings.join('\n')).toMatch(/"Edit" is not available/);
    expect(spec.warnings.join('\n')).toMatch(/mcp__github__search/);
  });

  it('accepts custom tool names a library host provides', () => {
    const text = '---\nname: a\ndescription: d\ntools: Read, Lint\n---\nbody\n';
    expect(checkAgentText(text, 'a.md').problems[0]?.message).toMatch(/unknown tool "Lint"/);
    expect(checkAgentText(text, 'a.md', { extraToolNames: ['Lint'] }).spec?.tools).toEqual([{ name: 'Read' }, { name: 'Lint' }]);
  });
});

describe('bad agent files fail with file, field and fix', () => {
  const cases: [string, RegExp, string | undefined, RegExp][] = [
    ['no-frontmatter.md', /no YAML frontmatter/, undefined, /start the file with a line "---"/],
    ['unclosed.md', /never closed/, undefined, /add a line "---"/],
    ['yaml-error.md', /YAML syntax error/, undefined, /fix the YAML/],
    ['missing-name.md', /name is required/, 'name', /name: my-agent/],
    ['missing-description.md', /description is required/, 'description', /description:/],
    ['unknown-tool.md', /unknown tool "Grpe"/, 'tools', /did you mean "Grep"/],
    ['name-colon.md', /must not contain ":"/, 'name', /correct|name:/],
    ['empty-body.md', /prompt .* is empty/, 'body', /write the system prompt/],
  ];
  for (const [file, message, field, fix] of cases) {
    it(file, async () => {
      const error = await loadError(`bad/${file}`);
      expect(error.message).toMatch(message);
      expect(error.file).toBe(path.join(fixtures, 'bad', file));
      expect(error.field).toBe(field);
      expect(error.fix).toMatch(fix);
      expect(error.exitCode).toBe(2);
      expect(error.describe()).toContain(file);
    });
  }

  it('reports the line of a YAML syntax error', async () => {
    const error = await loadError('bad/yaml-error.md');
    expect(error.line).toBeGreaterThanOrEqual(3);
    expect(error.line).toBeLessThanOrEqual(5);
  });

  it('a missing file says so', async () => {
    const error = await loadError('does-not-exist.md');
    expect(error.message).toBe('agent file not found');
  });
});

describe('discovery', () => {
  async function layout() {
    const base = await mkdtemp(path.join(os.tmpdir(), 'ra-discovery-'));
    const project = path.join(base, 'project');
    const nested = path.join(project, 'src', 'deep');
    const home = path.join(base, 'home');
    const builtin = path.join(base, 'builtin');
    for (const d of [nested, path.join(project, '.claude', 'agents'), path.join(home, '.claude', 'agents'), builtin]) {
      await mkdir(d, { recursive: true });
    }
    const agent = (name: string, description: string) => `---\nname: ${name}\ndescription: ${description}\n---\nPrompt of ${name}.\n`;
    await writeFile(path.join(project, '.claude', 'agents', 'model-trainer.md'), agent('model-trainer', 'project copy'));
    await writeFile(path.join(home, '.claude', 'agents', 'user-only.md'), agent('user-only', 'from home'));
    await copyFile(seed, path.join(builtin, 'model-trainer.md'));
    await writeFile(path.join(builtin, 'broken.md'), '---\nname: broken\n---\nx\n');
    return { project, nested, home, builtin };
  }

  it('finds a name by walking up to .claude/agents, before ~/.claude and built-ins', async () => {
    const { nested, home, builtin } = await layout();
    const spec = await findAgent('model-trainer', { cwd: nested, home, builtinDir: builtin });
    expect(spec.description).toBe('project copy');
    expect(spec.source.kind).toBe('project');
    const user = await findAgent('user-only', { cwd: nested, home, builtinDir: builtin });
    expect(user.source.kind).toBe('user');
  });

  it('lists every agent with its source, marking shadowed ones and broken ones', async () => {
    const { nested, home, builtin } = await layout();
    const listed = await listAgents({ cwd: nested, home, builtinDir: builtin });
    const trainer = listed.filter((a) => a.spec?.name === 'model-trainer');
    expect(trainer.map((a) => a.kind)).toEqual(['project', 'builtin']);
    expect(trainer[1]!.shadowedBy).toBe(trainer[0]!.file);
    const broken = listed.find((a) => a.file.endsWith('broken.md'))!;
    expect(broken.spec).toBeUndefined();
    expect(broken.problems[0]!.field).toBe('description');
  });

  it('loads an explicit path, reports a broken agent by its problem, and an unknown name with the choices', async () => {
    const { nested, home, builtin } = await layout();
    const explicit = await findAgent(seed, { cwd: nested, home, builtinDir: builtin });
    expect(explicit.source.kind).toBe('file');
    await expect(findAgent('broken', { cwd: nested, home, builtinDir: builtin })).rejects.toThrow(/description is required/);
    await expect(findAgent('nope', { cwd: nested, home, builtinDir: builtin })).rejects.toThrow(/no agent named "nope"/);
  });

  it('finds the built-in model-trainer from the package', async () => {
    const base = await mkdtemp(path.join(os.tmpdir(), 'ra-empty-'));
    const spec = await findAgent('model-trainer', { cwd: base, home: base });
    expect(spec.source.kind).toBe('builtin');
    expect(spec.source.path).toMatch(/agents[/\\]model-trainer\.md$/);
  });
});
