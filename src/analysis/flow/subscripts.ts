// Subscripts: rows picked by part (indices, masks, ids, keys, walk-forward windows, shuffled positions),
// entries of keyed dicts and settings, columns of group-bys. A pick of one part's rows is where a split happens.
import type { Expr } from '../python/ast.js';
import type { Interpreter } from './interpreter.js';
import { isLabelColumn, maskOfPart, partFromName, type Part } from './knowledge.js';
import { PART_KEY } from './keyed-parts.js';
import { reportPartPick, withinGroups } from './row-sources.js';
import type { Scope } from './scope.js';
import { settingAt } from './settings.js';
import { addLeak, combine, derive, wholeRows, type Leak, type Val } from './values.js';
import { columnNames, notePickedInputs } from './label-sources.js';
import { checkCurvePick, checkPick } from './selection-checks.js';
import { corpusModelLookup } from './embeddings.js';
import { aliasesOf } from './aliases.js';
import { escapeRegExp } from '../regexp.js';

const TEST_SCORE_KEY = /^(test|testing|holdout)[_/ -]?(acc|accuracy|auc|roc_auc|pr_auc|ap|f1|macro_f1|f1_macro|mae|rmse|mse|r2|loss|precision|recall|map|ndcg|dice|iou|miou|score)$/i;

