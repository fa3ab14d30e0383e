// A label computed from one column of the same frame (`df["urgent"] = df["priority"].isin(["P1", "P2"])`) while
// that column stays among the model's inputs (`X = df.drop(columns=["urgent"])`, `df[["priority", ...]]`): the
// model reads the answer. Forecast targets (a shifted or rolled column) and labels built from several columns
// are left alone: there the source column is a legitimate input.
import type { Expr } from '../python/ast.js';
import { dotted } from '../python/ast.js';
import type { Interpreter } from './interpreter.js';
import { isLabelColumn } from './knowledge.js';
import type { LabelSource, Val } from './values.js';
import { escapeRegExp } from '../regexp.js';

type Sub = Extract<Expr, { k: 'sub' }>;

/** Steps that make a target from a column's future or its neighbours (forecasting), not a relabelling of it. */
const TEMPORAL = /\.(shift|rolling|diff|pct_change|ewm|expanding|groupby|cumsum|cumprod|transform|rank|resample)\(/;

/** `df["label"] = f(df["col"])`: remembered on the frame when `col` is the only column the expression reads. */
export function noteLabelSource(it: Interpreter, target: Sub, owner: Val, valueExpr: Expr | undefined): void {
  const key = target.index.length === 1 && target.index[0]!.k === 'str' ? target.index[0]!.value : undefined;
  const frame = dotted(target.obj);
  if (!key || !frame || !valueExpr || !owner.data) return;
  const text = it.src(valueExpr);
  // `df["roll_24"] = df["load"].rolling(24).mean()` (or `g["claims"].cumsum()`) with no shift: each row's window
  // ends at the row itself, so it holds that row's own value of the column; kept like any column derived from one.
  const windowedNow = /\.(rolling|expanding|ewm|cumsum|cumprod|cummax)\(/.test(text) && !/\.(shift|diff|pct_change)\(/.test(text);
  if (TEMPORAL.test(text) && !windowedNow) return;
  const columns = new Set<string>();
  const escaped = escapeRegExp(frame);
  // (A window over a grouped column is written on the group-by: `g["claim_count"].cumsum()`.)
  const owner_ = windowedNow ? '[A-Za-z_][\\w.]*' : escaped;
  for (const m of text.matchAll(new RegExp(`(?<![\\w.])${owner_}(?:\\[\\s*["']([^"'\\]]+)["']\\s*\\]|\\.([A-Za-z_]\\w*)\\b(?!\\s*\\())`, 'g'))) {
    const col = m[1] ?? m[2];
    if (col && !/^(loc|iloc|at|iat|values|index|columns|shape|dtypes|T|str|dt|cat|rolling|expanding|ewm|cumsum|cumprod|cummax|mean|sum|std|min|max|median|transform|groupby)$/.test(col)) columns.add(col);
  }
  if (windowedNow && columns.size !== 1) return;
  // (`g["exposure"].cumsum() - panel["exposure"]`: the row's own value taken back out, a prior total.)
  if (windowedNow && new RegExp(`-\\s*[A-Za-z_][\\w.]*\\[\\s*["']${escapeRegExp([...columns][0]!)}["']\\s*\\]`).test(text)) return;
  if (columns.size === 0 || (columns.size === 1 && columns.has(key))) return;
  const [column] = [...columns] as [string];
  const source: LabelSource = { label: key, column, ...(columns.size > 1 ? { columns: [...columns] } : {}), file: it.path, line: it.stmt?.line ?? valueExpr.line, endLine: it.stmt?.endLine ?? valueExpr.endLine };
  owner.labelFrom = [...(owner.labelFrom ?? []).filter((s) => s.label !== key), source];
}

/** The inputs picked from a frame with label sources: all but the dropped columns, or the listed ones. */
export function notePickedInputs(it: Interpreter, from: Val, out: Val, picked: { kept?: readonly string[]; dropped?: readonly string[]; asInputs?: boolean }, line: number): void {
  for (const s of from.labelFrom ?? []) {
    // `features = [..., "avg_basket_30d"]`: a column computed from others is among the inputs (judged at the fit, by its label).
    const keepsDerived = picked.kept ? picked.kept.includes(s.label) : !picked.dropped!.includes(s.label) && picked.asInputs === true;
    if (keepsDerived) out.derivedInputs = [...(out.derivedInputs ?? []), { ...s, pickFile: it.path, pickLine: picked.kept ? listedAt(it, s, line) : line }];
    if (s.columns) continue;
    const keepsSource = picked.kept ? picked.kept.includes(s.column) && !picked.kept.includes(s.label) : picked.dropped!.includes(s.label) && !picked.dropped!.includes(s.column);
    // `X = train.drop(columns=["Id", "SalePrice"])` with `y = train["SalePrice_log"]`: the source dropped to make
    // the inputs, the label itself left in them. (Dropping the source in place is cleaning: the frame keeps its label.)
    const keepsLabel = picked.asInputs === true && picked.dropped !== undefined && picked.dropped.includes(s.column) && !picked.dropped.includes(s.label);
    if (keepsSource) out.labelInputs = { ...s, pickFile: it.path, pickLine: line };
    else if (keepsLabel) out.labelInputs = { ...s, itself: true, pickFile: it.path, pickLine: line };
  }
}

/** Column names written in a call argument or a subscript: `["a", "b"]`, `"a"`, or a list from the settings. */
export function columnNames(e: Expr | undefined, v: Val | undefined): string[] | undefined {
  if (e?.k === 'str') return [e.value];
  if (e?.k === 'seq' && e.items.every((i) => i.k === 'str')) return e.items.map((i) => (i as Extract<Expr, { k: 'str' }>).value);
  // `features` bound to a list of names (`PRE_FEATURES + ["avg_basket_30d"]`).
  if (v?.elems?.length && !v.keys && !v.openList && v.elems.every((x) => typeof x.const === 'string')) return v.elems.map((x) => x.const as string);
  const tree = v?.config?.value;
  if (Array.isArray(tree) && tree.every((x) => typeof x === 'string')) return tree as string[];
  return undefined;
}

/** Where the picked list names the column (`features = PRE + ["avg_basket_30d"]`): the line to change, else the pick. */
function listedAt(it: Interpreter, s: LabelSource, pickLine: number): number {
  const lines = it.text.split('\n');
  const named = new RegExp(`["']${escapeRegExp(s.label)}["']`);
  for (let i = pickLine; i >= 1; i--) {
    const text = lines[i - 1] ?? '';
    if (named.test(text) && !(s.file === it.path && i >= s.line && i <= s.endLine) && !/\]\s*=[^=]/.test(text)) return i;
  }
  return pickLine;
}

/** A model fitted on inputs that include a label's source column, with that label as its target. */
export function checkLabelInputs(it: Interpreter, X: Val | undefined, y: Val | undefined, fitLine: number): void {
  // An input computed from the very column the model is fitted to predict (`revenue_30d / orders_30d` for `revenue_30d`).
  for (const d of X?.derivedInputs ?? []) {
    const label = [y?.column, ...(y?.labelColumns ?? [])].find((c) => c !== undefined && c !== d.label && (d.columns ?? [d.column]).includes(c));
    if (label === undefined) continue;
    const facts = it.factsOf(d.pickFile);
    if (facts.labelLeaks.some((l) => l.fromLabel && l.column === d.label)) continue;
    facts.labelLeaks.push({ label, column: d.label, file: d.pickFile, line: d.pickLine, endLine: d.pickLine, pickFile: d.file, pickLine: d.line, fitFile: it.path, fitLine, fromLabel: true });
  }
  const s = X?.labelInputs;
  if (!s) return;
  const asLabel = y?.column === s.label || isLabelColumn(it.text, s.label) || /^(y|target|label|labels|class|outcome)$|(^|_)(target|label)(_|$)/i.test(s.label);
  const facts = it.factsOf(s.file);
  if (!asLabel || facts.labelLeaks.some((l) => l.label === s.label && l.column === s.column)) return;
  facts.labelLeaks.push({ ...s, fitFile: it.path, fitLine });
}
