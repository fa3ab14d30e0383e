import { Finding, Review, Site, Usage, Verification } from '../review/schema.js';

/**
 * The review as JSON in the schema's own key order (not insertion order), so two runs over the
 * same answer produce byte-identical files that diff cleanly.
 */

type Order = { keys: string[]; children?: Record<string, Order> };

const SITE: Order = { keys: Object.keys(Site.shape) };
const FINDING: Order = {
  keys: Object.keys(Finding.shape),
  children: { sites: SITE, verification: { keys: Object.keys(Verification.shape) } },
};
const REVIEW: Order = {
  keys: Object.keys(Review.shape),
  children: {
    findings: FINDING,
    usage: { keys: Object.keys(Usage.shape) },
    verdictOverride: { keys: ['modelVerdict', 'reason'] },
  },
};

function ordered(value: unknown, order: Order | undefined): unknown {
  if (Array.isArray(value)) return value.map((v) => ordered(v, order));
  if (typeof value !== 'object' || value === null || !order) return value;
  const record = value as Record<string, unknown>;
  const known = order.keys.filter((k) => k in record);
  const extra = Object.keys(record)
    .filter((k) => !order.keys.includes(k))
    .sort();
  const out: Record<string, unknown> = {};
  for (const key of [...known, ...extra]) {
    if (record[key] !== undefined) out[key] = ordered(record[key], order.children?.[key]);
  }
  return out;
}

export function renderJson(review: Review): string {
  return `${JSON.stringify(ordered(review, REVIEW), null, 2)}\n`;
}
