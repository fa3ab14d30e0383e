// Rows repeated by concatenation (`pd.concat([df] + [minority] * 3)`): upsampling by hand.
import type { Expr } from '../python/ast.js';

/** Each item of a list expression with how many times it is listed (`[a] + [b] * 3`, `[b for _ in range(3)]`). */
function listedItems(e: Expr, times: number, out: Map<string, { expr: Expr; count: number }>, src: (e: Expr) => string): boolean {
  if (e.k === 'seq' && e.kind !== 'set') {
    for (const item of e.items) {
      if (item.k === 'star') return false;
      const key = src(item);
      const prior = out.get(key);
      out.set(key, { expr: item, count: (prior?.count ?? 0) + times });
    }
    return true;
  }
  if (e.k === 'binop' && e.op === '+') return listedItems(e.left, times, out, src) && listedItems(e.right, times, out, src);
  if (e.k === 'binop' && e.op === '*') {
    const [list, n] = e.left.k === 'num' ? [e.right, e.left] : [e.left, e.right];
    if (n.k !== 'num' || !Number.isInteger(n.value)) return false;
    return n.value > 0 ? listedItems(list, times * n.value, out, src) : true;
  }
  if (e.k === 'comp' && e.gens.length === 1 && e.conds.length === 0) {
    const gen = e.gens[0]!;
    const target = gen.target.k === 'name' ? gen.target.id : undefined;
    const range = gen.iter.k === 'call' && gen.iter.fn.k === 'name' && gen.iter.fn.id === 'range' && gen.iter.args.length === 1 ? gen.iter.args[0] : undefined;
    if (!range || range.k !== 'num' || range.value < 2 || (target !== undefined && target !== '_' && new RegExp(`\\b${target}\\b`).test(src(e.elt)))) return false;
    const key = src(e.elt);
    out.set(key, { expr: e.elt, count: (out.get(key)?.count ?? 0) + times * range.value });
    return true;
  }
  return false;
}

/**
 * The item a row concatenation lists more than once next to other rows (class upsampling by
 * repetition), or undefined. Repeating every item (`[df] * 2`) is not upsampling a class.
 */
export function repeatedItem(list: Expr, src: (e: Expr) => string): Expr | undefined {
  const items = new Map<string, { expr: Expr; count: number }>();
  if (!listedItems(list, 1, items, src) || items.size < 2) return undefined;
  const counts = [...items.values()];
  const most = counts.reduce((a, b) => (b.count > a.count ? b : a));
  return most.count >= 2 && counts.some((c) => c.count < most.count) ? most.expr : undefined;
}
