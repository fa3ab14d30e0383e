"""Pick a LambdaMART shape with query-grouped CV on the training queries, then test once."""
import json
from pathlib import Path

import lightgbm as lgb
import numpy as np
import pandas as pd
import yaml
from sklearn.impute import SimpleImputer
from sklearn.metrics import ndcg_score
from sklearn.model_selection import GroupKFold, GroupShuffleSplit
from sklearn.pipeline import Pipeline


def group_sizes(qids):
    _, counts = np.unique(qids, return_counts=True)
    return counts


def mean_ndcg(y, s, q, k):
    vals = []
    for qq in np.unique(q):
        m = q == qq
        if m.sum() > 1 and y[m].max() > 0:
            vals.append(ndcg_score([y[m]], [s[m]], k=k))
    return float(np.mean(vals))


def mean_mrr(y, s, q, min_grade=2):
    vals = []
    for qq in np.unique(q):
        m = q == qq
        hits = np.flatnonzero(y[m][np.argsort(-s[m])] >= min_grade)
        vals.append(1.0 / (hits[0] + 1) if len(hits) else 0.0)
    return float(np.mean(vals))


def make_pipeline(params, seed):
    return Pipeline([
        ("impute", SimpleImputer(strategy="median")),
        ("ranker", lgb.LGBMRanker(objective="lambdarank", subsample=0.8, subsample_freq=1,
                                  colsample_bytree=0.8, random_state=seed, verbose=-1, **params)),
    ])


def main(cfg_path="cv_config.yaml"):
    cfg = yaml.safe_load(Path(cfg_path).read_text())
    df = pd.read_parquet(cfg["data"]).sort_values(cfg["query_col"], kind="stable")
    X = df[cfg["features"]].to_numpy(dtype=float)
    y = df[cfg["label_col"]].to_numpy()
    q = df[cfg["query_col"]].to_numpy()

    outer = GroupShuffleSplit(n_splits=1, test_size=cfg["test_size"], random_state=cfg["seed"])
    tr, te = next(outer.split(X, y, groups=q))
    X_tr, y_tr, q_tr = X[tr], y[tr], q[tr]
    X_te, y_te, q_te = X[te], y[te], q[te]

    cv_scores = {}
    for name, params in cfg["candidates"].items():
        fold_scores = []
        for f_tr, f_va in GroupKFold(n_splits=cfg["cv_folds"]).split(X_tr, y_tr, groups=q_tr):
            pipe = make_pipeline(params, cfg["seed"])
            pipe.fit(X_tr[f_tr], y_tr[f_tr], ranker__group=group_sizes(q_tr[f_tr]))
            s = pipe.predict(X_tr[f_va])
            fold_scores.append(mean_ndcg(y_tr[f_va], s, q_tr[f_va], 10))
        cv_scores[name] = (float(np.mean(fold_scores)), float(np.std(fold_scores)))
        print(f"{name:>7}: cv ndcg@10 {cv_scores[name][0]:.4f} +/- {cv_scores[name][1]:.4f}")

    best = max(cv_scores, key=lambda n: cv_scores[n][0])
    final = make_pipeline(cfg["candidates"][best], cfg["seed"])
    final.fit(X_tr, y_tr, ranker__group=group_sizes(q_tr))

    s_te = final.predict(X_te)
    s_bl = X_te[:, cfg["features"].index(cfg["baseline_feature"])]
    s_bl = np.nan_to_num(s_bl, nan=0.0)
    report = {"selected": best, "cv": cv_scores}
    for name, s in [("baseline_" + cfg["baseline_feature"], s_bl), ("lambdamart", s_te)]:
        report[name] = {"ndcg@5": mean_ndcg(y_te, s, q_te, 5),
                        "ndcg@10": mean_ndcg(y_te, s, q_te, 10),
                        "mrr": mean_mrr(y_te, s, q_te)}
    print(json.dumps(report, indent=2))
    Path("artifacts").mkdir(exist_ok=True)
    Path("artifacts/report.json").write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
