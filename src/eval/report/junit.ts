import type { EvalLog } from '../log.js';
import { rate } from './format.js';

/** Text for XML 1.0: escaped, with characters XML cannot carry removed. */
export function xmlEscape(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const seconds = (ms: number) => (ms / 1000).toFixed(3);

/**
 * JUnit XML for CI test views: one test per case, plus one for the regression gate. With a
 * baseline, a case fails when it got worse (flipped); without one, when it is not perfect.
 * Failed samples are errors.
 */
export function renderJunit(log: EvalLog): string {
  const { spec, results, comparison } = log;
  const suiteName = `${spec.agent} (${spec.provider}, ${spec.model})`;
  const durations = new Map<string, number>();
  for (const s of log.samples) durations.set(s.case, (durations.get(s.case) ?? 0) + (s.review?.durationMs ?? 0));
  const testcases: string[] = [];
  let failures = 0;
  let errors = 0;
  for (const c of results.cases) {
    const detail = [
      `TP ${c.all.tp}, FP ${c.all.fp}, FN ${c.all.fn}; precision ${rate(c.precision)}, recall ${rate(c.recall)}, F1 ${rate(c.f1)}`,
      `verdicts: ${c.verdicts.join(', ')}`,
      ...Object.entries(c.caught).map(([key, share]) => `${share >= 0.5 ? 'caught' : 'missed'}: ${key}`),
    ].join('\n');
    let outcome = '';
    if (c.errors.length) {
      errors += 1;
      outcome = `<error message="${xmlEscape(c.errors[0] ?? '')}">${xmlEscape(c.errors.join('\n'))}</error>`;
    } else {
      const reasons = comparison
        ? comparison.flips.filter((f) => f.case === c.id && f.worse).map((f) => `${f.kind}: ${f.detail}`)
        : [
            ...(c.all.fn ? [`${c.all.fn} expected finding(s) missed`] : []),
            ...(c.all.fp ? [`${c.all.fp} false positive(s)`] : []),
            ...(c.verdictCorrect < 1 ? ['wrong verdict'] : []),
          ];
      if (reasons.length) {
        failures += 1;
        outcome = `<failure message="${xmlEscape(reasons.join('; '))}">${xmlEscape(detail)}</failure>`;
      }
    }
    testcases.push(
      `    <testcase classname="eval.${xmlEscape(spec.agent)}" name="${xmlEscape(c.id)}" time="${seconds(durations.get(c.id) ?? 0)}">${outcome}<system-out>${xmlEscape(detail)}</system-out></testcase>`,
    );
  }
  if (comparison) {
    const regressed = comparison.changes.filter((ch) => ch.regressed);
    let outcome = '';
    if (regressed.length) {
      failures += 1;
      const message = regressed.map((ch) => `${ch.metric} ${rate(ch.baseline)} → ${rate(ch.current)}`).join('; ');
      outcome = `<failure message="${xmlEscape(`regression against ${comparison.baselineFile}: ${message}`)}"/>`;
    }
    testcases.push(`    <testcase classname="eval.${xmlEscape(spec.agent)}" name="regression gate" time="0">${outcome}</testcase>`);
  }
  const attrs = `tests="${testcases.length}" failures="${failures}" errors="${errors}" time="${seconds(log.wallTimeMs)}"`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="review-agent eval" ${attrs}>`,
    `  <testsuite name="${xmlEscape(suiteName)}" ${attrs}>`,
    ...testcases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
