// tree-sitter CST (copied into RawNode objects) → the small AST of ast.ts.
import type { Expr, ImportName, Kwarg, Module, Param, Span, Stmt } from './ast.js';

export interface RawNode {
  t: string;
  /** Field name under the parent, if any. */
  f: string | null;
  s: number;
  e: number;
  named: boolean;
  missing: boolean;
  c: RawNode[];
}

interface Ctx {
  text: string;
  lineStarts: number[];
  errors: Set<number>;
  /** Index of the line found last: lookups move mostly forward from it. */
  hint: number;
}

export function toModule(root: RawNode, text: string): Module {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const ctx: Ctx = { text, lineStarts, errors: new Set(), hint: 0 };
  const body = block(root, ctx);
  return { body, errorLines: [...ctx.errors].sort((a, b) => a - b) };
}

function lineOf(ctx: Ctx, index: number): number {
  const starts = ctx.lineStarts;
  let i = ctx.hint;
  // Nodes come roughly in source order, so a short walk from the last answer usually suffices.
  for (let steps = 0; steps < 8; steps++) {
    const start = starts[i] ?? 0;
    const next = starts[i + 1];
    if (start <= index && (next === undefined || next > index)) {
      ctx.hint = i;
      return i + 1;
    }
    i = start > index ? i - 1 : i + 1;
  }
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] ?? 0) <= index) lo = mid;
    else hi = mid - 1;
  }
  ctx.hint = lo;
  return lo + 1;
}

function span(n: RawNode, ctx: Ctx): Span {
  const end = n.e > n.s ? n.e - 1 : n.s;
  const line = lineOf(ctx, n.s);
  // Most nodes sit on one line: check that before searching for the last line.
  const next = ctx.lineStarts[line];
  const endLine = next === undefined || end < next ? line : lineOf(ctx, end);
  return { line, endLine, start: n.s, end: n.e };
}

const text = (n: RawNode, ctx: Ctx) => ctx.text.slice(n.s, n.e);
const named = (n: RawNode) => (n.c.every((c) => c.named) ? n.c : n.c.filter((c) => c.named));
const field = (n: RawNode, f: string) => n.c.find((c) => c.f === f);
const fields = (n: RawNode, f: string) => n.c.filter((c) => c.f === f);

function noteErrors(n: RawNode, ctx: Ctx): void {
  if (n.t === 'ERROR' || n.missing) ctx.errors.add(lineOf(ctx, n.s));
}

// ---------- statements ----------

function block(n: RawNode | undefined, ctx: Ctx): Stmt[] {
  if (!n) return [];
  const out: Stmt[] = [];
  for (const c of n.c) {
    if (!c.named && c.t !== 'ERROR') continue;
    statement(c, ctx, out);
  }
  return out;
}

