// Splits and cross-validation: train_test_split, splitter objects and their .split(), random_split,
// Hugging Face Dataset.train_test_split and cross_val_* functions. Each records where the rows were cut,
// reports what was learned from all of them before the cut, and checks shuffling against time order.
import type { Expr } from '../python/ast.js';
import { isConst, kwarg } from '../python/ast.js';
import type { Interpreter } from './interpreter.js';
import { noteFitUse, recordTestFit } from './fitting.js';
import { ALWAYS_RANDOM_SPLITTERS, isClassifierName, isDevName, partFromName, type Part } from './knowledge.js';
import { keptStatistic, withinGroups } from './row-sources.js';
import { derive, type Val } from './values.js';

type Call = Extract<Expr, { k: 'call' }>;

/** `cfg.get("shuffle", True)`: a setting read with a default is judged by that default (the config may not say). */
function orDefault(e: Expr | undefined): Expr | undefined {
  if (e?.k === 'call' && e.fn.k === 'attr' && e.fn.attr === 'get' && e.args.length === 2 && e.args[0]?.k === 'str') return e.args[1];
  return e;
}

/** A keyword given directly or spread from a dict literal (`KFold(**CFG["cv"])`). */
function setting(call: Call, args: Val[], name: string): Expr | undefined {
  const direct = kwarg(call, name);
  if (direct) return direct;
  for (const [i, a] of call.args.entries()) {
    const literal = a.k === 'star' && a.double ? args[i]?.literal : undefined;
    if (literal?.k !== 'dict') continue;
    const at = literal.keys.findIndex((k) => k?.k === 'str' && k.value === name);
    if (at >= 0) return literal.values[at];
  }
  return undefined;
}

/** Splitters that keep each group's rows on one side, given the groups. */
function keepsGroupsWhole(cls: string, groups: Expr | undefined): boolean {
  return groups !== undefined && /^(GroupKFold|GroupShuffleSplit|StratifiedGroupKFold|LeaveOneGroupOut|LeavePGroupsOut)$/.test(cls);
}

/** `df["clicked"]` → `clicked`; `y`, assigned `y = enc["readmit_30d"].astype(int)` in the file → `readmit_30d`. */
function columnOf(it: Interpreter, e: Expr | undefined): string | undefined {
  if (e?.k === 'sub' && e.index[0]?.k === 'str') return e.index[0].value;
  if (e?.k !== 'name') return undefined;
  return new RegExp(`(?:^|\\n)[ \\t]*${e.id}[ \\t]*=[ \\t]*[\\w.]+\\[[ \\t]*["']([^"'\\n]+)["'][ \\t]*\\]`).exec(it.text)?.[1];
}

export function splitter(it: Interpreter, call: Call, name: string, args: Val[], kwargs: Map<string, Val> = new Map()): Val {
  const shuffle = orDefault(setting(call, args, 'shuffle'));
  // `KFold(shuffle=cv_cfg["shuffle"])` with `shuffle: true` in the settings file.
  const shuffled = ALWAYS_RANDOM_SPLITTERS.has(name) || isConst(shuffle, 'True') || kwargs.get('shuffle')?.const === true;
  const rs = setting(call, args, 'random_state');
  // `KFold(**cfg["cv"]["params"])` with `random_state: 2024` in the settings file.
  const spreadSeed = kwargs.get('random_state');
  const seeded = (rs !== undefined && !isConst(rs, 'None')) || (rs === undefined && spreadSeed !== undefined && spreadSeed.const !== undefined);
  if (shuffled && !seeded) it.facts.unseededSplitters.push({ line: call.line, cls: name });
  return { splitter: { cls: name, line: call.line, file: it.path, shuffled, seeded } };
}

