// The public library surface of review-agent. Only exports: nothing here runs at import.

// Running a review
export { review, streamReview, type ReviewCallOptions, type ReviewStream } from './api/review.js';
export type { ReviewOptions } from './api/prepare.js';
export { formatReview, REVIEW_FORMATS, type FormatOptions, type ReviewFormat } from './api/format.js';
export type { EventSink, ReviewEvent } from './loop/events.js';

// Agents
export { loadAgentFile as loadAgent } from './agent/loader.js';
export { findAgent, listAgents, type DiscoveryOptions, type ListedAgent } from './agent/discovery.js';
export { AgentSpec } from './agent/schema.js';

// Providers: built-in ones by id, or any object implementing Provider
export { createProvider, type CreateProviderOptions } from './providers/create.js';
export type {
  AssistantMessage,
  FinishEvent,
  GenerateRequest,
  Message,
  Provider,
  ProviderError,
  ProviderEvent,
  StopReason,
  TextPart,
  ToolCallPart,
  ToolResultPart,
  ToolSpec,
  UserMessage,
} from './providers/types.js';
export type { ModelMap, ModelPrice, PriceTable } from './providers/models.js';

// Tools: the built-in ones, and the shape of your own
export { builtinTools, type BuiltinToolsOptions } from './api/tools.js';
export type { AnyTool, Tool, ToolContext, ToolLimits, ToolResult } from '../tools/types.js';

// Schemas of the data that comes back
export { Finding, FindingInput, Review, ReviewSubmission, SEVERITIES, Severity, Usage, Verdict, VERDICTS } from './review/schema.js';
export { ConfigFile, type ConfigFileInput } from './config/schema.js';

export { EXIT, ReviewAgentError, type ErrorKind } from './errors.js';
