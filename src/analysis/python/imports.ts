// Resolving names through a file's imports: `np.random.seed` → `numpy.random.seed`.
import type { Expr, Module, Stmt } from './ast.js';
import { dotted, walkAllExprs, walkStmts } from './ast.js';

export type ImportMap = Map<string, string>;

export function importMap(module: Module): ImportMap {
  const map: ImportMap = new Map();
  walkStmts(module.body, (s) => {
    if (s.k !== 'import') return;
    for (const n of s.names) {
      // `import timm.utils` binds `timm`, the top package: `timm.utils.random_seed` is then `timm.utils.random_seed`.
      const topOnly = !n.name && n.module.includes('.') && n.alias === n.module.split('.')[0];
      map.set(n.alias, n.name ? `${n.module}.${n.name}` : topOnly ? n.alias : n.module);
    }
  });
  return map;
}

/** The callee's dotted name with its first segment resolved through the imports. */
export function qualifiedName(e: Expr, imports: ImportMap): string | undefined {
  const d = dotted(e);
  if (!d) return undefined;
  const [head = '', ...rest] = d.split('.');
  const resolved = imports.get(head);
  return resolved ? [resolved, ...rest].join('.') : d;
}

/** Top-level modules imported by the file (`sklearn`, `torch`, ...). */
export function importedRoots(module: Module): Set<string> {
  const roots = new Set<string>();
  walkStmts(module.body, (s) => {
    if (s.k !== 'import') return;
    for (const n of s.names) roots.add((n.module.split('.')[0] ?? '').replace(/^\.+/, ''));
  });
  return roots;
}

export interface CallSite {
  call: Extract<Expr, { k: 'call' }>;
  /** Resolved dotted callee (`numpy.random.seed`), or the method name for calls on expressions. */
  qual: string;
  /** Last segment of the callee. */
  name: string;
  stmt: Stmt;
}

/** Calls in the body whose last callee segment passes `wanted` (resolving names costs: filter first). */
export function callSites(body: readonly Stmt[], imports: ImportMap, wanted: (name: string) => boolean = () => true): CallSite[] {
  const out: CallSite[] = [];
  walkAllExprs(body, (e, stmt) => {
    if (e.k !== 'call') return;
    const name = e.fn.k === 'attr' ? e.fn.attr : e.fn.k === 'name' ? e.fn.id : '';
    if (!wanted(name)) return;
    const qual = qualifiedName(e.fn, imports) ?? (e.fn.k === 'attr' ? e.fn.attr : '');
    out.push({ call: e, qual, name, stmt });
  });
  return out;
}
