"""Refresh the credit-card application scorecard (logit on coarse-classed dummies) and write the
development report for model governance."""
import json
from pathlib import Path

import numpy as np
import pandas as pd
import statsmodels.api as sm
import yaml
from sklearn.metrics import roc_auc_score, roc_curve

from features import design_matrix


def split_sample(df, holdout_frac, seed):
    hold = df.sample(frac=holdout_frac, random_state=seed)
    dev = df.drop(hold.index)
    return dev, hold


def to_points(pd_hat, base_score, base_odds, pdo):
    factor = pdo / np.log(2)
    offset = base_score - factor * np.log(base_odds)
    odds_good = (1 - pd_hat) / pd_hat
    return offset + factor * np.log(odds_good)


def psi(expected, actual, n_bins=10):
    edges = np.unique(np.quantile(expected, np.linspace(0, 1, n_bins + 1)))
    edges[0], edges[-1] = -np.inf, np.inf
    e = np.histogram(expected, edges)[0] / len(expected)
    a = np.histogram(actual, edges)[0] / len(actual)
    e, a = np.clip(e, 1e-6, None), np.clip(a, 1e-6, None)
    return float(np.sum((a - e) * np.log(a / e)))


def main():
    cfg = yaml.safe_load(open("config.yaml"))
    apps = pd.read_csv(cfg["input"])
    dev, hold = split_sample(apps, cfg["holdout_frac"], cfg["seed"])
    y_dev = dev[cfg["target"]]

    X_dev = design_matrix(dev)
    logit = sm.Logit(y_dev, X_dev).fit(disp=0, maxiter=200)
    print(logit.summary2())

    pd_dev = logit.predict(X_dev)
    scores_dev = to_points(pd_dev, **cfg["scaling"])
    pd_hold = logit.predict(design_matrix(hold))
    scores_hold = to_points(pd_hold, **cfg["scaling"])

    auc_dev = roc_auc_score(y_dev, pd_dev)
    fpr, tpr, _ = roc_curve(y_dev, pd_dev)
    report = {
        "n_dev": int(len(dev)),
        "n_holdout": int(len(hold)),
        "bad_rate_dev": float(y_dev.mean()),
        "gini": float(2 * auc_dev - 1),
        "ks": float(np.max(tpr - fpr)),
        "psi_dev_vs_holdout": psi(scores_dev, scores_hold),
        "score_range": [float(scores_dev.min()), float(scores_dev.max())],
        "coefficients": logit.params.round(4).to_dict(),
        "pvalues": logit.pvalues.round(4).to_dict(),
    }
    Path(cfg["report_path"]).parent.mkdir(parents=True, exist_ok=True)
    Path(cfg["report_path"]).write_text(json.dumps(report, indent=2))
    print(f"Gini {report['gini']:.3f}  KS {report['ks']:.3f}  PSI {report['psi_dev_vs_holdout']:.4f}")


if __name__ == "__main__":
    main()
