// Pipelines of scripts: one writes a file, another reads it back. What the rows carried when written
// (statistics of all of them, time order) reaches the reader's split.
import { describe, expect, it } from 'vitest';
import { writersFirst } from '../../src/analysis/flow/handoffs.js';
import { py, useAnalyzer } from './helpers.js';

const { findings } = useAnalyzer();
const REQ = { 'requirements.txt': 'pandas==2.2.3\nscikit-learn==1.5.2\n' };

const TRAIN = py`
  import pandas as pd
  from sklearn.linear_model import LogisticRegression
  from sklearn.metrics import f1_score
  from sklearn.model_selection import train_test_split

  df = pd.read_parquet("data/features.parquet")
  X_tr, X_te, y_tr, y_te = train_test_split(df[["a", "b"]], df["y"], stratify=df["y"], random_state=0)
  clf = LogisticRegression(max_iter=500).fit(X_tr, y_tr)
  print(f1_score(y_te, clf.predict(X_te)))
`;

describe('a file written by one script and split by another', () => {
  const prepare = (fit: string) => py`
    import pandas as pd
    from sklearn.preprocessing import StandardScaler

    raw = pd.read_csv("data/raw.csv")
    ${fit}
    raw.to_parquet("data/features.parquet")
  `;

  it('fires in the writer for a scaler fitted on all rows, the reader\'s split as a site', () => {
    const found = findings({ ...REQ, 'prepare.py': prepare('raw[["a", "b"]] = StandardScaler().fit_transform(raw[["a", "b"]])'), 'train.py': TRAIN }, 'preprocessing-before-split');
    expect(found.map((f) => [f.file, f.line])).toEqual([['prepare.py', 5]]);
    expect(found[0]?.sites).toEqual(expect.arrayContaining([{ file: 'train.py', line: 7 }]));
    expect(found[0]?.issue).toContain('train.py:7');
  });

  it('fires whatever the scripts are called (the writer is analysed first)', () => {
    const found = findings({ ...REQ, 'z_make_features.py': prepare('raw[["a", "b"]] = StandardScaler().fit_transform(raw[["a", "b"]])'), 'a_fit.py': TRAIN }, 'preprocessing-before-split');
    expect(found.map((f) => f.file)).toEqual(['z_make_features.py']);
  });

  it('stays silent for stateless steps before writing', () => {
    expect(findings({ ...REQ, 'prepare.py': prepare('raw["a"] = raw["a"].clip(lower=0)'), 'train.py': TRAIN }, 'preprocessing-before-split')).toEqual([]);
  });

  it('stays silent when the reader loads another file than the one written', () => {
    const found = findings({ ...REQ, 'prepare.py': prepare('raw[["a", "b"]] = StandardScaler().fit_transform(raw[["a", "b"]])'), 'train.py': TRAIN.replace('data/features.parquet', 'data/other.parquet') }, 'preprocessing-before-split');
    expect(found).toEqual([]);
  });
});

describe('time order written by one script, shuffled by another', () => {
  it('fires at the reader\'s shuffled split, the lag features as evidence', () => {
    const prepare = py`
      import pandas as pd
      sales = pd.read_csv("sales.csv", parse_dates=["day"]).sort_values("day")
      sales["lag_7"] = sales["units"].shift(7)
      sales.dropna().to_csv("features.csv", index=False)
    `;
    const train = TRAIN.replace('pd.read_parquet("data/features.parquet")', 'pd.read_csv("features.csv")');
    const found = findings({ ...REQ, 'prepare.py': prepare, 'train.py': train }, 'shuffled-time-series-split');
    expect(found.map((f) => [f.file, f.line])).toEqual([['train.py', 7]]);
  });
});

describe('writersFirst', () => {
  it('orders scripts so that a writer runs before its reader, otherwise keeping the given order', () => {
    const files = [
      { path: 'a_train.py', text: 'df = pd.read_parquet("features.parquet")' },
      { path: 'b_report.py', text: 'print(1)' },
      { path: 'c_prepare.py', text: 'df.to_parquet("out/features.parquet")' },
    ];
    expect(writersFirst(files).map((f) => f.path)).toEqual(['b_report.py', 'c_prepare.py', 'a_train.py']);
  });
});