export function split(it: Interpreter, call: Call, args: Val[], kwargs: Map<string, Val>): Val {
  const arrays = call.args.map((a, i) => (a.k === 'star' ? undefined : (args[i] ?? {}))).filter((v): v is Val => v !== undefined);
  const shuffleArg = orDefault(kwarg(call, 'shuffle'));
  // `shuffle=cfg["split"]["shuffle"]` with `shuffle: false` in the settings file.
  const shuffled = !isConst(shuffleArg, 'False') && kwargs.get('shuffle')?.const !== false;
  const rs = kwarg(call, 'random_state');
  const seeded = rs !== undefined && !isConst(rs, 'None');
  const strat = kwarg(call, 'stratify');
  // (Stratifying is good practice on any classification data: no sign by itself that the classes are imbalanced.)
  const stratified = strat !== undefined && !isConst(strat, 'None');
  const id = it.nextSplitId(call.line);
  const timed = arrays.find((a) => a.time);
  it.facts.splits.push({ id, line: call.line, endLine: call.endLine, fn: 'train_test_split', shuffled, seeded, stratified, usedBy: new Set(), timeOrdered: timed !== undefined });
  const names = it.targets;
  const sinkText = it.stmt ? it.src(it.stmt) : it.src(call);
  arrays.forEach((a, i) => it.reportLeak(a, { line: call.line, kind: 'split', trainName: names[2 * i], testName: names[2 * i + 1], sinkText }));
  for (const a of arrays) if (a.splitAt === undefined) a.splitAt = call.line;
  if (timed?.time && shuffled) {
    it.facts.timeSplits.push({ line: call.line, endLine: call.endLine, evidence: timed.time, how: '`train_test_split` shuffles rows by default' });
  }
  const items: Val[] = [];
  arrays.forEach((a, i) => {
    if (a.positions) {
      // `train_idx, test_idx = train_test_split(np.arange(n))`: each part's row positions, not rows.
      const [trainSide, testSide]: [Part, Part] = a.indexPart === 'test' ? ['val', 'test'] : a.indexPart === 'train' ? ['train', 'val'] : ['train', 'test'];
      const named = (n: string | undefined, side: Part) => {
        const p = n ? partFromName(n) : undefined;
        return p && p !== 'full' && !(a.indexPart === 'train' && p === 'test') ? p : side;
      };
      items.push({ positions: true, indexPart: named(names[2 * i], trainSide), splitIds: [...(a.splitIds ?? []), id] });
      items.push({ positions: true, indexPart: named(names[2 * i + 1], testSide), splitIds: [...(a.splitIds ?? []), id] });
      return;
    }
    // Rows split off training/development rows are validation rows whatever they are named
    // (`fit_x, test_like_x = train_test_split(dev_x)`): the dataflow outranks the name. Rows of a labelled
    // `train.csv` are all the labelled rows there are, not a part cut before: their split has a test side.
    const fromDev = (a.part === 'train' && !a.filePart) || (a.part === 'val' && a.dev === true);
    const [trainSide, testSide]: [Part, Part] = a.part === 'test' ? ['val', 'test'] : fromDev ? ['train', 'val'] : ['train', 'test'];
    const n1 = names[2 * i];
    const n2 = names[2 * i + 1];
    const p1 = (n1 && partFromName(n1)) || trainSide;
    const named2 = n2 ? partFromName(n2) : undefined;
    const p2 = (fromDev && named2 === 'test' ? testSide : named2) || testSide;
    const dev = (n: string | undefined) => (n && isDevName(n) ? { dev: true } : {});
    items.push(derive(a, { data: true, part: p1 === 'full' ? trainSide : p1, splitIds: [...(a.splitIds ?? []), id], ...dev(n1) }));
    items.push(derive(a, { data: true, part: p2 === 'full' || p2 === 'train' ? testSide : p2, splitIds: [...(a.splitIds ?? []), id], ...dev(n2) }));
  });
  return { items };
}