function statement(n: RawNode, ctx: Ctx, out: Stmt[]): void {
  noteErrors(n, ctx);
  const sp = span(n, ctx);
  switch (n.t) {
    case 'expression_statement': {
      const kids = named(n);
      if (kids.length === 1 && kids[0] && (kids[0].t === 'assignment' || kids[0].t === 'augmented_assignment')) {
        out.push(Object.assign(assignment(kids[0], ctx), sp));
      } else if (kids.length === 1 && kids[0]) {
        out.push({ line: sp.line, endLine: sp.endLine, start: sp.start, end: sp.end, k: 'expr', value: expr(kids[0], ctx) });
      } else {
        out.push({ line: sp.line, endLine: sp.endLine, start: sp.start, end: sp.end, k: 'expr', value: { line: sp.line, endLine: sp.endLine, start: sp.start, end: sp.end, k: 'seq', kind: 'tuple', items: kids.map((c) => expr(c, ctx)) } });
      }
      return;
    }
    case 'if_statement': {
      out.push(ifStatement(n, ctx, n.c.filter((c) => c.f === 'alternative')));
      return;
    }
    case 'for_statement': {
      const alt = field(n, 'alternative');
      out.push({
        line: sp.line,
        endLine: sp.endLine,
        start: sp.start,
        end: sp.end,
        k: 'for',
        target: exprOr(field(n, 'left'), n, ctx),
        iter: exprOr(field(n, 'right'), n, ctx),
        body: block(field(n, 'body'), ctx),
        orelse: alt ? block(field(alt, 'body'), ctx) : [],
      });
      return;
    }
    case 'while_statement': {
      const alt = field(n, 'alternative');
      out.push({
        line: sp.line,
        endLine: sp.endLine,
        start: sp.start,
        end: sp.end,
        k: 'while',
        test: exprOr(field(n, 'condition'), n, ctx),
        body: block(field(n, 'body'), ctx),
        orelse: alt ? block(field(alt, 'body'), ctx) : [],
      });
      return;
    }
    case 'with_statement': {
      const items: { ctx: Expr; target?: Expr }[] = [];
      for (const clause of n.c.filter((c) => c.t === 'with_clause')) {
        for (const item of clause.c.filter((c) => c.t === 'with_item')) {
          const value = field(item, 'value') ?? named(item)[0];
          if (!value) continue;
          if (value.t === 'as_pattern') {
            const [inner] = named(value);
            const alias = field(value, 'alias');
            const targetNode = alias ? (named(alias)[0] ?? alias) : undefined;
            items.push({ ctx: exprOr(inner, value, ctx), target: targetNode ? expr(targetNode, ctx) : undefined });
          } else {
            items.push({ ctx: expr(value, ctx) });
          }
        }
      }
      out.push({ line: sp.line, endLine: sp.endLine, start: sp.start, end: sp.end, k: 'with', items, body: block(field(n, 'body'), ctx) });
      return;
    }
    case 'try_statement': {
      const handlers: Stmt[][] = [];
      let orelse: Stmt[] = [];
      let final: Stmt[] = [];
      for (const c of n.c) {
        if (c.t === 'except_clause' || c.t === 'except_group_clause') handlers.push(block(c.c.find((x) => x.t === 'block'), ctx));
        else if (c.t === 'else_clause') orelse = block(field(c, 'body'), ctx);
        else if (c.t === 'finally_clause') final = block(c.c.find((x) => x.t === 'block'), ctx);
      }
      out.push({ line: sp.line, endLine: sp.endLine, start: sp.start, end: sp.end, k: 'try', body: block(field(n, 'body'), ctx), handlers, orelse, final });
      return;
    }
    case 'function_definition':
      out.push(functionDef(n, ctx, []));
      return;
    case 'class_definition':
      out.push(classDef(n, ctx, []));
      return;
    case 'decorated_definition': {
      const decorators = n.c.filter((c) => c.t === 'decorator').map((d) => exprOr(named(d)[0], d, ctx));
      const def = field(n, 'definition');
      if (!def) return;
      if (def.t === 'function_definition') out.push(Object.assign(functionDef(def, ctx, decorators), sp));
      else if (def.t === 'class_definition') out.push(classDef(def, ctx, decorators));
      else statement(def, ctx, out);
      return;
    }
    case 'return_statement': {
      const kids = named(n);
      const value = kids.length === 0 ? undefined : kids.length === 1 && kids[0] ? expr(kids[0], ctx) : ({ line: sp.line, endLine: sp.endLine, start: sp.start, end: sp.end, k: 'seq', kind: 'tuple', items: kids.map((c) => expr(c, ctx)) } as Expr);
      out.push({ line: sp.line, endLine: sp.endLine, start: sp.start, end: sp.end, k: 'return', value });
      return;
    }
    case 'import_statement':
      out.push({ line: sp.line, endLine: sp.endLine, start: sp.start, end: sp.end, k: 'import', names: fields(n, 'name').map((c) => importName(c, undefined, ctx)) });
      return;
    case 'import_from_statement': {
      const mod = field(n, 'module_name');
      const module = mod ? text(mod, ctx) : '';
      out.push({ line: sp.line, endLine: sp.endLine, start: sp.start, end: sp.end, k: 'import', names: fields(n, 'name').map((c) => importName(c, module, ctx)) });
      return;
    }
    case 'block':
      for (const s of block(n, ctx)) out.push(s);
      return;
    case 'ERROR':
    case 'module':
      // Keep what tree-sitter recovered inside an error region.
      for (const c of n.c) if (c.named && isStatementType(c.t)) statement(c, ctx, out);
      return;
    default: {
      // tree-sitter-python also accepts Python 2 statements; Python 3 does not.
      if (n.t === 'print_statement' || n.t === 'exec_statement') ctx.errors.add(sp.line);
      const keyword = n.t.replace(/_statement$/, '');
      out.push({ line: sp.line, endLine: sp.endLine, start: sp.start, end: sp.end, k: 'other', keyword, exprs: named(n).filter((c) => !isStatementType(c.t) && c.t !== 'block').map((c) => expr(c, ctx)) });
      for (const c of named(n)) if (c.t === 'block') for (const s of block(c, ctx)) out.push(s);
    }
  }
}

