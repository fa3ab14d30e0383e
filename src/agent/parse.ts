import matter from 'gray-matter';
import YAML from 'yaml';
import { AgentFrontmatter, KNOWN_FIELDS, type AgentSourceKind, type AgentSpec, type ToolGrant } from './schema.js';
import { editDistance, parseGrant, splitToolList } from './tool-list.js';
import { BUILTIN_TOOLS, CLAUDE_CODE_ONLY_TOOLS } from './tool-names.js';

/** One problem with an agent file: where, which field, what is wrong, how to fix it. */
export interface AgentProblem {
  file: string;
  field?: string;
  line?: number;
  message: string;
  fix: string;
}

export interface AgentCheck {
  spec?: AgentSpec;
  problems: AgentProblem[];
  warnings: string[];
}

export interface ParseAgentOptions {
  kind?: AgentSourceKind;
  /** Names of custom tools the host provides, accepted in `tools:` besides the built-ins. */
  extraToolNames?: readonly string[];
}

const FRONTMATTER_FIX = 'start the file with a line "---", then "name: <id>" and "description: <when to use it>", then a line "---", then the prompt';

/** Parses and validates an agent file's text, collecting every problem rather than stopping at the first. */
export function checkAgentText(text: string, file: string, options: ParseAgentOptions = {}): AgentCheck {
  const problems: AgentProblem[] = [];
  const warnings: string[] = [];
  const source = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');

  if (!/^---[ \t]*\n/.test(source)) {
    problems.push({ file, line: 1, message: 'no YAML frontmatter', fix: FRONTMATTER_FIX });
    return { problems, warnings };
  }
  if (!/\n---[ \t]*(\n|$)/.test(source.slice(3))) {
    problems.push({ file, message: 'the frontmatter is never closed', fix: 'add a line "---" after the last frontmatter field' });
    return { problems, warnings };
  }

  let yamlError: AgentProblem | undefined;
  let parsed: matter.GrayMatterFile<string>;
  try {
    parsed = matter(source, {
      engines: {
        yaml: (raw: string) => {
          const doc = YAML.parseDocument(raw);
          const err = doc.errors[0];
          if (err) {
            // +1: the opening "---" line precedes the YAML.
            const line = (err.linePos?.[0]?.line ?? 0) + 1;
            const column = err.linePos?.[0]?.col;
            const what = err.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
            yamlError = {
              file,
              line,
              message: `YAML syntax error${column ? ` at column ${column}` : ''}: ${what}`,
              fix: 'fix the YAML at that line (quote values that contain ": " or start with special characters)',
            };
            return {};
          }
          return (doc.toJS() ?? {}) as object;
        },
      },
    });
  } catch (error) {
    problems.push({ file, message: `cannot read the frontmatter: ${(error as Error).message}`, fix: FRONTMATTER_FIX });
    return { problems, warnings };
  }
  if (yamlError) {
    problems.push(yamlError);
    return { problems, warnings };
  }

  const data: unknown = parsed.data;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    problems.push({ file, message: 'the frontmatter is not a set of "key: value" fields', fix: FRONTMATTER_FIX });
    return { problems, warnings };
  }
  const fields = data as Record<string, unknown>;

  const result = AgentFrontmatter.safeParse(fields);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const field = issue.path.join('.') || undefined;
      problems.push({ file, field, message: issue.message, fix: fixFor(field) });
    }
  }

  const prompt = parsed.content.replace(/^\n+/, '').trimEnd();
  if (prompt.trim() === '') {
    problems.push({
      file,
      field: 'body',
      message: 'the prompt (the markdown after the frontmatter) is empty',
      fix: 'write the system prompt below the closing "---": the reviewer\'s role, checklist and output format',
    });
  }

  const unknownFields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (KNOWN_FIELDS.has(key)) continue;
    unknownFields[key] = value;
    warnings.push(`${file}: unknown frontmatter field "${key}" kept and ignored`);
  }

  const known = new Set([...BUILTIN_TOOLS, ...(options.extraToolNames ?? [])]);
  const tools = resolveTools(fields.tools, fields.disallowedTools, known, file, problems, warnings);

  if (!result.success || problems.length > 0) return { problems, warnings };
  const fm = result.data;
  const compat = fm.compatible_with === undefined ? [] : Array.isArray(fm.compatible_with) ? fm.compatible_with : [fm.compatible_with];
  const spec: AgentSpec = {
    name: fm.name,
    description: fm.description,
    tools,
    model: fm.model ?? 'inherit',
    maxTurns: fm.maxTurns,
    color: fm.color,
    compatibleWith: compat,
    prompt,
    source: { path: file, kind: options.kind ?? 'file' },
    unknownFields,
    warnings,
  };
  return { spec, problems, warnings };
}

