// Rule 7: randomness without seeds (splits and CV objects without random_state; numpy, random,
// torch and TensorFlow used with no seed set anywhere in the project).
import type { FindingInput } from '../../review/schema.js';
import type { AnalysedFile } from '../analyze.js';
import { buildFinding, dedent, linesOf } from '../findings.js';
import { walkStmts } from '../python/ast.js';
import { callSites, importMap, importedRoots, type CallSite } from '../python/imports.js';
import type { SourceFile } from '../source.js';
import { addKwarg } from './rewrite.js';

type Family = 'numpy' | 'random' | 'torch' | 'tensorflow';

const NUMPY_NOT_RANDOM = /^(seed|default_rng|RandomState|Generator|SeedSequence|get_state|set_state|PCG64|MT19937)$/;
const RANDOM_FUNCS = /^(random|shuffle|choice|choices|sample|randint|uniform|gauss|randrange|normalvariate)$/;
const TORCH_RANDOM = /^(rand|randn|randint|randperm|normal|bernoulli|multinomial|rand_like|randn_like)$/;

/**
 * Estimators whose fit draws random numbers with their defaults (bootstrap, feature subsets, shuffling,
 * initial weights or centroids): without `random_state` they use numpy's global generator.
 */
const RANDOM_ESTIMATORS = /^(RandomForest(Classifier|Regressor)|ExtraTrees(Classifier|Regressor)|GradientBoosting(Classifier|Regressor)|SGD(Classifier|Regressor)|MLP(Classifier|Regressor)|Bagging(Classifier|Regressor)|IsolationForest|KMeans|MiniBatchKMeans)$/;

/** Calls that seed, draw random numbers or train (the only ones this rule looks at). */
const RELEVANT_CALL = /seed|rng|RandomState|^(DataLoader|backward|fit|compile|permutation|randn?|randint|choice|shuffle|normal|uniform|binomial|poisson|random_sample|standard_normal|beta|gamma|exponential)$/i;

interface Use {
  family: Family;
  line: number;
  what: string;
  /** Settings unpacked into the call (`PPO(..., **cfg["ppo"])`) may hold the seed: a settings file naming one clears it. */
  settingsMaySeed?: boolean;
  /** A dict of parameters written in the file may hold it (the file names random_state): the unpacked mapping may be that dict. */
  dictMaySeed?: boolean;
}

/** Stable-Baselines3 agents: network initialisation, exploration and environment resets follow `seed=`. */
const SB3_AGENTS = /^(PPO|A2C|DQN|SAC|TD3|DDPG|TRPO|RecurrentPPO|QRDQN|TQC|ARS|MaskablePPO|CrossQ|make_vec_env|make_atari_env)$/;

/** What one file does with randomness; taken while its syntax tree is still in memory. */
export interface RandomnessSummary {
  seeded: Family[];
  uses: Use[];
  /** A script run on its own (`if __name__ == "__main__":`): its process sees only its own seeds and its imports'. */
  entry: boolean;
  /** Modules it imports (`tools.make_splits`, `.utils`), to tell which files of the project it runs. */
  imports: string[];
  /** Seed helpers it calls by name (`seed_everything(cfg.seed)`), taken to seed everything unless the project defines them. */
  helpers: { name: string; families: Family[] }[];
  /** Functions it defines whose bodies seed (`def seed_everything(seed): random.seed(seed); np.random.seed(seed)`). */
  seedDefs: { name: string; families: Family[] }[];
}

