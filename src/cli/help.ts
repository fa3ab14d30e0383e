export const HELP = `review-agent: run LLM code-review agents, or the built-in offline analyzer, on a folder.

Usage
  review-agent <agent> <path> [options]   review <path> with an agent (a name or an agent .md file)
  review-agent list [--json]              agents found and where they come from
  review-agent validate <file...>         check agent files and print every problem
  review-agent rules [--json]             the offline analyzer's rule catalogue
  review-agent eval [options]             score an agent on its eval suite (review-agent eval --help)
  review-agent init [folder]              write a commented starter config and an example agent
  review-agent mcp [options]              serve the agents to MCP hosts (Claude Code, Cursor) over stdio

Review options
  --provider <id>        anthropic | openai | offline | replay (default: from the environment, else offline)
  --model <id>           model id or alias (opus, sonnet, haiku), overriding the agent's model
  --base-url <url>       an OpenAI-compatible server (Ollama, vLLM, llama.cpp, LM Studio) or Anthropic proxy
  --record <file>        save every model request and response, for --provider replay --cassette <file>
  --format <f>           terminal (default) | markdown | json | sarif | github (annotations, plus a job
                         summary appended to $GITHUB_STEP_SUMMARY when set)
  -o, --output <file>    write the review to a file instead of stdout
  --fail-on <severity>   exit 1 when a finding is at or above: critical (default) | high | medium | low | never
  --config <file>        use this config file instead of searching up from <path>; --no-config: none
  --strict               drop findings that could not be verified against the code
  --max-turns <n>        model turns before the review must be submitted (default: agent maxTurns, else 40)
  --max-cost <usd>       stop when the run has cost this much
  --timeout <duration>   e.g. 90s, 10m
  --focus <file>         look at this file first (repeatable)
  --events <file>        write loop events as JSON lines
  --transcript <file>    write the whole exchange, secrets redacted
  -q, --quiet            only the result; -v, --verbose: each tool call
  --no-color             plain output (NO_COLOR is honoured too)
  --unsafe-no-sandbox    run Bash without bubblewrap (dangerous; never needed for the offline analyzer)

Settings: flags, then REVIEW_AGENT_PROVIDER, _MODEL, _FAIL_ON, _MAX_TURNS, _MAX_COST, _TIMEOUT, then
review-agent.config.json|yaml|yml (or "review-agent" in package.json) in <path> or a folder above it.

MCP options (review-agent mcp): --provider, --model, --base-url, --config, --max-turns, --max-cost,
--timeout set defaults for every review the server runs; -q silences its stderr log.

Exit codes: 0 approve or warning, 1 fail-on threshold reached (a block by default),
2 usage, configuration or agent-file error, 3 runtime failure (provider unreachable, ...).
`;
