"""
Predict undersized weld nuggets (destructive chisel test) from weld controller
signals, so that suspect joints can be sent to ultrasonic inspection.
"""
import json

import numpy as np
import pandas as pd
import lightgbm as lgb
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import StratifiedShuffleSplit
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler


def load(cfg):
    df = pd.read_parquet(cfg["data_path"])
    df = pd.get_dummies(df, columns=["coating"], dtype=float)
    feats = [c for c in df.columns if c.startswith(tuple(cfg["signal_features"]))]
    return df[feats], df[cfg["target"]].astype(int)


def undersample_negatives(X, y, neg_per_pos, rng):
    pos = np.flatnonzero(y == 1)
    neg = np.flatnonzero(y == 0)
    keep_neg = rng.choice(neg, size=min(len(neg), neg_per_pos * len(pos)), replace=False)
    idx = np.concatenate([pos, keep_neg])
    return X.iloc[idx], y.iloc[idx]


def main():
    cfg = json.load(open("settings.json"))
    X, y = load(cfg)
    print(f"{len(y)} welds, {int(y.sum())} undersized")
    rng = np.random.default_rng()

    splitter = StratifiedShuffleSplit(n_splits=cfg["n_eval_splits"], test_size=cfg["eval_fraction"])
    scores = {"logreg": [], "lgbm": []}
    for fold, (tr, te) in enumerate(splitter.split(X, y)):
        X_tr, y_tr = undersample_negatives(X.iloc[tr], y.iloc[tr], cfg["neg_per_pos"], rng)
        X_te, y_te = X.iloc[te], y.iloc[te]

        models = {
            "logreg": make_pipeline(StandardScaler(), LogisticRegression(max_iter=1000)),
            "lgbm": lgb.LGBMClassifier(**cfg["lgbm"], subsample=0.8, subsample_freq=1, verbose=-1),
        }
        for name, model in models.items():
            model.fit(X_tr, y_tr)
            p = model.predict_proba(X_te)[:, 1]
            scores[name].append((average_precision_score(y_te, p), roc_auc_score(y_te, p)))
            print(f"split {fold} {name}: PR-AUC {scores[name][-1][0]:.3f} ROC-AUC {scores[name][-1][1]:.3f}")

    for name, vals in scores.items():
        arr = np.array(vals)
        print(f"{name}: PR-AUC {arr[:, 0].mean():.3f} +/- {arr[:, 0].std():.3f}, "
              f"ROC-AUC {arr[:, 1].mean():.3f} +/- {arr[:, 1].std():.3f}")


if __name__ == "__main__":
    main()