function resolveTools(
  toolsValue: unknown,
  disallowedValue: unknown,
  known: Set<string>,
  file: string,
  problems: AgentProblem[],
  warnings: string[],
): ToolGrant[] {
  let grants: ToolGrant[];
  if (toolsValue === undefined) {
    grants = [...known].map((name) => ({ name }));
  } else if (typeof toolsValue === 'string' || Array.isArray(toolsValue) || toolsValue === null) {
    const entries = toolsValue === null ? [] : splitToolList(toolsValue as string | string[]);
    grants = entries.includes('*') ? [...known].map((name) => ({ name })) : [];
    if (!entries.includes('*')) {
      for (const entry of entries) {
        const grant = parseGrant(entry);
        if (checkToolName(grant.name, 'tools', known, file, problems, warnings)) grants.push(grant);
      }
    }
  } else {
    return [];
  }

  if (typeof disallowedValue === 'string' || Array.isArray(disallowedValue)) {
    for (const entry of splitToolList(disallowedValue as string | string[])) {
      const { name, pattern } = parseGrant(entry);
      if (!checkToolName(name, 'disallowedTools', known, file, problems, warnings)) continue;
      if (pattern !== undefined) {
        warnings.push(`${file}: disallowedTools "${entry}": patterns are not supported, the whole ${name} tool is removed`);
      }
      grants = grants.filter((g) => g.name !== name);
    }
  }
  // Merge duplicate names: Bash(a) + Bash(b) is one Bash tool allowed both patterns.
  const merged = new Map<string, ToolGrant[]>();
  for (const g of grants) merged.set(g.name, [...(merged.get(g.name) ?? []), g]);
  return [...merged.values()].flatMap((list) => (list.some((g) => g.pattern === undefined) ? [{ name: list[0]!.name }] : list));
}

function checkToolName(
  name: string,
  field: string,
  known: Set<string>,
  file: string,
  problems: AgentProblem[],
  warnings: string[],
): boolean {
  if (known.has(name)) return true;
  if (CLAUDE_CODE_ONLY_TOOLS.has(name) || name.startsWith('mcp__')) {
    warnings.push(`${file}: ${field}: "${name}" is not available to reviews (they read code, never change it); ignored`);
    return false;
  }
  const closest = [...known].map((k) => ({ k, d: editDistance(k.toLowerCase(), name.toLowerCase()) })).sort((a, b) => a.d - b.d)[0];
  const hint = closest && closest.d <= 2 ? `did you mean "${closest.k}"? ` : '';
  problems.push({
    file,
    field,
    message: `unknown tool "${name}"`,
    fix: `${hint}use some of: ${[...known].join(', ')} (or "*" for all)`,
  });
  return false;
}

function fixFor(field: string | undefined): string {
  switch (field) {
    case 'name':
      return 'add a line "name: my-agent" (lowercase letters, digits and "-") to the frontmatter';
    case 'description':
      return 'add a line "description: <one sentence on when to use this agent>" to the frontmatter';
    case 'maxTurns':
      return 'use a positive whole number, e.g. "maxTurns: 30"';
    case 'model':
      return 'use opus, sonnet, haiku, inherit or a full model id';
    case 'tools':
    case 'disallowedTools':
      return 'use a comma-separated list such as "Read, Grep, Glob" or a YAML list';
    default:
      return 'correct or remove this field';
  }
}
