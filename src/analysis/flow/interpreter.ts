// The dataflow: executes a file's statements abstractly, in order (notebook cells are already in
// order), tracking which values hold the full dataset, its train/validation/test parts, fitted
// transformers and scores. Helper functions of the same file are inlined at their call sites;
// functions never called are analysed on their own with parameters known only by name.
import type { Expr, Module, Stmt } from '../python/ast.js';
import { dotted } from '../python/ast.js';
import { evalCall } from './calls.js';
import { emptyFacts, type FileFacts } from './facts.js';
import { partFromName, type Part } from './knowledge.js';
import { Scope } from './scope.js';
import { absorb, addLeak, combine, derive, type FunctionValue, type Score, type Val } from './values.js';

type DefStmt = Extract<Stmt, { k: 'def' }>;
type ClassStmt = Extract<Stmt, { k: 'class' }>;

/** Bounds the work on pathological inputs (deep helper chains, huge generated files). */
const MAX_CALL_DEPTH = 4;
const MAX_STEPS = 400_000;

interface LoopFrame {
  stmt: Stmt;
}

export class Interpreter {
  readonly facts: FileFacts = emptyFacts();
  readonly module: Scope = new Scope();
  readonly classes = new Map<string, ClassStmt>();
  /** Functions whose body ran at least once through a call. */
  readonly inlined = new Set<DefStmt>();
  readonly loops: LoopFrame[] = [];
  /** Target names of the assignment being evaluated (names the parts a split returns). */
  targets: string[] = [];
  /** The statement being executed. */
  stmt: Stmt | undefined;
  /** Columns parsed as dates (`parse_dates`, `pd.to_datetime`). */
  readonly dateColumns = new Set<string>();
  private depth = 0;
  private steps = 0;
  private splitCounter = 0;
  private returns: Val[][] = [];
  private readonly reportedLeaks = new Set<object>();

  constructor(readonly text: string) {}

  run(module: Module): FileFacts {
    this.execBlock(module.body, this.module);
    this.runUncalled(module.body, this.module, undefined);
    return this.facts;
  }

  src(e: { start: number; end: number }): string {
    return this.text.slice(e.start, e.end);
  }

  nextSplitId(): number {
    this.splitCounter += 1;
    return this.splitCounter;
  }

  /** Records a leak reaching a split/CV/transform once (the first sink wins). */
  reportLeak(v: Val | undefined, sink: { line: number; kind: 'split' | 'cv' | 'transform' | 'search'; trainName?: string; testName?: string; sinkText?: string }): void {
    for (const leak of v?.leaks ?? []) {
      if (this.reportedLeaks.has(leak)) continue;
      this.reportedLeaks.add(leak);
      this.facts.leakSinks.push({ leak, ...sink });
    }
  }

  inLoop(): boolean {
    return this.loops.length > 0;
  }

  // ---------- statements ----------

  execBlock(body: readonly Stmt[], scope: Scope): void {
    for (const s of body) {
      if (++this.steps > MAX_STEPS) return;
      this.exec(s, scope);
    }
  }

  private exec(s: Stmt, scope: Scope): void {
    const outer = this.stmt;
    this.stmt = s;
    try {
      this.execInner(s, scope);
    } finally {
      this.stmt = outer;
    }
  }

