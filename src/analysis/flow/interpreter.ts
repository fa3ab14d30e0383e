// The dataflow: executes a file's statements abstractly, in order (notebook cells are already in
// order), tracking which values hold the full dataset, its train/validation/test parts, fitted
// transformers and scores. Helper functions and classes are inlined at their call sites, also when
// another file of the review defines them (imports of the project's own modules are followed);
// functions never called are analysed on their own with parameters known only by name.
import type { Expr, Module, Stmt } from '../python/ast.js';
import { dotted } from '../python/ast.js';
import { assignTo } from './assign.js';
import { evalCall } from './calls.js';
import { evalSubscript } from './subscripts.js';
import { evalBinop } from './arithmetic.js';
import { corpusModelFace } from './embeddings.js';
import { emptyFacts, type FileFacts } from './facts.js';
import { EXPERIMENT_CODE, isDevName, isMetricKey, maskOfPart, METRIC_NAME, partFromName, partFromNameIn, POLICY_VALUE, type Part } from './knowledge.js';
import type { ProjectView } from './project.js';
import type { ConfigData } from '../config-files.js';
import { settingAt } from './settings.js';
import { checkSelection } from './selection-checks.js';
import { keyedComprehension, keyedPart, perItem, unrolled } from './keyed-parts.js';
import type { Handoffs } from './handoffs.js';
import { ProjectModules } from './modules.js';
import { Scope } from './scope.js';
import { projectTransformer } from './project-transformers.js';
import { columnNames } from './label-sources.js';
import { combine, derive, sharesOrigin, type ClassRef, type FileCtx, type FunctionValue, type Leak, type Val } from './values.js';
import { iterate, targetNames } from './pieces.js';

type DefStmt = Extract<Stmt, { k: 'def' }>;
type ClassStmt = Extract<Stmt, { k: 'class' }>;

/** Bounds the work on pathological inputs (deep helper chains, huge generated files). */
const MAX_CALL_DEPTH = 4;
const MAX_STEPS = 400_000;

interface LoopFrame {
  stmt: Stmt;
}

