export { startAnthropicServer, type AnthropicServerOptions } from './anthropic-server.js';
export { startOpenAIServer, type OpenAIServerOptions } from './openai-server.js';
export type { HttpError, RecordedRequest, Reply, ScriptedServer, ScriptedToolCall, ScriptedUsage, ScriptEntry } from './script.js';