  private execInner(s: Stmt, scope: Scope): void {
    switch (s.k) {
      case 'assign': {
        this.targets = s.targets.flatMap(targetNames);
        let value = s.value ? this.eval(s.value, scope) : {};
        this.targets = [];
        if (s.op && s.targets[0]) value = combine([this.eval(s.targets[0], scope), value]);
        for (const t of s.targets) this.assign(t, value, scope, s.value);
        return;
      }
      case 'expr':
        this.eval(s.value, scope);
        return;
      case 'for': {
        const iter = this.eval(s.iter, scope);
        this.assign(s.target, iterate(iter), scope, undefined);
        this.loops.push({ stmt: s });
        this.execBlock(s.body, scope);
        this.loops.pop();
        this.execBlock(s.orelse, scope);
        return;
      }
      case 'while':
        this.eval(s.test, scope);
        this.loops.push({ stmt: s });
        this.execBlock(s.body, scope);
        this.loops.pop();
        this.execBlock(s.orelse, scope);
        return;
      case 'if':
        if (s.test.k === 'compare' && s.test.items.length === 2) {
          const vals = s.test.items.map((i) => this.eval(i, scope));
          this.checkThreshold(s.test, vals);
          this.checkSelection(s, s.test, vals);
        } else this.eval(s.test, scope);
        this.execBlock(s.body, scope);
        this.execBlock(s.orelse, scope);
        return;
      case 'with':
        for (const item of s.items) {
          const v = this.eval(item.ctx, scope);
          if (item.target) this.assign(item.target, v, scope, undefined);
        }
        this.execBlock(s.body, scope);
        return;
      case 'try':
        this.execBlock(s.body, scope);
        for (const h of s.handlers) this.execBlock(h, scope);
        this.execBlock(s.orelse, scope);
        this.execBlock(s.final, scope);
        return;
      case 'def':
        scope.set(s.name, { fn: { def: s } });
        return;
      case 'class':
        this.classes.set(s.name, s);
        scope.set(s.name, { qual: `class:${s.name}` });
        return;
      case 'return':
        this.returns[this.returns.length - 1]?.push(s.value ? this.eval(s.value, scope) : {});
        return;
      case 'import':
        for (const n of s.names) scope.set(n.alias, { qual: n.name ? `${n.module}.${n.name}` : n.module });
        return;
      case 'other':
        for (const e of s.exprs) this.eval(e, scope);
        return;
    }
  }

  /** Binds a value to an assignment target, mutating the receiver for `df[...] = v` and `self.x = v`. */
  assign(target: Expr, value: Val, scope: Scope, valueExpr: Expr | undefined): void {
    switch (target.k) {
      case 'name': {
        let v = value;
        const named = partFromName(target.id);
        if (v.data && named && (v.part === undefined || v.part === 'full') && !v.items) {
          // `test = df[df.year == 2020]`, `train = df.sample(frac=.8)`: a split made by hand.
          if (v.part === 'full' && valueExpr && isRowSelection(valueExpr)) this.manualSplit(v, target.id, named, valueExpr);
          v = { ...v, part: named };
        }
        this.noteScoreName(target.id, v);
        scope.set(target.id, v);
        return;
      }
      case 'seq':
      case 'star': {
        const items = target.k === 'seq' ? target.items : [target.value];
        items.forEach((t, i) => this.assign(t, value.items?.[i] ?? derive(value), scope, undefined));
        return;
      }
      case 'attr': {
        const owner = this.eval(target.obj, scope);
        if (owner.attrs) owner.attrs.set(target.attr, value);
        else if (owner.data) absorb(owner, value);
        else if (target.obj.k === 'name') scope.set(`${target.obj.id}.${target.attr}`, value);
        return;
      }
      case 'sub': {
        const owner = this.eval(target.obj, scope);
        if (owner.data) absorb(owner, value);
        if (owner.data && value.stat && value.stat.part !== 'test' && value.stat.part !== 'val') {
          // `df['enc'] = df.groupby('city')['y'].transform('mean')`: a statistic of all rows becomes a feature.
          addLeak(owner, { kind: 'preprocess', line: value.stat.line, endLine: this.stmt?.endLine ?? value.stat.endLine, what: value.stat.what, stmtText: this.stmt ? this.src(this.stmt) : undefined });
        }
        if (owner.container && value.score) owner.container.scores.push(value.score);
        if (value.dates && target.index[0]?.k === 'str') this.dateColumns.add(target.index[0].value);
        return;
      }
      default:
        return;
    }
  }

  /** Manual splits by row selection: leaks in the rows and shuffled selection of time-ordered rows. */
  private manualSplit(v: Val, name: string, part: Part, valueExpr: Expr): void {
    const line = this.stmt?.line ?? valueExpr.line;
    this.reportLeak(v, { line, kind: 'split', sinkText: this.stmt ? this.src(this.stmt) : undefined, ...(part === 'train' ? { trainName: name } : { testName: name }) });
    if (v.sampled && v.time) {
      this.facts.timeSplits.push({ line, endLine: this.stmt?.endLine ?? line, evidence: v.time, how: `\`${name}\` is drawn at random with \`.sample()\`` });
    }
  }

