// The review's own modules, for the dataflow: what an import of one binds, their members, and
// their top-level declarations (run once per module, without side effects).
import type { Expr, Stmt } from '../python/ast.js';
import { MAX_IMPORT_DEPTH, type ProjectView } from './project.js';
import { Scope } from './scope.js';
import type { FileCtx, Val } from './values.js';
import { isTransformConstruction } from './augmentation.js';

/** What of the interpreter the module following needs: where it is, and running one statement. */
export interface ModuleHost {
  readonly entry: FileCtx;
  ctx: FileCtx;
  readonly path: string;
  exec(s: Stmt, scope: Scope): void;
}

export class ProjectModules {
  private readonly modules = new Map<string, FileCtx>();
  private importDepth = 0;

  constructor(
    private readonly host: ModuleHost,
    private readonly project: ProjectView | undefined,
  ) {}

  /** The value an import binds: members of the review's own modules are followed, anything else is a library name. */
  importValue(module: string, name: string | undefined, alias: string): Val {
    const project = this.project;
    if (name !== undefined) {
      const qual = `${module}.${name}`;
      if (!project) return { qual };
      const path = project.resolveModule(this.host.path, module);
      if (path && path !== this.host.entry.path) {
        const member = this.moduleCtx(path)?.scope.get(name);
        if (member) return member;
      }
      const sub = module.endsWith('.') ? `${module}${name}` : qual;
      const subPath = project.resolveModule(this.host.path, sub);
      return subPath ? { qual: sub, localModule: subPath } : { qual };
    }
    const root = module.split('.')[0] ?? module;
    const bound = alias === root ? root : module;
    const path = project?.resolveModule(this.host.path, bound);
    return path ? { qual: bound, localModule: path } : { qual: module };
  }

  /** `mod.name` for a module of the review: its member, or a submodule. */
  memberOf(mod: Val, attr: string): Val {
    const member = mod.localModule ? this.moduleCtx(mod.localModule)?.scope.get(attr) : undefined;
    if (member) return member;
    const sub = `${mod.qual}.${attr}`;
    const path = this.project?.resolveModule(this.host.path, sub);
    return path ? { qual: sub, localModule: path } : { qual: sub };
  }

  /** A module of the review, with its top-level names (imports, functions, classes, literal constants). */
  private moduleCtx(path: string): FileCtx | undefined {
    if (path === this.host.entry.path) return this.host.entry;
    const known = this.modules.get(path);
    if (known) return known;
    const source = this.project?.source(path);
    if (!source) return undefined;
    const ctx: FileCtx = { path, text: source.text, scope: new Scope() };
    this.modules.set(path, ctx);
    if (this.importDepth >= MAX_IMPORT_DEPTH) return ctx;
    const saved = this.host.ctx;
    this.importDepth += 1;
    this.host.ctx = ctx;
    try {
      this.declare(source.module.body, ctx.scope);
    } finally {
      this.host.ctx = saved;
      this.importDepth -= 1;
    }
    return ctx;
  }

  /** Runs only the declarations of a module: nothing with side effects, so no facts come from it. */
  private declare(body: readonly Stmt[], scope: Scope): void {
    for (const s of body) {
      if (s.k === 'import' || s.k === 'def' || s.k === 'class') this.host.exec(s, scope);
      else if (s.k === 'assign' && s.value && (isLiteral(s.value) || isPathExpression(s.value) || isTransformConstruction(s.value)) && s.targets.every((t) => t.k === 'name')) this.host.exec(s, scope);
      else if (s.k === 'if' || s.k === 'try') for (const b of s.k === 'try' ? [s.body, ...s.handlers] : [s.body, s.orelse]) this.declare(b, scope);
    }
  }
}

/** `Path(os.environ.get("DATA_DIR", "data")) / "raw"`: a path made of literals, without side effects. */
function isPathExpression(e: Expr): boolean {
  if (isLiteral(e)) return true;
  if (e.k === 'binop') return e.op === '/' && isPathExpression(e.left) && isPathExpression(e.right);
  if (e.k !== 'call' || e.kwargs.length > 0) return false;
  const callee = e.fn.k === 'attr' ? e.fn.attr : e.fn.k === 'name' ? e.fn.id : '';
  return /^(Path|PurePath|join|getenv|get|expanduser|resolve)$/.test(callee) && e.args.every(isPathExpression) && (callee !== 'get' || /environ\.get$/.test(dottedName(e.fn)));
}

function dottedName(e: Expr): string {
  return e.k === 'name' ? e.id : e.k === 'attr' ? `${dottedName(e.obj)}.${e.attr}` : '';
}

function isLiteral(e: Expr): boolean {
  switch (e.k) {
    case 'str':
    case 'num':
    case 'const':
    case 'name':
    case 'lambda': // defining a function has no side effects
      return true;
    case 'seq':
      return e.items.every(isLiteral);
    case 'dict':
      return e.values.every(isLiteral);
    case 'binop':
      return isLiteral(e.left) && isLiteral(e.right);
    case 'unary':
      return isLiteral(e.operand);
    default:
      return false;
  }
}

