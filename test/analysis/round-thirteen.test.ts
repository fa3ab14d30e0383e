// Round-thirteen idioms (quant research, credit, recommenders, energy, segmentation): statistics that are legitimate
// at prediction time, and mistakes hidden behind them. Each mechanism fires on the wrong variant and stays silent
// on the correct one.
import { describe, expect, it } from 'vitest';
import { py, useAnalyzer } from './helpers.js';

const { analyze } = useAnalyzer();
const REQ = { 'requirements.txt': 'numpy==2.1.3\npandas==2.2.3\nscikit-learn==1.5.2\ntorch==2.5.1\n' };
const rule = (id: string, files: Record<string, string>) => analyze({ ...REQ, ...files }).findings.filter((f) => f.rule === id);

describe('per-group statistics of the test rows', () => {
  const backtest = (key: string) => py`
    import numpy as np
    import pandas as pd
    from sklearn.linear_model import Ridge

    df = pd.read_parquet("panel.parquet")
    df["date"] = pd.to_datetime(df["date"])
    FEATS = ["mom", "value", "size"]
    tr = df[df["date"] < "2020-01-01"]
    te = df[df["date"] >= "2020-01-01"].copy()
    model = Ridge(alpha=1.0).fit(tr[FEATS], tr["y"])
    te["pred"] = model.predict(te[FEATS])
    w = te.groupby("date")["pred"].transform(lambda s: s.rank(pct=True) - 0.5)
    w = w / w.abs().groupby(te["${key}"]).transform("sum")
    print((w * te["y"]).groupby(te["date"]).sum().mean())
  `;

  it('fires when test rows are scaled by a statistic of each entity over the whole test period', () => {
    const found = rule('fit-on-test', { 'backtest.py': backtest('sector') });
    expect(found.map((f) => f.line)).toEqual([13]);
  });

  it("stays silent when each row is scaled within its own date's cross-section (known at prediction time)", () => {
    expect(rule('fit-on-test', { 'backtest.py': backtest('date') })).toEqual([]);
  });
});

describe('time-ordered rows transposed into columns', () => {
  const profiles = (weekly: string) => py`
    import numpy as np
    import pandas as pd
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import roc_auc_score
    from sklearn.model_selection import train_test_split

    raw = pd.read_csv("consumption.csv").set_index("CONS_NO")
    y = raw.pop("FLAG").astype(int)
    raw.columns = pd.to_datetime(raw.columns)
    ${weekly}
    X = weekly.fillna(0)
    X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.25, stratify=y, random_state=13)
    clf = LogisticRegression(max_iter=1000).fit(X_tr, y_tr)
    print(roc_auc_score(y_te, clf.predict_proba(X_te)[:, 1]))
  `;

  it('fires when the rows stay the resampled periods', () => {
    const found = rule('shuffled-time-series-split', { 'theft.py': profiles('weekly = raw.T.resample("W-MON").sum(min_count=4)') });
    expect(found.map((f) => f.line)).toEqual([12]);
  });

  it('stays silent when the resampled periods are transposed back into columns (one row per customer)', () => {
    expect(rule('shuffled-time-series-split', { 'theft.py': profiles('weekly = raw.T.resample("W-MON").sum(min_count=4).T') })).toEqual([]);
    expect(rule('shuffled-time-series-split', { 'theft.py': profiles('weekly = raw.T.resample("W-MON").sum(min_count=4).transpose()') })).toEqual([]);
  });
});
