// Where rows come from and what was learned from them before a split: statistics merged or kept
// alongside the rows, rows drawn again with replacement, rows picked with one part's indices, and the
// part a file name announces.
import type { Expr } from '../python/ast.js';
import { walkExpr } from '../python/ast.js';
import { citeLeak, citeStatistic } from './fitting.js';
import type { Interpreter } from './interpreter.js';
import { isDevName, partFromName, type Part } from './knowledge.js';
import { addLeak, wholeRows, type Leak, type Val } from './values.js';

type Call = Extract<Expr, { k: 'call' }>;

/**
 * `CXRDataset(x, y, train_idx)`, `Subset(ds, test_idx)`: rows handed over together with the indices of one
 * part are that part's rows, so statistics learned from all of them before are a leak across this split.
 */
export function selectedByPartIndex(it: Interpreter, call: Call, vals: Val[]): void {
  const index = vals.find((v) => v.indexPart && !v.data);
  if (!index?.indexPart) return;
  for (const rows of vals) reportPartPick(it, rows, index.indexPart, call, index);
}

/**
 * A per-group statistic of a feature (`price / groupby("session")["price"].median()`) before a split that keeps
 * groups whole (by user, say) stays inside one side when sessions belong to users; a per-group statistic of the
 * label (target encoding) does not: it is still learned from the other side's labels.
 */
export function withinGroups(leak: Leak, label: string | undefined): boolean {
  const column = leak.perGroup?.column;
  if (column === undefined) return false;
  return column !== label && !/^(y|class)$|(^|_)(target|label|labels|outcome)(_|s?$)/i.test(column);
}

/**
 * Rows of every part picked by one part's indices (`x[train_idx]`, `Subset(ds, test_idx)`): that pick is
 * where the split happens, so what was learned from all the rows before leaks across it.
 */
export function reportPartPick(it: Interpreter, rows: Val, part: Part, at: Expr, index?: Val, selected?: Leak): void {
  const name = it.targets[0] ?? it.src(at);
  // A fold of a cross-validation written by hand: the rows are cross-validated there.
  const kind = index?.fold ? ('cv' as const) : ('split' as const);
  const sink = { line: it.stmt?.line ?? at.line, kind, ...(part === 'train' ? { trainName: name } : { testName: name }), sinkText: it.stmt ? it.src(it.stmt) : it.src(at) };
  // What was learned from the training part only (`scaler.fit(X[tr])`, then `Xs[te]`) is no leak across this pick.
  const byGroups = index?.byGroups;
  const leaks = rows.leaks?.filter((l) => !l.fromTrainPart && !(byGroups && withinGroups(l, byGroups.label)));
  if (rows.data && leaks?.length && wholeRows(rows)) it.reportLeak(rows, sink, leaks);
  // `train.loc[tr, top_cols]` in the folds, the columns ranked by a model fitted on all of `train`.
  if (selected && rows.data) it.reportLeak(rows, sink, [selected]);
  const kept = keptStatistic(rows);
  if (kept) it.reportLeak(rows, sink, [kept]);
}

/**
 * A Dataset object that keeps a statistic of all its rows (`self.band_mean = self.mels.mean(...)`, applied in
 * `__getitem__`): every part cut from it is normalised with what the other parts contributed.
 */
export function keptStatistic(ds: Val | undefined): Leak | undefined {
  if (!ds?.attrs || ds.data) return undefined;
  const attrs = [...ds.attrs.values()];
  const rows = attrs.filter((v) => v.data && (v.part === undefined || v.part === 'full'));
  const stat = attrs.map((v) => v.stat).find((st) => st && (st.part === undefined || st.part === 'full') && rows.some((r) => st.origins?.some((o) => r.origins?.includes(o))));
  return stat ? { kind: 'preprocess', file: stat.file, line: stat.line, endLine: stat.endLine, what: stat.what, ...(stat.origins ? { origins: stat.origins } : {}) } : undefined;
}

/**
 * `rows.merge(rows.groupby("plan")["churned"].mean().reset_index(), on="plan")`: a statistic of all the
 * rows joined back onto them is fitted before the split. Only a statistic of the same rows counts: a
 * lookup table aggregated from another source is not a leak.
 */