/** `obj[index]`: an item, a keyed entry or setting, a group-by's column, or rows picked by part. */
export function evalSubscript(it: Interpreter, e: Extract<Expr, { k: 'sub' }>, scope: Scope): Val {
  const obj = it.eval(e.obj, scope);
  const index = e.index.map((i) => it.eval(i, scope));
  // `data["test_mask"]`, `data[f"{split}_mask"]` of a graph: that part's mask.
  const mask = e.index.length === 1 && typeof index[0]?.const === 'string' && !obj.keys ? maskOfPart(index[0].const) : undefined;
  if (mask) return mask;
  // `thresholds[ok[0]]` with `ok = np.where(precision[:-1] >= 0.99)[0]`: a threshold at a point of a test curve.
  const atPoint = index.find((i) => i.curve && !i.data);
  // (Only the curve's thresholds: `tpr[fpr <= 0.1].max()` is a sensitivity at a specificity, a metric.)
  if (obj.curve && atPoint?.curve && /thr|thresh|cut/i.test(it.src(e.obj))) checkCurvePick(it, atPoint.curve, e.line);
  // `np.where(precision >= 0.99)[0]`, `ok[0]`: still positions on that curve.
  if (obj.curve && !obj.data && !obj.score) return { curve: obj.curve };
  const first = e.index[0];
  // `emb[val["clause"].map(index)]` of embeddings computed once for every part's texts: the rows looked up are the
  // validation rows, not all the parts the table was built from.
  const keys = index.length === 1 ? index[0] : undefined;
  if (obj.data && keys?.data && keys.part !== undefined && keys.part !== 'full' && keys.part !== obj.part && keys.origins?.length && keys.origins.every((o) => obj.origins?.includes(o)) && keys.origins.length < (obj.origins?.length ?? 0)) {
    return derive(obj, { part: keys.part, origins: keys.origins });
  }
  // `df["MedHouseVal"].to_numpy()[nbr_idx]`: the label at each row's neighbours.
  if (obj.data && keys?.neighbours) {
    const column = labelNamed(it, e.obj);
    if (column) return derive(obj, { neighbourLabels: { column } });
  }
  if (obj.items && first?.k === 'num') return obj.items[first.value] ?? {};
  // `np.r_[a, b]`, `np.c_[a, b]`: the pieces put together.
  if (obj.qual && /(^|\.)(numpy|np)\.(r_|c_)$/.test(obj.qual)) return combine(index);
  const looked = corpusModelLookup(it, e, obj, index);
  if (looked) return looked;
  if (obj.keys && obj.elems && first?.k === 'str' && obj.keys.includes(first.value)) return obj.elems[obj.keys.indexOf(first.value)] ?? {};
  // `{"lr": lr, **metrics}["test_accuracy"]`: a key not written in the literal comes from what it spreads.
  if (obj.keys && obj.elems && first?.k === 'str' && obj.keys.includes(undefined)) return obj.elems[obj.keys.indexOf(undefined)] ?? {};
  // `pools[cfg["monitor_split"]]`: a key known from settings picks that entry (the settings line is a site).
  const known = index[0]?.const;
  if (obj.keys && obj.elems && typeof known === 'string' && obj.keys.includes(known) && first?.k !== 'str') {
    const entry = obj.elems[obj.keys.indexOf(known)] ?? {};
    return index[0]?.configSite ? { ...entry, configSite: index[0].configSite } : entry;
  }
  if (obj.config && (typeof known === 'string' || typeof known === 'number')) return settingAt(obj.config, known) ?? {};
  // `scores["test_acc"]` of a dict built out of sight (keys made with f-strings, a helper's result): the key says
  // it is a score measured on the test set.
  if (obj.keys && !obj.data && !obj.score && first?.k === 'str' && TEST_SCORE_KEY.test(first.value) && !obj.keys.includes(first.value)) {
    return { score: { part: 'test', line: e.line, metric: first.value, file: it.path } };
  }
  // `df.groupby("session")["price"]`: the column whose per-group statistics follow.
  // `groupby("subject")[feat_cols]`: columns named by a variable are known by its value, or else its name.
  if (obj.grouped) {
    // (A variable named for the label, `groupby(col)[target]` with the name taken from settings, says which column it is.)
    const labelVar = first?.k === 'name' && /^(y|target|label|target_col(umn)?|label_col(umn)?|target_name|label_name)$/i.test(first.id) ? first.id : undefined;
    const column = first?.k === 'str' ? first.value : (labelVar ?? (typeof index[0]?.const === 'string' ? index[0].const : first?.k === 'name' ? first.id : undefined));
    return column !== undefined ? { ...obj, groupColumn: column } : obj;
  }
  // (Or a key known from the settings naming a held-out split, `ds[cfg["eval_split"]]` with `eval_split: test`.)
  const literalPart = first?.k === 'str' && PART_KEY.test(first.value) ? partFromName(first.value) : undefined;
  const knownKey = first?.k !== 'str' && typeof index[0]?.const === 'string' && PART_KEY.test(index[0].const) ? partFromName(index[0].const) : undefined;
  const keyPart = literalPart ?? (knownKey === 'test' || knownKey === 'val' ? knownKey : undefined);
  const selected = index.find((i) => i.selected)?.selected;
  if (selected && !obj.data) return { selected };
  if (selected && (obj.part === 'train' || obj.part === 'test' || obj.part === 'val')) selectedAfterSplit(it, obj, selected);
  const dict = obj.splitDict;
  if (dict && first?.k === 'str' && (first.value === 'train' || first.value === 'test')) {
    return derive(obj, { part: dict[first.value], splitIds: [...(obj.splitIds ?? []), dict.id] });
  }
  if (obj.data) {
    // Values picked in shuffled order (`users[i]` of `u_all[order]`) index by value, not by shuffled position.
    const perm = index.find((i) => i.perm && !i.data)?.perm;
    const indexPart = index.find((i) => i.indexPart)?.indexPart;
    // `expr.loc[train_ids]`: rows picked by the ids of one part belong to that part.
    const ids = obj.part === undefined || obj.part === 'full' ? index.find((i) => i.data && (i.part === 'train' || i.part === 'val' || i.part === 'test')) : undefined;
    const idsPart = ids?.part;
    // The held-out indices of a split of training rows (`df.iloc[test_idx]` in a helper handed `train_df`) pick validation rows.
    const pickedPart = indexPart === 'test' && obj.part === 'train' && !wholeRows(obj) ? 'val' : indexPart;
    const fold = pickedPart ?? keyPart ?? idsPart ?? (obj.part === undefined || obj.part === 'full' ? walkForwardBlock(it, first) : undefined);
    if (pickedPart) reportPartPick(it, obj, pickedPart, e, index.find((i) => i.indexPart), selected);
    // `X[te]` with `te = np.isin(subject, test_subjects)`: rows picked by one part's ids or mask are split there.
    // (Ids traced to rows read by the code: a name alone does not make a split.)
    else if (idsPart && ids?.origins?.length && obj.leaks?.length) reportPartPick(it, obj, idsPart, e);
    const v = derive(obj, fold ? { part: fold } : {});
    if (pickedPart === 'val' && index.some((i) => i.heldOutFold)) v.oofOf = obj.part ?? 'full';
    // `X[dev]` with a mask named `dev`: development rows (train + validation), like the mask.
    if (fold === idsPart && ids?.dev) v.dev = true;
    // Rows of whole groups (a group k-fold's part) keep nothing of the other groups' per-group statistics.
    const byGroups = index.find((i) => i.byGroups)?.byGroups;
    if (byGroups && v.leaks) v.leaks = v.leaks.filter((l) => !withinGroups(l, byGroups.label));
    // `D = D[keep]` with columns picked by a score learned from all rows: the kept frame carries it to the split.
    if (selected && wholeRows(obj)) addLeak(v, selected);
    const draw = index.find((i) => i.draw !== undefined)?.draw;
    if (draw !== undefined) v.redrawn = draw;
    if (first?.k === 'str' && it.dateColumns.has(first.value) && obj.dates) v.dates = obj.dates;
    // `data["rul"]`: remaining-useful-life targets count down along run-to-failure series; the rows are time-ordered
    // (within each unit: a split that keeps units whole is fine).
    if (first?.k === 'str' && RUL.test(first.value) && !v.time) v.time = { line: e.line, what: `remaining-useful-life targets (\`${first.value}\`), time-ordered per group (one run-to-failure series per unit)`, file: it.path };
    // `stays[stays.groupby("subject_id").cumcount() == 0]` after a sort: one row per entity (like `head(1)`), not a series.
    if (v.time && /^rows ordered by/.test(v.time.what) && first && /\.cumcount\(\s*\)\s*==\s*0\b/.test(it.src(first))) v.time = undefined;
    if (perm) permutedRows(it, obj, v, perm);
    // `seg = y[int(t0 * SR):int((t0 + WIN) * SR)]` with `t0` stepped by a loop over positions: windows cut from one
    // recorded signal, in time order (neighbours overlap; a shuffled split of them puts a test window's neighbour in train).
    if (!v.time && obj.waveform && first && isLoopWindow(it, first)) v.time = { line: e.line, what: 'windows cut from each recording in a loop over positions, time-ordered per group (recording)', file: it.path };
    // (So are windows of any stream, landmarks, EEG channels or sensor readings, stepped by a stride less than their
    // width; windows at every row of a table that has no time order are not.)
    // (`data[:, start:start + win]`: the window may be along the second axis, channels first.)
    else if (!v.time && obj.data && !obj.waveform && e.index.some((i) => isLoopWindow(it, i, true)) && !it.inPerItemCall()) v.time = { line: e.line, what: 'overlapping windows cut from a stream in a loop over positions, time-ordered per group (stream)', file: it.path };
    if (index.length === 1 && typeof index[0]?.const === 'string') v.column = index[0].const;
    // `df["issue_type"]` after `df["umap_x"] = ...` of a fit on all rows: that column's leak is not this one's.
    const columns = v.column !== undefined ? [v.column] : e.index.length === 1 ? columnNames(e.index[0], index[0]) : undefined;
    if (columns && v.leaks?.some((l) => l.intoColumn !== undefined)) v.leaks = v.leaks.filter((l) => l.intoColumn === undefined || columns.includes(l.intoColumn));
    // `y[np.argsort(-uplift)]`, `y_te[p > t]`: labels ordered or picked by the model's scores, the makings of a metric.
    if (!v.pred && index.some((i) => i.data && (i.pred || i.prob))) v.pred = true;
    // `df[["priority", "channel"]]`, `df[cfg["features"]]`: the inputs listed.
    const listed = obj.labelFrom && e.index.length === 1 ? columnNames(e.index[0], index[0]) : undefined;
    if (listed && listed.length > 1) notePickedInputs(it, obj, v, { kept: listed }, e.line);
    else if (obj.labelFrom && index.length === 1 && index[0]?.sweep) notePickedInputs(it, obj, v, { dropped: index[0].sweep, asInputs: true }, e.line);
    return v;
  }
  if (obj.perm) return derive(obj, obj.indexPart ? { indexPart: obj.indexPart } : {});
  // `dev_idx[fit_rel]`: indices of a part of a part.
  if (obj.indexPart && !obj.data) return { indexPart: index.find((i) => i.indexPart)?.indexPart ?? obj.indexPart };
  if (keyPart && (obj.elems || obj.attrs)) return derive(obj.elems?.[0], { part: keyPart });
  if (obj.elems) {
    // `features[k] for k in train_df["utt_id"]`: entries of a per-sample dict looked up by one part's ids are that part.
    const entry = obj.elems[0] ?? {};
    const ids = index.find((i) => i.data && (i.part === 'train' || i.part === 'val' || i.part === 'test'));
    return ids && entry.data && wholeRows(entry) ? derive(entry, { part: ids.part }) : entry;
  }
  if (obj.container && obj.ranked) {
    // `board.iloc[0]`, `ranked[0]`, `board.index[0]`: the top of a ranking of scores is picked.
    const top = e.index.some((i) => (i.k === 'num' && i.value === 0) || (i.k === 'slice' && i.lower === undefined && i.upper?.k === 'num' && i.upper.value === 1));
    if (top) {
      checkPick(it, obj, e.line);
      return {};
    }
    return { container: obj.container, ranked: obj.ranked };
  }
  if (obj.splitFolds && e.index.length === 1) return { items: obj.splitFolds };
  if (obj.container) {
    // `table["approval_rate"]` of rows kept as `{"group": g, "auc": ..., "approval_rate": ...}`: another column, not scores.
    const column = e.index.length === 1 && e.index[0]?.k === 'str' ? e.index[0].value : undefined;
    if (column !== undefined && obj.container.scores.length > 0 && obj.container.scores.every((sc) => sc.keys !== undefined && !sc.keys.includes(column))) return {};
    return { container: obj.container };
  }
  // `x.mean(dim=0, keepdim=True)[0]`: part of a statistic is still that statistic.
  if (obj.stat) return { stat: obj.stat };
  // `ranking.index[:top_k]`: the first columns of a supervised ranking are picked by it.
  if (obj.selected && !obj.data) return { selected: obj.selected };
  return obj.prob || obj.pred || obj.score ? derive(obj) : {};
}

