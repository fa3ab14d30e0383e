import { createHash } from 'node:crypto';
import type { Finding, Review, Severity } from '../review/schema.js';
import { ciPath, type CiPathOptions } from './ci-paths.js';

/** SARIF result levels for our severities: code hosts show `error` as failing, `note` as informational. */
export const SARIF_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  CRITICAL: 'error',
  HIGH: 'error',
  MEDIUM: 'warning',
  LOW: 'note',
};

/** What a rule engine knows about its rules, to describe them in the SARIF rule table. */
export interface SarifRuleInfo {
  id: string;
  title: string;
  description?: string;
  helpUri?: string;
}

export interface SarifOptions extends CiPathOptions {
  /** review-agent's version, for tool.driver.version. */
  toolVersion?: string;
  /** Descriptions of rule ids findings carry (the offline analyzer's catalogue). */
  rules?: readonly SarifRuleInfo[];
}

const SEVERITY_ORDER: Severity[] = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW'];

function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'finding'
  );
}

/**
 * The rule a finding belongs to: its rule id when a rule engine produced it, else the agent's
 * checklist section, else its title. Model findings rarely repeat titles, so sections group better.
 */
export function ruleIdOf(finding: Finding, agent: string): string {
  if (finding.rule) return finding.rule;
  return `${agent}/${slug(finding.category ?? finding.title)}`;
}

function region(finding: Pick<Finding, 'line' | 'endLine'>, snippet?: string): Record<string, unknown> {
  const out: Record<string, unknown> = { startLine: finding.line };
  if (finding.endLine !== undefined && finding.endLine >= finding.line) out.endLine = finding.endLine;
  if (snippet !== undefined && snippet.trim() !== '') out.snippet = { text: snippet };
  return out;
}

function artifact(file: string, options: SarifOptions): Record<string, unknown> {
  const uri = ciPath(file, options).split('/').map(encodeURIComponent).join('/');
  return { uri, uriBaseId: '%SRCROOT%' };
}

function messageText(f: Finding): string {
  return [f.title, f.issue, `Impact: ${f.impact}`, `Fix: ${f.fix}`].join('\n\n');
}

function messageMarkdown(f: Finding): string {
  const parts = [`**${f.title}**`, f.issue, `**Impact:** ${f.impact}`, `**Fix:** ${f.fix}`];
  if (f.fixed) parts.push(`\`\`\`\n${f.fixed.replace(/\n$/, '')}\n\`\`\``);
  return parts.join('\n\n');
}

/** A stable identity across runs, so a code host does not reopen the same alert as new. */
function fingerprint(ruleId: string, f: Finding): string {
  const anchor = (f.current ?? f.title).replace(/\s+/g, ' ').trim();
  return createHash('sha256').update(`${ruleId}\0${f.file}\0${anchor}`).digest('hex').slice(0, 32);
}

/** Only a fix whose lines were checked against the code is offered as an edit. */
function fixes(f: Finding, options: SarifOptions): unknown[] | undefined {
  const checked = f.verification?.status === 'verified' || f.verification?.status === 'corrected';
  if (!checked || f.fixed === undefined || f.current === undefined) return undefined;
  return [
    {
      description: { text: f.fix },
      artifactChanges: [
        {
          artifactLocation: artifact(f.file, options),
          replacements: [{ deletedRegion: region(f), insertedContent: { text: f.fixed.replace(/\n$/, '') } }],
        },
      ],
    },
  ];
}

function result(f: Finding, ruleId: string, ruleIndex: number, options: SarifOptions): Record<string, unknown> {
  const out: Record<string, unknown> = {
    ruleId,
    ruleIndex,
    level: SARIF_LEVEL[f.severity],
    message: { text: messageText(f), markdown: messageMarkdown(f) },
    locations: [{ physicalLocation: { artifactLocation: artifact(f.file, options), region: region(f, f.current) } }],
    partialFingerprints: { 'reviewAgentFinding/v1': fingerprint(ruleId, f) },
    properties: {
      severity: f.severity,
      ...(f.category ? { category: f.category } : {}),
      ...(f.verification ? { verification: f.verification.status } : {}),
    },
  };
  if (f.sites?.length) {
    out.relatedLocations = f.sites.map((site, i) => ({
      id: i + 1,
      physicalLocation: { artifactLocation: artifact(site.file, options), region: { startLine: site.line } },
      message: { text: 'The same root cause appears here.' },
    }));
  }
  const fix = fixes(f, options);
  if (fix) out.fixes = fix;
  return out;
}

interface RuleEntry {
  id: string;
  findings: Finding[];
}

function ruleDescriptor(entry: RuleEntry, info: SarifRuleInfo | undefined): Record<string, unknown> {
  const first = entry.findings[0]!;
  const worst = SEVERITY_ORDER.find((s) => entry.findings.some((f) => f.severity === s)) ?? first.severity;
  const title = info?.title ?? first.category ?? first.title;
  const descriptor: Record<string, unknown> = {
    id: entry.id,
    shortDescription: { text: title },
    fullDescription: { text: info?.description ?? (first.category ? `${first.category}: ${first.title}` : first.issue) },
    defaultConfiguration: { level: SARIF_LEVEL[worst] },
    properties: { tags: [...new Set(entry.findings.map((f) => f.category).filter((c): c is string => Boolean(c)))] },
  };
  if (info?.helpUri) descriptor.helpUri = info.helpUri;
  return descriptor;
}

/** The review as a SARIF 2.1.0 log with one run: rules, results with locations and fixes, and the run's outcome. */
export function toSarif(review: Review, options: SarifOptions = {}): Record<string, unknown> {
  const rules: RuleEntry[] = [];
  const index = new Map<string, number>();
  const results = review.findings.map((f) => {
    const id = ruleIdOf(f, review.agent);
    let i = index.get(id);
    if (i === undefined) {
      i = rules.length;
      index.set(id, i);
      rules.push({ id, findings: [] });
    }
    rules[i]!.findings.push(f);
    return result(f, id, i, options);
  });
  const catalog = new Map((options.rules ?? []).map((r) => [r.id, r]));

  const notifications = [
    ...(review.status === 'incomplete'
      ? [{ level: 'error', message: { text: `Review incomplete: ${review.incompleteReason ?? review.endReason ?? 'unknown reason'}` } }]
      : []),
    ...review.warnings.map((w) => ({ level: 'warning', message: { text: w } })),
  ];

  const driver: Record<string, unknown> = {
    name: 'review-agent',
    informationUri: 'https://www.npmjs.com/package/review-agent',
    rules: rules.map((r) => ruleDescriptor(r, catalog.get(r.id))),
  };
  if (options.toolVersion) driver.version = options.toolVersion;

  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver },
        automationDetails: { id: `review-agent/${review.agent}/` },
        invocations: [
          {
            executionSuccessful: review.status === 'complete',
            ...(notifications.length ? { toolExecutionNotifications: notifications } : {}),
          },
        ],
        results,
        properties: {
          agent: review.agent,
          provider: review.provider,
          model: review.model,
          verdict: review.verdict,
          summary: review.summary,
          status: review.status,
          usage: review.usage,
        },
      },
    ],
  };
}

export function renderSarif(review: Review, options: SarifOptions = {}): string {
  return `${JSON.stringify(toSarif(review, options), null, 2)}\n`;
}
