// Links between the files of a review for the rules that read syntax (training loops, eval mode):
// functions imported from the project's own modules, functions another file calls inside a loop,
// and callees the analyzer cannot see at all.
import type { Expr, Module, Stmt } from '../python/ast.js';
import { dotted, stmtBodies, stmtExprs, walkExpr, walkStmts } from '../python/ast.js';
import type { ProjectView } from '../flow/project.js';
import type { SourceFile } from '../source.js';

type Def = Extract<Stmt, { k: 'def' }>;

export interface FileLinks {
  /** Functions the file imports from other files of the review, by the name it calls them (`f`, `mod.f`). */
  defs: Map<string, Def>;
  /** Methods of the classes the file imports from other files of the review, by method name (`anomaly_map`). */
  methods?: Map<string, Def>;
  /** The file of the review one of `defs` is written in. */
  fileOf(def: Def): string | undefined;
  /** Whether another file calls this file's function `name` inside a loop (it is then one step of that loop). */
  calledInLoopElsewhere(name: string): boolean;
  /** Whether another file hands this file's function (or method) `name` held-out rows (`evaluator.run(model, val_dl)`). */
  calledWithHeldOutElsewhere(name: string): boolean;
  /** Whether a callee (`helper`, `utils.helper`) is something the analyzer cannot see: not local, not of a known library. */
  unknownCallee(callee: string): boolean;
}

interface Binding {
  path: string;
  /** The member for `from m import f`; undefined when a module is bound. */
  name?: string;
}

const KNOWN_ROOTS = /^(torch|torchvision|torchaudio|torchtext|numpy|pandas|sklearn|tensorflow|keras|scipy|matplotlib|seaborn|xgboost|lightgbm|catboost|transformers|datasets|accelerate|timm|tqdm|os|sys|math|random|json|time|logging|pathlib|collections|itertools|functools|typing|argparse|copy|pickle|joblib|wandb|mlflow|optuna|yaml|re|dataclasses|warnings|shutil|glob|csv|io|gc)$/;
/** Names of held-out rows handed to a function: `val_dl`, `test_loader`, `valid_ds`, `holdout_batches`. */
const HELD_OUT_NAME =
  '(?:(val|valid|validation|test|dev|holdout|eval)_(dl|loader|dataloader|ds|dataset|data|batches|iter|set|eval|samples|examples|pairs|candidates)|(x|loader|dl|ds|dataset|data|batches)_(val|valid|validation|test|dev|holdout))';
const HELD_OUT_ARG = new RegExp(`^${HELD_OUT_NAME}$`, 'i');
/** The same names anywhere in a file's text (a cheap check before walking it). */
const HELD_OUT_TEXT = new RegExp(`\\b${HELD_OUT_NAME}\\b`, 'i');
const BUILTINS = /^(print|len|str|repr|type|isinstance|list|dict|tuple|set|sorted|getattr|setattr|hasattr|id|vars|dir|enumerate|zip|map|filter|min|max|sum|any|all|abs|round|int|float|bool|range|open|iter|next|super|format|display)$/;

export class ProjectLinks {
  /** `path#name` of functions some file calls inside a loop (through an import). */
  private readonly loopCalls = new Set<string>();
  /** `path#name` of functions some file calls with held-out rows (a validation or test loader). */
  private readonly heldOutCalls = new Set<string>();

  /**
   * @param importsProjectModule whether a file imports some other file of the review (from the cheap
   *   scan of import lines); files that do not are never walked for links.
   */
  constructor(
    private readonly project: ProjectView,
    private readonly importsProjectModule: (path: string) => boolean = () => true,
  ) {}

  /** Notes the file's calls, inside loops, of functions imported from other files (before its module is dropped). */
  record(source: SourceFile): void {
    if (!source.module || !this.importsProjectModule(source.path)) return;
    const bindings = this.bindings(source.path, source.module);
    if (bindings.size === 0) return;
    // `engine = Engine(...)` of a class imported from the project: `engine.step()` runs that class's method.
    const instances = new Map<string, string>();
    walkStmts(source.module.body, (s) => {
      if (s.k !== 'assign' || s.targets.length !== 1 || s.value?.k !== 'call') return;
      const name = dotted(s.targets[0]!);
      const cls = resolveCallee(dotted(s.value.fn), bindings);
      if (name && cls?.name && /^[A-Z]/.test(cls.name)) instances.set(name, cls.path);
    });
    // Only files that name such loaders are walked (a cheap text check first).
    if (HELD_OUT_TEXT.test(source.code ?? '')) walkStmts(source.module.body, (s) => {
      for (const e of stmtExprs(s)) {
        walkExpr(e, (x) => {
          // `score(model, *valid_eval)`: a tuple of held-out arrays unpacked into the call.
          if (x.k !== 'call' || !x.args.some((a) => HELD_OUT_ARG.test(dotted(a.k === 'star' ? a.value : a) ?? ''))) return;
          const target = resolveCallee(dotted(x.fn), bindings);
          if (target?.name) this.heldOutCalls.add(`${target.path}#${target.name}`);
          const owner = x.fn.k === 'attr' ? instances.get(dotted(x.fn.obj) ?? '') : undefined;
          if (owner && x.fn.k === 'attr') this.heldOutCalls.add(`${owner}#${x.fn.attr}`);
        });
      }
    });
    const visit = (body: readonly Stmt[], inLoop: boolean) => {
      for (const s of body) {
        if (inLoop) {
          for (const e of stmtExprs(s)) {
            walkExpr(e, (x) => {
              if (x.k !== 'call') return;
              const target = resolveCallee(dotted(x.fn), bindings);
              if (target?.name) this.loopCalls.add(`${target.path}#${target.name}`);
              const owner = x.fn.k === 'attr' ? instances.get(dotted(x.fn.obj) ?? '') : undefined;
              if (owner && x.fn.k === 'attr') this.loopCalls.add(`${owner}#${x.fn.attr}`);
            });
          }
        }
        const loop = s.k === 'for' || s.k === 'while';
        for (const b of stmtBodies(s)) visit(b, inLoop || loop);
      }
    };
    visit(source.module.body, false);
  }