export function summariseRandomness(source: SourceFile): RandomnessSummary | undefined {
  if (!source.module || source.kind === 'dependency') return undefined;
  const imports = importMap(source.module);
  const roots = importedRoots(source.module);
  const sites = callSites(source.module.body, imports, (name) => RELEVANT_CALL.test(name) || RANDOM_FUNCS.test(name) || TORCH_RANDOM.test(name) || RANDOM_ESTIMATORS.test(name) || SB3_AGENTS.test(name));
  const entry = /^if\s+__name__\s*==\s*["']__main__["']\s*:/m.test(source.code ?? '');
  const modules: string[] = [];
  walkStmts(source.module.body, (st) => {
    if (st.k === 'import') for (const n of st.names) modules.push(n.name !== undefined ? `${n.module}.${n.name}` : n.module);
  });
  const { direct, helpers } = seedsIn(sites);
  const seedDefs: RandomnessSummary['seedDefs'] = [];
  walkStmts(source.module.body, (st) => {
    if (st.k !== 'def') return;
    const own = seedsIn(callSites(st.body, imports, (name) => /seed|rng|RandomState/i.test(name)));
    const families = [...new Set([...own.direct, ...own.helpers.flatMap((h) => h.families)])];
    if (families.length > 0) seedDefs.push({ name: st.name, families });
  });
  return { seeded: direct, uses: randomUses(sites, roots, source), entry, imports: modules, helpers, seedDefs };
}

/** `tools/make_splits.py` → `make_splits`; a package's `__init__.py` → the package. */
function moduleStem(path: string): string {
  const parts = path.replace(/\.py$/, '').split('/');
  return parts.at(-1) === '__init__' ? (parts.at(-2) ?? '') : (parts.at(-1) ?? '');
}

export function reproducibilityFindings(files: readonly AnalysedFile[]): FindingInput[] {
  const seeded = new Set<Family>();
  // LightningCLI's `seed_everything: 42` in a settings file seeds torch, numpy and random before training.
  const cliSeed = files.some((f) => f.source.kind === 'config' && setsSeedEverything(f.source.config?.value));
  if (cliSeed) for (const f of ['numpy', 'random', 'torch'] as const) seeded.add(f);
  const uses: { file: SourceFile; uses: Use[] }[] = [];
  const defs = new Map(files.flatMap((f) => f.randomness?.seedDefs.map((d) => [d.name, d.families] as const) ?? []));
  const seedsOf = (r: RandomnessSummary): Family[] => [...r.seeded, ...helperSeeds(r, defs)];
  for (const { source, facts, randomness } of files) {
    if (!randomness || !facts) continue;
    for (const f of seedsOf(randomness)) seeded.add(f);
    uses.push({ file: source, uses: randomness.uses });
  }
  const out: FindingInput[] = [];
  const splitFindings = new Map<string, FindingInput>();
  // train_test_split and shuffling CV objects use numpy's global generator when no random_state is given.
  for (const { source, facts } of files) {
    if (!facts || source.kind === 'dependency') continue;
    const unseeded = [
      ...facts.splits.filter((s) => s.shuffled && !s.seeded && (s.fn !== 'random_split' || !seeded.has('torch'))).map((s) => ({ line: s.line, endLine: s.endLine, what: `\`${s.fn}\`` })),
      ...facts.unseededSplitters.map((s) => ({ line: s.line, endLine: s.line, what: `\`${s.cls}\`` })),
    ].sort((a, b) => a.line - b.line);
    const first = unseeded[0];
    // A global np.random.seed does make sklearn's random_state=None repeatable, but only while nothing else draws
    // from numpy's generator first: the split still moves when code above it changes, so it is still reported.
    if (!first) continue;
    const globalSeed = seeded.has('numpy');
    const current = linesOf(source, first.line, first.endLine);
    splitFindings.set(
      source.path,
      buildFinding({
        rule: 'missing-random-seed',
        file: source,
        line: first.line,
        endLine: first.endLine,
        title: 'Split or cross-validation without random_state',
        issue: `${first.what} shuffles rows without \`${/Dataset\./.test(first.what) ? 'seed' : 'random_state'}\`${unseeded.length > 1 ? ` (and ${unseeded.length - 1} more split${unseeded.length > 2 ? 's' : ''} in this file)` : ''}${globalSeed ? ": it draws from numpy's global generator, so the split changes whenever any code before it draws random numbers" : ', and no global seed is set'}.`,
        impact: 'Every run trains and tests on different rows, so scores cannot be reproduced or compared between runs.',
        fix: 'Pass a fixed `random_state` (`seed` for Hugging Face `Dataset.train_test_split`, `generator=torch.Generator().manual_seed(...)` for random_split).',
        fixed: dedent(/random_split/.test(current) ? addKwarg(current, 'generator=torch.Generator().manual_seed(42)') : addKwarg(current, /Dataset\./.test(first.what) ? 'seed=42' : 'random_state=42')),
        sites: unseeded.slice(1).map((u) => ({ file: source.path, line: u.line })),
      }),
    );
  }
  // No seed is one root cause for the whole project: every unseeded draw is a site of one finding, led by
  // an unseeded split when there is one (the split is the line to change first), else by the first draw.
  const settingsSeed = files.some((f) => f.source.kind === 'config' && f.source.lines.some((l) => /\b(seed|random_state|random_seed)\b/i.test(l)));
  // A script no other file imports runs in its own process: seeds of the other scripts do not reach it.
  const summaries = files.filter((f) => f.randomness && f.facts);
  const importsStem = (f: AnalysedFile, stem: string) => f.randomness!.imports.some((m) => m.split('.').includes(stem));
  const ownSeeds = (file: SourceFile): Set<Family> | undefined => {
    const me = summaries.find((f) => f.source === file);
    const stem = moduleStem(file.path);
    if (!me?.randomness?.entry || summaries.some((f) => f !== me && importsStem(f, stem))) return undefined;
    const reached = summaries.filter((f) => f === me || importsStem(me, moduleStem(f.source.path)));
    return new Set([...(cliSeed ? (['numpy', 'random', 'torch'] as const) : []), ...reached.flatMap((f) => seedsOf(f.randomness!))]);
  };
  const missing = uses.flatMap(({ file, uses: fileUses }) => {
    const scope = ownSeeds(file) ?? seeded;
    // (Unless the settings unpacked are known, and name no seed: `**cfg["sgd"]` of a config whose seed is elsewhere.)
    const seedless = new Set(summaries.find((f) => f.source === file)?.facts?.seedlessSettings ?? []);
    const maySeed = (u: Use) => !seedless.has(u.line) && ((u.settingsMaySeed && settingsSeed) || u.dictMaySeed);
    return fileUses.filter((u) => !scope.has(u.family) && !maySeed(u)).map((u) => ({ file, ...u }));
  });
  const splits = [...splitFindings.values()];
  const [lead, ...otherSplits] = splits;
  const first = missing[0];
  if (lead) {
    if (first) {
      const sites = [...(lead.sites ?? []), ...missing.map((u) => ({ file: u.file.path, line: u.line }))].slice(0, 12);
      const where = first.file.path === lead.file ? `line ${first.line}` : `${first.file.path}:${first.line}`;
      out.push({ ...lead, issue: `${lead.issue} ${first.what} (${where}) also draws random numbers without a seed.`, sites });
    } else out.push(lead);
    out.push(...otherSplits);
  } else if (first) {
    const families = [...new Set(missing.map((u) => u.family))].sort();
    out.push(
      buildFinding({
        rule: 'missing-random-seed',
        file: first.file,
        line: first.line,
        title: `${families.map(label).join(', ')} randomness without a seed`,
        issue: `${first.what} draws random numbers, and no ${families.map(seedCall).join(' / ')} is set ${ownSeeds(first.file) ? `in \`${first.file.path}\` (a script run on its own) or in what it imports` : 'anywhere in the project'}.`,
        impact: 'Weight initialisation, shuffling and sampling differ on every run, so results cannot be reproduced and run-to-run noise can be mistaken for improvements.',
        fix: 'Seed every source of randomness once at start-up (a small set_seed helper), and pass seeds to splitters and DataLoaders.',
        fixed: dedent([...families.map(seedCall).map((c) => `${c.replace('(...)', '(42)')}`), linesOf(first.file, first.line)].join('\n')),
        sites: missing.slice(1, 11).map((u) => ({ file: u.file.path, line: u.line })),
      }),
    );
  }
  return out;
}

function label(f: Family): string {
  return { numpy: 'NumPy', random: 'Python random', torch: 'PyTorch', tensorflow: 'TensorFlow' }[f];
}

function seedCall(f: Family): string {
  return { numpy: 'np.random.seed(...)', random: 'random.seed(...)', torch: 'torch.manual_seed(...)', tensorflow: 'tf.random.set_seed(...)' }[f];
}

const ALL_FAMILIES: readonly Family[] = ['numpy', 'random', 'torch', 'tensorflow'];

/** Families seeded by direct seed calls, and seed helpers called by name (each taken to seed every family). */
function seedsIn(sites: CallSite[]): { direct: Family[]; helpers: { name: string; families: Family[] }[] } {
  const out = new Set<Family>();
  const helpers: { name: string; families: Family[] }[] = [];
  for (const s of sites) {
    const q = s.qual;
    if (!/seed|rng|RandomState/i.test(q)) continue;
    // (A seeded `default_rng(7)` or `RandomState(7)` is a generator of its own: numpy's global one, which scikit-learn
    // estimators without random_state and `np.random.*` draw from, stays unseeded.)
    if (/^numpy\.random\.seed$/.test(q)) out.add('numpy');
    else if (q === 'random.seed') out.add('random');
    else if (/^torch\.(cuda\.)?manual_seed(_all)?$/.test(q)) out.add('torch');
    else if (/^tensorflow\.(random\.set_seed|set_random_seed)$|^tf\.random\.set_seed$/.test(q)) out.add('tensorflow');
    // (timm's `random_seed(seed)` seeds random, numpy and torch; so does spaCy's `fix_random_seed`.)
    else if (/^timm\.utils(\.random)?\.random_seed$|set_random_seed$|seed_everything$|set_seed$|seed_all$|fix_seed|fix_random_seed$|init_seed|seed_torch|setup_seed|seed_worker/i.test(q) && !/^numpy|^random\./.test(q)) {
      helpers.push({ name: s.name, families: [...ALL_FAMILIES] });
    }
  }
  return { direct: [...out], helpers };
}

/**
 * What the seed helpers a file calls seed: a helper the project defines seeds what its body seeds (a
 * `seed_everything` that forgets torch leaves torch unseeded); one from a library (Lightning, transformers)
 * seeds every family.
 */
function helperSeeds(summary: RandomnessSummary, defs: ReadonlyMap<string, Family[]>): Family[] {
  return summary.helpers.flatMap((h) => defs.get(h.name) ?? h.families);
}

function randomUses(sites: CallSite[], roots: Set<string>, file: SourceFile): Use[] {
  const uses: Use[] = [];
  const hasTorchTraining = sites.some((s) => s.name === 'backward') && roots.has('torch');
  const namesRandomState = file.lines.some((l) => /\brandom_state\b/.test(l));
  const hasKerasTraining = (roots.has('tensorflow') || roots.has('keras')) && sites.some((s) => s.name === 'fit' || s.name === 'compile');
  for (const s of sites) {
    const q = s.qual;
    const line = s.call.line;
    if (/^(stable_baselines3|sb3_contrib)\./.test(q) && SB3_AGENTS.test(s.name)) {
      if (!s.call.kwargs.some((k) => k.name === 'seed')) {
        uses.push({ family: 'torch', line, what: `\`${s.name}\` without \`seed\``, ...(s.call.args.some((a) => a.k === 'star' && a.double) ? { settingsMaySeed: true } : {}) });
      }
      continue;
    }
    if (!/^(numpy\.random\.|random\.|torch\.|sklearn\.)/.test(q) && s.name !== 'DataLoader') continue;
    const text = (file.lines[line - 1] ?? '').trim();
    if (RANDOM_ESTIMATORS.test(s.name) && /^sklearn\./.test(q)) {
      // (`MLPRegressor(**cfg["mlp"])`: settings unpacked may hold random_state; a settings file naming a seed clears it.)
      // (A dict of parameters written in the file, `GB_PARAMS = dict(..., random_state=SEED)`, may well hold it.)
      const seeded = s.call.kwargs.some((k) => k.name === 'random_state') || s.call.args.some((a) => a.k === 'star' && !a.double);
      const unpacked = s.call.args.some((a) => a.k === 'star' && a.double);
      if (!seeded) uses.push({ family: 'numpy', line, what: `\`${s.name}\` without \`random_state\``, ...(unpacked ? { settingsMaySeed: true, ...(namesRandomState ? { dictMaySeed: true } : {}) } : {}) });
      continue;
    }
    if (/^numpy\.random\./.test(q)) {
      const fn = q.slice('numpy.random.'.length);
      if (!NUMPY_NOT_RANDOM.test(fn) || (fn === 'default_rng' && s.call.args.length === 0)) uses.push({ family: 'numpy', line, what: `\`${text}\`` });
    } else if (/^random\./.test(q) && roots.has('random') && RANDOM_FUNCS.test(s.name)) {
      uses.push({ family: 'random', line, what: `\`${text}\`` });
    } else if (/^torch\./.test(q) && TORCH_RANDOM.test(s.name)) {
      uses.push({ family: 'torch', line, what: `\`${text}\`` });
    } else if (s.name === 'DataLoader' && roots.has('torch')) {
      const shuffle = s.call.kwargs.find((k) => k.name === 'shuffle')?.value;
      const generator = s.call.kwargs.some((k) => k.name === 'generator');
      if (shuffle?.k === 'const' && shuffle.value === 'True' && !generator) uses.push({ family: 'torch', line, what: '`DataLoader(shuffle=True)` without a generator' });
    }
  }
  if (hasTorchTraining && !uses.some((u) => u.family === 'torch')) {
    const backward = sites.find((s) => s.name === 'backward');
    if (backward) uses.push({ family: 'torch', line: backward.call.line, what: 'Training a PyTorch model (random weight initialisation, dropout)' });
  }
  if (hasKerasTraining) {
    const fit = sites.find((s) => s.name === 'fit');
    if (fit) uses.push({ family: 'tensorflow', line: fit.call.line, what: 'Training a Keras model (random weight initialisation, shuffling)' });
  }
  return uses.sort((a, b) => a.line - b.line);
}

function setsSeedEverything(settings: unknown): boolean {
  if (settings === null || typeof settings !== 'object') return false;
  const value = (settings as Record<string, unknown>)['seed_everything'];
  return typeof value === 'number' || value === true;
}