  /** Torch-style accuracy kept in a variable (`val_acc = correct / total`) counts as an evaluation. */
  private noteScoreName(name: string, v: Val): void {
    if (!v.pred || v.part === 'train') return;
    const lower = name.toLowerCase();
    const metric = /acc/.test(lower) ? 'accuracy' : /f1|auc|precision|recall|mcc|kappa/.test(lower) ? lower : undefined;
    if (!metric || !this.stmt) return;
    if (this.facts.evals.some((e) => e.line === this.stmt!.line)) return;
    this.facts.evals.push({ line: this.stmt.line, part: v.part, metric, kind: metric === 'accuracy' ? 'accuracy' : 'other' });
  }

  // ---------- selection on test data ----------

  /** `if test_score > best: best = ...` inside a loop, or two test scores compared to pick one. */
  private checkSelection(s: Extract<Stmt, { k: 'if' }>, test: Extract<Expr, { k: 'compare' }>, vals: Val[]): void {
    if (!test.ops.some((o) => /[<>]/.test(o))) return;
    const [a, b] = test.items as [Expr, Expr];
    const va = vals[0] ?? {};
    const vb = vals[1] ?? {};
    const isTestScore = (v: Val) => (v.part ?? v.score?.part) === 'test' && (v.score !== undefined || v.pred === true);
    const assigned = new Set(s.body.flatMap((st) => (st.k === 'assign' ? st.targets.flatMap(targetNames) : [])));
    const keeps = (e: Expr) => {
      const d = dotted(e);
      return d !== undefined && assigned.has(d);
    };
    const scoreLine = (v: Val) => v.score?.line ?? s.line;
    if (isTestScore(va) && isTestScore(vb)) {
      this.facts.selections.push({ line: Math.min(scoreLine(va), scoreLine(vb)), endLine: s.line, kind: 'compare-scores', detail: `\`${this.src(test)}\` compares scores measured on the test set`, sites: [s.line] });
      return;
    }
    if (!this.inLoop()) return;
    for (const [score, other, scoreExpr] of [[va, b, a], [vb, a, b]] as [Val, Expr, Expr][]) {
      if (isTestScore(score) && keeps(other)) {
        const line = scoreLine(score);
        this.facts.selections.push({ line: Math.min(line, s.line), endLine: Math.max(line, s.line), kind: 'keep-best', detail: `\`${this.src(scoreExpr)}\` is measured on the test set and the loop keeps the best one (\`${this.src(test)}\`)`, sites: line === s.line ? [] : [s.line] });
        return;
      }
    }
  }

  /** `max(scores)`, `np.argmax(scores)`, `max(results, key=results.get)` over scores of test data. */
  checkPick(container: Val | undefined, line: number): void {
    const scores = container?.container?.scores.filter((sc: Score) => sc.part === 'test') ?? [];
    const first = scores[0];
    if (!first) return;
    if (this.facts.selections.some((sel) => sel.line === first.line)) return;
    this.facts.selections.push({ line: first.line, endLine: first.line, kind: 'pick-best', detail: 'scores measured on the test set are collected and the best one is picked', sites: [line] });
  }

  // ---------- expressions ----------

