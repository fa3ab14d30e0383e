// Rule 10: secrets and machine-specific paths in the code, and models trained with defaults.
import type { FindingInput } from '../../review/schema.js';
import type { FileFacts } from '../flow/facts.js';
import { NON_HYPERPARAMETERS, TUNABLE_MODELS } from '../flow/knowledge.js';
import { buildFinding, dedent, linesOf } from '../findings.js';
import type { Expr, Stmt } from '../python/ast.js';
import { dotted, stmtExprs, walkExpr, walkStmts } from '../python/ast.js';
import type { SourceFile } from '../source.js';

/** Secrets recognisable by their shape alone. */
const SHAPED_SECRETS: { re: RegExp; what: string; env: string }[] = [
  { re: /^sk-(proj-|ant-)?[A-Za-z0-9_-]{20,}$/, what: 'an OpenAI/Anthropic API key', env: 'OPENAI_API_KEY' },
  { re: /^hf_[A-Za-z0-9]{30,}$/, what: 'a Hugging Face token', env: 'HF_TOKEN' },
  { re: /^AKIA[0-9A-Z]{16}$/, what: 'an AWS access key id', env: 'AWS_ACCESS_KEY_ID' },
  { re: /^gh[pousr]_[A-Za-z0-9]{36,}$/, what: 'a GitHub token', env: 'GITHUB_TOKEN' },
  { re: /^xox[abpr]-[A-Za-z0-9-]{10,}$/, what: 'a Slack token', env: 'SLACK_TOKEN' },
];

/** Names that hold credentials (variables, keyword arguments, environment keys). */
const SECRET_NAME = /(^|_|\b)(api_?key|apikey|access_?key|secret(_?access)?_?key|secret|token|auth_?token|password|passwd|pwd|(wandb|comet|neptune|hf|huggingface|openai|anthropic|mlflow|aws|gcp|azure|kaggle)_?key)$/i;
const SECRET_CONTEXT_CALL = /(wandb\.login|comet_ml\.Experiment|Experiment|neptune\.init(_run)?|login|init_run|OpenAI|Client)$/;
const PLACEHOLDER = /your|xxx|<|>|\.\.\.|changeme|change_me|example|dummy|placeholder|insert|here|\*\*\*|todo|fake|sample|redacted|none|null|test|secret_key|api_key|token/i;

const ABSOLUTE_PATH = /^(\/(home|Users|mnt|media|content|root|data|datasets|scratch|workspace|opt|srv|gpfs|nfs|kaggle|storage|shared|projects|work)\/|[A-Za-z]:[\\/]|~\/)/;

export function codeQualityFindings(file: SourceFile, facts: FileFacts): FindingInput[] {
  if (!file.module) return [];
  return [...secretFindings(file), ...pathFindings(file), ...defaultHyperparameterFindings(file, facts)];
}

// ---------- secrets ----------

interface SecretHit {
  literal: Extract<Expr, { k: 'str' }>;
  what: string;
  env: string;
  /** The statement holding the literal. */
  stmt: Stmt;
}

function looksRandom(value: string): boolean {
  if (value.length < 16 || /\s/.test(value) || PLACEHOLDER.test(value)) return false;
  if (/^[A-Z0-9_]+$/.test(value) && /_/.test(value)) return false; // an environment variable name
  if (/^(https?:|\/|\.|~)/.test(value) || /\.(csv|json|txt|pt|pkl|h5|py|yaml|yml)$/i.test(value)) return false;
  if (/^(.)\1+$/.test(value)) return false;
  return /[A-Za-z]/.test(value) && /\d/.test(value) && /^[A-Za-z0-9_\-.+/=:]+$/.test(value);
}