  /** The links of one file; computed on first use (most files never ask). */
  view(source: SourceFile): FileLinks {
    let built: FileLinks | undefined;
    const get = () => (built ??= this.build(source));
    const linked = this.importsProjectModule(source.path);
    const none = new Map<string, Def>();
    return {
      get defs() {
        return linked ? get().defs : none;
      },
      get methods() {
        return linked ? get().methods : none;
      },
      fileOf: (def) => (linked ? get().fileOf(def) : undefined),
      calledInLoopElsewhere: (name) => this.loopCalls.has(`${source.path}#${name}`),
      calledWithHeldOutElsewhere: (name) => this.heldOutCalls.has(`${source.path}#${name}`),
      unknownCallee: (callee) => get().unknownCallee(callee),
    };
  }

  private build(source: SourceFile): FileLinks {
    const module = source.module;
    const bindings = module && this.importsProjectModule(source.path) ? this.bindings(source.path, module) : new Map<string, Binding>();
    const defs = new Map<string, Def>();
    const methods = new Map<string, Def>();
    const files = new Map<Def, string>();
    const local = new Set<string>();
    const imported = new Map<string, string>();
    if (module) {
      walkStmts(module.body, (s) => {
        if (s.k === 'def' || s.k === 'class') local.add(s.name);
        if (s.k === 'import') for (const n of s.names) imported.set(n.alias, n.module);
      });
      for (const [alias, b] of bindings) {
        const target = this.project.source(b.path);
        if (!target) continue;
        for (const s of target.module.body) {
          if (s.k === 'class' && b.name === s.name) for (const m of s.body) if (m.k === 'def') methods.set(m.name, m);
          if (s.k !== 'def') continue;
          if (b.name === s.name) defs.set(alias, s);
          else if (b.name === undefined) defs.set(`${alias}.${s.name}`, s);
          else continue;
          files.set(s, b.path);
        }
      }
    }
    return {
      defs,
      methods,
      fileOf: (def) => files.get(def),
      calledInLoopElsewhere: (name) => this.loopCalls.has(`${source.path}#${name}`),
      calledWithHeldOutElsewhere: (name) => this.heldOutCalls.has(`${source.path}#${name}`),
      unknownCallee: (callee) => {
        if (!callee) return false;
        const root = callee.split('.')[0] ?? callee;
        if (defs.has(callee) || local.has(callee) || (callee === root && BUILTINS.test(root))) return false;
        const mod = imported.get(root);
        if (mod === undefined) return !local.has(root) && callee === root;
        if (bindings.has(root)) return !defs.has(callee);
        return !KNOWN_ROOTS.test(mod.replace(/^\.+/, '').split('.')[0] ?? '');
      },
    };
  }

  private bindings(path: string, module: Module): Map<string, Binding> {
    const out = new Map<string, Binding>();
    walkStmts(module.body, (s) => {
      if (s.k !== 'import') return;
      for (const n of s.names) {
        if (n.name !== undefined) {
          const file = this.project.resolveModule(path, n.module);
          if (file && file !== path) out.set(n.alias, { path: file, name: n.name });
          else {
            const sub = this.project.resolveModule(path, n.module.endsWith('.') ? `${n.module}${n.name}` : `${n.module}.${n.name}`);
            if (sub && sub !== path) out.set(n.alias, { path: sub });
          }
        } else {
          const file = this.project.resolveModule(path, n.module);
          if (file && file !== path && n.alias !== (n.module.split('.')[0] ?? '')) out.set(n.alias, { path: file });
        }
      }
    });
    return out;
  }
}

function resolveCallee(callee: string | undefined, bindings: Map<string, Binding>): Binding | undefined {
  if (!callee) return undefined;
  const direct = bindings.get(callee);
  if (direct?.name) return direct;
  const dot = callee.lastIndexOf('.');
  if (dot < 0) return undefined;
  const mod = bindings.get(callee.slice(0, dot));
  return mod && mod.name === undefined ? { path: mod.path, name: callee.slice(dot + 1) } : undefined;
}

export function calleeText(call: Extract<Expr, { k: 'call' }>): string | undefined {
  return dotted(call.fn);
}
