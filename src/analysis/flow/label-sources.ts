// A label computed from one column of the same frame (`df["urgent"] = df["priority"].isin(["P1", "P2"])`) while
// that column stays among the model's inputs (`X = df.drop(columns=["urgent"])`, `df[["priority", ...]]`): the
// model reads the answer. Forecast targets (a shifted or rolled column) and labels built from several columns
// are left alone: there the source column is a legitimate input.
import type { Expr } from '../python/ast.js';
import { dotted } from '../python/ast.js';
import type { Interpreter } from './interpreter.js';
import { isLabelColumn } from './knowledge.js';
import type { LabelSource, Val } from './values.js';

type Sub = Extract<Expr, { k: 'sub' }>;

/** Steps that make a target from a column's future or its neighbours (forecasting), not a relabelling of it. */
const TEMPORAL = /\.(shift|rolling|diff|pct_change|ewm|expanding|groupby|cumsum|cumprod|transform|rank|resample)\(/;

/** `df["label"] = f(df["col"])`: remembered on the frame when `col` is the only column the expression reads. */
export function noteLabelSource(it: Interpreter, target: Sub, owner: Val, valueExpr: Expr | undefined): void {
  const key = target.index.length === 1 && target.index[0]!.k === 'str' ? target.index[0]!.value : undefined;
  const frame = dotted(target.obj);
  if (!key || !frame || !valueExpr || !owner.data) return;
  const text = it.src(valueExpr);
  if (TEMPORAL.test(text)) return;
  const columns = new Set<string>();
  const escaped = frame.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  for (const m of text.matchAll(new RegExp(`(?<![\\w.])${escaped}(?:\\[\\s*["']([^"'\\]]+)["']\\s*\\]|\\.([A-Za-z_]\\w*)\\b(?!\\s*\\())`, 'g'))) {
    const col = m[1] ?? m[2];
    if (col && !/^(loc|iloc|at|iat|values|index|columns|shape|dtypes|T|str|dt|cat)$/.test(col)) columns.add(col);
  }
  if (columns.size !== 1) return;
  const column = [...columns][0]!;
  if (column === key) return;
  const source: LabelSource = { label: key, column, file: it.path, line: it.stmt?.line ?? valueExpr.line, endLine: it.stmt?.endLine ?? valueExpr.endLine };
  owner.labelFrom = [...(owner.labelFrom ?? []).filter((s) => s.label !== key), source];
}

/** The inputs picked from a frame with label sources: all but the dropped columns, or the listed ones. */
export function notePickedInputs(it: Interpreter, from: Val, out: Val, picked: { kept?: readonly string[]; dropped?: readonly string[]; asInputs?: boolean }, line: number): void {
  for (const s of from.labelFrom ?? []) {
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
  const tree = v?.config?.value;
  if (Array.isArray(tree) && tree.every((x) => typeof x === 'string')) return tree as string[];
  return undefined;
}

/** A model fitted on inputs that include a label's source column, with that label as its target. */
export function checkLabelInputs(it: Interpreter, X: Val | undefined, y: Val | undefined, fitLine: number): void {
  const s = X?.labelInputs;
  if (!s) return;
  const asLabel = y?.column === s.label || isLabelColumn(it.text, s.label) || /^(y|target|label|labels|class|outcome)$|(^|_)(target|label)(_|$)/i.test(s.label);
  const facts = it.factsOf(s.file);
  if (!asLabel || facts.labelLeaks.some((l) => l.label === s.label && l.column === s.column)) return;
  facts.labelLeaks.push({ ...s, fitFile: it.path, fitLine });
}
