"""Home Credit default risk: application table + side-table aggregates, LightGBM 5-fold."""
import argparse
import json
import logging
from pathlib import Path

import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import StratifiedKFold
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from aggregates import application_features, bureau_features, installment_features, previous_features

log = logging.getLogger("homecredit")
BASELINE_COLS = ["EXT_SOURCE_1", "EXT_SOURCE_2", "EXT_SOURCE_3", "credit_income", "annuity_income", "DAYS_BIRTH"]


def build(data: Path):
    read = lambda name: pd.read_parquet(data / f"{name}.parquet")
    train, test = read("application_train"), read("application_test")
    n_train = len(train)
    app = application_features(pd.concat([train, test], ignore_index=True))
    side = [bureau_features(read("bureau"), read("bureau_balance")),
            previous_features(read("previous_application")),
            installment_features(read("installments_payments"))]
    for table in side:
        app = app.join(table, on="SK_ID_CURR")
    train, test = app.iloc[:n_train].reset_index(drop=True), app.iloc[n_train:].reset_index(drop=True)
    for c in train.select_dtypes("object").columns:
        train[c] = train[c].astype("category")
        test[c] = pd.Categorical(test[c], categories=train[c].cat.categories)
    return train, test


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=Path("data"))
    ap.add_argument("--seed", type=int, default=1001)
    ap.add_argument("--folds", type=int, default=5)
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")

    train, test = build(args.data)
    y = train["TARGET"].astype(int).to_numpy()
    feats = [c for c in train.columns if c not in ("TARGET", "SK_ID_CURR")]
    log.info("train %s test %s features %d positive rate %.4f", train.shape, test.shape, len(feats), y.mean())

    skf = StratifiedKFold(n_splits=args.folds, shuffle=True, random_state=args.seed)
    oof, oof_lr, test_pred = np.zeros(len(train)), np.zeros(len(train)), np.zeros(len(test))
    importances = []
    for k, (tr, va) in enumerate(skf.split(train, y)):
        model = lgb.LGBMClassifier(n_estimators=10000, learning_rate=0.02, num_leaves=34, min_child_samples=80,
                                   colsample_bytree=0.3, subsample=0.87, subsample_freq=1, reg_alpha=0.04,
                                   reg_lambda=0.07, random_state=args.seed, verbose=-1)
        model.fit(train.loc[tr, feats], y[tr], eval_set=[(train.loc[va, feats], y[va])], eval_metric="auc",
                  callbacks=[lgb.early_stopping(200, verbose=False), lgb.log_evaluation(1000)])
        oof[va] = model.predict_proba(train.loc[va, feats])[:, 1]
        test_pred += model.predict_proba(test[feats])[:, 1] / args.folds
        importances.append(pd.Series(model.booster_.feature_importance("gain"), index=feats))

        lr = make_pipeline(SimpleImputer(strategy="median"), StandardScaler(), LogisticRegression(max_iter=2000))
        lr.fit(train.loc[tr, BASELINE_COLS], y[tr])
        oof_lr[va] = lr.predict_proba(train.loc[va, BASELINE_COLS])[:, 1]
        log.info("fold %d auc %.5f (logreg %.5f)", k, roc_auc_score(y[va], oof[va]), roc_auc_score(y[va], oof_lr[va]))

    report = {"lgbm": {"auc": roc_auc_score(y, oof), "pr_auc": average_precision_score(y, oof)},
              "logreg_ext_sources": {"auc": roc_auc_score(y, oof_lr), "pr_auc": average_precision_score(y, oof_lr)}}
    log.info("OOF %s", report)
    top = pd.concat(importances, axis=1).mean(axis=1).sort_values(ascending=False).head(25)
    log.info("top features:\n%s", top.to_string())
    Path("out").mkdir(exist_ok=True)
    Path("out/cv_report.json").write_text(json.dumps(report, indent=2))
    pd.DataFrame({"SK_ID_CURR": test["SK_ID_CURR"], "TARGET": test_pred}).to_csv("out/submission.csv", index=False)


if __name__ == "__main__":
    main()