function secretHits(file: SourceFile): SecretHit[] {
  const hits: SecretHit[] = [];
  const seen = new Set<Expr>();
  let stmt: Stmt | undefined;
  const add = (literal: Expr | undefined, name: string | undefined) => {
    // Every secret shape and credential check needs at least 16 characters.
    if (!literal || literal.k !== 'str' || literal.fstring || literal.value.length < 16 || seen.has(literal)) return;
    const shaped = SHAPED_SECRETS.find((s) => s.re.test(literal.value));
    if (shaped) {
      seen.add(literal);
      hits.push({ literal, what: shaped.what, env: envName(name) ?? shaped.env, stmt: stmt! });
      return;
    }
    if (name && SECRET_NAME.test(name) && !/tokeni[sz]er|_token_id|pad_token|eos_token|bos_token|unk_token|sep_token|cls_token|mask_token|max_tokens|num_tokens/i.test(name) && looksRandom(literal.value)) {
      seen.add(literal);
      hits.push({ literal, what: `a credential (\`${name}\`)`, env: envName(name) ?? 'API_KEY', stmt: stmt! });
    }
  };
  walkStmts(file.module!.body, (s: Stmt) => {
    stmt = s;
    if (s.k === 'assign' && s.value) {
      for (const t of s.targets) {
        if (t.k === 'name') add(s.value, t.id);
        else if (t.k === 'attr') add(s.value, t.attr);
        else if (t.k === 'sub' && t.index[0]?.k === 'str') add(s.value, t.index[0].value);
      }
    }
    for (const e of stmtExprs(s)) {
      walkExpr(e, (x) => {
        if (x.k === 'call') {
          const long = (v: Expr | undefined) => v !== undefined && v.k === 'str' && v.value.length >= 16;
          if (!x.kwargs.some((k) => long(k.value)) && !x.args.some(long)) return;
          const callee = dotted(x.fn) ?? '';
          const credentialCall = SECRET_CONTEXT_CALL.test(callee);
          for (const kw of x.kwargs) add(kw.value, credentialCall && /^(key|api_key|token|api_token)$/.test(kw.name) ? 'api_key' : kw.name);
          if (/(environ\.setdefault|putenv)$/.test(callee) && x.args[0]?.k === 'str') add(x.args[1], x.args[0].value);
          if (credentialCall && x.args[0]) add(x.args[0], 'api_key');
        } else if (x.k === 'dict') {
          x.keys.forEach((k, i) => k?.k === 'str' && add(x.values[i], k.value));
        } else if (x.k === 'str') {
          add(x, undefined);
        }
      });
    }
  });
  return hits;
}

function envName(name: string | undefined): string | undefined {
  if (!name) return undefined;
  if (/^[A-Z0-9_]+$/.test(name)) return name;
  if (/^key$|api_?key/i.test(name)) return undefined;
  return name.toUpperCase();
}

const service = (h: SecretHit) => h.env.split('_')[0] ?? h.env;

/**
 * The parts of one credential (an AWS access key id and its secret key) are one root cause, and so are
 * credentials pasted together: hits in the same statement, or on consecutive lines, are grouped.
 */
function groupHits(hits: SecretHit[]): SecretHit[][] {
  const groups: SecretHit[][] = [];
  for (const hit of [...hits].sort((a, b) => a.literal.line - b.literal.line || a.literal.start - b.literal.start)) {
    const last = groups[groups.length - 1];
    const prev = last?.[last.length - 1];
    // (Two credentials pasted on consecutive lines, a Hugging Face token and a W&B key, are one fix too.)
    if (last && prev && (hit.stmt === prev.stmt || hit.literal.line <= prev.literal.endLine + 1)) last.push(hit);
    else groups.push([hit]);
  }
  return groups;
}

