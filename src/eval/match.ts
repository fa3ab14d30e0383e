import type { Finding, Severity } from '../review/schema.js';
import { severityRank } from '../review/schema.js';
import { assign } from './assignment.js';
import type { AcceptableFinding, CaseSpec, ExpectedFinding } from './case.js';

/** Default line window: a finding matches an expectation within the expected range widened by this. */
export const DEFAULT_WINDOW = 3;

export interface MatchOptions {
  /** Lines either side of the expected range; default 3. */
  window?: number;
  /** Only expectations and findings of these severities take part (e.g. CRITICAL and HIGH). */
  severities?: readonly Severity[];
  /** `"<expected>:<finding>"` pairs that may not match (a judge rejected them). */
  forbidden?: ReadonlySet<string>;
}

export interface MatchedPair {
  expected: number;
  finding: number;
  /** Lines between the finding and the expected range; 0 when they overlap. */
  distance: number;
  severityAgrees: boolean;
}

/** One case's findings sorted against its expectations. Indices refer to the case's lists and the review's findings. */
export interface CaseMatch {
  matched: MatchedPair[];
  /** Expected findings nobody reported. */
  missed: number[];
  /** Findings that match nothing, are not acceptable, and are not below `clean_below`. */
  falsePositives: number[];
  /** Findings that count neither way: acceptable ones, and those below `clean_below`. */
  neutral: number[];
}

export function pairKey(expected: number, finding: number): string {
  return `${expected}:${finding}`;
}

/** Distance between two line ranges: 0 when they overlap, else the gap. */
export function rangeDistance(a: readonly [number, number], b: readonly [number, number]): number {
  if (a[1] < b[0]) return b[0] - a[1];
  if (b[1] < a[0]) return a[0] - b[1];
  return 0;
}

/** The places a finding cites: its own range and, for merged duplicates, its other sites. */
function locations(finding: Finding): { file: string; range: [number, number] }[] {
  const own = { file: finding.file, range: [finding.line, Math.max(finding.line, finding.endLine ?? finding.line)] as [number, number] };
  return [own, ...(finding.sites ?? []).map((s) => ({ file: s.file, range: [s.line, s.line] as [number, number] }))];
}

/**
 * Least distance from any of the finding's locations in the same file, or null if none is within
 * the window. When both sides name a rule (a rule engine's findings do, a model's usually do not),
 * different rules never match: another rule firing near a missed issue is not a catch.
 */
export function distanceTo(
  finding: Finding,
  target: { file: string; lines: readonly [number, number]; rule?: string },
  window: number,
): number | null {
  if (finding.rule && target.rule && finding.rule !== target.rule) return null;
  let best: number | null = null;
  for (const loc of locations(finding)) {
    if (normalize(loc.file) !== normalize(target.file)) continue;
    const d = rangeDistance(loc.range, target.lines);
    if (d <= window && (best === null || d < best)) best = d;
  }
  return best;
}

function normalize(file: string): string {
  return file.replace(/\\/g, '/').replace(/^\.\//, '');
}

/**
 * Matches findings to expectations one to one (optimal assignment by line distance), then sorts the
 * rest: acceptable or below `clean_below` is neutral, anything else is a false positive.
 */
export function matchCase(spec: CaseSpec, findings: readonly Finding[], options: MatchOptions = {}): CaseMatch {
  const window = options.window ?? DEFAULT_WINDOW;
  const inScope = (s: Severity) => options.severities === undefined || options.severities.includes(s);
  const expectedIdx = spec.expected.flatMap((e, i) => (inScope(e.severity) ? [i] : []));
  const findingIdx = findings.flatMap((f, i) => (inScope(f.severity) ? [i] : []));
  const cost = expectedIdx.map((ei) =>
    findingIdx.map((fi) => {
      if (options.forbidden?.has(pairKey(ei, fi))) return null;
      return distanceTo(findings[fi] as Finding, spec.expected[ei] as ExpectedFinding, window);
    }),
  );
  const matched: MatchedPair[] = assign(cost).map((p) => {
    const expected = expectedIdx[p.row] as number;
    const finding = findingIdx[p.column] as number;
    return {
      expected,
      finding,
      distance: p.cost,
      severityAgrees: (findings[finding] as Finding).severity === (spec.expected[expected] as ExpectedFinding).severity,
    };
  });
  const matchedExpected = new Set(matched.map((m) => m.expected));
  const matchedFindings = new Set(matched.map((m) => m.finding));
  // In a restricted view, a real issue of another severity is not a false alarm: treat it as acceptable.
  const acceptable: AcceptableFinding[] = [
    ...spec.acceptable,
    ...spec.expected.filter((e) => !inScope(e.severity)),
  ];
  const falsePositives: number[] = [];
  const neutral: number[] = [];
  for (const fi of findingIdx) {
    if (matchedFindings.has(fi)) continue;
    const f = findings[fi] as Finding;
    const belowClean = spec.cleanBelow !== undefined && severityRank(f.severity) > severityRank(spec.cleanBelow);
    const isAcceptable = acceptable.some((a) => distanceTo(f, a, window) !== null);
    (belowClean || isAcceptable ? neutral : falsePositives).push(fi);
  }
  return {
    matched,
    missed: expectedIdx.filter((ei) => !matchedExpected.has(ei)),
    falsePositives,
    neutral,
  };
}
