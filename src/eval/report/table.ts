import type { Comparison } from '../compare.js';
import type { EvalLog } from '../log.js';
import { cost, duration, estimate, METRIC_LABELS, rate, signed, tokens } from './format.js';

/** The terminal report: one row per case, then overall scores and the change from the baseline. */
export function renderTable(log: EvalLog): string {
  const { spec, results } = log;
  const m = results.metrics;
  const lines: string[] = [];
  const shard = spec.shard ? ` · shard ${spec.shard.index}/${spec.shard.count}` : '';
  lines.push(
    `${spec.agent} · ${spec.provider} (${spec.model}) · ${m.cases} cases × ${spec.trials} trial${spec.trials === 1 ? '' : 's'} · window ±${spec.window}${shard}`,
    '',
  );
  const specs = new Map(spec.cases.map((c) => [c.id, c]));
  const rows: string[][] = [['case', 'verdict (expected → got)', 'TP', 'FP', 'FN', 'P', 'R', 'F1', 'sev', 'unver', 'tokens', 'time', 'notes']];
  for (const c of results.cases) {
    const expectedVerdict = specs.get(c.id)?.verdict ?? '?';
    const got = [...new Set(c.verdicts)].join('/');
    const notes = [
      ...c.errors,
      c.incomplete ? `${c.incomplete} incomplete` : '',
      ...(log.comparison?.flips.filter((f) => f.case === c.id && f.worse).map((f) => `${f.kind}: ${f.detail}`) ?? []),
    ].filter(Boolean);
    rows.push([
      c.id,
      `${expectedVerdict} → ${got}${c.verdictCorrect === 1 ? '' : ' ✗'}`,
      String(c.all.tp),
      String(c.all.fp),
      String(c.all.fn),
      rate(c.precision),
      rate(c.recall),
      rate(c.f1),
      c.all.tp ? `${c.severityAgreements}/${c.all.tp}` : '–',
      c.findings ? `${c.unverified}/${c.findings}` : '–',
      String(c.usage.inputTokens + c.usage.outputTokens),
      duration(c.durationMs),
      notes.join('; '),
    ]);
  }
  lines.push(...align(rows), '');
  const ci = '95% intervals in brackets';
  lines.push(
    `all findings     precision ${estimate(m.all.precision)}  recall ${estimate(m.all.recall)}  F1 ${estimate(m.all.f1)}  (${ci})`,
    `                 macro: precision ${rate(m.all.macro.precision)}  recall ${rate(m.all.macro.recall)}  F1 ${rate(m.all.macro.f1)}`,
    `CRITICAL/HIGH    precision ${estimate(m.severe.precision)}  recall ${estimate(m.severe.recall)}  F1 ${estimate(m.severe.f1)}`,
    `verdicts         accuracy ${estimate(m.verdictAccuracy)}    severity agreement ${estimate(m.severityAgreement)}`,
    `findings         ${m.all.counts.tp} matched, ${m.all.counts.fp} false positive, ${m.all.counts.fn} missed, ${m.neutral} neutral; unverified rate ${estimate(m.unverifiedRate)}`,
    `cost             ${tokens(m.usage)} tokens; ${cost(m.usage)}; ${duration(m.durationMs)} of review time, ${duration(log.wallTimeMs)} wall`,
  );
  if (m.errors || m.incomplete) lines.push(`problems         ${m.errors} sample(s) failed, ${m.incomplete} incomplete`);
  if (log.status !== 'success') lines.push(`status           ${log.status}${log.error ? `: ${log.error}` : ''}`);
  if (log.comparison) lines.push('', ...renderComparison(log.comparison));
  return `${lines.join('\n')}\n`;
}

export function renderComparison(c: Comparison): string[] {
  const lines = [`compared with ${c.baselineFile} (margin ${c.margin}${c.paired ? ', paired 95% intervals' : ''}):`];
  for (const change of c.changes) {
    const interval = change.interval ? ` [${signed(change.interval.low)}, ${signed(change.interval.high)}]` : '';
    lines.push(
      `  ${METRIC_LABELS[change.metric].padEnd(17)} ${rate(change.baseline)} → ${rate(change.current)}  ${signed(change.delta)}${interval}${change.regressed ? '  REGRESSED' : ''}`,
    );
  }
  const worse = c.flips.filter((f) => f.worse);
  const better = c.flips.filter((f) => !f.worse);
  if (worse.length) lines.push('  worse:', ...worse.map((f) => `    ${f.case}: ${f.kind} (${f.detail})`));
  if (better.length) lines.push('  better:', ...better.map((f) => `    ${f.case}: ${f.kind} (${f.detail})`));
  if (c.newCases.length) lines.push(`  new cases (not in the baseline): ${c.newCases.join(', ')}`);
  if (c.missingCases.length) lines.push(`  baseline cases not run: ${c.missingCases.join(', ')}`);
  lines.push(c.regressed ? '  result: REGRESSION' : '  result: no regression');
  return lines;
}

function align(rows: string[][]): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, [...cell].length)));
  return rows.map((row) =>
    row
      .map((cell, i) => (i === row.length - 1 ? cell : cell + ' '.repeat((widths[i] ?? 0) - [...cell].length)))
      .join('  ')
      .trimEnd(),
  );
}