/** Hugging Face `Dataset.train_test_split`: shuffles by default and is seeded with `seed=` (or a generator). */
export function datasetSplit(it: Interpreter, call: Call, rows: Val): Val {
  const shuffled = !isConst(kwarg(call, 'shuffle'), 'False');
  const seed = kwarg(call, 'seed') ?? kwarg(call, 'generator');
  const seeded = seed !== undefined && !isConst(seed, 'None');
  const strat = kwarg(call, 'stratify_by_column');
  const stratified = strat !== undefined && !isConst(strat, 'None');
  const id = it.nextSplitId(call.line);
  it.facts.splits.push({ id, line: call.line, endLine: call.endLine, fn: 'Dataset.train_test_split', shuffled, seeded, stratified, usedBy: new Set(), timeOrdered: rows.time !== undefined });
  it.reportLeak(rows, { line: call.line, kind: 'split', sinkText: it.stmt ? it.src(it.stmt) : undefined });
  if (rows.splitAt === undefined) rows.splitAt = call.line;
  if (rows.time && shuffled) {
    it.facts.timeSplits.push({ line: call.line, endLine: call.endLine, evidence: rows.time, how: '`Dataset.train_test_split` shuffles rows by default' });
  }
  const fromDev = rows.part === 'train' || (rows.part === 'val' && rows.dev === true);
  const sides: [Part, Part] = rows.part === 'test' ? ['val', 'test'] : fromDev ? ['train', 'val'] : ['train', 'test'];
  return derive(rows, { data: true, splitDict: { id, train: sides[0], test: sides[1] } });
}

export function crossValidate(it: Interpreter, call: Call, name: string, args: Val[], kwargs: Map<string, Val>): Val {
  const est = args[0]?.est;
  const X = args[1] ?? kwargs.get('X');
  it.facts.cvLines.push(call.line);
  it.reportLeak(X, { line: call.line, kind: 'cv', sinkText: it.stmt ? it.src(it.stmt) : undefined });
  // `cross_val_predict(clf, X_test, y_test)`: every fold's model is fitted on test rows and their labels.
  const y = args[2] ?? kwargs.get('y');
  if (X?.part === 'test' && y?.data && !X.pred && !X.prob) {
    const dataText = call.args[1] ? it.src(call.args[1]) : 'X';
    recordTestFit(it, X, { line: call.line, endLine: call.endLine, cls: est?.cls ?? name, method: name, part: 'test', dataText, estText: call.args[0] ? it.src(call.args[0]) : name });
  }
  const cv = kwargs.get('cv');
  // (Folds that keep groups whole, `cross_val_score(..., cv=StratifiedGroupKFold(...), groups=subject)`, hold out whole
  // subjects or recordings: their time order stays inside each group.)
  const byGroup = cv?.splitter !== undefined && keepsGroupsWhole(cv.splitter.cls, kwarg(call, 'groups'));
  if (X?.time && cv?.splitter?.shuffled && !byGroup) {
    it.facts.timeSplits.push({ line: call.line, endLine: call.endLine, evidence: X.time, how: `\`${cv.splitter.cls}\` shuffles rows across time` });
  }
  const scoring = kwarg(call, 'scoring');
  let metric = 'default';
  if (scoring?.k === 'str') metric = scoring.value;
  else if (scoring) metric = 'custom';
  else if (est && isClassifierName(est.cls)) metric = 'accuracy';
  if (name !== 'cross_val_predict' && metric !== 'default') {
    it.facts.evals.push({ line: call.line, part: undefined, metric, kind: metric === 'accuracy' ? 'accuracy' : 'other' });
  }
  if (est) noteFitUse(it, est, X);
  return name === 'cross_val_predict' ? derive(X, { pred: true, part: undefined }) : { score: { part: undefined, line: call.line, metric } };
}

/**
 * A Dataset class of the review that reads timestamps and serves windows cut from one series
 * (`self.frames[t:t + N_IN]`): its items overlap in time, so a random split mixes past and future.
 */
