// Rule 7 (pins): dependency files with unpinned versions, or no dependency file at all.
import type { FindingInput } from '../../review/schema.js';
import type { AnalysedFile } from '../analyze.js';
import { buildFinding } from '../findings.js';
import { walkAllExprs, walkStmts } from '../python/ast.js';
import type { SourceFile } from '../source.js';

/** Third-party packages an ML project typically imports (standard-library modules never count). */
const THIRD_PARTY = /^(numpy|pandas|sklearn|scipy|torch|torchvision|torchaudio|tensorflow|keras|xgboost|lightgbm|catboost|matplotlib|seaborn|plotly|transformers|datasets|imblearn|wandb|mlflow|optuna|statsmodels|joblib|tqdm|PIL|cv2|yaml|requests|jax|flax|pytorch_lightning|lightning|category_encoders|tokenizers|accelerate|timm|polars|pyarrow|hydra|omegaconf|comet_ml|neptune|shap|nltk|spacy|gensim|prophet|skorch|evaluate|sentence_transformers|peft)$/;

interface Entry {
  line: number;
  name: string;
  pinned: boolean;
}

export function dependencyFindings(files: readonly AnalysedFile[]): FindingInput[] {
  const deps = files.filter((f) => f.source.kind === 'dependency');
  const hasLock = files.some((f) => f.source.kind === 'lockfile');
  const out: FindingInput[] = [];
  for (const { source } of deps) {
    if (hasLock) continue;
    const entries = entriesOf(source).filter((e) => !/^(python|pip|setuptools|wheel)$/i.test(e.name));
    const loose = entries.filter((e) => !e.pinned);
    const first = loose[0];
    if (!first) continue;
    out.push(
      buildFinding({
        rule: 'unpinned-dependencies',
        file: source,
        line: first.line,
        issue: `${loose.length} of ${entries.length} dependenc${entries.length === 1 ? 'y' : 'ies'} in ${source.path} ha${loose.length === 1 ? 's' : 've'} no exact version (${loose.slice(0, 6).map((e) => e.name).join(', ')}${loose.length > 6 ? ', …' : ''}), and no lock file pins them.`,
        impact: 'A fresh install picks up whatever versions are current, so training results (and even whether the code runs) change over time.',
        fix: 'Pin exact versions (`pip freeze`, `pip-compile` or a lock file such as poetry.lock/uv.lock) for the environment the results were produced with.',
        sites: loose.slice(1, 20).map((e) => ({ file: source.path, line: e.line })),
      }),
    );
  }
  for (const { source } of files) {
    if (source.kind !== 'notebook' || hasLock) continue;
    const loose = (source.pipInstalls ?? []).filter((p) => p.text.split(/\s+/).some((w) => w !== '' && !w.startsWith('-') && !/[=@]=|@/.test(w) && !/^[.~/]/.test(w)));
    const first = loose[0];
    if (!first) continue;
    out.push(
      buildFinding({
        rule: 'unpinned-dependencies',
        file: source,
        line: first.line,
        issue: `The notebook installs packages without versions (\`pip install ${first.text.trim()}\`).`,
        impact: 'Re-running the notebook later installs different versions, so results may not reproduce.',
        fix: 'Pin versions in the install line (pkg==x.y.z) or install from a pinned requirements.txt.',
        sites: loose.slice(1).map((p) => ({ file: source.path, line: p.line })),
      }),
    );
  }
  const hasNotebookInstalls = files.some((f) => (f.source.pipInstalls ?? []).length > 0);
  if (deps.length === 0 && !hasLock && !hasNotebookInstalls) {
    const importing = files.map((f) => ({ f, line: f.firstImport })).find((x) => x.line !== undefined);
    if (importing?.line !== undefined) {
      out.push(
        buildFinding({
          rule: 'no-dependency-file',
          file: importing.f.source,
          line: importing.line,
          issue: 'The code imports third-party packages, but the project has no requirements.txt, pyproject.toml, setup.cfg/setup.py, environment.yml or Pipfile.',
          impact: 'Nobody (including you, later) can recreate the environment the model was trained in; library changes silently alter results.',
          fix: 'Add a requirements.txt (or pyproject.toml / environment.yml) listing every package with its exact version.',
        }),
      );
    }
  }
  return out;
}

/** Line of the first import of a third-party ML package (taken while the syntax tree is in memory). */
export function firstThirdPartyImport(file: SourceFile): number | undefined {
  if (!file.module || file.kind === 'dependency') return undefined;
  let line: number | undefined;
  walkStmts(file.module.body, (s) => {
    if (line !== undefined || s.k !== 'import') return;
    if (s.names.some((n) => THIRD_PARTY.test(n.module.split('.')[0] ?? ''))) line = s.line;
  });
  return line;
}

/** Requirement-spec strings: pinned when they name one exact version (==, ===, ~= or a VCS ref). */
function specPinned(spec: string): boolean {
  return /===?|~=/.test(spec) || /@\s*\S+@[\w.]+/.test(spec) || /\.(whl|tar\.gz)\b/.test(spec);
}