  eval(e: Expr, scope: Scope): Val {
    switch (e.k) {
      case 'name': {
        const known = scope.get(e.id);
        if (known) return known;
        // Remember the guess so in-place changes (`df['lag'] = ...`) stick to the same value.
        const guess = guessFromName(e.id);
        if (guess.data) scope.set(e.id, guess);
        return guess;
      }
      case 'attr': {
        const key = scope.mayHaveDotted() ? dotted(e) : undefined;
        if (key && scope.has(key)) return scope.get(key) ?? {};
        const obj = this.eval(e.obj, scope);
        if (obj.qual) return { qual: `${obj.qual}.${e.attr}` };
        if (obj.attrs) return obj.attrs.get(e.attr) ?? {};
        if (obj.est && /^(best_estimator_|estimator|named_steps|steps)$/.test(e.attr)) return { est: obj.est };
        if (obj.data && !/^(columns|shape|dtypes|dtype|size|ndim|name|names)$/.test(e.attr)) return derive(obj);
        return {};
      }
      case 'sub': {
        const obj = this.eval(e.obj, scope);
        const index = e.index.map((i) => this.eval(i, scope));
        const first = e.index[0];
        if (obj.items && first?.k === 'num') return obj.items[first.value] ?? {};
        if (obj.grouped) return obj;
        if (obj.data) {
          const fold = index.find((i) => i.indexPart)?.indexPart;
          const v = derive(obj, fold ? { part: fold } : {});
          if (first?.k === 'str' && this.dateColumns.has(first.value) && obj.dates) v.dates = obj.dates;
          return v;
        }
        if (obj.elems) return obj.elems[0] ?? {};
        if (obj.container) return { container: obj.container };
        return obj.prob || obj.pred || obj.score ? derive(obj) : {};
      }
      case 'call':
        return evalCall(this, e, scope);
      case 'binop':
        return this.binop(e, scope);
      case 'compare': {
        const vals = e.items.map((i) => this.eval(i, scope));
        this.checkThreshold(e, vals);
        return combine(vals);
      }
      case 'boolop':
      case 'other':
        return combine(e.items.map((i) => this.eval(i, scope)));
      case 'unary':
        return derive(this.eval(e.operand, scope));
      case 'cond':
        this.eval(e.test, scope);
        return combine([this.eval(e.body, scope), this.eval(e.orelse, scope)]);
      case 'seq': {
        const items = e.items.map((i) => this.eval(i, scope));
        const v = combine(items, { items, elems: items });
        if (e.items.length === 0) v.container = { scores: [], line: e.line };
        return v;
      }
      case 'dict': {
        e.keys.forEach((k) => k && this.eval(k, scope));
        const values = e.values.map((x) => this.eval(x, scope));
        const v: Val = { elems: values };
        if (e.values.length === 0) v.container = { scores: [], line: e.line };
        const score = values.find((x) => x.score)?.score;
        if (score) v.score = score;
        return v;
      }
      case 'comp': {
        const inner = new Scope(scope);
        for (const g of e.gens) this.assign(g.target, iterate(this.eval(g.iter, inner)), inner, undefined);
        for (const c of e.conds) this.eval(c, inner);
        return derive(this.eval(e.elt, inner));
      }
      case 'star':
        return this.eval(e.value, scope);
      default:
        return {};
    }
  }

  /** Arithmetic with a statistic of the rows (`(x - x.mean()) / x.std()`) bakes the statistic in. */
  private binop(e: Extract<Expr, { k: 'binop' }>, scope: Scope): Val {
    const l = this.eval(e.left, scope);
    const r = this.eval(e.right, scope);
    const out = combine([l, r]);
    const stat = l.stat ?? r.stat;
    const rows = l.data ? l : r.data ? r : undefined;
    if (stat && rows && stat.part !== 'test' && stat.part !== 'val') {
      const leak = { kind: 'preprocess' as const, line: stat.line, endLine: this.stmt?.endLine ?? stat.endLine, what: stat.what, stmtText: this.stmt ? this.src(this.stmt) : undefined };
      out.leaks = [...(out.leaks ?? []), leak];
    }
    return out;
  }

  private checkThreshold(e: Extract<Expr, { k: 'compare' }>, vals: Val[]): void {
    if (e.items.length !== 2 || !e.ops.some((o) => /[<>]/.test(o))) return;
    const half = e.items.findIndex((i) => i.k === 'num' && i.value === 0.5);
    if (half < 0) return;
    const other = vals[1 - half];
    if (other?.prob && other.part !== 'train') {
      this.facts.defaultThresholds.push({ line: e.line, endLine: e.endLine, text: this.src(e) });
    }
  }

  // ---------- functions ----------

