"""Loan default with out-of-fold target encoding (polars + LightGBM).

Split first. Category default-rates for training rows come from the *other* folds of the
training split; validation/test rows are encoded with rates from the whole training split.
"""
import argparse
import json

import lightgbm as lgb
import numpy as np
import polars as pl
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, log_loss, roc_auc_score
from sklearn.model_selection import KFold, train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

SEED = 606
HIGH_CARD = ["purpose", "addr_state", "emp_title", "sub_grade"]
NUMERIC = ["loan_amnt", "int_rate", "installment", "annual_inc", "dti", "revol_util",
           "open_acc", "total_acc", "fico_range_low"]
SMOOTHING = 50.0


def smoothed_rates(frame: pl.DataFrame, col: str, prior: float) -> pl.DataFrame:
    return frame.group_by(col).agg(
        ((pl.col("default").sum() + SMOOTHING * prior) / (pl.len() + SMOOTHING)).alias(f"{col}_te")
    )


def encode_with(target: pl.DataFrame, source: pl.DataFrame, col: str) -> pl.Series:
    prior = source["default"].mean()
    rates = smoothed_rates(source, col, prior)
    return target.select(col).join(rates, on=col, how="left")[f"{col}_te"].fill_null(prior)


def oof_encode(train: pl.DataFrame, col: str, seed: int) -> np.ndarray:
    out = np.zeros(train.height)
    for fit_idx, enc_idx in KFold(n_splits=5, shuffle=True, random_state=seed).split(np.arange(train.height)):
        out[enc_idx] = encode_with(train[enc_idx], train[fit_idx], col).to_numpy()
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--path", default="data/accepted_2015_2017.parquet")
    args = ap.parse_args()

    loans = (
        pl.read_parquet(args.path)
        .filter(pl.col("loan_status").is_in(["Fully Paid", "Charged Off"]))
        .with_columns(
            (pl.col("loan_status") == "Charged Off").cast(pl.Int8).alias("default"),
            pl.col("emp_title").str.to_lowercase().str.strip_chars().fill_null("missing"),
        )
        .with_row_index("row")
    )
    idx = np.arange(loans.height)
    labels = loans["default"].to_numpy()
    dev_idx, test_idx = train_test_split(idx, test_size=0.2, stratify=labels, random_state=SEED)
    tr_idx, va_idx = train_test_split(dev_idx, test_size=0.15, stratify=labels[dev_idx], random_state=SEED)
    train, valid, test = loans[tr_idx], loans[va_idx], loans[test_idx]

    def matrix(frame, te_cols):
        num = frame.select(NUMERIC).fill_null(strategy="zero").to_numpy()
        return np.column_stack([num] + te_cols)

    X_tr = matrix(train, [oof_encode(train, c, SEED) for c in HIGH_CARD])
    X_va = matrix(valid, [encode_with(valid, train, c).to_numpy() for c in HIGH_CARD])
    X_te = matrix(test, [encode_with(test, train, c).to_numpy() for c in HIGH_CARD])
    y_tr, y_va, y_te = train["default"].to_numpy(), valid["default"].to_numpy(), test["default"].to_numpy()

    linear = make_pipeline(StandardScaler(), LogisticRegression(C=0.5, max_iter=3000)).fit(X_tr, y_tr)
    gbm = lgb.LGBMClassifier(n_estimators=5000, learning_rate=0.02, num_leaves=48, min_child_samples=100,
                             subsample=0.8, subsample_freq=1, colsample_bytree=0.7,
                             random_state=SEED, verbose=-1)
    gbm.fit(X_tr, y_tr, eval_set=[(X_va, y_va)], eval_metric="auc",
            callbacks=[lgb.early_stopping(200, verbose=False)])

    result = {}
    for name, model in (("logistic", linear), ("lgbm", gbm)):
        p = model.predict_proba(X_te)[:, 1]
        result[name] = {"roc_auc": round(roc_auc_score(y_te, p), 4),
                        "pr_auc": round(average_precision_score(y_te, p), 4),
                        "log_loss": round(log_loss(y_te, p), 4)}
    result["lgbm_best_iter"] = int(gbm.best_iteration_)
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