/** A call into a helper: where it was called (in the caller's file) and the sources of the rows passed in. */
/** A reported number labelled as the reference to beat. */
/** A training step of a network: its loop is a training loop. */
const TRAINING_STEP = /\.backward\(|manual_backward\(/;
const REFERENCE_LABEL = /\b(random|baseline|naive|dummy|chance|prior|no[- ]skill)\b/i;

export interface CallFrame {
  path: string;
  line: number;
  endLine: number;
  /** The calling statement's text. */
  text(): string;
  origins: Set<number>;
  /** Held-out parts of untraced rows it handed in (a `DataLoader` over a dataset class has no origin). */
  untracedParts: Set<Part>;
  /** Whether it handed anything in (arguments, or the instance of a method): `main()` hands nothing. */
  handsOver: boolean;
  /** Called on one item of the rows being iterated (`[features(p) for p in df["path"]]`): its data is one sample. */
  perItem?: boolean;
}

export interface InterpreterOptions {
  /** The file's path in the review (facts are filed under it). */
  path?: string;
  /** The other files of the review, for imports of the project's own modules. */
  project?: ProjectView;
  /** Facts by file, shared by the interpreters of one review (helpers of other files file theirs there). */
  factsFor?: (path: string) => FileFacts;
  /** Functions that ran through a call anywhere in the review (not analysed again on their own). */
  inlined?: Set<object>;
  /** Files written by the review's scripts, for the scripts that read them. */
  handoffs?: Handoffs;
}

export class Interpreter {
  readonly entry: FileCtx;
  /** The file whose code is executing (changes while a helper of another file runs). */
  ctx: FileCtx;
  readonly inlined: Set<object>;
  readonly loops: LoopFrame[] = [];
  /** For each caller up the stack: whether the call sits in a loop, and in a training loop. */
  private readonly callerLoops: { any: boolean; trains: boolean }[] = [];
  /** Calls into helpers, outermost first. */
  readonly frames: CallFrame[] = [];
  private readonly fileTraits = new Map<string, boolean>();
  /** Names bound to one item of rows being iterated, innermost loop or comprehension last. */
  private readonly itemNames: string[][] = [];
  /** Target names of the assignment being evaluated (names the parts a split returns). */
  targets: string[] = [];
  /** The statement being executed. */
  stmt: Stmt | undefined;
  /** Columns parsed as dates (`parse_dates`, `pd.to_datetime`). */
  readonly dateColumns = new Set<string>();
  /** Where each split (by id) happened. */
  readonly splitSites = new Map<number, { path: string; line: number }>();
  private depth = 0;
  private steps = 0;
  private splitCounter = 0;
  private originCounter = 0;
  private returns: Val[][] = [];
  /** What each generator function being run yields (`yield subject, seg, label`). */
  private yields: Val[][] = [];
  private readonly reportedLeaks = new Set<object>();
  private readonly objectOrigins = new WeakMap<object, number>();
  private readonly keyOrigins = new Map<string, number>();
  /** What each read's rows came from (`ImageFolder:data/png`): a second read of the same files is the same rows. */
  readonly readSources = new Map<number, string>();
  /** Origins that are dataset objects: a loader over one is those rows, whatever name it is given. */
  readonly datasetOrigins = new Set<number>();
  /** Sources of rows split by hand (`test = df[df.date >= cut]`), and where: all of them from then on hold test rows. */
  readonly splitOrigins = new Map<number, { line: number; file: string }>();
  private readonly trainingLoops = new WeakMap<object, boolean>();
  /** Functions running, innermost last (`super()` needs the method's instance and class). */
  private readonly methods: FunctionValue[] = [];
  /** The last instance made of each class: methods no call reached (a Lightning `validation_step`) run on it. */
  private readonly instances = new WeakMap<object, Val>();
  private readonly modules: ProjectModules;
  private readonly factsByPath = new Map<string, FileFacts>();
  private readonly factsFor: (path: string) => FileFacts;
  private readonly project: ProjectView | undefined;
  readonly handoffs: Handoffs | undefined;

  constructor(text: string, options: InterpreterOptions = {}) {
    this.entry = { path: options.path ?? '', text, scope: new Scope() };
    this.ctx = this.entry;
    this.modules = new ProjectModules(this, options.project);
    this.project = options.project;
    this.handoffs = options.handoffs;
    this.inlined = options.inlined ?? new Set();
    this.factsFor = options.factsFor ?? ((path) => {
      let f = this.factsByPath.get(path);
      if (!f) this.factsByPath.set(path, (f = emptyFacts()));
      return f;
    });
  }

  /** Facts of the file whose code is executing. */
  get facts(): FileFacts {
    return this.factsFor(this.ctx.path);
  }

  get text(): string {
    return this.ctx.text;
  }

  /** Whether the executing file's text matches `pattern` (tested once per file and pattern). */
  private fileMatches(pattern: RegExp): boolean {
    const key = `${pattern.source}\0${this.ctx.path}`;
    let known = this.fileTraits.get(key);
    if (known === undefined) this.fileTraits.set(key, (known = pattern.test(this.ctx.text)));
    return known;
  }

  /** The executing file is experimentation code (A/B tests, uplift), where part names read differently. */
  get experimentCode(): boolean {
    return this.fileMatches(EXPERIMENT_CODE);
  }

  /** Buy-till-you-die customer models (lifetimes' BG/NBD), where the "calibration" period is the one fitted on. */
  private get btydCode(): boolean {
    return this.fileMatches(BTYD_CODE);
  }

  namedPart(id: string): Part | undefined {
    const part = partFromNameIn(id, this.experimentCode);
    return part === 'val' && this.btydCode && /(^|_)(cal|calib|calibration)(_|$)/i.test(id) ? 'train' : part;
  }

  get path(): string {
    return this.ctx.path;
  }

  get module(): Scope {
    return this.entry.scope;
  }

  run(module: Module): FileFacts {
    this.execBlock(module.body, this.entry.scope);
    this.runUncalled(module.body, this.entry.scope, undefined);
    return this.factsFor(this.entry.path);
  }

  factsOf(path: string): FileFacts {
    return this.factsFor(path);
  }

  nextOrigin(): number {
    this.originCounter += 1;
    return this.originCounter;
  }

  /** One origin per object (a dataset instance), or per key (datasets built alike): every loader over it shares it. */
  originOf(obj: object | string): number {
    let id = typeof obj === 'string' ? this.keyOrigins.get(obj) : this.objectOrigins.get(obj);
    if (id === undefined) {
      id = this.nextOrigin();
      if (typeof obj === 'string') this.keyOrigins.set(obj, id);
      else this.objectOrigins.set(obj, id);
      this.datasetOrigins.add(id);
    }
    return id;
  }

  /** Gives untraced rows an identity of their own, so later sinks can tell them from other rows. */
  ensureOrigin(v: Val | undefined): readonly number[] {
    if (!v) return [];
    if (!v.origins || v.origins.length === 0) v.origins = [this.nextOrigin()];
    return v.origins;
  }

  /**
   * The call site to cite for something that happened inside helpers: the outermost call that passed
   * the rows in (`prepare(test_df)`), or undefined when the rows did not come through a call.
   */
  callSiteFor(rows: Val | undefined): CallFrame | undefined {
    const origins = rows?.origins;
    if (origins && origins.length > 0) return this.frames.find((f) => origins.some((o) => f.origins.has(o)));
    const part = rows?.part;
    return part === 'test' || part === 'val' ? this.frames.find((f) => f.untracedParts.has(part)) : undefined;
  }

  src(e: { start: number; end: number }): string {
    return this.text.slice(e.start, e.end);
  }

  nextSplitId(line?: number): number {
    this.splitCounter += 1;
    if (line !== undefined) this.splitSites.set(this.splitCounter, { path: this.path, line });
    return this.splitCounter;
  }

  /**
   * Records a leak reaching a split/CV/transform once (the first sink wins). Only leaks learned from
   * the same rows count: a vectorizer fitted on another corpus is not a leak into this split.
   */
  reportLeak(v: Val | undefined, sink: { line: number; kind: 'split' | 'cv' | 'transform' | 'search'; trainName?: string; testName?: string; sinkText?: string }, leaks: readonly Leak[] = v?.leaks ?? []): void {
    for (const leak of leaks) {
      if (this.reportedLeaks.has(leak) || !sharesOrigin(leak, v)) continue;
      // A scaler fitted on the training part then cross-validated over it: the test set is untouched (the
      // issue's "fitted on the training part only" stays silent); supervised steps still count.
      if ((sink.kind === 'cv' || sink.kind === 'search') && leak.trainOnlyUnsupervised) continue;
      // Learned from the training part (or the rows before a cut): applied to all rows, then cut, it leaks nothing.
      if (sink.kind === 'split' && leak.fromTrainPart) continue;
      this.reportedLeaks.add(leak);
      const file = leak.file ?? this.path;
      this.factsFor(file).leakSinks.push({ leak, ...sink, ...(file !== this.path ? { sinkFile: this.path } : {}) });
    }
  }

  /** The settings file a path written in the running file names, with its values. */
  configFile(written: string): { path: string; data: ConfigData } | undefined {
    return this.project?.config?.(this.path, written);
  }

  /** Inside a loop that calls backward(): a network's training loop. */
  inTrainingLoop(): boolean {
    return this.loops.some((l) => {
      let trains = this.trainingLoops.get(l.stmt);
      if (trains === undefined) this.trainingLoops.set(l.stmt, (trains = TRAINING_STEP.test(this.src(l.stmt))));
      return trains;
    });
  }

  /** In a training loop here or around the call of the running function (a batch generator called by the loop). */
  underTrainingLoop(): boolean {
    return this.inTrainingLoop() || this.callerLoops.some((c) => c.trains);
  }

  inLoop(): boolean {
    return this.loops.length > 0;
  }

  /** In a loop here or around the call of the running function. */
  underLoop(): boolean {
    return this.inLoop() || this.callerLoops.some((c) => c.any);
  }

  // ---------- statements ----------

  execBlock(body: readonly Stmt[], scope: Scope): void {
    for (const s of body) {
      if (++this.steps > MAX_STEPS) return;
      this.exec(s, scope);
    }
  }

  exec(s: Stmt, scope: Scope): void {
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
        if (s.op && s.targets[0]) {
          const prev = this.eval(s.targets[0], scope);
          const added = value;
          value = combine([prev, added]);
          // `total += imgs.sum().item()` over a loader: a running sum of the rows, a statistic of them
          // (a running sum of statistics is still one).
          // `ch_sum += imgs.sum(dim=[0, 2, 3])`: summed over the samples too (axis 0), so also a statistic of them.
          const summed = s.value ? /\.sum\(([^()]*)\)(\.item\(\))?\s*$/.exec(this.src(s.value)) : null;
          const acrossRows = summed !== null && (summed[1]!.trim() === '' || /(^|[[(,=\s])0\s*([\]),]|$)/.test(summed[1]!));
          const runningSum = added.data && !added.pred && !added.prob && s.op === '+' && acrossRows && (added.part === undefined || added.part === 'full');
          const stat = added.stat ?? prev.stat ?? (runningSum ? { line: s.line, endLine: s.endLine, what: 'sum()', part: added.part, file: this.path, ...(added.origins ? { origins: added.origins } : {}) } : undefined);
          if (stat && (runningSum || !value.data)) value = { stat };
        }
        for (const t of s.targets) this.assign(t, value, scope, s.value);
        return;
      }
      case 'expr':
        this.eval(s.value, scope);
        return;
      case 'for': {
        const iter = this.eval(s.iter, scope);
        const each = unrolled(iter);
        this.loops.push({ stmt: s });
        this.itemNames.push(!each && iteratesRows(s.iter, iter) ? targetNames(s.target) : []);
        for (const item of each ?? [iterate(iter)]) {
          this.assign(s.target, item, scope, undefined);
          this.execBlock(s.body, scope);
        }
        this.itemNames.pop();
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
        // `if best is None or row["test_acc"] > best["test_acc"]:` keeps the best all the same, and so does
        // `if n_selected > 0 and (best is None or auc > best[0]):` (the comparisons anywhere in the condition).
        const compares = s.test.k === 'compare' ? [s.test] : s.test.k === 'boolop' ? comparisonsIn(s.test) : [];
        const pairs = compares.filter((c) => c.items.length === 2);
        if (pairs.length > 0) {
          if (s.test.k === 'boolop') for (const i of operandsOf(s.test)) if (!pairs.includes(i as Extract<Expr, { k: 'compare' }>)) this.eval(i, scope);
          for (const c of pairs) {
            const vals = c.items.map((i) => this.eval(i, scope));
            this.checkThreshold(c, vals);
            checkSelection(this, s, c, vals);
          }
        } else {
          // `if fit:` with `fit` known to be True or False: only that branch runs.
          const known = this.eval(s.test, scope).const;
          if (typeof known === 'boolean') {
            this.execBlock(known ? s.body : s.orelse, scope);
            return;
          }
        }
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
        scope.set(s.name, { fn: { def: s, ctx: this.ctx, closure: scope === this.ctx.scope ? undefined : scope } });
        this.runProjectDecorators(s.decorators, scope.get(s.name)!, scope);
        return;
      case 'class':
        scope.set(s.name, { qual: `class:${s.name}`, cls: { def: s, ctx: this.ctx } });
        this.runProjectDecorators(s.decorators, scope.get(s.name)!, scope);
        return;
      case 'return':
        this.returns[this.returns.length - 1]?.push(s.value ? this.eval(s.value, scope) : {});
        return;
      case 'import':
        for (const n of s.names) scope.set(n.alias, this.modules.importValue(n.module, n.name, n.alias));
        return;
      case 'other':
        for (const e of s.exprs) this.eval(e, scope);
        return;
    }
  }

  /**
   * `@register("target_mean")` over a class or function: a decorator written in the review runs, so a registry it
   * fills holds the class. The name stays bound to what was defined (registering decorators return it unchanged;
   * wrappers call it), so only the decorator's effects are kept.
   */
  private runProjectDecorators(decorators: Expr[], defined: Val, scope: Scope): void {
    for (const d of [...decorators].reverse()) {
      const deco = this.eval(d, scope);
      if (deco.fn) this.callFunction(deco.fn, [defined], new Map());
    }
  }

  /** Binds a value to an assignment target (assign.ts). */
  assign(target: Expr, value: Val, scope: Scope, valueExpr: Expr | undefined, impliedPart?: Part): void {
    assignTo(this, target, value, scope, valueExpr, impliedPart);
  }

  /** Manual splits by row selection: leaks in the rows and shuffled selection of time-ordered rows. */
  manualSplit(v: Val, name: string, part: Part, valueExpr: Expr): void {
    const line = this.stmt?.line ?? valueExpr.line;
    for (const o of v.origins ?? []) if (!this.splitOrigins.has(o)) this.splitOrigins.set(o, { line, file: this.path });
    this.reportLeak(v, { line, kind: 'split', sinkText: this.stmt ? this.src(this.stmt) : undefined, ...(part === 'train' ? { trainName: name } : { testName: name }) });
    const sample = sampleCall(valueExpr);
    if (sample && !/^\s*1(\.0*)?\s*$/.test(sample.kwargs.find((k) => k.name === 'frac') ? this.src(sample.kwargs.find((k) => k.name === 'frac')!.value) : '')) {
      // `train = df.sample(frac=0.8)`: a random split, reproducible only with a seed.
      // pandas takes `random_state`, polars `seed`.
      const rs = sample.kwargs.find((k) => k.name === 'random_state' || k.name === 'seed')?.value;
      const seeded = rs !== undefined && !(rs.k === 'const' && rs.value === 'None');
      const id = this.nextSplitId(sample.line);
      this.facts.splits.push({ id, line: sample.line, endLine: sample.endLine, fn: 'sample', shuffled: true, seeded, stratified: true, usedBy: new Set(), timeOrdered: v.time !== undefined });
    }
    if (v.sampled && v.time) {
      this.facts.timeSplits.push({ line, endLine: this.stmt?.endLine ?? line, evidence: v.time, how: `\`${name}\` is drawn at random with \`.sample()\`` });
    }
  }

  /** `print("test accuracy", evaluate(model, test_loader))`: a prediction-derived value reported under a metric's name. */
  noteReportedScore(call: Extract<Expr, { k: 'call' }>, args: Val[]): void {
    const label = call.args.find((a) => a.k === 'str');
    if (!label) return;
    const name = this.src(label).replace(/\{[^}]*\}/g, '');
    const value = args.find((v) => v.pred && !v.score);
    if (value) this.noteScoreName(name, value);
    // `print("Qini (random):", qini(y_te, t_te, rng.random(len(y_te))))`: a metric of a random ranking, reported as the reference.
    // (What the analyzer makes of the number is no matter: the label says what it is.)
    const computed = call.args.some((a) => a !== label && a.k !== 'str' && a.k !== 'num');
    if (!value && computed && REFERENCE_LABEL.test(name) && METRIC_NAME.test(name) && this.stmt) {
      const part = args.find((v) => v.data && v.part !== undefined)?.part;
      this.facts.evals.push({ line: this.stmt.line, part, metric: name.trim(), kind: 'other', baseline: true });
    }
  }

  /** Torch-style accuracy kept in a variable (`val_acc = correct / total`) counts as an evaluation. */
  noteScoreName(name: string, v: Val): void {
    if (!v.pred || v.part === 'train') return;
    const lower = name.toLowerCase();
    const metric = /acc/.test(lower) ? 'accuracy' : METRIC_NAME.test(lower) ? lower : undefined;
    if (!metric || !this.stmt) return;
    if (this.facts.evals.some((e) => e.line === this.stmt!.line)) return;
    this.facts.evals.push({ line: this.stmt.line, part: v.part, metric, kind: metric === 'accuracy' ? 'accuracy' : 'other' });
  }

  // ---------- expressions ----------

  eval(e: Expr, scope: Scope): Val {
    switch (e.k) {
      case 'name': {
        const known = scope.get(e.id);
        if (known) return known;
        // Remember the guess so in-place changes (`df['lag'] = ...`) stick to the same value.
        const guess = this.guess(e.id);
        if (guess.data) scope.set(e.id, guess);
        return guess;
      }
      case 'attr': {
        const key = scope.mayHaveDotted() ? dotted(e) : undefined;
        if (key && scope.has(key)) return scope.get(key) ?? {};
        const obj = this.eval(e.obj, scope);
        if (obj.localModule) return this.modules.memberOf(obj, e.attr);
        if (obj.qual) return { qual: `${obj.qual}.${e.attr}` };
        if (obj.attrs) return obj.attrs.get(e.attr) ?? {};
        // `cfg.training.monitor`, `args.config`: a setting, or a command-line option's default.
        if (obj.config) return settingAt(obj.config, e.attr) ?? {};
        if (obj.cliDefaults) return obj.cliDefaults.get(e.attr) ?? {};
        const face = corpusModelFace(obj, e.attr);
        if (face) return face;
        if (obj.est && /^(best_estimator_|estimator|named_steps|steps)$/.test(e.attr)) return { est: obj.est };
        // `selector.support_`: which columns a selector fitted on rows kept; it carries what it learned from them.
        const learned = obj.est?.kind === 'preprocess' && (obj.est.fittedOn?.part ?? 'full') === 'full' ? obj.est.fittedOn?.leak : undefined;
        if (learned && /^(support_|ranking_|scores_|pvalues_|get_feature_names_out)$/.test(e.attr)) return { selected: learned };
        // `ranker.feature_importances_`: which columns a model fitted on rows found useful (learned from their labels).
        if (obj.est?.kind === 'model' && obj.est.fittedOn?.leak && /^(feature_importances_|coef_|pvalues|params|tvalues)$/.test(e.attr)) return { selected: obj.est.fittedOn.leak };
        // (`data.test_mask` of a graph: a mask of one part's nodes, not the graph's rows.)
        const mask = maskOfPart(e.attr);
        if (mask) return mask;
        // `daily.T.resample("W").sum().T`: transposed back, the periods are columns again and the rows are entities.
        if (obj.data && (e.attr === 'T' || e.attr === 'mT') && obj.time) return derive(obj, { time: undefined });
        if (obj.data && !/^(columns|shape|dtypes|dtype|size|ndim|name|names)$/.test(e.attr)) return derive(obj);
        // `centroids.T`, `stats.values`: a statistic transposed or unwrapped is still that statistic.
        if (obj.stat && !obj.data && /^(T|mT|values|real)$/.test(e.attr)) return { stat: obj.stat, ...(obj.leaks ? { leaks: obj.leaks } : {}) };
        // `pd.DataFrame(scores).T`: a table of collected scores, transposed or located, is still that table.
        if (obj.container && /^(T|loc|iloc|transpose|style)$/.test(e.attr)) return { container: obj.container, ...(obj.ranked ? { ranked: obj.ranked } : {}) };
        if (obj.container && obj.ranked && /^(index|values|iat|at)$/.test(e.attr)) return { container: obj.container, ranked: obj.ranked };
        // `mi.nlargest(60).index`: the columns a supervised score picked.
        if (obj.selected && /^(index|values|columns|T|iloc|loc)$/.test(e.attr)) return { selected: obj.selected };
        return {};
      }
      case 'sub':
        return evalSubscript(this, e, scope);
      case 'call':
        return evalCall(this, e, scope);
      case 'binop':
        return evalBinop(this, e, scope);
      case 'compare': {
        const vals = e.items.map((i) => this.eval(i, scope));
        this.checkThreshold(e, vals);
        return combine(vals);
      }
      case 'boolop':
      case 'other':
        return combine(e.items.map((i) => this.eval(i, scope)));
      case 'unary': {
        const v = derive(this.eval(e.operand, scope));
        // `X[~is_test]`: the complement of one part's mask is not that part.
        if ((e.op === '~' || e.op === 'not') && v.part !== undefined && v.part !== 'full') v.part = undefined;
        return v;
      }
      case 'cond': {
        // `enc.fit_transform(x) if fit else enc.transform(x)` with `fit` known (a default, a setting): that branch only.
        const known = this.eval(e.test, scope).const;
        if (typeof known === 'boolean') return this.eval(known ? e.body : e.orelse, scope);
        return combine([this.eval(e.body, scope), this.eval(e.orelse, scope)]);
      }
      case 'const':
        return e.value === 'True' ? { const: true } : e.value === 'False' ? { const: false } : {};
      case 'seq': {
        // `(train, *others)`: a starred tuple of known items spreads them.
        const items = e.items.flatMap((i) => {
          const v = this.eval(i, scope);
          return i.k === 'star' && !i.double && v.items?.length ? v.items : [v];
        });
        const v = combine(items, { items, elems: items });
        if (e.items.length === 0) v.container = { scores: [], line: e.line };
        return v;
      }
      case 'dict': {
        e.keys.forEach((k) => k && this.eval(k, scope));
        const keys = e.keys.map((k) => (k?.k === 'str' ? k.value : undefined));
        const values = e.values.map((x, i) => keyedPart(this, keys[i], this.eval(x, scope), x));
        const v: Val = { elems: values, keys, literal: e };
        if (e.values.length === 0) v.container = { scores: [], line: e.line };
        // `{"rmse": rmse(holdout, fc)}`: a prediction-derived value kept under a metric's key is a score.
        // (So is an off-policy estimate of the logged test rounds, `{"snips": snips(target, a_te, r_te, p_te)}`.)
        const keyed = values.findIndex(
          (x, i) =>
            !x.score &&
            ((x.pred && x.part !== undefined && x.part !== 'train' && isMetricKey(keys[i] ?? '')) ||
              (POLICY_VALUE.test(keys[i] ?? '') && (x.part === 'test' || handsTestRows(e.values[i]!))) ||
              // `{"val_acc": val_acc, "test_acc": test_acc}` in a sweep's records: the key says which rows were scored.
              (x.const === undefined && !x.data && isMetricKey(keys[i] ?? '') && partFromName(keys[i] ?? '') === 'test' && values.some((o, j) => j !== i && partFromName(keys[j] ?? '') === 'val'))),
        );
        // A record of several scores (`{"cv_auc": ..., "test_auc": ...}`) is judged by its test score when it has one.
        const at = [values.findIndex((x) => x.score?.part === 'test'), values.findIndex((x) => x.score)].find((i) => i >= 0);
        const score = at !== undefined ? values[at]!.score! : keyed >= 0 ? { part: values[keyed]!.part ?? 'test', line: e.values[keyed]!.line, metric: keys[keyed]!, file: this.path } : undefined;
        const scoreKeys = keys.filter((k, i): k is string => k !== undefined && (values[i]!.score !== undefined || isMetricKey(k)));
        if (score) v.score = scoreKeys.length === 0 || keys.some((k) => k === undefined) ? score : { ...score, keys: scoreKeys };
        // `{"text": paraphrase, "label": y}`: a record holding an augmented sample is an augmented row.
        const copy = values.find((x) => x.augmented && x.data);
        if (copy) Object.assign(v, { data: true, augmented: copy.augmented, ...(copy.origins ? { origins: copy.origins } : {}) });
        return v;
      }
      case 'comp': {
        const keyed = keyedComprehension(this, e, scope);
        if (keyed) return keyed;
        const sweep = columnSweep(this, e, scope);
        if (sweep) return sweep;
        const each = perItem(this, e, scope);
        if (each) return combine(each, { items: each, elems: each });
        const inner = new Scope(scope);
        const items: string[] = [];
        for (const g of e.gens) {
          const iter = this.eval(g.iter, inner);
          if (iteratesRows(g.iter, iter)) items.push(...targetNames(g.target));
          this.assign(g.target, iterate(iter), inner, undefined);
        }
        for (const c of e.conds) this.eval(c, inner);
        this.itemNames.push(items);
        const before = this.originCounter;
        const elt = this.eval(e.elt, inner);
        this.itemNames.pop();
        // `[f1_score(y_te, p >= t) for t in grid]`: one score per candidate, like a loop that collects them.
        if (elt.score) return { container: { scores: [elt.score], line: e.line } };
        // `[emb[y == c].mean(axis=0) for c in classes]`: a statistic per class, statistics still (but
        // `[np.load(f"{u}.npy").mean(axis=0) for u in ids]`, of a sample read per item, is that sample's feature).
        if (elt.stat && !elt.data) {
          const perSample = (elt.stat.origins?.length ?? 0) > 0 && elt.stat.origins!.every((o) => o > before);
          return perSample ? { data: true, part: elt.stat.part, origins: elt.stat.origins } : { stat: elt.stat };
        }
        return derive(elt);
      }
      case 'star':
        return this.eval(e.value, scope);
      case 'yield':
        this.yields[this.yields.length - 1]?.push(e.value ? this.eval(e.value, scope) : {});
        return {};
      case 'lambda':
        // `lambda x: torch.flip(x, dims=[2])`: a function like any other, returning its body.
        return { fn: { def: lambdaDef(e), ctx: this.ctx, closure: scope === this.ctx.scope ? undefined : scope } };
      case 'str':
        // `f"accuracy {accuracy_score(y_te, p):.3f}"`: what is interpolated runs (metrics are computed there).
        return e.fstring ? this.fstring(e, scope) : { const: e.value };
      default:
        return {};
    }
  }

  /** Arithmetic with a statistic of the rows (`(x - x.mean()) / x.std()`) bakes the statistic in. */
  /** `f"{name}.parquet"` with `name` known: the string it makes (a path that names its part, say). */
  private fstring(e: Extract<Expr, { k: 'str' }>, scope: Scope): Val {
    const vals = (e.parts ?? []).map((p) => this.eval(p, scope).const);
    const pieces = e.value.split('{…}');
    if (vals.length !== pieces.length - 1 || !vals.every((v) => typeof v === 'string' || typeof v === 'number')) return {};
    return { const: pieces.map((piece, i) => piece + (i < vals.length ? String(vals[i]) : '')).join('') };
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

  /** Whether a call's argument is one item of the rows being iterated (`features(p)` in `for p in df["path"]`). */
  isItemArgument(e: Expr): boolean {
    if (e.k === 'name') return this.itemNames.some((names) => names.includes(e.id));
    // `f"{wav_dir}/{rec}.wav"`, `row.path`, `paths[i]`, `Path(root) / row.path`, `os.path.join(root, row.path)`: made from an item.
    if (e.k !== 'str' && e.k !== 'attr' && e.k !== 'sub' && e.k !== 'binop' && e.k !== 'call') return false;
    const text = this.src(e);
    return this.itemNames.some((names) => names.some((n) => new RegExp(`\\b${n}\\b`).test(text)));
  }

  /** Inside a function called on one item of iterated rows (or a function it calls). */
  inPerItemCall(): boolean {
    return this.frames.some((f) => f.perItem);
  }

  /** Runs a helper with argument values bound to its parameters; returns what it returns. */
  callFunction(fn: FunctionValue, givenArgs: Val[], givenKwargs: Map<string, Val>, fromCall = true, perItem = false): Val {
    const allArgs = fn.bound ? [...fn.bound.args, ...givenArgs] : givenArgs;
    const kwargs = fn.bound ? new Map([...fn.bound.kwargs, ...givenKwargs]) : givenKwargs;
    const args = allArgs.some((a) => a.spread) ? allArgs.filter((a) => !a.spread) : allArgs;
    if (this.depth >= MAX_CALL_DEPTH) return combine(args);
    this.inlined.add(fn.def);
    const caller = this.ctx;
    const callStmt = this.stmt;
    const ctx = fn.ctx ?? caller;
    this.ctx = ctx;
    const scope = new Scope(fn.closure ?? ctx.scope);
    const params = [...fn.def.params];
    if (fn.self && params[0]) {
      scope.set(params[0].name, fn.self);
      params.shift();
    }
    params.forEach((p, i) => {
      if (p.star === 'args') {
        // `def standardize(train, *others)`: the remaining positional arguments, a tuple.
        const rest = args.slice(i);
        scope.set(p.name, combine(rest, { items: rest, elems: rest }));
        return;
      }
      if (p.star === 'kwargs') {
        scope.set(p.name, { keys: [...kwargs.keys()], elems: [...kwargs.values()] });
        return;
      }
      const v = args[i] ?? kwargs.get(p.name) ?? (p.default ? this.eval(p.default, scope) : this.guess(p.name));
      scope.set(p.name, v);
    });
    let frame: CallFrame | undefined;
    if (fromCall && callStmt) {
      const origins = new Set<number>();
      const untracedParts = new Set<Part>();
      const note = (v: Val) => {
        if (v.origins) for (const o of v.origins) origins.add(o);
        if (v.items) for (const x of v.items) if (x.origins) for (const o of x.origins) origins.add(o);
        if (v.data && !v.origins?.length && (v.part === 'test' || v.part === 'val')) untracedParts.add(v.part);
      };
      args.forEach(note);
      kwargs.forEach(note);
      if (fn.self) note(fn.self);
      const handsOver = args.length > 0 || kwargs.size > 0 || fn.self !== undefined;
      frame = { path: caller.path, line: callStmt.line, endLine: callStmt.endLine, text: () => caller.text.slice(callStmt.start, callStmt.end), origins, untracedParts, handsOver, ...(perItem ? { perItem } : {}) };
      this.frames.push(frame);
    }
    this.depth += 1;
    this.methods.push(fn);
    this.returns.push([]);
    this.yields.push([]);
    const savedLoops = this.loops.splice(0);
    // (Judged in the caller's text: the loops are statements of its file.)
    this.callerLoops.push({ any: savedLoops.length > 0, trains: savedLoops.some((l) => TRAINING_STEP.test(caller.text.slice(l.stmt.start, l.stmt.end))) });
    try {
      this.execBlock(fn.def.body, scope);
    } finally {
      this.callerLoops.pop();
      this.loops.push(...savedLoops);
      this.depth -= 1;
      this.methods.pop();
      if (fromCall && callStmt) this.frames.pop();
      this.ctx = caller;
    }
    const yielded = this.yields.pop() ?? [];
    const rets = this.returns.pop() ?? [];
    // A generator: iterating its call gives what it yields (a tuple is unpacked by the loop's targets).
    if (yielded.length > 0) {
      const step = yielded[yielded.length - 1]!;
      return step.items ? { iterItems: step.items } : { elems: [step] };
    }
    if (frame) for (const r of rets) noteStatisticCall(r, frame, ctx.path);
    if (rets.length === 0) return {};
    const last = rets[rets.length - 1]!;
    return rets.length === 1 ? last : { ...combine(rets), items: last.items, est: last.est, fn: last.fn };
  }

  /** Creates an instance of a class of the review, running `__init__` (or binding dataclass fields, then `__post_init__`). */
  instantiate(cls: ClassRef, allArgs: Val[], kwargs: Map<string, Val>, deep: boolean): Val {
    const args = allArgs.filter((a) => !a.spread);
    const self: Val = { instanceOf: cls.def.name, cls, attrs: new Map() };
    this.instances.set(cls.def, self);
    if (deep) self.est = { cls: cls.def.name, line: cls.def.line, endLine: cls.def.line, kind: 'model', call: { line: cls.def.line, endLine: cls.def.line, start: cls.def.start, end: cls.def.start, k: 'name', id: cls.def.name }, inner: [], deep: true };
    else {
      const transformer = projectTransformer(cls);
      if (transformer) self.est = { ...transformer, inner: [] };
    }
    const init = this.method(self, '__init__');
    if (init) {
      this.callFunction(init, args, kwargs);
      return self;
    }
    // Dataclass-style: annotated fields in order, then `__post_init__`.
    const fields = cls.def.body.filter((s): s is Extract<Stmt, { k: 'assign' }> => s.k === 'assign' && s.targets.length === 1 && s.targets[0]?.k === 'name');
    const saved = this.ctx;
    this.ctx = cls.ctx;
    try {
      fields.forEach((f, i) => {
        const name = (f.targets[0] as Extract<Expr, { k: 'name' }>).id;
        const v = args[i] ?? kwargs.get(name) ?? (f.value ? this.eval(f.value, cls.ctx.scope) : undefined);
        if (v) self.attrs!.set(name, v);
      });
    } finally {
      this.ctx = saved;
    }
    const post = this.method(self, '__post_init__');
    if (post) this.callFunction(post, [], new Map());
    return self;
  }

  /** A method of the instance's class, or inherited from a base class of the review (`class Ridge(DemandModel)`). */
  method(self: Val, name: string, cls: ClassRef | undefined = self.cls, depth = 0): FunctionValue | undefined {
    if (!cls || depth > 4) return undefined;
    const def = cls.def.body.find((s): s is DefStmt => s.k === 'def' && s.name === name);
    if (!def) {
      for (const base of this.baseClasses(cls)) {
        const found = this.method(self, name, base, depth + 1);
        if (found) return found;
      }
      return undefined;
    }
    // A @staticmethod takes no instance: its first parameter is the first argument.
    const isStatic = def.decorators.some((d) => d.k === 'name' && d.id === 'staticmethod');
    return isStatic ? { def, ctx: cls.ctx, owner: cls } : { def, self, ctx: cls.ctx, owner: cls };
  }

  /** Whether a method of this class is running now (its own calls to fit/transform are part of one outer call). */
  insideClass(cls: ClassRef | undefined): boolean {
    return cls !== undefined && this.methods.some((m) => m.owner?.def === cls.def);
  }

  /** The name of the function or method running now (`forward` while a network's layers are applied). */
  runningFunction(): string | undefined {
    return this.methods[this.methods.length - 1]?.def.name;
  }

  /** `super()` in the running method: its instance and defining class. */
  superOf(): Val {
    const fn = this.methods[this.methods.length - 1];
    return fn?.self && fn.owner ? { superOf: { self: fn.self, cls: fn.owner } } : {};
  }

  /** Base classes defined in the review (by name, or `module.Class`), seen from the class's own file. */
  baseClasses(cls: ClassRef): ClassRef[] {
    return cls.def.bases.flatMap((b) => {
      const v = b.k === 'name' ? cls.ctx.scope.get(b.id) : undefined;
      return v?.cls && v.cls !== cls ? [v.cls] : [];
    });
  }

  /** Whether a class of the review is a network (a torch / Keras / Lightning subclass). */
  isDeepClass(cls: ClassRef): boolean {
    return cls.def.bases.some((b) => /Module|Model|LightningModule|Layer/.test(cls.ctx.text.slice(b.start, b.end)));
  }

  /** Values never assigned in the file (parameters, globals from elsewhere), known by their name. */
  guess(name: string): Val {
    const v = guessFromName(name);
    if (v.data) {
      v.origins = [this.nextOrigin()];
      if (isDevName(name)) v.dev = true;
    }
    return v;
  }

  /**
   * Functions and methods no call reached: analysed once with parameters known by name only. The
   * methods of a class share one instance, set up by `__init__` first, so `self.x` set there is seen.
   */
  private runUncalled(body: readonly Stmt[], scope: Scope, cls: ClassStmt | undefined, self?: Val): void {
    for (const s of body) {
      if (s.k === 'def' && !this.inlined.has(s)) {
        this.callFunction({ def: s, self, ctx: this.entry }, [], new Map(), false);
        this.runUncalled(s.body, scope, undefined);
      } else if (s.k === 'class') {
        const shared: Val = this.instances.get(s) ?? { instanceOf: s.name, cls: { def: s, ctx: this.entry }, attrs: new Map() };
        const ordered = [...s.body].sort((a, b) => rank(a) - rank(b));
        this.runUncalled(ordered, scope, s, shared);
      } else if (s.k === 'if' || s.k === 'try' || s.k === 'with') {
        for (const b of s.k === 'try' ? [s.body, ...s.handlers] : [s.body]) this.runUncalled(b, scope, cls, self);
      }
    }
  }

}

/** Class members in the order the shared instance needs them: set-up first. */
function rank(s: Stmt): number {
  if (s.k !== 'def') return 2;
  return s.name === '__init__' ? 0 : s.name === '__post_init__' ? 1 : 2;
}

/** The `.sample(...)` call of a row selection, if any (`df.sample(frac=.8)`, `df.groupby(y).sample(...)`). */
function sampleCall(e: Expr): Extract<Expr, { k: 'call' }> | undefined {
  if (e.k === 'call' && e.fn.k === 'attr') return e.fn.attr === 'sample' ? e : sampleCall(e.fn.obj);
  if (e.k === 'attr' || e.k === 'sub') return sampleCall(e.obj);
  return undefined;
}

/** Values never assigned in the file (parameters, globals from elsewhere), known by their name. */
export function guessFromName(name: string): Val {
  if (/size|ratio|frac|pct|percent|split|^n_|_n$|num|count|len|idx|index|score|acc|loss|metric|result|path|file|dir|url|step|epoch|batch_size|mode|flag|param|kwarg|_fn$|func|config|cfg|args|time/i.test(name)) return {};
  const part = partFromName(name);
  if (part) return { data: true, part };
  if (/^(x|y|X|df|data|dataset|features|labels|target|loader|inputs)$/.test(name)) return { data: true };
  return {};
}

const BTYD_CODE = /\bfrom lifetimes\b|\bimport lifetimes\b|\b(BetaGeoFitter|ParetoNBDFitter|GammaGammaFitter|calibration_and_holdout_data|summary_data_from_transaction_data)\b/;

const lambdaDefs = new WeakMap<object, DefStmt>();

/** The def a lambda stands for (one per lambda node, so helpers run once are recognised as such). */
function lambdaDef(e: Extract<Expr, { k: 'lambda' }>): DefStmt {
  let def = lambdaDefs.get(e);
  if (!def) {
    const span = { line: e.line, endLine: e.endLine, start: e.start, end: e.end };
    def = { ...span, k: 'def', name: '<lambda>', params: e.params, body: [{ ...span, k: 'return', value: e.body }], decorators: [] };
    lambdaDefs.set(e, def);
  }
  return def;
}

type BoolOp = Extract<Expr, { k: 'boolop' }>;

/** The operands of nested `and`/`or` conditions, flattened. */
function operandsOf(e: BoolOp): Expr[] {
  return e.items.flatMap((i) => (i.k === 'boolop' ? operandsOf(i) : [i]));
}

function comparisonsIn(e: BoolOp): Extract<Expr, { k: 'compare' }>[] {
  return operandsOf(e).filter((i): i is Extract<Expr, { k: 'compare' }> => i.k === 'compare');
}

/** Iterating rows, one sample at a time: data, a column (`df["path"]`), or a list of files (`wav_paths`). */
function iteratesRows(e: Expr, v: Val): boolean {
  if (v.data) return true;
  if (e.k === 'sub' && e.index.length === 1 && e.index[0]!.k === 'str') return true;
  // `meta.recording`, `enumerate(meta.recording)`, `tqdm(paths)`: a column, or the rows wrapped.
  if (e.k === 'attr' && e.obj.k === 'name' && !/^(self|cls)$/.test(e.obj.id)) return true;
  if (e.k === 'call' && e.fn.k === 'name' && /^(enumerate|zip|tqdm|sorted|list|tuple)$/.test(e.fn.id)) return e.args.some((a) => iteratesRows(a, {}));
  return e.k === 'name' && /(paths|files|filenames|fnames|clips|wavs|images|utterances|recordings)$/i.test(e.id);
}

/** A statistic a helper computed from rows its caller handed in is cited at that call (see `stat.via`). */
function noteStatisticCall(v: Val, frame: CallFrame, helperPath: string): void {
  for (const x of [v, ...(v.items ?? []), ...(v.elems ?? [])]) {
    const stat = x.stat;
    if (!stat || stat.via || (stat.file ?? helperPath) !== helperPath || !stat.origins?.some((o) => frame.origins.has(o))) continue;
    x.stat = { ...stat, file: stat.file ?? helperPath, via: { file: frame.path, line: frame.line, endLine: frame.endLine, text: frame.text() } };
  }
}

/** `snips(target, a_te, r_te, p_te)`: a call handed arrays named for the test part. */
function handsTestRows(e: Expr): boolean {
  return e.k === 'call' && e.args.some((a) => a.k === 'name' && partFromName(a.id) === 'test');
}

/**
 * `[c for c in df.columns if c not in target_cols + ["id"]]` (or `c != "target"`): every column but some, all
 * of which are then inputs. Only the names left out are known; undefined when they are not all literal.
 */
function columnSweep(it: Interpreter, e: Extract<Expr, { k: 'comp' }>, scope: Scope): Val | undefined {
  const gen = e.gens[0];
  if (e.gens.length !== 1 || !gen || gen.target.k !== 'name' || gen.iter.k !== 'attr' || gen.iter.attr !== 'columns' || e.elt.k !== 'name' || e.elt.id !== gen.target.id || e.conds.length === 0) return undefined;
  const loopVar = gen.target.id;
  const dropped: string[] = [];
  for (const c of e.conds) {
    if (c.k !== 'compare' || c.ops.length !== 1 || c.items[0]?.k !== 'name' || c.items[0].id !== loopVar) return undefined;
    const names = c.ops[0] === '!=' && c.items[1]?.k === 'str' ? [c.items[1].value] : c.ops[0] === 'not in' ? literalNames(it, c.items[1], scope) : undefined;
    if (!names) return undefined;
    dropped.push(...names);
  }
  it.eval(gen.iter, scope);
  return { sweep: dropped };
}

/** Strings written in a list, a name bound to one, or a sum of such lists. */
function literalNames(it: Interpreter, e: Expr | undefined, scope: Scope): string[] | undefined {
  if (!e) return undefined;
  if (e.k === 'binop' && e.op === '+') {
    const [a, b] = [literalNames(it, e.left, scope), literalNames(it, e.right, scope)];
    return a && b ? [...a, ...b] : undefined;
  }
  if (e.k === 'seq' || e.k === 'str') return columnNames(e, undefined);
  if (e.k === 'name') return columnNames(undefined, scope.get(e.id));
  return undefined;
}
