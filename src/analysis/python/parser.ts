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

/** Shared by every leaf (never mutated): saves an array per node. */
const NO_CHILDREN: RawNode[] = [];

/** Node types without children worth reading. */
const LEAVES = new Set(['identifier', 'integer', 'float', 'true', 'false', 'none', 'comment', 'string_content', 'escape_sequence', 'ellipsis', 'type_conversion', 'string_start', 'string_end']);

/** Node types whose unnamed tokens the converter needs (operators, slice colons). */
const KEEP_TOKENS_UNDER = new Set([
  'slice',
  'comparison_operator',
  'binary_operator',
  'boolean_operator',
  'unary_operator',
  'augmented_assignment',
]);

/**
 * Loaded once per process (or worker): each Language.load links another copy of the grammar into
 * tree-sitter's wasm memory, which is never given back, so a host running many reviews would grow
 * with every one. A Language is immutable and may serve any number of parsers.
 */
let python: Promise<Language> | undefined;

function loadPython(): Promise<Language> {
  python ??= (async () => {
    const require = createRequire(import.meta.url);
    const grammarDir = path.dirname(require.resolve('tree-sitter-python/package.json'));
    await Parser.init();
    return Language.load(path.join(grammarDir, 'tree-sitter-python.wasm'));
  })().catch((error: unknown) => {
    python = undefined; // a failed load (e.g. a missing package) is retried, not remembered
    throw error;
  });
  return python;
}

export async function createPythonParser(): Promise<PythonParser> {
  const language = await loadPython();
  const parser = new Parser();
  parser.setLanguage(language);
  // Looked up once: asking wasm per node is what makes a CST walk slow.
  const table: NodeTable = {
    types: language.types,
    fields: language.fields,
    named: language.types.map((_, id) => language.nodeTypeIsNamed(id)),
    comment: language.types.indexOf('comment'),
  };

  return {
    parse(text: string): Module {
      const tree = parser.parse(text);
      if (!tree) return { body: [], errorLines: [1] };
      try {
        const cursor = tree.walk();
        try {
          const root = readNode(cursor, table, cursor.nodeTypeId, text);
          const module = toModule(root, text);
          if (module.errorLines.length === 0 && tree.rootNode.hasError) {
            // An error the fast walk did not see (a missing token): find its line the slow way.
            module.errorLines = [firstErrorLine(tree.rootNode)];
          }
          return module;
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

interface NodeTable {
  types: string[];
  fields: (string | null)[];
  named: boolean[];
  comment: number;
}

type Cursor = ReturnType<NonNullable<ReturnType<Parser['parse']>>['walk']>;
type TsNode = NonNullable<ReturnType<Parser['parse']>>['rootNode'];

/** Copies the cursor's current node (and its subtree) into plain objects, crossing into wasm as little as possible. */
function readNode(cursor: Cursor, table: NodeTable, typeId: number, text: string): RawNode {
  const type = table.types[typeId] ?? 'ERROR';
  const s = cursor.startIndex;
  const e = cursor.endIndex;
  const named = table.named[typeId] ?? true;
  const node: RawNode = { t: type, f: table.fields[cursor.currentFieldId] ?? null, s, e, named, missing: named && s === e && type !== 'module' && type !== 'block', c: NO_CHILDREN };
  // Leaves need no walk; plain strings are read from the text (only f-strings hold expressions).
  if (LEAVES.has(type) || (type === 'string' && !/^[rRbBuU]*[fF]/.test(text.slice(s, s + 3)))) return node;
  if (cursor.gotoFirstChild()) {
    node.c = [];
    const keepTokens = KEEP_TOKENS_UNDER.has(type) || type === 'ERROR';
    do {
      const id = cursor.nodeTypeId;
      if (id === table.comment) continue;
      // Unnamed tokens matter only under a few parents (operators, slice colons).
      if (!(table.named[id] ?? true) && !keepTokens) continue;
      node.c.push(readNode(cursor, table, id, text));
    } while (cursor.gotoNextSibling());
    cursor.gotoParent();
  }
  return node;
}

function firstErrorLine(root: TsNode): number {
  let found: number | undefined;
  const visit = (n: TsNode) => {
    if (found !== undefined) return;
    if (n.isError || n.isMissing) {
      found = n.startPosition.row + 1;
      return;
    }
    if (!n.hasError) return;
    for (const c of n.children) if (c) visit(c);
  };
  visit(root);
  return found ?? root.startPosition.row + 1;
}
