import argparse
import json

import lightgbm as lgb
import numpy as np
import pandas as pd
import yaml
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score
from sklearn.model_selection import GroupShuffleSplit

from features import build_features


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="config.yaml")
    ap.add_argument("--out", default="artifacts/metrics.json")
    args = ap.parse_args()

    with open(args.config) as f:
        cfg = yaml.safe_load(f)
    seed = cfg["split"]["seed"]
    np.random.seed(seed)

    df = pd.read_csv(cfg["data"]["path"], parse_dates=["admit_date", "discharge_date"])
    # planned readmissions (chemo, scheduled procedures) are excluded per CMS algorithm
    df = df[~df["planned_readmit_flag"]].reset_index(drop=True)

    X = build_features(df, cfg)
    y = df[cfg["data"]["outcome"]].astype(int).values
    groups = df[cfg["data"]["patient_id"]].values

    gss = GroupShuffleSplit(n_splits=1, test_size=cfg["split"]["test_size"], random_state=seed)
    tr_idx, te_idx = next(gss.split(X, y, groups))
    X_tr, X_te = X.iloc[tr_idx], X.iloc[te_idx]
    y_tr, y_te = y[tr_idx], y[te_idx]

    clf = lgb.LGBMClassifier(**cfg["model"], random_state=seed, verbose=-1)
    clf.fit(X_tr, y_tr)

    p = clf.predict_proba(X_te)[:, 1]
    metrics = {
        "n_train": int(len(tr_idx)),
        "n_test": int(len(te_idx)),
        "auroc": float(roc_auc_score(y_te, p)),
        "auprc": float(average_precision_score(y_te, p)),
        "brier": float(brier_score_loss(y_te, p)),
        "event_rate_test": float(y_te.mean()),
    }
    print(json.dumps(metrics, indent=2))
    with open(args.out, "w") as f:
        json.dump(metrics, f, indent=2)


if __name__ == "__main__":
    main()
