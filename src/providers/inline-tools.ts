import type { GenerateRequest, Message, ToolSpec } from './types.js';

/**
 * For servers that accept no `tools` at all (Ollama models without tool support, llama.cpp
 * without --jinja): the same request with the tools described in the system prompt and the
 * conversation's tool calls and results written as text. The model's answer is then read with
 * extractTextToolCalls, which understands the format asked for here.
 */
export function inlineTools(request: GenerateRequest): GenerateRequest {
  const allowed = request.toolChoice !== 'none' && request.tools.length > 0;
  const system = allowed ? `${request.system}\n\n${toolsPrompt(request.tools)}` : request.system;
  return { ...request, system, tools: [], messages: request.messages.map(asText) };
}

function toolsPrompt(tools: ToolSpec[]): string {
  const list = tools
    .map((t) => `### ${t.name}\n${t.description}\nArguments (JSON Schema): ${JSON.stringify(t.inputSchema)}`)
    .join('\n\n');
  return [
    '## Calling tools',
    'To call a tool, answer with a JSON object on its own line and nothing after it:',
    '{"name": "<tool name>", "arguments": {<arguments>}}',
    'Write one such line per call to make several calls. Tool results come back in the next message.',
    '',
    list,
  ].join('\n');
}

function asText(message: Message): Message {
  if (message.role === 'assistant') {
    return {
      role: 'assistant',
      content: message.content.map((part) =>
        part.type === 'toolCall' ? { type: 'text', text: `\n${JSON.stringify({ name: part.name, arguments: part.input })}\n` } : part,
      ),
    };
  }
  return {
    role: 'user',
    content: message.content.map((part) =>
      part.type === 'toolResult'
        ? { type: 'text', text: `Result of ${part.toolName}${part.isError ? ' (error)' : ''}:\n${part.content}` }
        : part,
    ),
  };
}
