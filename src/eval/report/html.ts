import type { Finding } from '../../review/schema.js';
import type { CaseSpec, ExpectedFinding } from '../case.js';
import type { EvalLog } from '../log.js';
import { scoreAll } from '../log.js';
import type { SampleScore } from '../score.js';
import type { Estimate } from '../stats.js';
import { cost, duration, estimate, METRIC_LABELS, rate, signed, tokens } from './format.js';

/** Everything shown comes from cases and model output: untrusted, so every string goes through here. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

const e = escapeHtml;

const STYLE = `
body{font:14px/1.45 system-ui,sans-serif;margin:2rem;color:#1d1d1f;max-width:1200px}
h1{font-size:1.4rem}h2{font-size:1.15rem;margin-top:2rem}h3{font-size:1rem;margin:0}
table{border-collapse:collapse;margin:.5rem 0}th,td{border:1px solid #ddd;padding:.3rem .6rem;text-align:left;vertical-align:top}
th{background:#f5f5f7}.num{text-align:right;font-variant-numeric:tabular-nums}
.bad{color:#b00020;font-weight:600}.good{color:#1b7f3b;font-weight:600}.muted{color:#6e6e73}
section.case{border:1px solid #ddd;border-radius:6px;padding:.8rem 1rem;margin:1rem 0}
section.case.problem{border-color:#b00020}
.pair{display:grid;grid-template-columns:1fr 1fr;gap:.5rem;margin:.3rem 0}
.cell{border:1px solid #eee;border-radius:4px;padding:.4rem .6rem;min-height:1.5rem;white-space:pre-wrap;overflow-wrap:anywhere}
.matched{background:#eef8f0}.missed{background:#fdecee}.fp{background:#fff4e5}.neutral{background:#f5f5f7}
.tag{font-size:.75rem;text-transform:uppercase;letter-spacing:.04em;margin-right:.4rem}
`;

/** One self-contained page: overall scores, the change from the baseline, each case's expected and found findings side by side. */
export function renderHtml(log: EvalLog): string {
  const { spec, results } = log;
  const m = results.metrics;
  const title = `Eval: ${spec.agent} · ${spec.provider} (${spec.model})`;
  const scores = scoreAll(spec, log.samples);
  const body = [
    `<h1>${e(title)}</h1>`,
    `<p class="muted">${m.cases} cases × ${spec.trials} trial(s), line window ±${spec.window}${spec.shard ? `, shard ${spec.shard.index}/${spec.shard.count}` : ''}; status ${e(log.status)}${log.error ? `: ${e(log.error)}` : ''}. Intervals are 95%.</p>`,
    overall(log),
    comparison(log),
    '<h2 id="cases">Cases</h2>',
    ...spec.cases.map((c) => caseSection(c, scores.filter((s) => s.case === c.id), log)),
  ];
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    // No scripts and no network: the page is data only.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    `<title>${e(title)}</title><style>${STYLE}</style></head>`,
    `<body>${body.join('\n')}</body></html>`,
    '',
  ].join('\n');
}

function row(label: string, value: string, id?: string): string {
  return `<tr${id ? ` id="${id}"` : ''}><th scope="row">${e(label)}</th><td class="num">${e(value)}</td></tr>`;
}

function overall(log: EvalLog): string {
  const m = log.results.metrics;
  const est = (x: Estimate) => estimate(x);
  return [
    '<h2 id="overall">Overall</h2><table class="overall"><tbody>',
    row('precision', est(m.all.precision), 'precision'),
    row('recall', est(m.all.recall), 'recall'),
    row('F1', est(m.all.f1), 'f1'),
    row('macro precision / recall / F1', `${rate(m.all.macro.precision)} / ${rate(m.all.macro.recall)} / ${rate(m.all.macro.f1)}`),
    row('CRITICAL/HIGH precision', est(m.severe.precision), 'severe-precision'),
    row('CRITICAL/HIGH recall', est(m.severe.recall), 'severe-recall'),
    row('CRITICAL/HIGH F1', est(m.severe.f1)),
    row('verdict accuracy', est(m.verdictAccuracy), 'verdict-accuracy'),
    row('severity agreement', est(m.severityAgreement)),
    row('unverified-finding rate', est(m.unverifiedRate)),
    row('findings', `${m.all.counts.tp} matched, ${m.all.counts.fp} false positive, ${m.all.counts.fn} missed, ${m.neutral} neutral`),
    row('failed / incomplete samples', `${m.errors} / ${m.incomplete}`),
    row('tokens', tokens(m.usage)),
    row('cost', cost(m.usage)),
    row('time', `${duration(m.durationMs)} review, ${duration(log.wallTimeMs)} wall`),
    '</tbody></table>',
  ].join('\n');
}

