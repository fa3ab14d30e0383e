// A small Python AST, converted once from tree-sitter's CST so the analysis runs on plain JS
// objects (crossing into wasm for every property is what makes CST walks slow).

export interface Span {
  /** 1-based first line. */
  line: number;
  /** 1-based last line. */
  endLine: number;
  /** Character offsets into the analysed text. */
  start: number;
  end: number;
}

export interface Kwarg {
  name: string;
  value: Expr;
}

export type Expr = Span &
  (
    | { k: 'name'; id: string }
    | { k: 'attr'; obj: Expr; attr: string }
    | { k: 'call'; fn: Expr; args: Expr[]; kwargs: Kwarg[] }
    | { k: 'sub'; obj: Expr; index: Expr[] }
    | { k: 'slice'; lower?: Expr; upper?: Expr; step?: Expr }
    | { k: 'str'; value: string; fstring: boolean; /** f-string interpolations (`{acc(y, p):.3f}`) */ parts?: Expr[] }
    | { k: 'num'; value: number }
    | { k: 'const'; value: 'True' | 'False' | 'None' }
    | { k: 'seq'; kind: 'tuple' | 'list' | 'set'; items: Expr[] }
    | { k: 'dict'; keys: (Expr | undefined)[]; values: Expr[] }
    | { k: 'binop'; op: string; left: Expr; right: Expr }
    | { k: 'compare'; ops: string[]; items: Expr[] }
    | { k: 'boolop'; op: string; items: Expr[] }
    | { k: 'unary'; op: string; operand: Expr }
    | { k: 'cond'; body: Expr; test: Expr; orelse: Expr }
    | { k: 'lambda'; params: Param[]; body: Expr }
    | { k: 'comp'; elt: Expr; gens: { target: Expr; iter: Expr }[]; conds: Expr[] }
    | { k: 'star'; value: Expr; double: boolean }
    /** `yield x` in a generator function (what each step of iterating its calls gives). */
    | { k: 'yield'; value?: Expr }
    | { k: 'other'; items: Expr[] }
  );

export interface Param {
  name: string;
  default?: Expr;
  /** `*args` (the remaining positional arguments, as a tuple) or `**kwargs`. */
  star?: 'args' | 'kwargs';
}

export interface ImportName {
  /** Dotted module path, e.g. `sklearn.model_selection`. */
  module: string;
  /** Imported member for `from m import name`; undefined for `import m`. */
  name?: string;
  /** The name bound in the importing scope. */
  alias: string;
}

export type Stmt = Span &
  (
    | { k: 'assign'; targets: Expr[]; value: Expr | undefined; op?: string }
    | { k: 'expr'; value: Expr }
    | { k: 'for'; target: Expr; iter: Expr; body: Stmt[]; orelse: Stmt[] }
    | { k: 'while'; test: Expr; body: Stmt[]; orelse: Stmt[] }
    | { k: 'if'; test: Expr; body: Stmt[]; orelse: Stmt[] }
    | { k: 'with'; items: { ctx: Expr; target?: Expr }[]; body: Stmt[] }
    | { k: 'try'; body: Stmt[]; handlers: Stmt[][]; orelse: Stmt[]; final: Stmt[] }
    | { k: 'def'; name: string; params: Param[]; body: Stmt[]; decorators: Expr[] }
    | { k: 'class'; name: string; bases: Expr[]; body: Stmt[]; decorators: Expr[] }
    | { k: 'return'; value?: Expr }
    | { k: 'import'; names: ImportName[] }
    | { k: 'other'; exprs: Expr[]; keyword: string }
  );

export interface Module {
  body: Stmt[];
  /** Lines where the parser met a syntax error (sorted, unique). */
  errorLines: number[];
}

/** Visits every expression under `e`, parents before children (without allocating child lists: it runs on every node). */
export function walkExpr(e: Expr, visit: (e: Expr) => void): void {
  visit(e);
  switch (e.k) {
    case 'attr':
      walkExpr(e.obj, visit);
      return;
    case 'call':
      walkExpr(e.fn, visit);
      for (const a of e.args) walkExpr(a, visit);
      for (const k of e.kwargs) walkExpr(k.value, visit);
      return;
    case 'sub':
      walkExpr(e.obj, visit);
      for (const i of e.index) walkExpr(i, visit);
      return;
    case 'seq':
    case 'compare':
    case 'boolop':
    case 'other':
      for (const i of e.items) walkExpr(i, visit);
      return;
    case 'binop':
      walkExpr(e.left, visit);
      walkExpr(e.right, visit);
      return;
    case 'unary':
      walkExpr(e.operand, visit);
      return;
    case 'star':
      walkExpr(e.value, visit);
      return;
    case 'yield':
      if (e.value) walkExpr(e.value, visit);
      return;
    case 'str':
      if (e.parts) for (const p of e.parts) walkExpr(p, visit);
      return;
    case 'name':
    case 'num':
    case 'const':
      return;
    default:
      for (const child of exprChildren(e)) walkExpr(child, visit);
  }
}

