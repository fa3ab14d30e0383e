"""Santander Customer Transaction Prediction: XGBoost on GPU with gain-based feature pruning."""
import argparse
from pathlib import Path

import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import StratifiedKFold
from sklearn.naive_bayes import GaussianNB
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import QuantileTransformer

from selection import select_by_importance

XGB_PARAMS = {
    "objective": "binary:logistic",
    "eval_metric": "auc",
    "tree_method": "hist",
    "device": "cuda",
    "eta": 0.02,
    "max_depth": 2,
    "subsample": 0.7,
    "colsample_bytree": 0.3,
    "min_child_weight": 10,
    "seed": 4590,
}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="input/santander-customer-transaction-prediction")
    ap.add_argument("--top-k", type=int, default=120)
    ap.add_argument("--folds", type=int, default=5)
    args = ap.parse_args()

    train = pd.read_csv(Path(args.data) / "train.csv")
    test = pd.read_csv(Path(args.data) / "test.csv")
    all_feats = [c for c in train.columns if c.startswith("var_")]
    y = train["target"].values
    print(f"rows={len(train)} positive rate={y.mean():.4f}")

    feats = select_by_importance(train[all_feats], y, XGB_PARAMS, top_k=args.top_k)
    print(f"kept {len(feats)}/{len(all_feats)} features")
    X, X_test = train[feats], test[feats]

    skf = StratifiedKFold(n_splits=args.folds, shuffle=True, random_state=4590)
    oof_nb, oof_xgb = np.zeros(len(X)), np.zeros(len(X))
    test_pred = np.zeros(len(X_test))
    dtest = xgb.DMatrix(X_test)
    for fold, (tr, va) in enumerate(skf.split(X, y)):
        nb = make_pipeline(QuantileTransformer(output_distribution="normal"), GaussianNB())
        nb.fit(X.iloc[tr], y[tr])
        oof_nb[va] = nb.predict_proba(X.iloc[va])[:, 1]

        dtr = xgb.DMatrix(X.iloc[tr], label=y[tr])
        dva = xgb.DMatrix(X.iloc[va], label=y[va])
        booster = xgb.train(
            XGB_PARAMS, dtr, num_boost_round=20000, evals=[(dva, "valid")],
            early_stopping_rounds=500, verbose_eval=2000,
        )
        best = (0, booster.best_iteration + 1)
        oof_xgb[va] = booster.predict(dva, iteration_range=best)
        test_pred += booster.predict(dtest, iteration_range=best) / args.folds
        print(f"fold {fold}: nb auc {roc_auc_score(y[va], oof_nb[va]):.5f} "
              f"xgb auc {roc_auc_score(y[va], oof_xgb[va]):.5f}")

    for name, oof in (("gaussian-nb", oof_nb), ("xgboost", oof_xgb)):
        print(f"{name:12s} AUC {roc_auc_score(y, oof):.5f}  AP {average_precision_score(y, oof):.5f}")

    pd.DataFrame({"ID_code": test["ID_code"], "target": test_pred}).to_csv(
        f"submission_xgb_top{args.top_k}.csv", index=False
    )


if __name__ == "__main__":
    main()
