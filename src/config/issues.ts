import type { z } from 'zod';
import { LineCounter, parseDocument, isMap, isPair, isScalar, isSeq, type Node } from 'yaml';
import { CONFIG_KEYS } from './schema.js';

/** One problem in a config file, ready for a ReviewAgentError. */
export interface ConfigIssue {
  /** Dotted path of the offending key, e.g. `models.openai.sonet`. */
  field: string;
  /** The same path as keys, for locating the line. */
  path: (string | number)[];
  message: string;
  fix: string;
  line?: number;
}

type Path = (string | number)[];

function dotted(path: readonly PropertyKey[]): string {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : String(p))).join('.').replace(/\.\[/g, '[');
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `the string "${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}

/** Edit distance, for "did you mean" on unknown keys. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = current;
    }
  }
  return row[b.length]!;
}

function closest(key: string, known: readonly string[]): string | undefined {
  const lower = key.toLowerCase();
  let best: { name: string; d: number } | undefined;
  for (const name of known) {
    const d = name.toLowerCase() === lower ? 0 : distance(lower, name.toLowerCase());
    if (d <= Math.max(2, Math.floor(name.length / 3)) && (!best || d < best.d)) best = { name, d };
  }
  return best?.name;
}

const TYPE_NAMES: Record<string, string> = {
  array: 'a list',
  object: 'an object (key: value pairs)',
  number: 'a number',
  string: 'a string',
  boolean: 'true or false',
};

const NESTED_KEYS: Record<string, readonly string[]> = {
  models: ['default', 'opus', 'sonnet', 'haiku'],
  prices: ['input', 'output', 'cacheRead', 'cacheWrite'],
};

/** Turns zod's issues into messages that name the key, what was found and what to write instead. */
export function configIssues(error: z.ZodError, input: unknown): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  for (const issue of error.issues) {
    const path = issue.path as Path;
    if (issue.code === 'unrecognized_keys') {
      const known = path.length === 0 ? CONFIG_KEYS : (NESTED_KEYS[String(path[0])] ?? []);
      for (const key of issue.keys) {
        const suggestion = closest(key, known);
        issues.push({
          field: dotted([...path, key]),
          path: [...path, key],
          message: `unknown key "${key}"`,
          fix: suggestion ? `did you mean "${suggestion}"? Known keys: ${known.join(', ')}` : `remove it; known keys: ${known.join(', ')}`,
        });
      }
      continue;
    }
    const field = dotted(path) || '(top level)';
    const value = valueAt(input, path);
    if (issue.code === 'invalid_type') {
      const expected = TYPE_NAMES[issue.expected] ?? issue.expected;
      issues.push({
        field,
        path,
        message: value === undefined ? `expected ${expected}` : `expected ${expected}, got ${describeValue(value)}`,
        fix: path.length === 0 ? 'the config must be an object of settings (key: value lines)' : `write ${field} as ${expected}`,
      });
      continue;
    }
    if (issue.code === 'invalid_value' && 'values' in issue) {
      issues.push({ field, path, message: `${describeValue(value)} is not allowed`, fix: `use one of: ${issue.values.map(String).join(', ')}` });
      continue;
    }
    if (issue.code === 'too_small' || issue.code === 'too_big') {
      const bound = issue.code === 'too_small' ? issue.minimum : issue.maximum;
      const op = issue.code === 'too_small' ? (issue.inclusive ? 'at least' : 'more than') : issue.inclusive ? 'at most' : 'less than';
      const what = issue.origin === 'string' ? `${op} ${String(bound)} characters` : issue.origin === 'array' ? `${op} ${String(bound)} items` : `${op} ${String(bound)}`;
      issues.push({ field, path, message: `${describeValue(value)} is out of range`, fix: `${field} must be ${what}` });
      continue;
    }
    if (issue.code === 'invalid_format') {
      issues.push({ field, path, message: `${describeValue(value)} is not a valid ${issue.format}`, fix: issue.message });
      continue;
    }
    // Custom checks (durations) already say what is wrong and what to write.
    issues.push({ field, path, message: issue.message, fix: `correct ${field}` });
  }
  return issues;
}

/**
 * The 1-based line of a key in YAML or JSON text (JSON parses as YAML), so an error can point at
 * it. For package.json the path starts with `review-agent`.
 */
export function lineOf(text: string, path: readonly (string | number)[]): number | undefined {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter });
  let node: unknown = doc.contents;
  let line: number | undefined;
  for (const key of path) {
    if (isSeq(node) && typeof key === 'number') {
      const item = node.items[key] as Node | undefined;
      if (item?.range) line = counter.linePos(item.range[0]).line;
      node = item;
      continue;
    }
    if (!isMap(node)) break;
    const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === key);
    if (!pair) break;
    const keyNode = pair.key as Node;
    if (keyNode.range) line = counter.linePos(keyNode.range[0]).line;
    node = pair.value;
  }
  return line;
}