export function exprChildren(e: Expr): Expr[] {
  switch (e.k) {
    case 'attr':
      return [e.obj];
    case 'call':
      return [e.fn, ...e.args, ...e.kwargs.map((k) => k.value)];
    case 'sub':
      return [e.obj, ...e.index];
    case 'slice':
      return [e.lower, e.upper, e.step].filter((x): x is Expr => x !== undefined);
    case 'seq':
      return e.items;
    case 'dict':
      return [...e.keys.filter((x): x is Expr => x !== undefined), ...e.values];
    case 'binop':
      return [e.left, e.right];
    case 'compare':
    case 'boolop':
    case 'other':
      return e.items;
    case 'unary':
      return [e.operand];
    case 'cond':
      return [e.body, e.test, e.orelse];
    case 'lambda':
      return [e.body];
    case 'comp':
      return [e.elt, ...e.gens.flatMap((g) => [g.target, g.iter]), ...e.conds];
    case 'star':
      return [e.value];
    case 'str':
      return e.parts ?? [];
    default:
      return [];
  }
}

/** Expressions directly held by a statement (not those of nested statements). */
export function stmtExprs(s: Stmt): Expr[] {
  switch (s.k) {
    case 'assign':
      return s.value ? [...s.targets, s.value] : s.targets;
    case 'expr':
      return [s.value];
    case 'for':
      return [s.target, s.iter];
    case 'while':
    case 'if':
      return [s.test];
    case 'with':
      return s.items.flatMap((i) => (i.target ? [i.ctx, i.target] : [i.ctx]));
    case 'def':
      return [...s.decorators, ...s.params.flatMap((p) => (p.default ? [p.default] : []))];
    case 'class':
      return [...s.decorators, ...s.bases];
    case 'return':
      return s.value ? [s.value] : [];
    case 'other':
      return s.exprs;
    default:
      return [];
  }
}

/** Nested statement lists of a compound statement. */
export function stmtBodies(s: Stmt): Stmt[][] {
  switch (s.k) {
    case 'for':
    case 'while':
    case 'if':
      return [s.body, s.orelse];
    case 'with':
    case 'def':
    case 'class':
      return [s.body];
    case 'try':
      return [s.body, ...s.handlers, s.orelse, s.final];
    default:
      return [];
  }
}

/** Visits every statement, depth first, in source order. */
export function walkStmts(body: readonly Stmt[], visit: (s: Stmt) => void): void {
  for (const s of body) {
    visit(s);
    for (const b of stmtBodies(s)) walkStmts(b, visit);
  }
}

/** Every expression in a statement list, nested statements included. */
export function walkAllExprs(body: readonly Stmt[], visit: (e: Expr, s: Stmt) => void): void {
  walkStmts(body, (s) => {
    for (const e of stmtExprs(s)) walkExpr(e, (x) => visit(x, s));
  });
}

/** `a.b.c` for names and attribute chains; undefined for anything else. */
export function dotted(e: Expr): string | undefined {
  if (e.k === 'name') return e.id;
  if (e.k === 'attr') {
    const base = dotted(e.obj);
    return base === undefined ? undefined : `${base}.${e.attr}`;
  }
  return undefined;
}

/** The last segment of a callee: `fit` for `model.fit`, `StandardScaler` for `pp.StandardScaler`. */
export function calleeName(call: Expr): string | undefined {
  if (call.k !== 'call') return undefined;
  if (call.fn.k === 'name') return call.fn.id;
  if (call.fn.k === 'attr') return call.fn.attr;
  return undefined;
}

export function kwarg(call: Expr, name: string): Expr | undefined {
  if (call.k !== 'call') return undefined;
  return call.kwargs.find((k) => k.name === name)?.value;
}

export function hasDoubleStar(call: Expr): boolean {
  return call.k === 'call' && call.args.some((a) => a.k === 'star' && a.double);
}

export function isConst(e: Expr | undefined, value: 'True' | 'False' | 'None'): boolean {
  return e !== undefined && e.k === 'const' && e.value === value;
}

/** The name at the root of `df['a'].loc[...]`, `self.model.fit`, ... */
export function rootName(e: Expr): string | undefined {
  let cur: Expr = e;
  for (;;) {
    if (cur.k === 'name') return cur.id;
    if (cur.k === 'attr' || cur.k === 'sub') cur = cur.obj;
    else if (cur.k === 'call' && cur.fn.k === 'attr') cur = cur.fn.obj;
    else return undefined;
  }
}
