// tree-sitter setup: the Python grammar ships as a .wasm file inside the tree-sitter-python package,
// so nothing is compiled natively. Created per analyzer (never at import) and freed with dispose().
import { createRequire } from 'node:module';
import path from 'node:path';
import { Language, Parser } from 'web-tree-sitter';
import { toModule, type RawNode } from './convert.js';
import type { Module } from './ast.js';

export interface PythonParser {
  /** Parses Python source; never throws on syntax errors (they are listed in `errorLines`). */
  parse(text: string): Module;
  dispose(): void;
}

/** Node types whose unnamed tokens the converter needs (operators, slice colons). */
const KEEP_TOKENS_UNDER = new Set([
  'slice',
  'comparison_operator',
  'binary_operator',
  'boolean_operator',
  'unary_operator',
  'augmented_assignment',
]);

export async function createPythonParser(): Promise<PythonParser> {
  const require = createRequire(import.meta.url);
  const grammarDir = path.dirname(require.resolve('tree-sitter-python/package.json'));
  await Parser.init();
  const language = await Language.load(path.join(grammarDir, 'tree-sitter-python.wasm'));
  const parser = new Parser();
  parser.setLanguage(language);
  const types = language.types;
  const fields = language.fields;

  return {
    parse(text: string): Module {
      const tree = parser.parse(text);
      if (!tree) return { body: [], errorLines: [1] };
      try {
        const cursor = tree.walk();
        try {
          const root = readNode(cursor, types, fields);
          return toModule(root, text);
        } finally {
          cursor.delete();
        }
      } finally {
        tree.delete();
      }
    },
    dispose(): void {
      parser.delete();
    },
  };
}

type Cursor = ReturnType<NonNullable<ReturnType<Parser['parse']>>['walk']>;

/** Copies the cursor's current node (and its subtree) into plain objects. */
function readNode(cursor: Cursor, types: string[], fields: (string | null)[]): RawNode {
  const type = types[cursor.nodeTypeId] ?? cursor.nodeType;
  const node: RawNode = {
    t: type,
    f: fields[cursor.currentFieldId] ?? null,
    s: cursor.startIndex,
    e: cursor.endIndex,
    named: cursor.nodeIsNamed,
    missing: cursor.nodeIsMissing,
    c: [],
  };
  if (cursor.gotoFirstChild()) {
    do {
      const named = cursor.nodeIsNamed;
      if (!named) {
        // Unnamed tokens matter only under a few parents (operators, slice colons) and for ERROR recovery.
        if (!KEEP_TOKENS_UNDER.has(type) && cursor.currentFieldId === 0) continue;
      } else if (cursor.nodeTypeId !== 0 && types[cursor.nodeTypeId] === 'comment') {
        continue;
      }
      node.c.push(readNode(cursor, types, fields));
    } while (cursor.gotoNextSibling());
    cursor.gotoParent();
  }
  return node;
}