function secretFindings(file: SourceFile): FindingInput[] {
  return groupHits(secretHits(file)).map((group) => {
    const hit = group[0]!;
    const { literal } = hit;
    const lastLine = Math.max(...group.map((h) => h.literal.endLine));
    const endLine = lastLine - literal.line <= 5 ? lastLine : literal.endLine;
    const current = linesOf(file, literal.line, endLine);
    const redacted = group.reduce((text, h) => redact(text, h.literal.value), current);
    const env = /wandb/i.test(current) ? 'WANDB_API_KEY' : /comet/i.test(current) ? 'COMET_API_KEY' : /neptune/i.test(current) ? 'NEPTUNE_API_TOKEN' : hit.env;
    const quoted = /(["'])<redacted>\1/;
    return buildFinding({
      rule: 'hardcoded-secret',
      file,
      line: literal.line,
      endLine,
      issue: `A string literal here is ${hit.what} (${literal.value.length} characters, value withheld)${group.length > 1 ? `, and ${group.length - 1} more literal${group.length > 2 ? 's' : ''} ${group.every((h) => service(h) === service(hit)) ? 'of the same credential' : 'holding credentials'} follow${group.length > 2 ? '' : 's'} (line ${group.slice(1).map((h) => h.literal.line).join(', ')})` : ''}.`,
      impact: 'Anyone with the code (repository, notebook shared, logs) can use the credential; it stays in version control history even after removal.',
      fix: `Revoke the credential, read it from the environment (\`os.environ["${env}"]\`) or a secrets manager, and keep .env files out of version control.`,
      current: redacted,
      fixed: dedent(group.slice(1).reduce((text, h) => text.replace(quoted, `os.environ["${h.env}"]`), redacted.replace(quoted, `os.environ["${env}"]`))),
      sites: group.slice(1).map((h) => ({ file: file.path, line: h.literal.line })),
    });
  });
}

/** `"wandb_api_key": "a1256..."`, `hf_token: hf_...`, `api_key = "..."` in a settings file (JSON, YAML, TOML, .env). */
const CONFIG_ENTRY = /^\s*-?\s*["']?([\w.-]+)["']?\s*[:=]\s*["']?([^"'\s,#]+)["']?\s*,?\s*(#.*)?$/;

export function configSecretFindings(file: SourceFile): FindingInput[] {
  if (file.kind !== 'config') return [];
  const out: FindingInput[] = [];
  file.lines.forEach((text, i) => {
    const m = CONFIG_ENTRY.exec(text);
    const [, name = '', value = ''] = m ?? [];
    if (!m || value.length < 16) return;
    const shaped = SHAPED_SECRETS.find((x) => x.re.test(value));
    const named = !shaped && SECRET_NAME.test(name) && looksRandom(value) ? `a credential (\`${name}\`)` : undefined;
    const what = shaped?.what ?? named;
    if (!what) return;
    const env = envName(name.replace(/[.-]/g, '_')) ?? shaped?.env ?? 'API_KEY';
    out.push(buildFinding({
      rule: 'hardcoded-secret',
      file,
      line: i + 1,
      issue: `This settings entry holds ${what} (${value.length} characters, value withheld).`,
      impact: 'Anyone with the repository (or a copy of the settings file) can use the credential; it stays in version control history even after removal.',
      fix: `Revoke the credential, remove it from the settings file and read it from the environment (\`os.environ["${env}"]\`) or a secrets manager.`,
      current: redact(text, value),
    }));
  });
  return out;
}

function redact(text: string, secret: string): string {
  return text.split(secret).join('<redacted>');
}

// ---------- paths ----------

function pathFindings(file: SourceFile): FindingInput[] {
  const hits: Extract<Expr, { k: 'str' }>[] = [];
  const configurable = new Set<Expr>();
  walkStmts(file.module!.body, (s) => {
    for (const e of stmtExprs(s)) {
      walkExpr(e, (x) => {
        if (x.k === 'call' && x.fn.k === 'attr' && /^(add_argument|get|getenv)$/.test(x.fn.attr)) {
          const callee = dotted(x.fn) ?? '';
          // Defaults of command-line options and environment lookups are configuration, not hardcoding.
          if (/add_argument$/.test(callee)) x.kwargs.filter((k) => k.name === 'default').forEach((k) => configurable.add(k.value));
          if (/(environ\.get|getenv)$/.test(callee) && x.args[1]) configurable.add(x.args[1]);
        }
        if (x.k === 'str' && ABSOLUTE_PATH.test(x.value) && !configurable.has(x)) hits.push(x);
      });
    }
  });
  const first = hits[0];
  if (!first) return [];
  const current = linesOf(file, first.line, first.endLine);
  const base = first.value.replace(/[\\/]+$/, '').split(/[\\/]/).pop() ?? 'data';
  return [
    buildFinding({
      rule: 'hardcoded-path',
      file,
      line: first.line,
      endLine: first.endLine,
      issue: `\`${first.value}\` is an absolute path of one machine${hits.length > 1 ? ` (and ${hits.length - 1} more in this file)` : ''}.`,
      impact: 'The code fails on any other machine or in CI, and the data location is buried in the code instead of the configuration.',
      fix: 'Take paths from a command-line argument, a config file or an environment variable, relative to the project by default.',
      fixed: dedent(`DATA_DIR = Path(os.environ.get("DATA_DIR", "data"))\n${current.replace(/(["'])[^"']*\1/, `str(DATA_DIR / "${base}")`)}`),
      sites: hits.slice(1).map((h) => ({ file: file.path, line: h.line })),
    }),
  ];
}

// ---------- default hyperparameters ----------

const SUGGESTED: { re: RegExp; args: string }[] = [
  { re: /^(RandomForest|ExtraTrees)/, args: 'n_estimators=500, max_depth=12, min_samples_leaf=2' },
  { re: /^HistGradientBoosting/, args: 'learning_rate=0.05, max_iter=500, max_leaf_nodes=31' },
  { re: /^GradientBoosting/, args: 'n_estimators=300, learning_rate=0.05, max_depth=3' },
  { re: /^XGB/, args: 'n_estimators=500, learning_rate=0.05, max_depth=6, subsample=0.8, colsample_bytree=0.8' },
  { re: /^LGBM/, args: 'n_estimators=500, learning_rate=0.05, num_leaves=31' },
  { re: /^CatBoost/, args: 'iterations=1000, learning_rate=0.05, depth=6' },
  { re: /^(SVC|SVR)$/, args: 'C=10.0, gamma="scale"' },
  { re: /^MLP/, args: 'hidden_layer_sizes=(128, 64), alpha=1e-4, early_stopping=True' },
  { re: /^KNeighbors/, args: 'n_neighbors=15, weights="distance"' },
  { re: /^DecisionTree/, args: 'max_depth=8, min_samples_leaf=5' },
  { re: /^AdaBoost/, args: 'n_estimators=200, learning_rate=0.5' },
];

function defaultHyperparameterFindings(file: SourceFile, facts: FileFacts): FindingInput[] {
  if (/optuna|hyperopt|trial\.suggest|ray\.tune|BayesSearchCV|param_grid|param_distributions/.test(file.code ?? '')) return [];
  const fitted = new Set(facts.fits.map((f) => f.est));
  const defaults = facts.estimators.filter((e) => {
    if (e.kind !== 'model' || e.tuned || !TUNABLE_MODELS.has(e.cls) || !fitted.has(e) || e.call.k !== 'call') return false;
    return e.call.args.length === 0 && e.call.kwargs.every((k) => NON_HYPERPARAMETERS.has(k.name));
  });
  const first = defaults[0];
  if (!first || first.call.k !== 'call') return [];
  const current = linesOf(file, first.line, first.endLine);
  const suggested = SUGGESTED.find((s) => s.re.test(first.cls))?.args;
  const kept = first.call.kwargs.map((k) => `${k.name}=${(file.code ?? '').slice(k.value.start, k.value.end)}`);
  const ctorText = (file.code ?? '').slice(first.call.start, first.call.end);
  return [
    buildFinding({
      rule: 'default-hyperparameters',
      file,
      line: first.line,
      endLine: first.endLine,
      issue: `\`${ctorText}\` is trained with the library's default hyperparameters, and nothing tunes them${defaults.length > 1 ? ` (${defaults.length - 1} more such model${defaults.length > 2 ? 's' : ''} in this file)` : ''}.`,
      impact: 'Defaults are generic: the model may be badly under- or over-fitted for this data, and the comparison with other models is not fair.',
      fix: 'Set the key hyperparameters deliberately and tune them with cross-validation on the training data (GridSearchCV/RandomizedSearchCV/Optuna); record the chosen values.',
      fixed: suggested ? dedent(current.replace(ctorText, `${ctorText.replace(/\(.*$/s, '')}(${[suggested, ...kept].join(', ')})`)) : undefined,
      sites: defaults.slice(1).map((d) => ({ file: file.path, line: d.line })),
    }),
  ];
}
