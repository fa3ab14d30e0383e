#!/usr/bin/env python
"""Train a LightGBM sale-price model on the Ames data.

usage: python train_price_model.py --data data/ames_train.csv --n-iter 40 --out model.joblib
"""
import argparse

import joblib
import lightgbm as lgb
import numpy as np
import pandas as pd
from scipy.stats import loguniform, randint, uniform
from sklearn.compose import ColumnTransformer, make_column_selector
from sklearn.metrics import mean_absolute_error, mean_squared_error
from sklearn.model_selection import KFold, RandomizedSearchCV, train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OrdinalEncoder


def parse_args():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/ames_train.csv")
    ap.add_argument("--n-iter", type=int, default=40)
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--out", default="model.joblib")
    return ap.parse_args()


def main():
    args = parse_args()
    df = pd.read_csv(args.data).drop(columns=["Id"])
    df["TotalSF"] = df["TotalBsmtSF"].fillna(0) + df["1stFlrSF"] + df["2ndFlrSF"]
    df["Age"] = df["YrSold"] - df["YearBuilt"]
    y = np.log1p(df.pop("SalePrice"))

    # expensive homes are rare: keep the price distribution the same in train and test
    price_decile = pd.qcut(y, q=10, labels=False)
    X_train, X_test, y_train, y_test = train_test_split(
        df, y, test_size=0.2, stratify=price_decile, random_state=args.seed)

    pre = ColumnTransformer(
        [("cat", OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1,
                                encoded_missing_value=-1), make_column_selector(dtype_include=object))],
        remainder="passthrough",
    )
    pipe = Pipeline([
        ("pre", pre),
        ("gbm", lgb.LGBMRegressor(n_estimators=1500, random_state=args.seed, verbose=-1)),
    ])
    space = {
        "gbm__learning_rate": loguniform(0.005, 0.1),
        "gbm__num_leaves": randint(8, 64),
        "gbm__min_child_samples": randint(5, 60),
        "gbm__subsample": uniform(0.6, 0.4),
        "gbm__subsample_freq": [1],
        "gbm__colsample_bytree": uniform(0.4, 0.6),
        "gbm__reg_lambda": loguniform(1e-3, 10),
    }
    search = RandomizedSearchCV(
        pipe, space, n_iter=args.n_iter, scoring="neg_root_mean_squared_error",
        cv=KFold(5, shuffle=True, random_state=args.seed), random_state=args.seed, n_jobs=-1, verbose=1,
    )
    search.fit(X_train, y_train)
    print(f"CV RMSE(log): {-search.best_score_:.4f}")
    print({k: round(v, 4) if isinstance(v, float) else v for k, v in search.best_params_.items()})

    pred = search.predict(X_test)
    print(f"test RMSE(log): {mean_squared_error(y_test, pred, squared=False):.4f}")
    print(f"test MAE ($):   {mean_absolute_error(np.expm1(y_test), np.expm1(pred)):,.0f}")
    joblib.dump(search.best_estimator_, args.out)


if __name__ == "__main__":
    main()
