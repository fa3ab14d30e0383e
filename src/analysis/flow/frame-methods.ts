// Methods of frames, arrays and tensors (pandas, polars, numpy, torch): statistics of rows, fills with
// them, group-bys, sorts and lags, merges. A statistic of all rows applied to rows split later is a leak.
import type { Expr } from '../python/ast.js';
import { dotted, isConst, kwarg, rootName } from '../python/ast.js';
import type { Interpreter } from './interpreter.js';
import { isLabelColumn, isMetricColumn, STAT_METHODS, TIME_METHODS } from './knowledge.js';
import { columnNames, notePickedInputs } from './label-sources.js';
import { citeLeak, leakOfStatistic } from './fitting.js';
import { noteMergedStatistic } from './row-sources.js';
import { isHeadSlice } from './pieces.js';
import { noteTestStatistic } from './arithmetic.js';
import type { Scope } from './scope.js';
import { datasetSplit } from './splits.js';
import { absorb, addLeak, combine, derive, wholeRows, type Val } from './values.js';

type Call = Extract<Expr, { k: 'call' }>;

const DATE_LIKE = /date|time|timestamp|datetime|^ds$|^dt$|^ts$|day|month|year|period|week|hour/i;
/** `created_at`, `event_ts`: when a row happened. Sorted by one, rows are in time order, weakly: see `dates`. */
const EVENT_TIME = /(_at|_ts)$/i;

/** `df["date"]` as a groupby key: the column it names. */
function subscriptColumn(e: Expr): string | undefined {
  return e.k === 'sub' && e.index.length === 1 && e.index[0]?.k === 'str' ? e.index[0].value : undefined;
}

/**
 * `axis=1`, `axis=-1`, `axis="columns"`, `axis=(1, 2)` (per clip of a batch of spectrograms): a statistic of
 * each sample on its own, not across samples (axis 0).
 */
export function perSampleAxis(axis: Expr): boolean {
  const one = (e: Expr) => (e.k === 'num' && e.value >= 1) || (e.k === 'unary' && e.operand.k === 'num' && e.operand.value >= 1);
  if (axis.k === 'str') return axis.value === 'columns';
  if (axis.k === 'seq') return axis.items.length > 0 && axis.items.every(one);
  return one(axis);
}

/** The statistic of `y[nbr_idx].mean(axis=1)`: a per-group statistic of the label, each row's neighbours its group. */
export function neighbourStat(it: Interpreter, call: Call, labels: Val): NonNullable<Val['stat']> {
  return {
    line: call.line,
    endLine: it.stmt?.endLine ?? call.endLine,
    what: 'neighbour mean of the label',
    part: labels.part,
    file: it.path,
    perGroup: { column: labels.neighbourLabels?.column },
    neighbourLabel: labels.neighbourLabels?.column,
    ...(labels.origins ? { origins: labels.origins } : {}),
  };
}

