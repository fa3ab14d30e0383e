"""Lending-club style default model: polars feature prep + LightGBM."""
import argparse
import json

import lightgbm as lgb
import numpy as np
import polars as pl
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, log_loss, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

CFG = {
    "path": "data/accepted_2015_2017.parquet",
    "seed": 99,
    "high_card": ["purpose", "addr_state", "emp_title", "sub_grade"],
    "numeric": ["loan_amnt", "int_rate", "installment", "annual_inc", "dti",
                "revol_util", "open_acc", "total_acc", "fico_range_low"],
    "lgb": dict(n_estimators=5000, learning_rate=0.02, num_leaves=48,
                min_child_samples=100, subsample=0.8, subsample_freq=1,
                colsample_bytree=0.7, reg_lambda=1.0, verbose=-1),
}


def load(path):
    loans = pl.read_parquet(path)
    loans = loans.filter(pl.col("loan_status").is_in(["Fully Paid", "Charged Off"]))
    return loans.with_columns(
        (pl.col("loan_status") == "Charged Off").cast(pl.Int8).alias("default"),
        pl.col("emp_title").str.to_lowercase().str.strip_chars().fill_null("missing"),
        (pl.col("installment") * 12 / pl.col("annual_inc")).alias("pay_to_income"),
    )


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--path", default=CFG["path"])
    args = ap.parse_args()
    seed = CFG["seed"]

    loans = load(args.path)

    # target-rate encoding for the high-cardinality categoricals
    for col in CFG["high_card"]:
        rates = loans.group_by(col).agg(pl.col("default").mean().alias(f"{col}_rate"))
        loans = loans.join(rates, on=col, how="left")

    feats = CFG["numeric"] + ["pay_to_income"] + [f"{c}_rate" for c in CFG["high_card"]]
    X = loans.select(feats).fill_null(strategy="zero").to_numpy()
    y = loans["default"].to_numpy()

    X_tmp, X_test, y_tmp, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=seed)
    X_tr, X_val, y_tr, y_val = train_test_split(X_tmp, y_tmp, test_size=0.15, stratify=y_tmp, random_state=seed)

    logit = make_pipeline(StandardScaler(), LogisticRegression(C=0.5, max_iter=3000))
    logit.fit(X_tr, y_tr)

    gbm = lgb.LGBMClassifier(**CFG["lgb"], random_state=seed)
    gbm.fit(X_tr, y_tr, eval_set=[(X_val, y_val)], eval_metric="auc",
            callbacks=[lgb.early_stopping(200, verbose=False)])

    out = {}
    for name, model in (("logit", logit), ("lgbm", gbm)):
        p = model.predict_proba(X_test)[:, 1]
        out[name] = {
            "roc_auc": round(roc_auc_score(y_test, p), 4),
            "pr_auc": round(average_precision_score(y_test, p), 4),
            "log_loss": round(log_loss(y_test, p), 4),
        }
    out["lgbm_best_iter"] = int(gbm.best_iteration_)
    print(json.dumps(out, indent=2))
    np.save("test_predictions.npy", gbm.predict_proba(X_test)[:, 1])


if __name__ == "__main__":
    main()