function specName(spec: string): string {
  return (/^\s*([A-Za-z0-9_.\-[\]]+)/.exec(spec)?.[1] ?? spec).replace(/\[.*$/, '');
}

function entriesOf(file: SourceFile): Entry[] {
  const name = file.path.split('/').pop() ?? file.path;
  if (/^requirements.*\.(txt|in)$/i.test(name)) return requirements(file);
  if (name === 'pyproject.toml') return pyproject(file);
  if (name === 'setup.cfg') return setupCfg(file);
  if (name === 'setup.py') return setupPy(file);
  if (/^(environment|conda)\.ya?ml$/i.test(name)) return environmentYml(file);
  if (name === 'Pipfile') return pipfile(file);
  return [];
}

function requirements(file: SourceFile): Entry[] {
  const out: Entry[] = [];
  file.lines.forEach((raw, i) => {
    const line = raw.replace(/\s+#.*$/, '').trim();
    if (line === '' || line.startsWith('#') || line.startsWith('-') || /^[.~/]/.test(line) || /^(git\+|https?:)/.test(line)) return;
    out.push({ line: i + 1, name: specName(line), pinned: specPinned(line) });
  });
  return out;
}

function pyproject(file: SourceFile): Entry[] {
  const out: Entry[] = [];
  let section = '';
  let inDeps = false;
  file.lines.forEach((raw, i) => {
    const line = raw.trim();
    const header = /^\[([^\]]+)\]/.exec(line);
    if (header) {
      section = header[1] ?? '';
      inDeps = false;
      return;
    }
    if (section === 'project' && /^dependencies\s*=\s*\[/.test(line)) {
      inDeps = !line.includes(']');
      for (const m of line.matchAll(/["']([^"']+)["']/g)) out.push({ line: i + 1, name: specName(m[1] ?? ''), pinned: specPinned(m[1] ?? '') });
      return;
    }
    if (inDeps) {
      if (line.startsWith(']')) {
        inDeps = false;
        return;
      }
      const m = /["']([^"']+)["']/.exec(line);
      if (m) out.push({ line: i + 1, name: specName(m[1] ?? ''), pinned: specPinned(m[1] ?? '') });
      return;
    }
    if (section === 'tool.poetry.dependencies') {
      const kv = /^([A-Za-z0-9_.-]+)\s*=\s*(.+)$/.exec(line);
      if (!kv) return;
      const value = kv[2] ?? '';
      const version = /^["']([^"']*)["']/.exec(value)?.[1] ?? /version\s*=\s*["']([^"']*)["']/.exec(value)?.[1];
      const vcs = /\b(git|path|url)\s*=/.test(value);
      out.push({ line: i + 1, name: kv[1] ?? '', pinned: vcs || (version !== undefined && /^(==)?\d+(\.\d+)*$/.test(version.trim())) });
    }
  });
  return out;
}

function setupCfg(file: SourceFile): Entry[] {
  const out: Entry[] = [];
  let inList = false;
  file.lines.forEach((raw, i) => {
    if (/^\s*install_requires\s*=/.test(raw)) {
      inList = true;
      const rest = raw.split('=').slice(1).join('=').trim();
      if (rest) out.push({ line: i + 1, name: specName(rest), pinned: specPinned(rest) });
      return;
    }
    if (inList) {
      if (raw.trim() === '') return;
      if (/^\S/.test(raw)) {
        inList = false;
        return;
      }
      const spec = raw.trim();
      if (spec && !spec.startsWith('#')) out.push({ line: i + 1, name: specName(spec), pinned: specPinned(spec) });
    }
  });
  return out;
}

function setupPy(file: SourceFile): Entry[] {
  const out: Entry[] = [];
  if (!file.module) return out;
  walkAllExprs(file.module.body, (e) => {
    if (e.k !== 'call') return;
    const req = e.kwargs.find((k) => k.name === 'install_requires')?.value;
    if (req?.k !== 'seq') return;
    for (const item of req.items) if (item.k === 'str') out.push({ line: item.line, name: specName(item.value), pinned: specPinned(item.value) });
  });
  return out;
}

function environmentYml(file: SourceFile): Entry[] {
  const out: Entry[] = [];
  let inDeps = false;
  file.lines.forEach((raw, i) => {
    if (/^dependencies\s*:/.test(raw)) {
      inDeps = true;
      return;
    }
    if (inDeps && /^\S/.test(raw)) inDeps = false;
    if (!inDeps) return;
    const m = /^\s*-\s*([^#\s][^#]*?)\s*(#.*)?$/.exec(raw);
    if (!m || /:\s*$/.test(m[1] ?? '')) return;
    const spec = (m[1] ?? '').replace(/^["']|["']$/g, '');
    const conda = /^[A-Za-z0-9_.\-:/]+=\d/.test(spec);
    out.push({ line: i + 1, name: specName(spec.replace(/^[\w-]+::/, '')), pinned: conda || specPinned(spec) });
  });
  return out;
}

function pipfile(file: SourceFile): Entry[] {
  const out: Entry[] = [];
  let section = '';
  file.lines.forEach((raw, i) => {
    const line = raw.trim();
    const header = /^\[([^\]]+)\]/.exec(line);
    if (header) {
      section = header[1] ?? '';
      return;
    }
    if (section !== 'packages') return;
    const kv = /^["']?([A-Za-z0-9_.-]+)["']?\s*=\s*(.+)$/.exec(line);
    if (!kv) return;
    const value = kv[2] ?? '';
    const version = /^["']([^"']*)["']/.exec(value)?.[1] ?? /version\s*=\s*["']([^"']*)["']/.exec(value)?.[1];
    const vcs = /\b(git|path|ref|file)\s*=/.test(value);
    out.push({ line: i + 1, name: kv[1] ?? '', pinned: vcs || (version !== undefined && /^===?\s*\d/.test(version.trim())) });
  });
  return out;
}