export function frameMethod(it: Interpreter, call: Call, receiver: Val, method: string, args: Val[], kwargs: Map<string, Val>, scope: Scope): Val {
  const line = call.line;
  const stmtText = it.stmt ? it.src(it.stmt) : undefined;
  const endLine = it.stmt?.endLine ?? call.endLine;
  // `counts.groupby(level=0).sum()`: rows with the same index label collapsed into one; still the rows.
  if (method === 'groupby' && kwarg(call, 'level') !== undefined && args.length === 0) return derive(receiver);
  if (method === 'groupby' || method === 'group_by') {
    const key = call.args[0]?.k === 'str' ? call.args[0].value : undefined;
    const byDate = key !== undefined && call.args.length === 1 && it.dateColumns.has(key) ? { groupedByDate: { column: key } } : {};
    // `groupby(["app_id", "review_date"])`: one row per entity and day, in that order (groupby sorts its keys).
    const keyList = call.args[0]?.k === 'seq' && call.args[0].items.every((i) => i.k === 'str') ? call.args[0].items.map((i) => (i as { value: string }).value) : [];
    const dateKey = keyList.length === 2 && !DATE_LIKE.test(keyList[0]!) ? keyList.slice(1).find((k) => it.dateColumns.has(k) || DATE_LIKE.test(k)) : undefined;
    const panel = dateKey !== undefined ? { panelByDate: { entity: keyList[0]!, date: dateKey } } : {};
    // `w.groupby(te["date"])`, `groupby("date")`: each group is one date's cross-section.
    const keyColumn = key ?? (call.args[0] ? subscriptColumn(call.args[0]) : undefined);
    const crossSection = call.args.length === 1 && keyColumn !== undefined && (it.dateColumns.has(keyColumn) || /^(date|datetime|timestamp|ts|dt|trade_date|asof(_date)?)$/i.test(keyColumn)) ? { crossSection: true } : {};
    // `df.sort_values("admittime").groupby("subject_id")`: the time order that matters from here is each entity's.
    const entity = key !== undefined && !byDate.groupedByDate && !DATE_LIKE.test(key) ? key : undefined;
    const time = entity && receiver.time && !/per group/.test(receiver.time.what) ? { time: { ...receiver.time, what: `${receiver.time.what} per group (\`${entity}\`)` } } : {};
    return derive(receiver, { grouped: true, data: false, ...byDate, ...panel, ...crossSection, ...time, ...(entity ? { groupedBy: entity } : {}) });
  }
  // `df.groupby("order_date")["orders"].sum()`: one row per date, a series over time (its rows are split later).
  // (Per entity and day: a panel of daily rows, in time order within each entity; per-entity history built on it
  // makes it a time series. It is still a table of per-group statistics to whatever merges it back.)
  if (receiver.grouped && receiver.panelByDate && /^(sum|mean|count|size|median|max|min|agg|aggregate|nunique)$/.test(method)) {
    const { entity, date } = receiver.panelByDate;
    const rows = derive(receiver, { grouped: undefined, panelByDate: undefined, data: true, dates: { line, what: `rows aggregated per \`${entity}\` and \`${date}\``, file: it.path, ordered: true } });
    const stat = { line, endLine, what: `groupby(...).${method}()`, part: receiver.part, file: it.path, perGroup: {}, ...(receiver.origins ? { origins: receiver.origins } : {}) };
    return { ...rows, stat };
  }
  if (receiver.grouped && receiver.groupedByDate && /^(sum|mean|count|size|median|max|min|agg|aggregate|nunique)$/.test(method)) {
    return derive(receiver, { grouped: undefined, groupedByDate: undefined, data: true, time: { line, what: `rows aggregated per date (\`groupby("${receiver.groupedByDate.column}")\`)`, file: it.path } });
  }
  // `ds.map(lambda t, l: (vectorize(t), l))` (tf.data): the function runs on the dataset's elements.
  if (method === 'map' && args[0]?.fn && /\.(batch|shuffle|prefetch|cache|repeat)\(|from_tensor_slices|\bDataset\b/.test(it.src(call.fn))) {
    const result = it.callFunction(args[0].fn, args[0].fn.def.params.map(() => derive(receiver)), new Map());
    const out = derive(receiver);
    absorb(out, result);
    return out;
  }
  if (method === 'train_test_split' && !receiver.grouped) return datasetSplit(it, call, receiver);
  if (receiver.grouped && /^(sample|head|tail|first|last|nth)$/.test(method)) {
    const rows = derive(receiver, { grouped: undefined, data: true });
    if (method === 'sample') rows.sampled = true;
    if (method === 'sample' && isConst(kwarg(call, 'replace'), 'True')) rows.redrawn = call.line;
    // `sort_values(date).groupby(id).head(1)`: the sort picked one row per entity; the rows are not a series.
    if (method !== 'sample' && rows.time && /^rows ordered by/.test(rows.time.what)) rows.time = undefined;
    return rows;
  }
  // `sort_values("intime").drop_duplicates("subject_id")`: the sort chose which row of each entity stays.
  if (method === 'drop_duplicates' && receiver.data && receiver.time && /^rows ordered by/.test(receiver.time.what) && call.args.length + call.kwargs.filter((k) => k.name === 'subset').length > 0) {
    return derive(receiver, { time: undefined });
  }
  if (receiver.windowed) return derive(receiver, { windowed: undefined });
  // `tickets.groupby("customer_id")["escalated"].cumsum()` on rows sorted by `created_at`: each row's history,
  // counted along time; the rows are a time series from here on.
  if (receiver.grouped && receiver.dates?.ordered && /^(cumsum|cumcount|cummax|cummin|cumprod|shift|diff|pct_change)$/.test(method)) {
    const dates = receiver.dates;
    return derive(receiver, { grouped: undefined, data: true, time: { line: dates.line, what: `history features counted per group over ${dates.what}`, file: dates.file ?? it.path } });
  }
  const fnArg = call.args[0];
  // A function applied per group (a lambda or a function's name); polars' `agg(pl.col(y).sum())` expressions aggregate.
  const perRow = fnArg !== undefined && (fnArg.k === 'lambda' || fnArg.k === 'name' || fnArg.k === 'attr');
  if (receiver.grouped && /^(transform|apply|agg|aggregate)$/.test(method) && perRow && !/^(np|numpy)\.(mean|median|sum|std|var|max|min)$/.test(dotted(fnArg) ?? '')) {
    // `groupby(...).transform(lambda s: s.shift(1).rolling(7).mean())`: per-row values within each group.
    const out = derive(receiver, { grouped: undefined, data: true });
    const fnText = it.src(fnArg);
    if (/\.(shift|rolling|diff|pct_change|ewm|expanding)\(/.test(fnText)) out.time = out.time ?? { line, what: 'lagged/rolling features per group', file: it.path };
    // `groupby(keys)[target].transform(lambda s: s.rolling(7).mean())` with no shift: each row's feature holds its own label.
    const column = receiver.groupColumn;
    if (method === 'transform' && column !== undefined && /\.(rolling|expanding|ewm)\(/.test(fnText) && !/\.shift\(/.test(fnText) && isLabelColumn(it.text, column)) {
      const stmtText = it.stmt ? it.src(it.stmt) : undefined;
      addLeak(out, citeLeak(it, receiver, { kind: 'preprocess', file: it.path, line, endLine, what: 'rolling window of the label', ownLabel: column, stmtText }));
    }
    return out;
  }
  // `w / w.abs().groupby(df["date"]).transform("sum")`: each row scaled within its own date's cross-section (portfolio
  // weights, cross-sectional ranks and z-scores) learns nothing across dates, so nothing across a split by date.
  if (receiver.grouped && receiver.crossSection && method === 'transform' && fnArg?.k === 'str') {
    return derive(receiver, { grouped: undefined, crossSection: undefined, data: true });
  }
  // `groupby("season")["date"].transform("min")`: where each group starts or how big it is learns no
  // statistic worth a leak; means, sums and spreads (target or mean encoding) do.
  const how = fnArg?.k === 'str' ? fnArg.value : undefined;
  if (receiver.grouped && /^(transform|agg|aggregate)$/.test(method) && how !== undefined && /^(min|max|first|last|count|size|nunique|cumcount|rank|idxmin|idxmax)$/.test(how)) {
    return derive(receiver, { grouped: undefined, data: true });
  }
  // `groupby("session_id")["ts"].min()`: where each group starts or ends, or how big it is, as with transform("min").
  if (receiver.grouped && /^(min|max|first|last|count|size|nunique|cumcount|rank|idxmin|idxmax|head|tail|nth)$/.test(method)) {
    return derive(receiver, { grouped: undefined, data: true });
  }
  // `(preds == gold).mean()`: a summary of predictions is a score of the model on those rows, not a statistic of the data.
  if (STAT_METHODS.has(method) && (receiver.pred || receiver.prob)) return derive(receiver);
  // `out["accuracy"].max() - out["accuracy"]` in a per-group table of scores: a gap between scores, no statistic of the rows.
  if (STAT_METHODS.has(method) && !receiver.grouped && receiver.column !== undefined && isMetricColumn(receiver.column)) return {};
  // Per-row arithmetic (`logits.max(axis=1, keepdims=True)` in a softmax) is no statistic of the rows.
  // `h.max(1, keepdims=True)`: the first argument of these reductions is the axis.
  const axis = kwarg(call, 'axis') ?? kwarg(call, 'dim') ?? (/^(mean|median|std|var|min|max|sum)$/.test(method) ? call.args[0] : undefined);
  // (So are statistics of one sample, in a function called per item: `(f - f.mean(axis=0)) / f.std(axis=0)` per clip.)
  // (And of one recording read from its file: `wav.mean(dim=0)` mixes its channels down.)
  if (!receiver.grouped && STAT_METHODS.has(method) && ((axis !== undefined && perSampleAxis(axis)) || it.inPerItemCall() || receiver.waveform)) {
    // (Except the label at each row's neighbours, `y[nbr_idx].mean(axis=1)`: a mean of other rows' labels, as in target encoding.)
    if (receiver.neighbourLabels && axis !== undefined) return { stat: neighbourStat(it, call, receiver) };
    return derive(receiver, { data: true });
  }
  // `df["ts"] - df["ts"].min()`: the first timestamp is an anchor for relative time, not a statistic learned from the rows.
  const dateColumn = receiver.column !== undefined && (it.dateColumns.has(receiver.column) || /^(ts|date|datetime|timestamp|time)$/i.test(receiver.column));
  if (!receiver.grouped && dateColumn && /^(min|max)$/.test(method)) return {};
  if (STAT_METHODS.has(method) || (receiver.grouped && /^(transform|agg|aggregate|mean|median|sum|std|count)$/.test(method))) {
    if (method === 'value_counts' && (/\b(y|target|label|labels|class|outcome)\b/i.test(it.src(call.fn)) || countsLabel(it.text, call))) it.facts.imbalanceHints.push(line);
    const perGroup = receiver.grouped ? { perGroup: { ...(receiver.groupColumn ? { column: receiver.groupColumn } : {}), ...(receiver.groupedBy ? { key: receiver.groupedBy } : {}) } } : {};
    // Rows of a labelled `train.csv` not yet split are all the labelled rows: their statistics are of the whole.
    const trainFile = receiver.part === 'train' && wholeRows(receiver);
    // `df[cols].iloc[:i_val].mean()`: the rows before a cut, the training period of a chronological split.
    const head = call.fn.k === 'attr' && isHeadSlice(call.fn.obj) && (receiver.part === undefined || receiver.part === 'full');
    const stat = { line, endLine, what: `${receiver.grouped ? 'groupby(...).' : ''}${method}()`, ofText: call.fn.k === 'attr' ? it.src(call.fn.obj) : undefined, part: trainFile ? 'full' : head ? ('train' as const) : receiver.part, file: it.path, ...(trainFile ? { trainFile } : {}), ...(receiver.origins ? { origins: receiver.origins } : {}), ...(receiver.withTest !== undefined ? { withTest: receiver.withTest } : {}), ...perGroup };
    // (The rows' own leaks stay with what is computed from them: a mean of vectors from a model fitted on all rows.)
    return receiver.leaks?.length ? { stat, leaks: [...receiver.leaks] } : { stat };
  }
  let out = derive(receiver);
  out.grouped = undefined;
  // A panel of per-entity daily aggregates reshaped (`.reset_index()`) is still that table of statistics, to merge.
  if (receiver.stat && receiver.data && /^(reset_index|rename|copy|sort_values|sort_index|astype|round|fillna|set_index)$/.test(method)) out.stat = receiver.stat;
  const statArg = [...args, ...kwargs.values()].find((a) => a.stat);
  if (statArg?.stat && /^(fillna|map|replace|clip|where|mask|apply|transform|sub|div|subtract|divide)$/.test(method) && (statArg.stat.part === undefined || statArg.stat.part === 'full')) {
    addLeak(out, leakOfStatistic(it, receiver, statArg.stat, `${method}(${statArg.stat.what})`, endLine));
  } else if (statArg?.stat?.part === 'train' && receiver.part === 'train' && method === 'map' && statArg.stat.perGroup?.column !== undefined && isLabelColumn(it.text, statArg.stat.perGroup.column)) {
    // `train[c].map(train.groupby(c)[TARGET].mean())`: target encoding of the training rows, learned from all
    // of them; no leak across the split, but a cross-validation over those rows scores folds that were encoded
    // with their own labels.
    addLeak(out, { ...leakOfStatistic(it, receiver, statArg.stat, `${method}(${statArg.stat.what})`, endLine), fromTrainPart: true });
  } else if (statArg?.stat?.part === 'test' && receiver.data && receiver.part === 'test' && /^(fillna|map|replace|clip|sub|div|subtract|divide)$/.test(method)) {
    // `test.fillna(test.median())`, or a feature builder re-fitted on the test rows and applied to them.
    const at = [...call.args, ...call.kwargs.map((k) => k.value)].find((a) => it.eval(a, scope).stat);
    noteTestStatistic(it, statArg.stat, receiver, at ? it.src(at) : statArg.stat.what, method);
  }
  if (TIME_METHODS.has(method)) {
    out.time = receiver.time ?? { line, what: `\`.${method}()\`${receiver.groupedBy ? ` per group (\`${receiver.groupedBy}\`)` : ''}`, file: it.path };
    if (/^(rolling|expanding|ewm|resample)$/.test(method)) out.windowed = true;
    // `df.groupby("turbine").resample("1h").mean()`: each group's series, resampled, are still the rows.
    if (receiver.grouped && method === 'resample' && receiver.data === false) out.data = true;
  }
  if (/^(sort_values|sort_index)$/.test(method)) out.sampled = undefined;
  // `X = df.drop(columns=["urgent"])`: every input but the dropped columns.
  if (method === 'drop' && receiver.labelFrom) {
    const dropped = columnNames(kwarg(call, 'columns') ?? call.args[0], kwargs.get('columns') ?? args[0]);
    // Inputs are a new value (`X = df.drop(...)`), not the frame cleaned in place or under its own name.
    const frame = call.fn.k === 'attr' ? rootName(call.fn.obj) : undefined;
    const inplace = isConst(kwarg(call, 'inplace'), 'True');
    const asInputs = !inplace && it.targets.length > 0 && !it.targets.includes(frame ?? '');
    if (dropped) {
      notePickedInputs(it, receiver, out, { dropped, asInputs }, line);
      // A label whose source column is gone can no longer be read off it (`df.drop(columns=["SalePrice"], inplace=True)`).
      const remaining = receiver.labelFrom.filter((s) => !dropped.includes(s.column));
      out.labelFrom = remaining;
      if (inplace) receiver.labelFrom = remaining;
    }
  }
  // polars: `with_columns(pl.col(c).fill_null(pl.col(c).median()))`, `(pl.col(c) - pl.col(c).mean()) / ...`:
  // a statistic of the whole frame inside an expression (not per group with `.over(...)`) is a fit on all its rows.
  if ((method === 'with_columns' || method === 'select') && receiver.data && (receiver.part === undefined || receiver.part === 'full')) {
    const text = it.src(call);
    const stat = /pl\.col\([^)]*\)\.(mean|median|std|var|quantile|min|max)\(/.exec(text);
    if (stat && !/\.over\(/.test(text)) addLeak(out, citeLeak(it, receiver, { kind: 'preprocess', file: it.path, line, endLine, what: `\`pl.col(...).${stat[1]}()\``, stmtText }));
  }
  // polars: `with_columns(pl.col("y").shift(14).over("route"))` builds lag features inside expressions.
  if (method === 'with_columns' && /\.(shift|diff|pct_change)\(|\.rolling_\w+\(/.test(it.src(call))) out.time = out.time ?? { line, what: 'lag/rolling features (`with_columns`)', file: it.path };
  if (/^(sort_values|set_index|sort_index|sort)$/.test(method)) {
    const by = call.args[0] ?? kwarg(call, 'by') ?? kwarg(call, 'keys');
    // `sort_values(["store", "date"])`: rows in time order within each store.
    const keys = by?.k === 'str' ? [by.value] : by?.k === 'seq' ? by.items.flatMap((i) => (i.k === 'str' ? [i.value] : [])) : [];
    const isDate = (k: string) => it.dateColumns.has(k) || DATE_LIKE.test(k);
    const byText = keys.find(isDate) ?? keys[0];
    const datey = byText !== undefined && isDate(byText);
    // `sort_values(["session_id", "ts"])`: time order within each entity (a split keeping entities whole keeps it).
    const perGroup = datey && keys.length > 1 && !isDate(keys[0]!) ? ` per group (\`${keys[0]}\`)` : '';
    if (datey || (method === 'sort_index' && receiver.dates)) out.time = out.time ?? { line, what: `rows ordered by \`${byText ?? 'a date index'}\`${perGroup}`, file: it.path };
    // (Rows sorted by an event's time, `sort_values("created_at")`, are a log in time order: a time series only once
    // features are built along it, per entity or overall, as history.)
    else if (keys.length === 1 && EVENT_TIME.test(keys[0]!)) out.dates = out.dates ?? { line, what: `rows ordered by \`${keys[0]}\``, file: it.path, ordered: true };
  }
  if (method === 'sample') out.sampled = true;
  if (method === 'sample' && isConst(kwarg(call, 'replace'), 'True')) out.redrawn = call.line;
  if (method === 'assign') for (const v of kwargs.values()) absorb(out, v);
  if (method === 'concat' || method === 'append' || method === 'merge' || method === 'join') {
    out = combine([receiver, ...args], { data: true });
    // `rows.merge(stats)` / `rows.join(stats)` add columns: the rows, and so the part, are the receiver's.
    if ((method === 'merge' || method === 'join') && receiver.data && receiver.part !== undefined) {
      out.part = receiver.part;
      // Rows of a labelled `train.csv` with side tables joined on stay rows of that file.
      if (receiver.filePart) out.filePart = true;
    }
    // `subs.set_index("subscriber_id").join(per_subscriber)`: each row gets its own entity's aggregates, no other row's.
    const ownRows = method === 'join' && receiver.indexedBy !== undefined;
    const others = ownRows ? args.filter((a) => a.stat?.perGroup?.key !== receiver.indexedBy) : args;
    if (method === 'merge' || method === 'join') noteMergedStatistic(it, out, receiver, others, { file: it.path, line, endLine, stmtText });
    if (ownRows) out.indexedBy = receiver.indexedBy;
  }
  if (method === 'set_index' && call.args.length === 1 && call.args[0]?.k === 'str') out.indexedBy = call.args[0].value;
  if (isConst(kwarg(call, 'inplace'), 'True')) {
    const root = rootName(call.fn);
    const target = root ? scope.get(root) : undefined;
    if (target) absorb(target, out);
  }
  return out;
}

/** `tx["is_fraud"].value_counts()` where the file takes `is_fraud` as its label. */
function countsLabel(text: string, call: Call): boolean {
  const col = call.fn.k === 'attr' && call.fn.obj.k === 'sub' && call.fn.obj.index[0]?.k === 'str' ? call.fn.obj.index[0].value : undefined;
  return col !== undefined && isLabelColumn(text, col);
}
