// Embedding a review in another program. Run it with:
//   node --import tsx examples/embed.ts [path]        (or compile it; `review-agent` ships typed ESM)
import { formatReview, review, streamReview, type ReviewEvent } from 'review-agent';

const target = process.argv[2] ?? 'examples/churn-leaky';

// Ctrl-C ends the review early: it comes back marked incomplete, with what was found so far.
const controller = new AbortController();
process.once('SIGINT', () => controller.abort());

// 1. One call: options are the CLI's (provider, model, maxTurns, maxCostUsd, timeoutMs, focus, ...).
//    The provider is an id ('anthropic', 'openai', 'offline') or your own Provider object;
//    left out, it is chosen like the CLI does (config file, REVIEW_AGENT_PROVIDER, API keys, offline).
const result = await review({
  agent: 'model-trainer', // a name, a path to an agent .md file, or a loaded agent
  path: target,
  provider: 'offline',
  maxTurns: 30,
  signal: controller.signal,
  onEvent: (event: ReviewEvent) => {
    if (event.type === 'tool-call') process.stderr.write(`tool ${event.name}\n`);
  },
});

console.log(formatReview(result, 'markdown'));
for (const f of result.findings) console.log(`${f.severity}\t${f.file}:${f.line}\t${f.title}`);

// 2. The same review as a stream of events, for a live display; the result comes alongside.
const stream = streamReview({ agent: 'model-trainer', path: target, provider: 'offline' });
let toolCalls = 0;
for await (const event of stream) {
  if (event.type === 'tool-call') toolCalls += 1;
}
const again = await stream.result;
console.log(`streamed: ${toolCalls} tool calls, verdict ${again.verdict}, ${again.findings.length} findings`);

process.exitCode = result.verdict === 'block' ? 1 : 0;