function comparison(log: EvalLog): string {
  const c = log.comparison;
  if (!c) return '<h2 id="baseline">Change from the baseline</h2><p class="muted">No baseline to compare with.</p>';
  const rows = c.changes.map(
    (ch) =>
      `<tr><th scope="row">${e(METRIC_LABELS[ch.metric])}</th><td class="num">${rate(ch.baseline)}</td><td class="num">${rate(ch.current)}</td><td class="num">${e(signed(ch.delta))}${ch.interval ? ` [${e(signed(ch.interval.low))}, ${e(signed(ch.interval.high))}]` : ''}</td><td class="${ch.regressed ? 'bad' : 'good'}">${ch.regressed ? 'regressed' : 'ok'}</td></tr>`,
  );
  const flips = c.flips.map(
    (f) => `<li class="${f.worse ? 'bad' : 'good'}"><a href="#case-${e(f.case)}">${e(f.case)}</a>: ${e(f.kind)} <span class="muted">(${e(f.detail)})</span></li>`,
  );
  return [
    '<h2 id="baseline">Change from the baseline</h2>',
    `<p>Compared with <code>${e(c.baselineFile)}</code>, margin ${c.margin}${c.paired ? ', paired 95% intervals' : ''}: <span id="gate" class="${c.regressed ? 'bad' : 'good'}">${c.regressed ? 'REGRESSION' : 'no regression'}</span></p>`,
    '<table class="changes"><thead><tr><th>metric</th><th>baseline</th><th>now</th><th>change</th><th></th></tr></thead><tbody>',
    ...rows,
    '</tbody></table>',
    flips.length ? `<h3>Flipped cases</h3><ul class="flips">${flips.join('')}</ul>` : '<p class="muted">No case flipped.</p>',
    c.newCases.length ? `<p>New cases: ${e(c.newCases.join(', '))}</p>` : '',
    c.missingCases.length ? `<p>Baseline cases not run: ${e(c.missingCases.join(', '))}</p>` : '',
  ].join('\n');
}

function expectedCell(x: ExpectedFinding, kind: string): string {
  const tags = [x.rule, x.category].filter(Boolean).join(' · ');
  return `<div class="cell expected ${kind}"><span class="tag">${e(x.severity)}</span>${e(`${x.file}:${x.lines[0]}-${x.lines[1]}`)}\n${e(x.description)}${tags ? `\n<span class="muted">${e(tags)}</span>` : ''}</div>`;
}

function findingCell(f: Finding, kind: string, label: string): string {
  const where = `${f.file}:${f.line}${f.endLine && f.endLine !== f.line ? `-${f.endLine}` : ''}`;
  const verification = f.verification ? ` · ${f.verification.status}` : '';
  return `<div class="cell found ${kind}"><span class="tag">${e(f.severity)}</span><span class="tag">${e(label)}</span>${e(where)}\n<strong>${e(f.title)}</strong>\n${e(f.issue)}<span class="muted">${e(verification)}</span></div>`;
}

const EMPTY = (text: string) => `<div class="cell"><span class="muted">${e(text)}</span></div>`;

function caseSection(c: CaseSpec, samples: readonly SampleScore[], log: EvalLog): string {
  const summary = log.results.cases.find((s) => s.id === c.id);
  const worse = log.comparison?.flips.filter((f) => f.case === c.id && f.worse) ?? [];
  const problem = worse.length > 0 || samples.some((s) => s.status === 'error');
  const header = [
    `<h3>${e(c.id)}</h3>`,
    `<p>${e(c.description)}${c.tags.length ? ` <span class="muted">[${e(c.tags.join(', '))}]</span>` : ''}</p>`,
    summary
      ? `<p class="scores">TP ${summary.all.tp} · FP ${summary.all.fp} · FN ${summary.all.fn} · F1 ${rate(summary.f1)} · verdict expected <strong>${e(c.verdict)}</strong>, got <strong>${e(summary.verdicts.join(', '))}</strong> · severity agrees ${summary.severityAgreements}/${summary.all.tp} · unverified ${summary.unverified}/${summary.findings} · ${e(tokens(summary.usage))} tokens · ${e(cost(summary.usage))} · ${e(duration(summary.durationMs))}</p>`
      : '',
    ...worse.map((f) => `<p class="bad">${e(f.kind)}: ${e(f.detail)}</p>`),
  ];
  const trials = samples.map((s) => trialBlock(c, s, log, samples.length > 1));
  return `<section class="case${problem ? ' problem' : ''}" id="case-${e(c.id)}">${header.join('\n')}${trials.join('\n')}</section>`;
}

function trialBlock(c: CaseSpec, s: SampleScore, log: EvalLog, labelled: boolean): string {
  const findings = log.samples.find((r) => r.case === s.case && r.trial === s.trial)?.review?.findings ?? [];
  const finding = (i: number) => findings[i] as Finding;
  const pairs: string[] = ['<div class="pair"><div><strong>Expected</strong></div><div><strong>Found</strong></div></div>'];
  for (const m of s.match.matched) {
    pairs.push(`<div class="pair">${expectedCell(c.expected[m.expected] as ExpectedFinding, 'matched')}${findingCell(finding(m.finding), 'matched', m.severityAgrees ? 'matched' : 'matched, other severity')}</div>`);
  }
  for (const i of s.match.missed) pairs.push(`<div class="pair">${expectedCell(c.expected[i] as ExpectedFinding, 'missed')}${EMPTY('missed')}</div>`);
  for (const i of s.match.falsePositives) pairs.push(`<div class="pair">${EMPTY('not expected')}${findingCell(finding(i), 'fp', 'false positive')}</div>`);
  for (const i of s.match.neutral) pairs.push(`<div class="pair">${EMPTY('acceptable or below the clean threshold')}${findingCell(finding(i), 'neutral', 'neutral')}</div>`);
  if (pairs.length === 1) pairs.push(`<div class="pair">${EMPTY('nothing expected')}${EMPTY('nothing found')}</div>`);
  const status = s.error ? `<p class="bad">${e(s.error)}</p>` : s.status === 'incomplete' ? '<p class="bad">review incomplete</p>' : '';
  const label = labelled ? `<h4>trial ${s.trial}</h4>` : '';
  return `<div class="trial">${label}${status}${pairs.join('\n')}</div>`;
}
