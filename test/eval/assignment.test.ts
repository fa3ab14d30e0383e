import { describe, expect, it } from 'vitest';
import { assign, type CostMatrix } from '../../src/eval/assignment.js';
import { seededRandom } from '../../src/eval/stats.js';

/** Exhaustive reference: best (most pairs, then least cost) over all injective partial maps. */
function bruteForce(cost: CostMatrix): { pairs: number; total: number } {
  const rows = cost.length;
  const columns = Math.max(0, ...cost.map((r) => r.length));
  let best = { pairs: 0, total: 0 };
  const used = new Array<boolean>(columns).fill(false);
  const visit = (i: number, pairs: number, total: number): void => {
    if (i === rows) {
      if (pairs > best.pairs || (pairs === best.pairs && total < best.total)) best = { pairs, total };
      return;
    }
    visit(i + 1, pairs, total);
    for (let j = 0; j < columns; j++) {
      const c = cost[i]?.[j];
      if (used[j] || c === null || c === undefined) continue;
      used[j] = true;
      visit(i + 1, pairs + 1, total + c);
      used[j] = false;
    }
  };
  visit(0, 0, 0);
  return best;
}

describe('assign', () => {
  it('beats greedy nearest-first matching', () => {
    // Finding 0 is nearest to expected 0 but is the only finding that can reach expected 1.
    // Greedy pairs (0,0) and leaves expected 1 unmatched; the optimum pairs both.
    const cost: CostMatrix = [
      [1, 2],
      [0, null],
    ];
    const pairs = assign(cost);
    expect(pairs).toEqual([
      { row: 0, column: 1, cost: 2 },
      { row: 1, column: 0, cost: 0 },
    ]);
  });

  it('handles rectangular matrices both ways and empty inputs', () => {
    expect(assign([[3, 1, 2]])).toEqual([{ row: 0, column: 1, cost: 1 }]);
    expect(assign([[3], [1], [2]])).toEqual([{ row: 1, column: 0, cost: 1 }]);
    expect(assign([])).toEqual([]);
    expect(assign([[], []])).toEqual([]);
    expect(assign([[null, null]])).toEqual([]);
  });

  it('rejects negative or infinite costs', () => {
    expect(() => assign([[-1]])).toThrow(/non-negative/);
    expect(() => assign([[Infinity]])).toThrow(/finite/);
  });

  it('agrees with exhaustive search on random matrices', () => {
    const random = seededRandom(99);
    for (let trial = 0; trial < 300; trial++) {
      const rows = 1 + Math.floor(random() * 5);
      const columns = 1 + Math.floor(random() * 5);
      const cost = Array.from({ length: rows }, () =>
        Array.from({ length: columns }, () => (random() < 0.35 ? null : Math.floor(random() * 8))),
      );
      const pairs = assign(cost);
      const expected = bruteForce(cost);
      expect(pairs.length).toBe(expected.pairs);
      expect(pairs.reduce((s, p) => s + p.cost, 0)).toBe(expected.total);
      expect(new Set(pairs.map((p) => p.column)).size).toBe(pairs.length);
    }
  });
});
