import { describe, expect, it } from 'vitest';
import { extractTextToolCalls } from '../../src/providers/text-tool-calls.js';

const TOOLS = ['Read', 'Grep', 'submit_review'];

describe('extractTextToolCalls', () => {
  it('reads a bare JSON call', () => {
    expect(extractTextToolCalls('{"name": "Read", "arguments": {"path": "train.py"}}', TOOLS)).toEqual({
      calls: [{ name: 'Read', input: { path: 'train.py' } }],
      text: '',
    });
  });

  it('reads Hermes/Qwen <tool_call> tags, several of them, keeping the prose', () => {
    const text = 'Let me look.\n<tool_call>\n{"name": "Read", "arguments": {"path": "a.py"}}\n</tool_call>\n<tool_call>\n{"name": "Grep", "arguments": {"pattern": "fit"}}\n</tool_call>';
    expect(extractTextToolCalls(text, TOOLS)).toEqual({
      calls: [
        { name: 'Read', input: { path: 'a.py' } },
        { name: 'Grep', input: { pattern: 'fit' } },
      ],
      text: 'Let me look.',
    });
  });

  it('reads an unterminated <tool_call> (the stop token ate the closing tag)', () => {
    expect(extractTextToolCalls('<tool_call>{"name": "Read", "arguments": {"path": "a.py"}}', TOOLS).calls).toEqual([
      { name: 'Read', input: { path: 'a.py' } },
    ]);
  });

  it('reads a fenced json block and Llama-style "parameters"', () => {
    const text = 'Calling:\n```json\n{"type": "function", "name": "Grep", "parameters": {"pattern": "train_test_split"}}\n```\nthen I will continue.';
    expect(extractTextToolCalls(text, TOOLS)).toEqual({
      calls: [{ name: 'Grep', input: { pattern: 'train_test_split' } }],
      text: 'Calling:\n\nthen I will continue.',
    });
  });

  it('reads Mistral [TOOL_CALLS] arrays and string-encoded arguments', () => {
    const text = '[TOOL_CALLS] [{"name": "Read", "arguments": "{\\"path\\": \\"a.py\\"}"}, {"name": "Read", "arguments": {"path": "b.py"}}]';
    expect(extractTextToolCalls(text, TOOLS).calls).toEqual([
      { name: 'Read', input: { path: 'a.py' } },
      { name: 'Read', input: { path: 'b.py' } },
    ]);
  });

  it("reads OpenAI's own shape written out as text", () => {
    const text = '{"id": "x", "type": "function", "function": {"name": "Read", "arguments": "{\\"path\\": \\"c.py\\"}"}}';
    expect(extractTextToolCalls(text, TOOLS).calls).toEqual([{ name: 'Read', input: { path: 'c.py' } }]);
  });

  it('handles braces inside strings', () => {
    const text = '{"name": "Grep", "arguments": {"pattern": "\\\\{\\"a\\": [1, 2]}"}}';
    expect(extractTextToolCalls(text, TOOLS).calls).toEqual([{ name: 'Grep', input: { pattern: '\\{"a": [1, 2]}' } }]);
  });

  it('ignores tools that were not offered', () => {
    const text = '{"name": "Bash", "arguments": {"command": "rm -rf /"}}';
    expect(extractTextToolCalls(text, TOOLS)).toEqual({ calls: [], text });
  });

  it('ignores JSON with other keys (a config snippet is not a call)', () => {
    const text = 'The config sets {"name": "Read", "lr": 0.1, "arguments": {}} which is odd.';
    expect(extractTextToolCalls(text, TOOLS).calls).toEqual([]);
  });

  it('ignores calls quoted inside non-JSON code fences', () => {
    const text = 'Example:\n```python\nx = {"name": "Read", "arguments": {"path": "a.py"}}\n```';
    expect(extractTextToolCalls(text, TOOLS)).toEqual({ calls: [], text });
  });

  it('rejects an array if any element is not a call', () => {
    const text = '[{"name": "Read", "arguments": {"path": "a"}}, {"name": "Nope", "arguments": {}}]';
    expect(extractTextToolCalls(text, TOOLS).calls).toEqual([]);
  });

  it('rejects non-object arguments', () => {
    expect(extractTextToolCalls('{"name": "Read", "arguments": [1]}', TOOLS).calls).toEqual([]);
  });

  it('returns text untouched when nothing is offered', () => {
    expect(extractTextToolCalls('{"name": "Read"}', [])).toEqual({ calls: [], text: '{"name": "Read"}' });
  });
});

describe('extractTextToolCalls on data', () => {
  it('does not fish calls out of a larger JSON document', () => {
    const text = '{"summary": "ok", "examples": [{"name": "Read", "arguments": {"path": "a"}}]}';
    expect(extractTextToolCalls(text, TOOLS).calls).toEqual([]);
  });

  it('ignores calls inside <think> reasoning', () => {
    const text = '<think>Maybe {"name": "Read", "arguments": {"path": "a.py"}} first?</think>\n{"name": "Grep", "arguments": {"pattern": "fit"}}';
    const result = extractTextToolCalls(text, TOOLS);
    expect(result.calls).toEqual([{ name: 'Grep', input: { pattern: 'fit' } }]);
    expect(result.text).toBe('<think>Maybe {"name": "Read", "arguments": {"path": "a.py"}} first?</think>');
  });
});
