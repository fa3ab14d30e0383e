"""Ames house prices: XGBoost (native API) on log(SalePrice).

split: 70% train / 15% valid (early stopping) / 15% test (reported once)
"""
import argparse
import json
import logging

import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.linear_model import RidgeCV
from sklearn.metrics import mean_absolute_error, mean_squared_error, r2_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.compose import make_column_transformer, make_column_selector
from sklearn.impute import SimpleImputer
from sklearn.preprocessing import OneHotEncoder, StandardScaler

log = logging.getLogger("ames")


def engineer(df: pd.DataFrame) -> pd.DataFrame:
    """Row-wise features only (no statistics across rows)."""
    out = df.copy()
    out["TotalSF"] = out[["TotalBsmtSF", "1stFlrSF", "2ndFlrSF"]].fillna(0).sum(axis=1)
    out["Age"] = out["YrSold"] - out["YearBuilt"]
    out["RemodAge"] = out["YrSold"] - out["YearRemodAdd"]
    out["TotalBath"] = (out["FullBath"] + 0.5 * out["HalfBath"]
                        + out["BsmtFullBath"].fillna(0) + 0.5 * out["BsmtHalfBath"].fillna(0))
    out["HasPool"] = (out["PoolArea"] > 0).astype(int)
    return out.drop(columns=["Id", "SalePrice"])


def to_categories(parts, reference):
    """Category levels come from the training rows; unseen levels become NaN."""
    obj_cols = reference.select_dtypes("object").columns
    levels = {c: reference[c].dropna().unique() for c in obj_cols}
    out = []
    for part in parts:
        part = part.copy()
        for c in obj_cols:
            part[c] = pd.Categorical(part[c], categories=levels[c])
        out.append(part)
    return out


def scores(y_true_log, y_pred_log):
    yt, yp = np.expm1(y_true_log), np.expm1(y_pred_log)
    return {
        "rmse_log": mean_squared_error(y_true_log, y_pred_log) ** 0.5,
        "mae_usd": mean_absolute_error(yt, yp),
        "r2": r2_score(yt, yp),
    }


def main(opt):
    raw = pd.read_csv(opt.csv)
    raw = raw[raw["GrLivArea"] < 4500]  # documented outliers (partial sales), see De Cock (2011)
    X = engineer(raw)
    y = np.log1p(raw["SalePrice"].to_numpy())

    X_tr, X_tmp, y_tr, y_tmp = train_test_split(X, y, test_size=0.30, random_state=opt.seed)
    X_va, X_te, y_va, y_te = train_test_split(X_tmp, y_tmp, test_size=0.50, random_state=opt.seed)
    X_tr, X_va, X_te = to_categories([X_tr, X_va, X_te], reference=X_tr)
    log.info("rows train=%d valid=%d test=%d", len(X_tr), len(X_va), len(X_te))

    dtrain = xgb.DMatrix(X_tr, y_tr, enable_categorical=True)
    dvalid = xgb.DMatrix(X_va, y_va, enable_categorical=True)
    params = {
        "objective": "reg:squarederror",
        "eta": 0.02,
        "max_depth": 4,
        "min_child_weight": 3,
        "subsample": 0.8,
        "colsample_bytree": 0.6,
        "lambda": 2.0,
        "tree_method": "hist",
        "max_cat_to_onehot": 8,
        "seed": opt.seed,
    }
    booster = xgb.train(
        params,
        dtrain,
        num_boost_round=10_000,
        evals=[(dtrain, "train"), (dvalid, "valid")],  # early stopping watches the last entry: valid
        early_stopping_rounds=300,
        verbose_eval=500,
    )
    log.info("best iteration %d, valid rmse %.4f", booster.best_iteration, booster.best_score)

    # linear baseline on the same train rows
    ridge = make_pipeline(
        make_column_transformer(
            (make_pipeline(SimpleImputer(strategy="median"), StandardScaler()), make_column_selector(dtype_include="number")),
            (make_pipeline(SimpleImputer(strategy="most_frequent"), OneHotEncoder(handle_unknown="ignore")),
             make_column_selector(dtype_include="category")),
        ),
        RidgeCV(alphas=np.logspace(-2, 3, 30)),
    ).fit(X_tr, y_tr)

    best_range = (0, booster.best_iteration + 1)
    report = {
        "xgb_valid": scores(y_va, booster.predict(dvalid, iteration_range=best_range)),
        "xgb_test": scores(y_te, booster.predict(xgb.DMatrix(X_te, enable_categorical=True), iteration_range=best_range)),
        "ridge_test": scores(y_te, ridge.predict(X_te)),
        "median_test": scores(y_te, np.full_like(y_te, np.median(y_tr))),
    }
    print(json.dumps(report, indent=2))
    booster.save_model(opt.model_out)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    p = argparse.ArgumentParser()
    p.add_argument("--csv", default="data/AmesHousing_train.csv")
    p.add_argument("--model-out", default="artifacts/ames_xgb.ubj")
    p.add_argument("--seed", type=int, default=404)
    main(p.parse_args())