function isStatementType(t: string): boolean {
  return t.endsWith('_statement') || t === 'function_definition' || t === 'class_definition' || t === 'decorated_definition';
}

function ifStatement(n: RawNode, ctx: Ctx, alternatives: RawNode[]): Stmt {
  const sp = span(n, ctx);
  const [first, ...rest] = alternatives;
  let orelse: Stmt[] = [];
  if (first?.t === 'else_clause') orelse = block(field(first, 'body'), ctx);
  else if (first?.t === 'elif_clause') orelse = [ifStatement(first, ctx, rest)];
  return {
    line: sp.line,
    endLine: sp.endLine,
    start: sp.start,
    end: sp.end,
    k: 'if',
    test: exprOr(field(n, 'condition'), n, ctx),
    body: block(field(n, 'consequence'), ctx),
    orelse,
  };
}

function parameterList(ps: RawNode | undefined, ctx: Ctx): Param[] {
  const params: Param[] = [];
  for (const p of ps ? named(ps) : []) {
    if (p.t === 'identifier') params.push({ name: text(p, ctx) });
    else if (p.t === 'default_parameter' || p.t === 'typed_default_parameter') {
      const name = field(p, 'name');
      const value = field(p, 'value');
      params.push({ name: name ? text(name, ctx) : '', default: value ? expr(value, ctx) : undefined });
    } else if (p.t === 'list_splat_pattern' || p.t === 'dictionary_splat_pattern') {
      const id = p.c.find((c) => c.t === 'identifier');
      if (id) params.push({ name: text(id, ctx), star: p.t === 'list_splat_pattern' ? 'args' : 'kwargs' });
    } else if (p.t === 'typed_parameter') {
      const id = p.c.find((c) => c.t === 'identifier');
      // `*others: np.ndarray`: a typed splat.
      const splat = p.c.find((c) => c.t === 'list_splat_pattern' || c.t === 'dictionary_splat_pattern');
      const inner = splat?.c.find((c) => c.t === 'identifier');
      if (splat && inner) params.push({ name: text(inner, ctx), star: splat.t === 'list_splat_pattern' ? 'args' : 'kwargs' });
      else if (id) params.push({ name: text(id, ctx) });
    }
  }
  return params;
}

function functionDef(n: RawNode, ctx: Ctx, decorators: Expr[]): Stmt {
  const params = parameterList(field(n, 'parameters'), ctx);
  return { ...span(n, ctx), k: 'def', name: text(field(n, 'name') ?? n, ctx), params, body: block(field(n, 'body'), ctx), decorators };
}

function classDef(n: RawNode, ctx: Ctx, decorators: Expr[]): Stmt {
  const supers = field(n, 'superclasses');
  const bases = supers ? named(supers).map((c) => expr(c, ctx)) : [];
  return { ...span(n, ctx), k: 'class', name: text(field(n, 'name') ?? n, ctx), bases, body: block(field(n, 'body'), ctx), decorators };
}

