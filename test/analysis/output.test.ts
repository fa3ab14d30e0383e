import { describe, expect, it } from 'vitest';
import { ReviewSubmission, severityRank } from '../../src/review/schema.js';
import { RULES } from '../../src/analysis/index.js';
import { py, useAnalyzer } from './helpers.js';

const { analyze, findings } = useAnalyzer();

const LEAKY = py`
  import pandas as pd
  from sklearn.preprocessing import StandardScaler
  from sklearn.model_selection import train_test_split
  from sklearn.ensemble import RandomForestClassifier
  from sklearn.metrics import accuracy_score
  df = pd.read_csv("/home/bob/data.csv")
  X = StandardScaler().fit_transform(df.drop(columns=["y"]))
  X_train, X_test, y_train, y_test = train_test_split(X, df["y"])
  model = RandomForestClassifier().fit(X_train, y_train)
  print(accuracy_score(y_test, model.predict(X_test)))
`;

describe('review output', () => {
  it('is a valid ReviewSubmission with every field filled, sorted by severity, file and line', () => {
    const review = analyze({ 'b.py': LEAKY, 'a.py': LEAKY });
    expect(ReviewSubmission.safeParse(review).success).toBe(true);
    expect(review.verdict).toBe('block');
    for (const f of review.findings) {
      expect(f.issue && f.impact && f.fix && f.current && f.category && f.rule).toBeTruthy();
      expect(RULES.some((r) => r.id === f.rule && r.category === f.category)).toBe(true);
    }
    const keys = review.findings.map((f) => [severityRank(f.severity), f.file, f.line] as const);
    const sorted = [...keys].sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0) || a[2] - b[2]);
    expect(keys).toEqual(sorted);
  });

  it('cites the verbatim source lines in current', () => {
    const [f] = findings(LEAKY, 'preprocessing-before-split');
    expect(f?.current).toBe('X = StandardScaler().fit_transform(df.drop(columns=["y"]))');
  });

  it('is byte-identical for the same input, whatever the file order', () => {
    const a = JSON.stringify(analyze({ 'x.py': LEAKY, 'y.py': LEAKY.replace('bob', 'carol') }));
    const b = JSON.stringify(analyze({ 'y.py': LEAKY.replace('bob', 'carol'), 'x.py': LEAKY }));
    expect(a).toBe(b);
  });

  it('honours disabledRules', () => {
    const review = analyze({ 'train.py': LEAKY }, ['preprocessing-before-split', 'hardcoded-path']);
    expect(review.findings.some((f) => f.rule === 'preprocessing-before-split' || f.rule === 'hardcoded-path')).toBe(false);
    expect(review.findings.some((f) => f.rule === 'missing-random-seed')).toBe(true);
  });

  it('summarises what was analysed and what a static review cannot judge', () => {
    const review = analyze({ 'train.py': LEAKY, 'nb.ipynb': '# %% [code] cell 1\nx = 1\n', 'requirements.txt': 'numpy==2.1.3\n' });
    expect(review.summary).toContain('1 Python file, 1 notebook and 1 dependency file');
    expect(review.summary).toContain('static');
    expect(review.summary).toContain('whether the model choice is justified');
  });

  it('approves a clean project with an empty finding list', () => {
    const clean = py`
      import pandas as pd
      from sklearn.model_selection import train_test_split, GridSearchCV
      from sklearn.pipeline import make_pipeline
      from sklearn.preprocessing import StandardScaler
      from sklearn.linear_model import LogisticRegression
      from sklearn.metrics import classification_report
      df = pd.read_csv("data/train.csv")
      X, y = df.drop(columns=["y"]), df["y"]
      X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=42)
      search = GridSearchCV(make_pipeline(StandardScaler(), LogisticRegression(max_iter=1000)), {"logisticregression__C": [0.1, 1, 10]}, cv=5, scoring="f1")
      search.fit(X_train, y_train)
      print(classification_report(y_test, search.predict(X_test)))
    `;
    const review = analyze({ 'train.py': clean, 'requirements.txt': 'pandas==2.2.3\nscikit-learn==1.5.2\n' });
    expect(review.findings).toEqual([]);
    expect(review.verdict).toBe('approve');
  });
});