export function noteMergedStatistic(it: Interpreter, out: Val, rows: Val, others: Val[], at: { file: string; line: number; endLine: number; stmtText?: string }): void {
  const known = rows.origins ?? [];
  for (const o of others) {
    const stat = o.stat;
    if (!stat || stat.pastOnly || (stat.part !== undefined && stat.part !== 'full') || (rows.part !== undefined && rows.part !== 'full')) continue;
    if (!stat.origins?.some((x) => known.includes(x))) continue;
    // Rows a helper was handed: cited at the call that handed them (what to change), the statistic as a site.
    addLeak(out, citeStatistic(it, rows, stat, { kind: 'preprocess', file: at.file, line: stat.line, endLine: at.endLine, what: `merge(${stat.what})`, stmtText: at.stmtText }));
  }
}

/**
 * `np.concatenate([imgs, *augmented_copies])` where the copies were drawn with replacement from those rows
 * (and perhaps jittered): the class balance is topped up by hand before any split.
 */
export function noteRedrawnRows(it: Interpreter, call: Call, name: string, parts: Val[], out: Val): void {
  const [base, ...rest] = parts;
  if (!base?.data || !out.data || /^(hstack|column_stack|merge)$/.test(name) || !wholeRows(base)) return;
  // `pd.concat(parts)` of a list filled group by group, the small groups drawn with replacement to a quota.
  if (parts.length === 1 && base.redrawn !== undefined && call.args[0]?.k === 'name') {
    addLeak(out, citeLeak(it, base, { kind: 'oversample', file: it.path, line: base.redrawn, endLine: base.redrawn, what: `groups drawn with replacement (line ${base.redrawn}) and concatenated at line ${call.line}`, stmtText: it.stmt ? it.src(it.stmt) : undefined, ...(base.origins ? { origins: base.origins } : {}) }));
    return;
  }
  const copies = rest.find((p) => p.redrawn !== undefined && p.data && wholeRows(p) && (!p.origins || !base.origins || p.origins.some((o) => base.origins!.includes(o))));
  if (!copies) return;
  addLeak(out, citeLeak(it, base, { kind: 'oversample', file: it.path, line: call.line, endLine: it.stmt?.endLine ?? call.endLine, what: `rows drawn with replacement (line ${copies.redrawn}) added to \`${it.src(call.args[0]!)}\``, stmtText: it.stmt ? it.src(it.stmt) : undefined, ...(base.origins ? { origins: base.origins } : {}) }));
}

/** The part a file name announces: `"test.csv"`, `work / "test_tickets.parquet"`, `os.path.join(d, "val.csv")`. */
export function partOfPath(path: Expr | undefined): Part | undefined {
  if (!path) return undefined;
  let last: string | undefined;
  walkExpr(path, (e) => {
    if (e.k === 'str' && /\.\w+$|[\\/]/.test(e.value)) last = e.value;
  });
  // `os.path.join(ROOT, "test")`, `root / "val"`: the last component names a folder of one part.
  const tail = path.k === 'call' && /^(join|Path|PurePath)$/.test(path.fn.k === 'attr' ? path.fn.attr : path.fn.k === 'name' ? path.fn.id : '') ? path.args[path.args.length - 1] : path.k === 'binop' && path.op === '/' ? path.right : undefined;
  if (tail?.k === 'str') last = tail.value;
  if (path.k === 'str') last = path.value;
  return last === undefined ? undefined : partOfPathText(last);
}

/** `"data/claims_test.parquet"` → test. */
export function partOfPathText(path: string): Part | undefined {
  const name = path.replace(/^.*[\\/]/, '').replace(/\.\w+$/, '');
  // A "development sample" (dev_sample.parquet) is what a model is built on, not a validation file.
  // A numbered run (`ims_test2_fft_bands`: the second test rig's recording) is an experiment, not a split part.
  if (/(^|[^a-z])(test|train|val|valid)\d{1,2}(?!\d)/i.test(name)) return undefined;
  return isDevName(name) ? undefined : partFromName(name);
}
