"""UNSW-NB15 binary detector: tune XGBoost on a validation slice of the training CSV,
refit on train+val with the chosen settings, report once on the official testing CSV."""
import argparse
import itertools
import json

import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.compose import ColumnTransformer
from sklearn.metrics import average_precision_score, f1_score, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import OneHotEncoder

CAT = ["proto", "service", "state"]
DROP = ["id", "attack_cat", "label"]


def make_prep(num_cols):
    return ColumnTransformer([
        ("cat", OneHotEncoder(handle_unknown="infrequent_if_exist", min_frequency=100), CAT),
        ("num", "passthrough", num_cols),
    ])


def make_model(params, n_estimators, seed, early_stopping_rounds=None):
    return xgb.XGBClassifier(n_estimators=n_estimators, tree_method="hist", eval_metric="aucpr",
                             early_stopping_rounds=early_stopping_rounds, random_state=seed,
                             n_jobs=-1, **params)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--train-csv", default="data/UNSW_NB15_training-set.csv")
    ap.add_argument("--test-csv", default="data/UNSW_NB15_testing-set.csv")
    ap.add_argument("--seed", type=int, default=15)
    args = ap.parse_args()

    full = pd.read_csv(args.train_csv)
    test = pd.read_csv(args.test_csv)
    num_cols = [c for c in full.columns if c not in CAT + DROP]

    tr, va = train_test_split(full, test_size=0.2, stratify=full["label"], random_state=args.seed)
    prep = make_prep(num_cols).fit(tr)
    X_tr, X_va = prep.transform(tr), prep.transform(va)

    grid = {"max_depth": [6, 10], "learning_rate": [0.05, 0.1], "min_child_weight": [1, 5],
            "subsample": [0.8], "colsample_bytree": [0.7]}
    results = []
    for values in itertools.product(*grid.values()):
        params = dict(zip(grid.keys(), values))
        m = make_model(params, 3000, args.seed, early_stopping_rounds=100)
        m.fit(X_tr, tr["label"], eval_set=[(X_va, va["label"])], verbose=False)
        ap_val = average_precision_score(va["label"], m.predict_proba(X_va)[:, 1])
        results.append((ap_val, m.best_iteration, params))
        print(f"{params} -> val AP {ap_val:.4f} @ {m.best_iteration}")

    best_ap, best_iter, best_params = max(results, key=lambda r: r[0])
    n_final = int((best_iter + 1) * 1.15)   # a bit more data -> a few more rounds
    print(f"chosen {best_params}, {n_final} rounds (val AP {best_ap:.4f})")

    # final model: same recipe on train+val, no early stopping
    prep_final = make_prep(num_cols).fit(full)
    final = make_model(best_params, n_final, args.seed)
    final.fit(prep_final.transform(full), full["label"])

    proba = final.predict_proba(prep_final.transform(test))[:, 1]
    metrics = {
        "test_roc_auc": roc_auc_score(test["label"], proba),
        "test_pr_auc": average_precision_score(test["label"], proba),
        "test_f1@0.5": f1_score(test["label"], (proba >= 0.5).astype(int)),
    }
    print(json.dumps(metrics, indent=2))
    final.save_model("unsw_xgb_final.json")


if __name__ == "__main__":
    np.random.seed(15)
    main()