const RUL = /^(rul|remaining_useful_life|time_to_failure|ttf)$/i;

/** `train[kept]` with columns a selector chose from all rows: the selection saw the rows split off later. */
function selectedAfterSplit(it: Interpreter, rows: Val, selected: Leak): void {
  const splitId = rows.splitIds?.[rows.splitIds.length - 1];
  const split = splitId === undefined ? undefined : it.splitSites.get(splitId);
  if (!split || split.path !== it.path) return;
  if (selected.file === undefined && selected.line > split.line) return;
  it.reportLeak(rows, { line: split.line, kind: 'split' }, [selected]);
}

/**
 * `X.iloc[start:stop]` in `for start in ...` whose body also takes `X.iloc[:start]`: the block after a
 * walk-forward training window, held out from it (a validation block: models may be compared on it).
 */
function walkForwardBlock(it: Interpreter, index: Expr | undefined): Part | undefined {
  const lower = index?.k === 'slice' ? (index.lower?.k === 'binop' ? index.lower.left : index.lower) : undefined;
  if (lower?.k !== 'name') return undefined;
  const id = lower.id;
  const window = new RegExp(`\\[\\s*:\\s*${id}\\b`);
  return it.loops.some(({ stmt }) => stmt.k === 'for' && stmt.target.k === 'name' && stmt.target.id === id && window.test(it.src(stmt))) ? 'val' : undefined;
}