function assignment(n: RawNode, ctx: Ctx): Stmt extends infer S ? (S extends { k: 'assign' } ? Omit<S, keyof Span> : never) : never {
  const targets: Expr[] = [];
  let cur: RawNode | undefined = n;
  let op: string | undefined;
  if (n.t === 'augmented_assignment') {
    const opNode = field(n, 'operator');
    op = opNode ? text(opNode, ctx).replace(/=$/, '') : '+';
  }
  // Chained `a = b = value`: the right side of an assignment is another assignment.
  while (cur && (cur.t === 'assignment' || cur.t === 'augmented_assignment')) {
    const left = field(cur, 'left');
    if (left) targets.push(expr(left, ctx));
    const right = field(cur, 'right');
    if (!right) {
      cur = undefined;
      break;
    }
    cur = right;
  }
  return { k: 'assign', targets, value: cur ? expr(cur, ctx) : undefined, op };
}

function importName(n: RawNode, fromModule: string | undefined, ctx: Ctx): ImportName {
  let nameNode = n;
  let alias: string | undefined;
  if (n.t === 'aliased_import') {
    nameNode = field(n, 'name') ?? n;
    const a = field(n, 'alias');
    alias = a ? text(a, ctx) : undefined;
  }
  const dottedName = text(nameNode, ctx);
  if (fromModule === undefined) {
    return { module: dottedName, alias: alias ?? dottedName.split('.')[0] ?? dottedName };
  }
  return { module: fromModule, name: dottedName, alias: alias ?? dottedName };
}

// ---------- expressions ----------

function exprOr(n: RawNode | undefined, parent: RawNode, ctx: Ctx): Expr {
  if (n) return expr(n, ctx);
  const sp = span(parent, ctx);
  return { line: sp.line, endLine: sp.endLine, start: sp.start, end: sp.end, k: 'other', items: [] };
}