describe('robustness', () => {
  it('reports syntax errors as one LOW finding and still analyses the rest', () => {
    const code = 'import pandas as pd\nprint "hello"\ndf = pd.read_csv("d.csv")\nX = StandardScaler().fit_transform(df)\na, b = train_test_split(X, random_state=0)\n';
    const review = analyze({ 'old.py': code, 'requirements.txt': 'pandas==2.2.3\n' });
    expect(review.findings.find((f) => f.rule === 'syntax-error')).toMatchObject({ severity: 'LOW', line: 2 });
    expect(review.findings.some((f) => f.rule === 'preprocessing-before-split')).toBe(true);
  });

  it('finds errors that are only a missing token', () => {
    const review = analyze({ 'a.py': 'import os\nx = foo(1,\ny = 2\n' });
    expect(review.findings.find((f) => f.rule === 'syntax-error')?.line).toBeGreaterThanOrEqual(2);
  });

  it('never throws on garbage, empty files or binary-looking text', () => {
    const review = analyze({ 'a.py': '', 'b.py': '))))(((( def class :::\n\u0000\u0001', 'c.ipynb': '{not json', 'd.py': 'x = [' });
    expect(ReviewSubmission.safeParse(review).success).toBe(true);
  });

  it('handles deeply nested and long files', () => {
    const deep = `x = ${'['.repeat(300)}1${']'.repeat(300)}\n`;
    const long = Array.from({ length: 3000 }, (_, i) => `v${i} = df.shift(${i})`).join('\n');
    expect(() => analyze({ 'deep.py': deep, 'long.py': long })).not.toThrow();
  });
});

describe('notebooks', () => {
  it('neutralises magics without shifting lines and cites Read line numbers', () => {
    const nb = [
      '# %% [code] cell 1 In[1]',
      '%matplotlib inline',
      '!pip install -q scikit-learn==1.5.2',
      'import pandas as pd',
      'from sklearn.preprocessing import StandardScaler',
      'from sklearn.model_selection import train_test_split',
      '# %% [code] cell 2 In[2]',
      '%%time',
      'df = pd.read_csv("data.csv")',
      'files = !ls',
      'scaled = StandardScaler().fit_transform(df)',
      '# [out] stdout (1 line): CPU times: 1 s',
      '# %% [markdown] cell 3',
      '# ## Split',
      '# %% [code] cell 4',
      'train, test = train_test_split(scaled, random_state=0)',
    ].join('\n');
    const review = analyze({ 'nb.ipynb': nb });
    expect(review.findings.find((f) => f.rule === 'syntax-error')).toBeUndefined();
    const leak = review.findings.find((f) => f.rule === 'preprocessing-before-split');
    expect(leak).toMatchObject({ file: 'nb.ipynb', line: 11, current: 'scaled = StandardScaler().fit_transform(df)', sites: [{ file: 'nb.ipynb', line: 16 }] });
  });

  it('comments out cells in another language (%%bash, %%writefile) and keeps Python cells', () => {
    const nb = [
      '# %% [code] cell 1',
      '%%bash',
      'if [ -f data.csv ]; then echo ok; fi',
      '# %% [code] cell 2',
      '%%writefile helper.py',
      'def f(:',
      '# %% [code] cell 3',
      'import pandas as pd',
      'x = pd.read_csv("/home/me/d.csv")',
    ].join('\n');
    const review = analyze({ 'nb.ipynb': nb });
    expect(review.findings.find((f) => f.rule === 'syntax-error')).toBeUndefined();
    expect(review.findings.find((f) => f.rule === 'hardcoded-path')?.line).toBe(9);
  });

  it('accepts raw notebook JSON and numbers lines as the Read tool renders them', () => {
    const json = JSON.stringify({
      nbformat: 4,
      nbformat_minor: 5,
      metadata: {},
      cells: [
        { cell_type: 'markdown', metadata: {}, source: ['# Title\n', 'text'] },
        { cell_type: 'code', metadata: {}, execution_count: 1, outputs: [], source: ['import pandas as pd\n', 'from sklearn.preprocessing import MinMaxScaler\n', 'df = pd.read_csv("d.csv")\n', 'df[["a"]] = MinMaxScaler().fit_transform(df[["a"]])'] },
        { cell_type: 'code', metadata: {}, execution_count: 2, outputs: [], source: 'train, test = train_test_split(df, random_state=1)' },
      ],
    });
    const leak = analyze({ 'n.ipynb': json }).findings.find((f) => f.rule === 'preprocessing-before-split');
    expect(leak).toMatchObject({ line: 8, current: 'df[["a"]] = MinMaxScaler().fit_transform(df[["a"]])' });
  });
});
