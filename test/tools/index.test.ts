import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createBuiltinTools, runTool, toolInputJsonSchema } from '../../tools/index.js';
import type { Tool } from '../../tools/types.js';
import { makeContext } from './helpers.js';

describe('createBuiltinTools', () => {
  it('offers Read, Grep, Glob and Bash with Claude Code field names', () => {
    const tools = createBuiltinTools({});
    expect(tools.map((t) => t.name)).toEqual(['Read', 'Grep', 'Glob', 'Bash']);
    const fields = Object.fromEntries(tools.map((t) => [t.name, Object.keys((toolInputJsonSchema(t).properties ?? {}) as object)]));
    expect(fields).toEqual({
      Read: ['file_path', 'offset', 'limit'],
      Grep: ['pattern', 'path', 'glob', 'type', 'output_mode', '-i', '-n', '-A', '-B', '-C', 'multiline', 'head_limit', 'offset'],
      Glob: ['pattern', 'path'],
      Bash: ['command', 'timeout', 'description'],
    });
    expect(toolInputJsonSchema(tools[0]!).required).toEqual(['file_path']);
    for (const tool of tools) expect(tool.description.length).toBeGreaterThan(200);
  });
});

describe('runTool', () => {
  const thrower: Tool<{ n: number }> = {
    name: 'Thrower',
    description: 'throws',
    inputSchema: z.object({ n: z.number() }),
    run: async () => {
      throw new Error('disk on fire');
    },
  };

  it('turns a thrown error into an error result', async () => {
    expect(await runTool(thrower, { n: 1 }, makeContext('/'))).toEqual({ content: 'Thrower failed: disk on fire', isError: true });
  });

  it('turns schema failures into a message naming the field', async () => {
    const result = await runTool(thrower, { n: 'x' }, makeContext('/'));
    expect(result.isError).toBe(true);
    expect(result.content).toMatch(/^Invalid input for Thrower:\n- n: .*\nExpected an object with fields: n\. Fix the input and call Thrower again\.$/);
    expect((await runTool(thrower, 'not an object', makeContext('/'))).content).toMatch(/- \(input\): /);
  });

  it('does not run a tool once the review is cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    const ctx = { ...makeContext('/'), signal: controller.signal };
    expect(await runTool(thrower, { n: 1 }, ctx)).toEqual({ content: 'Thrower was not run: the review was cancelled.', isError: true });
  });
});
