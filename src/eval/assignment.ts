/**
 * Minimum-cost one-to-one assignment (the Hungarian algorithm with potentials, O(n²m)).
 *
 * Greedy nearest-first matching undercounts: a finding that sits between two expected issues can
 * take the one a second finding needed. The optimal assignment maximizes the number of pairs first
 * and minimizes the total cost among those, so scores do not depend on the order findings arrive in.
 */

/** `cost[i][j]` is the cost of pairing row i with column j, or `null` when they may not be paired. */
export type CostMatrix = readonly (readonly (number | null)[])[];

export interface Pair {
  row: number;
  column: number;
  cost: number;
}

/**
 * Pairs rows with columns one to one: as many pairs as possible, then the least total cost.
 * Returns pairs sorted by row. Costs must be finite and non-negative.
 */
export function assign(cost: CostMatrix): Pair[] {
  const rows = cost.length;
  const columns = rows === 0 ? 0 : Math.max(...cost.map((r) => r.length));
  if (rows === 0 || columns === 0) return [];
  let allowedTotal = 0;
  for (const row of cost) {
    for (const c of row) {
      if (c === null) continue;
      if (!Number.isFinite(c) || c < 0) throw new Error(`assignment costs must be finite and non-negative, got ${c}`);
      allowedTotal += c;
    }
  }
  // A forbidden pair costs more than every allowed pair together, so the optimum uses as few as possible.
  const forbidden = allowedTotal + 1;
  const transpose = rows > columns;
  const n = transpose ? columns : rows;
  const m = transpose ? rows : columns;
  const at = (i: number, j: number): number => {
    const c = transpose ? cost[j]?.[i] : cost[i]?.[j];
    return c === null || c === undefined ? forbidden : c;
  };
  const columnOf = solve(n, m, at);
  const pairs: Pair[] = [];
  for (let i = 0; i < n; i++) {
    const j = columnOf[i] as number;
    const row = transpose ? j : i;
    const column = transpose ? i : j;
    const c = cost[row]?.[column];
    if (c !== null && c !== undefined) pairs.push({ row, column, cost: c });
  }
  return pairs.sort((a, b) => a.row - b.row);
}

/** Classic potentials formulation for n <= m; returns the column assigned to each row. */
function solve(n: number, m: number, at: (i: number, j: number) => number): number[] {
  const u = new Array<number>(n + 1).fill(0);
  const v = new Array<number>(m + 1).fill(0);
  const rowOfColumn = new Array<number>(m + 1).fill(0); // 1-based row matched to column j; 0 = free
  const way = new Array<number>(m + 1).fill(0);
  for (let i = 1; i <= n; i++) {
    rowOfColumn[0] = i;
    let j0 = 0;
    const minv = new Array<number>(m + 1).fill(Infinity);
    const used = new Array<boolean>(m + 1).fill(false);
    do {
      used[j0] = true;
      const i0 = rowOfColumn[j0] as number;
      let delta = Infinity;
      let j1 = 0;
      for (let j = 1; j <= m; j++) {
        if (used[j]) continue;
        const current = at(i0 - 1, j - 1) - (u[i0] as number) - (v[j] as number);
        if (current < (minv[j] as number)) {
          minv[j] = current;
          way[j] = j0;
        }
        if ((minv[j] as number) < delta) {
          delta = minv[j] as number;
          j1 = j;
        }
      }
      for (let j = 0; j <= m; j++) {
        if (used[j]) {
          const r = rowOfColumn[j] as number;
          u[r] = (u[r] as number) + delta;
          v[j] = (v[j] as number) - delta;
        } else {
          minv[j] = (minv[j] as number) - delta;
        }
      }
      j0 = j1;
    } while ((rowOfColumn[j0] as number) !== 0);
    do {
      const j1 = way[j0] as number;
      rowOfColumn[j0] = rowOfColumn[j1] as number;
      j0 = j1;
    } while (j0 !== 0);
  }
  const columnOf = new Array<number>(n).fill(-1);
  for (let j = 1; j <= m; j++) {
    const r = rowOfColumn[j] as number;
    if (r > 0) columnOf[r - 1] = j - 1;
  }
  return columnOf;
}