function windowsOverTime(ds: Val | undefined): Val['time'] {
  const cls = ds?.instanceOf ? ds.cls : undefined;
  if (!cls) return undefined;
  const text = cls.ctx.text.slice(cls.def.start, cls.def.end);
  const timestamps = /to_datetime|datetime64|timestamps?\b|\.diff\(/.exec(text);
  const window = /\[\s*(\w+)\s*:\s*\1\s*\+\s*[\w.]+/.test(text);
  if (!timestamps || !window) return undefined;
  const line = cls.def.line + text.slice(0, timestamps.index).split('\n').length - 1;
  return { line, what: `windows cut from one time series by \`${cls.def.name}\` (timestamps at line ${line})`, file: cls.ctx.path };
}

/** `random_split(ds, [0.8, 0.2])`: parts by the targets' names or by position; statistics the dataset kept leak across it. */
export function randomSplit(it: Interpreter, call: Call, args: Val[]): Val {
  const id = it.nextSplitId(call.line);
  const seeded = kwarg(call, 'generator') !== undefined;
  const ds = args[0];
  const names = it.targets;
  // Parts by the targets' names where they say, else by position: [train, (val,) test], or the
  // validation and test halves of a test set, or training and validation parts of a training set.
  const count = Math.max(2, Math.min(3, names.length || (call.args[1]?.k === 'seq' ? call.args[1].items.length : 2)));
  const positional: Part[] = ds?.part === 'test' ? ['val', 'test'] : ds?.part === 'train' ? ['train', 'val'] : count === 3 ? ['train', 'val', 'test'] : ['train', 'test'];
  const parts = positional.map((p, i) => (names[i] && partFromName(names[i]!)) || p);
  // A Dataset object built over time-ordered rows (windows of one series) keeps them in its attributes.
  const time = ds?.time ?? [...(ds?.attrs?.values() ?? [])].find((v) => v.time)?.time ?? windowsOverTime(ds);
  it.facts.splits.push({ id, line: call.line, endLine: call.endLine, fn: 'random_split', shuffled: true, seeded, stratified: true, usedBy: new Set(), timeOrdered: time !== undefined });
  if (time) it.facts.timeSplits.push({ line: call.line, endLine: call.endLine, evidence: time, how: '`random_split` draws its parts at random across time' });
  // Rows normalised with statistics of the whole tensor before it was wrapped and split.
  const leaky = ds?.leaks ? ds : [...(ds?.attrs?.values() ?? [])].find((v) => v.leaks);
  const sink = { line: call.line, kind: 'split' as const, trainName: names[0], testName: names[names.length - 1], sinkText: it.stmt ? it.src(it.stmt) : it.src(call) };
  if (leaky) it.reportLeak(leaky, sink);
  else {
    const kept = keptStatistic(ds);
    if (kept) it.reportLeak(ds, sink, [kept]);
  }
  return { items: parts.map((part) => derive(ds, { data: true, part, splitIds: [id] })) };
}

/** `splitter.split(X, y, groups=...)`: a CV sink (or one train/validation cut with next()), a time-series check, group-aware leaks. */
export function splitterSplit(it: Interpreter, call: Call, receiver: Val, args: Val[], kwargs: Map<string, Val>): Val {
  const cut = receiver.splitter!;
  const X = args[0];
  it.facts.cvLines.push(call.line);
  const byGroup = keepsGroupsWhole(cut.cls, call.args[2] ?? kwarg(call, 'groups'));
  const label = columnOf(it, call.args[1] ?? kwarg(call, 'y')) ?? (args[1] ?? kwargs.get('y'))?.column;
  it.reportLeak(X, { line: call.line, kind: 'cv', sinkText: it.stmt ? it.src(it.stmt) : undefined }, byGroup ? X?.leaks?.filter((l) => !withinGroups(l, label)) : undefined);
  if (X?.time && cut.shuffled && !byGroup) {
    const elsewhere = cut.file !== undefined && cut.file !== it.path;
    const built = elsewhere ? [{ file: cut.file!, line: cut.line }] : [];
    // Where the splitter was built (with its shuffle=True) is a site of the same finding.
    it.facts.timeSplits.push({ line: call.line, endLine: call.endLine, evidence: X.time, how: `\`${cut.cls}\` shuffles rows across time`, elsewhere: built, sites: elsewhere || cut.line === call.line ? [] : [cut.line] });
  }
  // The held-out fold of a CV splitter is a validation fold: early stopping or choices made on it are CV, not test-set selection.
  // `split(np.zeros(len(y)), y[dev], groups)`: placeholder features; the labels show which rows are split.
  const rows = X?.data || !args[1]?.data ? X : args[1];
  const fromDev = rows?.part === 'train' || (rows?.part === 'val' && rows.dev === true);
  const once: [Part, Part] = rows?.part === 'test' ? ['val', 'test'] : fromDev ? ['train', 'val'] : ['train', 'test'];
  const groups = byGroup ? { byGroups: { label } } : {};
  return { iterItems: [{ indexPart: 'train', fold: true, ...groups }, { indexPart: 'val', fold: true, heldOutFold: true, ...groups }], firstSplit: once.map((indexPart) => ({ indexPart, ...groups })) };
}
