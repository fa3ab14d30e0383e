#!/usr/bin/env python
"""Small LightGBM sweep on EMBER features: select on validation, refit on train+val, test once."""
import argparse
import itertools
import json
import os

import lightgbm as lgb
import numpy as np
from sklearn.metrics import roc_auc_score, roc_curve
from sklearn.model_selection import train_test_split

NDIM = 2381


def load(data_dir, subset):
    y = np.memmap(os.path.join(data_dir, f"y_{subset}.dat"), dtype=np.float32, mode="r")
    X = np.memmap(os.path.join(data_dir, f"X_{subset}.dat"), dtype=np.float32, mode="r", shape=(len(y), NDIM))
    keep = np.asarray(y) != -1
    return np.asarray(X[keep]), np.asarray(y[keep]).astype(int)


def dr_at_fpr(y, s, target=0.01):
    fpr, tpr, _ = roc_curve(y, s)
    return float(np.interp(target, fpr, tpr))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data-dir", default="data/ember2018")
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--out", default="models/ember_lgbm_final.txt")
    args = ap.parse_args()

    X_dev, y_dev = load(args.data_dir, "train")
    X_test, y_test = load(args.data_dir, "test")
    X_tr, X_val, y_tr, y_val = train_test_split(
        X_dev, y_dev, test_size=0.1, stratify=y_dev, random_state=args.seed
    )

    grid = {"num_leaves": [256, 1024], "learning_rate": [0.05, 0.1], "min_child_samples": [20, 100]}
    results = []
    for values in itertools.product(*grid.values()):
        hp = dict(zip(grid.keys(), values))
        model = lgb.LGBMClassifier(n_estimators=3000, colsample_bytree=0.5, subsample=0.5,
                                   subsample_freq=1, random_state=args.seed, verbose=-1, **hp)
        model.fit(X_tr, y_tr, eval_set=[(X_val, y_val)], eval_metric="auc",
                  callbacks=[lgb.early_stopping(100, verbose=False)])
        val_auc = roc_auc_score(y_val, model.predict_proba(X_val)[:, 1])
        results.append({**hp, "best_iter": model.best_iteration_, "val_auc": val_auc})
        print(results[-1])

    best = max(results, key=lambda r: r["val_auc"])
    print("selected:", best)

    # refit on all development data with the chosen config and a slightly longer schedule
    hp = {k: best[k] for k in grid}
    n_rounds = int(best["best_iter"] * 1.1)
    final = lgb.LGBMClassifier(n_estimators=n_rounds, colsample_bytree=0.5, subsample=0.5,
                               subsample_freq=1, random_state=args.seed, verbose=-1, **hp)
    final.fit(np.vstack([X_tr, X_val]), np.concatenate([y_tr, y_val]))

    s_test = final.predict_proba(X_test)[:, 1]
    report = {"selected": best, "n_rounds": n_rounds,
              "test_auc": roc_auc_score(y_test, s_test), "test_dr_1pct_fpr": dr_at_fpr(y_test, s_test)}
    print(json.dumps(report, indent=2))
    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    final.booster_.save_model(args.out)
    with open(args.out + ".json", "w") as f:
        json.dump(report, f, indent=2)


if __name__ == "__main__":
    main()