function expr(n: RawNode, ctx: Ctx): Expr {
  noteErrors(n, ctx);
  const sp = span(n, ctx);
  switch (n.t) {
    case 'identifier':
      return { line: sp.line, endLine: sp.endLine, start: sp.start, end: sp.end, k: 'name', id: text(n, ctx) };
    case 'attribute': {
      const attr = field(n, 'attribute');
      return { line: sp.line, endLine: sp.endLine, start: sp.start, end: sp.end, k: 'attr', obj: exprOr(field(n, 'object'), n, ctx), attr: attr ? text(attr, ctx) : '' };
    }
    case 'call': {
      const fn = exprOr(field(n, 'function'), n, ctx);
      const argsNode = field(n, 'arguments');
      const args: Expr[] = [];
      const kwargs: Kwarg[] = [];
      if (argsNode?.t === 'generator_expression') args.push(expr(argsNode, ctx));
      else if (argsNode) {
        for (const a of named(argsNode)) {
          if (a.t === 'keyword_argument') {
            const name = field(a, 'name');
            kwargs.push({ name: name ? text(name, ctx) : '', value: exprOr(field(a, 'value'), a, ctx) });
          } else args.push(expr(a, ctx));
        }
      }
      return { line: sp.line, endLine: sp.endLine, start: sp.start, end: sp.end, k: 'call', fn, args, kwargs };
    }
    case 'subscript':
      return { line: sp.line, endLine: sp.endLine, start: sp.start, end: sp.end, k: 'sub', obj: exprOr(field(n, 'value'), n, ctx), index: fields(n, 'subscript').map((c) => expr(c, ctx)) };
    case 'slice': {
      // Position relative to the colons decides lower/upper/step.
      const parts: (Expr | undefined)[] = [undefined, undefined, undefined];
      let slot = 0;
      for (const c of n.c) {
        if (!c.named) {
          if (text(c, ctx) === ':') slot += 1;
          continue;
        }
        if (slot < 3) parts[slot] = expr(c, ctx);
      }
      return { line: sp.line, endLine: sp.endLine, start: sp.start, end: sp.end, k: 'slice', lower: parts[0], upper: parts[1], step: parts[2] };
    }
    case 'string':
      return stringExpr(n, sp, ctx);
    case 'concatenated_string': {
      // `f"a {x}" f"b {y}"`: one string, whose interpolations are all code that runs.
      const parts = named(n).map((c) => stringExpr(c, span(c, ctx), ctx));
      const code = parts.flatMap((p) => (p.k === 'str' ? (p.parts ?? []) : []));
      const out: Expr = { line: sp.line, endLine: sp.endLine, start: sp.start, end: sp.end, k: 'str', value: parts.map((p) => (p.k === 'str' ? p.value : '')).join(''), fstring: parts.some((p) => p.k === 'str' && p.fstring) };
      if (code.length > 0) out.parts = code;
      return out;
    }
    case 'integer':
    case 'float': {
      const raw = text(n, ctx).replace(/_/g, '').replace(/[jJlL]$/, '');
      return { line: sp.line, endLine: sp.endLine, start: sp.start, end: sp.end, k: 'num', value: Number(raw) };
    }
    case 'true':
      return { line: sp.line, endLine: sp.endLine, start: sp.start, end: sp.end, k: 'const', value: 'True' };
    case 'false':
      return { line: sp.line, endLine: sp.endLine, start: sp.start, end: sp.end, k: 'const', value: 'False' };
    case 'none':
      return { line: sp.line, endLine: sp.endLine, start: sp.start, end: sp.end, k: 'const', value: 'None' };
    case 'tuple':
    case 'expression_list':
    case 'pattern_list':
    case 'tuple_pattern':
      return { line: sp.line, endLine: sp.endLine, start: sp.start, end: sp.end, k: 'seq', kind: 'tuple', items: named(n).map((c) => expr(c, ctx)) };
    case 'list':
    case 'list_pattern':
      return { line: sp.line, endLine: sp.endLine, start: sp.start, end: sp.end, k: 'seq', kind: 'list', items: named(n).map((c) => expr(c, ctx)) };
    case 'set':
      return { line: sp.line, endLine: sp.endLine, start: sp.start, end: sp.end, k: 'seq', kind: 'set', items: named(n).map((c) => expr(c, ctx)) };
    case 'dictionary': {
      const keys: (Expr | undefined)[] = [];
      const values: Expr[] = [];
      for (const c of named(n)) {
        if (c.t === 'pair') {
          keys.push(exprOr(field(c, 'key'), c, ctx));
          values.push(exprOr(field(c, 'value'), c, ctx));
        } else {
          keys.push(undefined);
          values.push(expr(c, ctx));
        }
      }
      return { line: sp.line, endLine: sp.endLine, start: sp.start, end: sp.end, k: 'dict', keys, values };
    }
    case 'binary_operator': {
      const op = field(n, 'operator');
      return { line: sp.line, endLine: sp.endLine, start: sp.start, end: sp.end, k: 'binop', op: op ? text(op, ctx) : '?', left: exprOr(field(n, 'left'), n, ctx), right: exprOr(field(n, 'right'), n, ctx) };
    }
    case 'comparison_operator': {
      const ops = n.c.filter((c) => !c.named).map((c) => text(c, ctx));
      return { line: sp.line, endLine: sp.endLine, start: sp.start, end: sp.end, k: 'compare', ops, items: named(n).map((c) => expr(c, ctx)) };
    }
    case 'boolean_operator': {
      const op = field(n, 'operator');
      return { line: sp.line, endLine: sp.endLine, start: sp.start, end: sp.end, k: 'boolop', op: op ? text(op, ctx) : 'and', items: [exprOr(field(n, 'left'), n, ctx), exprOr(field(n, 'right'), n, ctx)] };
    }
    case 'not_operator':
      return { line: sp.line, endLine: sp.endLine, start: sp.start, end: sp.end, k: 'unary', op: 'not', operand: exprOr(field(n, 'argument'), n, ctx) };
    case 'unary_operator': {
      const op = field(n, 'operator');
      return { line: sp.line, endLine: sp.endLine, start: sp.start, end: sp.end, k: 'unary', op: op ? text(op, ctx) : '-', operand: exprOr(field(n, 'argument'), n, ctx) };
    }
    case 'parenthesized_expression': {
      const inner = named(n)[0];
      return inner ? expr(inner, ctx) : { line: sp.line, endLine: sp.endLine, start: sp.start, end: sp.end, k: 'other', items: [] };
    }
    case 'yield': {
      const inner = named(n)[0];
      return { line: sp.line, endLine: sp.endLine, start: sp.start, end: sp.end, k: 'yield', ...(inner ? { value: expr(inner, ctx) } : {}) };
    }
    case 'await':
    case 'named_expression': {
      const inner = field(n, 'value') ?? named(n)[0];
      return inner ? expr(inner, ctx) : { line: sp.line, endLine: sp.endLine, start: sp.start, end: sp.end, k: 'other', items: [] };
    }
    case 'conditional_expression': {
      const [body, test, orelse] = named(n);
      return { line: sp.line, endLine: sp.endLine, start: sp.start, end: sp.end, k: 'cond', body: exprOr(body, n, ctx), test: exprOr(test, n, ctx), orelse: exprOr(orelse, n, ctx) };
    }
    case 'lambda':
      return { line: sp.line, endLine: sp.endLine, start: sp.start, end: sp.end, k: 'lambda', params: parameterList(field(n, 'parameters'), ctx), body: exprOr(field(n, 'body'), n, ctx) };
    case 'list_comprehension':
    case 'generator_expression':
    case 'set_comprehension':
    case 'dictionary_comprehension': {
      const gens: { target: Expr; iter: Expr }[] = [];
      const conds: Expr[] = [];
      for (const c of n.c) {
        if (c.t === 'for_in_clause') gens.push({ target: exprOr(field(c, 'left'), c, ctx), iter: exprOr(field(c, 'right'), c, ctx) });
        else if (c.t === 'if_clause') conds.push(exprOr(named(c)[0], c, ctx));
      }
      const body = field(n, 'body');
      return { line: sp.line, endLine: sp.endLine, start: sp.start, end: sp.end, k: 'comp', elt: exprOr(body, n, ctx), gens, conds };
    }
    case 'list_splat':
    case 'list_splat_pattern':
    case 'dictionary_splat':
    case 'dictionary_splat_pattern':
      return { line: sp.line, endLine: sp.endLine, start: sp.start, end: sp.end, k: 'star', value: exprOr(named(n)[0], n, ctx), double: n.t.startsWith('dictionary') };
    case 'keyword_argument':
      return exprOr(field(n, 'value'), n, ctx);
    default:
      return { line: sp.line, endLine: sp.endLine, start: sp.start, end: sp.end, k: 'other', items: named(n).map((c) => expr(c, ctx)) };
  }
}