/** Rows picked with shuffled indices: a random split, wrong for time-ordered rows. */
function permutedRows(it: Interpreter, rows: Val, out: Val, perm: NonNullable<Val['perm']>): void {
  out.perm = perm;
  out.splitIds = [...new Set([...(out.splitIds ?? []), perm.id])];
  // Batches drawn in shuffled order inside a training loop (or by a generator it calls) are minibatches, not a split.
  if (!rows.time || it.underTrainingLoop() || it.facts.timeSplits.some((t) => t.line === perm.line)) return;
  const line = it.stmt?.line ?? perm.line;
  it.facts.timeSplits.push({ line: perm.line, endLine: perm.endLine, evidence: rows.time, how: `the rows are picked with shuffled indices (line ${perm.line}) and cut into parts (line ${line})`, sites: line === perm.line ? [] : [line] });
}

/** A slice with both bounds written in terms of the variable of an enclosing `for ... in range(...)` (or a name set from it);
 *  with `stepped`, one whose range gives a stride. */
function isLoopWindow(it: Interpreter, index: Expr, stepped = false): boolean {
  if (index.k !== 'slice' || !index.lower || !index.upper || it.inTrainingLoop()) return false;
  const ranges = it.loops.flatMap(({ stmt }) => (stmt.k === 'for' && stmt.iter.k === 'call' && stmt.iter.fn.k === 'name' && stmt.iter.fn.id === 'range' && stmt.target.k === 'name' ? [{ id: stmt.target.id, step: stmt.iter.args[2] }] : []));
  // (`stepped`: the loop's range gives a stride, `range(0, n - win + 1, step)`.)
  if (stepped && !ranges.some((r) => r.step)) return false;
  // `for start in range(0, n, 128): chunk = x[start:start + 128]`: batches side by side, not overlapping windows.
  const upperText = it.src(index.upper);
  if (ranges.some((r) => r.step && new RegExp(`\\b${escapeRegExp(it.src(r.step))}\\b`).test(upperText) && !/\bwin|window|len(gth)?\b/i.test(upperText))) return false;
  const loopVars = ranges.map((r) => r.id);
  if (loopVars.length === 0) return false;
  // Names assigned in the loop from its variable (`t0 = k * HOP`) stand for it too.
  const derived = aliasesOf(it.src(it.loops[it.loops.length - 1]!.stmt), loopVars);
  const uses = (x: Expr) => derived.some((n) => new RegExp(`\\b${n}\\b`).test(it.src(x)));
  return uses(index.lower) && uses(index.upper);
}

/** The label column an expression reads (`df["price"].values`, `train[TARGET]`, `y`), if it reads one. */
function labelNamed(it: Interpreter, e: Expr): string | undefined {
  const text = it.src(e);
  const key = /\[\s*["'](\w+)["']\s*\]/.exec(text)?.[1];
  if (key !== undefined) return isLabelColumn(it.text, key) ? key : undefined;
  const name = /^(\w+)(\.(values|to_numpy\(\)|ravel\(\)))?$/.exec(text)?.[1];
  return name !== undefined && /^(y|y_all|target|targets|label|labels)$/i.test(name) ? name : undefined;
}