  /** Runs a local function with argument values bound to its parameters; returns what it returns. */
  callFunction(fn: FunctionValue, args: Val[], kwargs: Map<string, Val>): Val {
    if (this.depth >= MAX_CALL_DEPTH) return combine(args);
    this.inlined.add(fn.def);
    const scope = new Scope(this.module);
    const params = [...fn.def.params];
    if (fn.self && params[0]) {
      scope.set(params[0].name, fn.self);
      params.shift();
    }
    params.forEach((p, i) => {
      const v = args[i] ?? kwargs.get(p.name) ?? (p.default ? this.eval(p.default, scope) : guessFromName(p.name));
      scope.set(p.name, v);
    });
    this.depth += 1;
    this.returns.push([]);
    const savedLoops = this.loops.splice(0);
    try {
      this.execBlock(fn.def.body, scope);
    } finally {
      this.loops.push(...savedLoops);
      this.depth -= 1;
    }
    const rets = this.returns.pop() ?? [];
    if (rets.length === 0) return {};
    const last = rets[rets.length - 1]!;
    return rets.length === 1 ? last : { ...combine(rets), items: last.items, est: last.est, fn: last.fn };
  }

  /** Creates an instance of a class defined in the file, running its `__init__`. */
  instantiate(cls: ClassStmt, args: Val[], kwargs: Map<string, Val>, deep: boolean): Val {
    const self: Val = { instanceOf: cls.name, attrs: new Map() };
    if (deep) self.est = { cls: cls.name, line: cls.line, endLine: cls.line, kind: 'model', call: { line: cls.line, endLine: cls.line, start: cls.start, end: cls.start, k: 'name', id: cls.name }, inner: [], deep: true };
    const init = cls.body.find((s): s is DefStmt => s.k === 'def' && s.name === '__init__');
    if (init) this.callFunction({ def: init, self }, args, kwargs);
    return self;
  }

  method(self: Val, name: string): FunctionValue | undefined {
    if (!self.instanceOf) return undefined;
    const cls = this.classes.get(self.instanceOf);
    const def = cls?.body.find((s): s is DefStmt => s.k === 'def' && s.name === name);
    return def ? { def, self } : undefined;
  }

  /** Functions and methods no call reached: analysed once with parameters known by name only. */
  private runUncalled(body: readonly Stmt[], scope: Scope, cls: ClassStmt | undefined): void {
    for (const s of body) {
      if (s.k === 'def' && !this.inlined.has(s)) {
        const self: Val | undefined = cls ? { instanceOf: cls.name, attrs: new Map() } : undefined;
        this.callFunction({ def: s, self }, [], new Map());
        this.runUncalled(s.body, scope, undefined);
      } else if (s.k === 'class') {
        this.runUncalled(s.body, scope, s);
      } else if (s.k === 'if' || s.k === 'try' || s.k === 'with') {
        for (const b of s.k === 'try' ? [s.body, ...s.handlers] : [s.body]) this.runUncalled(b, scope, cls);
      }
    }
  }
}

function targetNames(e: Expr): string[] {
  if (e.k === 'name') return [e.id];
  if (e.k === 'seq') return e.items.flatMap(targetNames);
  if (e.k === 'star') return targetNames(e.value);
  const d = dotted(e);
  return d ? [d] : [];
}

/** What one iteration of a loop over `v` yields. */
export function iterate(v: Val): Val {
  if (v.iterItems) return { items: v.iterItems };
  if (v.elems && v.elems.length > 0) return v.elems.find((x) => x.est) ?? v.elems[0] ?? {};
  if (v.data) {
    const batch = derive(v);
    batch.items = [derive(v), derive(v), derive(v)];
    return batch;
  }
  return v.items ? { items: v.items } : {};
}

/** Values never assigned in the file (parameters, globals from elsewhere), known by their name. */
export function guessFromName(name: string): Val {
  if (/size|ratio|frac|pct|percent|split|^n_|_n$|num|count|len|idx|index|score|acc|loss|metric|result|path|file|dir|url|step|epoch|batch_size|mode|flag/i.test(name)) return {};
  const part = partFromName(name);
  if (part) return { data: true, part };
  if (/^(x|y|X|df|data|dataset|features|labels|target|loader|inputs)$/.test(name)) return { data: true };
  return {};
}

/** Row selections that can carve a part out of a frame (`df[mask]`, `df.iloc[:n]`, `df.sample()`, `df.drop(train.index)`). */
function isRowSelection(e: Expr): boolean {
  if (e.k === 'sub') return true;
  if (e.k === 'call' && e.fn.k === 'attr') return /^(sample|drop|query|head|tail|loc|iloc)$/.test(e.fn.attr) || isRowSelection(e.fn.obj);
  if (e.k === 'attr') return isRowSelection(e.obj);
  return false;
}

