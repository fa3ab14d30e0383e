import { describe, expect, it } from 'vitest';
import { useAnalyzer } from './helpers.js';

const { findings } = useAnalyzer();
const SCRIPT = 'import numpy as np\nimport pandas as pd\nprint(np.zeros(1))\n';

describe('unpinned-dependencies', () => {
  const rule = 'unpinned-dependencies';
  it('fires for requirements.txt entries without exact versions, one finding per file', () => {
    const [f, ...rest] = findings({ 'train.py': SCRIPT, 'requirements.txt': '# deps\nnumpy==2.1.3\npandas>=2.0\nscikit-learn\n-r extra.txt\n' }, rule);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ severity: 'MEDIUM', file: 'requirements.txt', line: 3, current: 'pandas>=2.0', sites: [{ file: 'requirements.txt', line: 4 }] });
  });

  it('reads pyproject, environment.yml, Pipfile and setup.py', () => {
    const files = {
      'train.py': SCRIPT,
      'pyproject.toml': '[project]\nname = "x"\ndependencies = [\n  "numpy==2.1.3",\n  "torch>=2.0",\n]\n',
      'environment.yml': 'name: x\ndependencies:\n  - python=3.11\n  - numpy=1.26.4\n  - pandas\n  - pip:\n    - xgboost==2.1.0\n',
      'Pipfile': '[packages]\nnumpy = "==2.1.3"\nrequests = "*"\n\n[dev-packages]\npytest = "*"\n',
      'setup.py': 'from setuptools import setup\nsetup(name="x", install_requires=["numpy==2.1.3", "scipy>=1.10"])\n',
    };
    const got = findings(files, rule).map((f) => `${f.file}:${f.line}`);
    expect(got).toEqual(['Pipfile:3', 'environment.yml:5', 'pyproject.toml:5', 'setup.py:2']);
  });

  it('fires for unpinned pip installs in a notebook', () => {
    const nb = '# %% [code] cell 1\n!pip install xgboost==2.1.0 lightgbm\nimport xgboost\n';
    expect(findings({ 'nb.ipynb': nb }, rule).map((f) => f.line)).toEqual([2]);
  });

  it('stays silent for pinned files and when a lock file exists', () => {
    expect(findings({ 'train.py': SCRIPT, 'requirements.txt': 'numpy==2.1.3\npandas~=2.2.3\n' }, rule)).toEqual([]);
    expect(findings({ 'train.py': SCRIPT, 'pyproject.toml': '[tool.poetry.dependencies]\npython = "^3.11"\nnumpy = "^2.1"\n', 'poetry.lock': '# lock\n' }, rule)).toEqual([]);
  });
});

describe('no-dependency-file', () => {
  it('fires at the first third-party import when no dependency file exists', () => {
    const [f] = findings({ 'src/train.py': 'import os\nimport numpy as np\n' }, 'no-dependency-file');
    expect(f).toMatchObject({ severity: 'MEDIUM', file: 'src/train.py', line: 2 });
  });

  it('stays silent with a dependency file or only standard-library imports', () => {
    expect(findings({ 'train.py': SCRIPT, 'requirements.txt': 'numpy==2.1.3\n' }, 'no-dependency-file')).toEqual([]);
    expect(findings({ 'tool.py': 'import os\nimport json\n' }, 'no-dependency-file')).toEqual([]);
  });
});