function stringExpr(n: RawNode, sp: Span, ctx: Ctx): Expr {
  if (n.t !== 'string') return expr(n, ctx);
  if (n.c.length === 0) {
    // A plain string read as a leaf: strip the prefix and the quotes.
    const raw = text(n, ctx);
    const m = /^([A-Za-z]*)('''|"""|'|")/.exec(raw);
    const open = m ? m[0].length : 0;
    const close = m ? (m[2] ?? '').length : 0;
    return { line: sp.line, endLine: sp.endLine, start: sp.start, end: sp.end, k: 'str', value: raw.slice(open, Math.max(open, raw.length - close)), fstring: false };
  }
  const start = n.c.find((c) => c.t === 'string_start');
  const prefix = start ? text(start, ctx).replace(/['"]/g, '').toLowerCase() : '';
  let value = '';
  let fstring = prefix.includes('f');
  const parts: Expr[] = [];
  for (const c of n.c) {
    if (c.t === 'string_content') value += text(c, ctx);
    else if (c.t === 'interpolation') {
      fstring = true;
      value += '{…}';
      // The interpolated expression is code that runs (`{accuracy_score(y, p):.3f}`); the format spec is not.
      const inner = named(c).find((x) => x.t !== 'format_specifier' && x.t !== 'type_conversion');
      if (inner) parts.push(expr(inner, ctx));
    }
  }
  const out: Expr = { line: sp.line, endLine: sp.endLine, start: sp.start, end: sp.end, k: 'str', value, fstring };
  if (parts.length > 0) out.parts = parts;
  return out;
}
