"""Weekly store x category sales model for the category-review dashboards.

Log-linear ridge with price, promo and calendar drivers. Hyperparameters are tuned with
expanding-window CV on the history; the last 12 weeks are kept for the final check.
"""
import argparse

import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.linear_model import Ridge
from sklearn.metrics import mean_absolute_error
from sklearn.model_selection import GridSearchCV, TimeSeriesSplit
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, SplineTransformer, StandardScaler

NUM = ["log_avg_price", "price_ratio_to_reg", "promo_share", "display_share", "n_skus_on_promo",
       "log_sales_lag_52", "temp_avg", "holiday_wk"]
CAT = ["store_id", "category", "region"]
SEASON = ["week_of_year"]


def load(path):
    df = pd.read_csv(path, parse_dates=["week_start"])
    df = df.sort_values(["week_start", "store_id", "category"]).reset_index(drop=True)
    df["log_sales"] = np.log1p(df["sales_units"])
    df["log_avg_price"] = np.log(df["avg_price"])
    df["price_ratio_to_reg"] = df["avg_price"] / df["reg_price"]
    df["week_of_year"] = df["week_start"].dt.isocalendar().week.astype(int)
    df["log_sales_lag_52"] = df.groupby(["store_id", "category"])["log_sales"].shift(52)
    return df


def build_pipeline():
    pre = ColumnTransformer([
        ("num", Pipeline([("imp", SimpleImputer(strategy="median")), ("sc", StandardScaler())]), NUM),
        ("cat", OneHotEncoder(handle_unknown="ignore"), CAT),
        ("season", SplineTransformer(n_knots=12, degree=3, extrapolation="periodic"), SEASON),
    ])
    return Pipeline([("pre", pre), ("ridge", Ridge())])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/store_category_weekly.csv")
    ap.add_argument("--test-weeks", type=int, default=12)
    args = ap.parse_args()

    df = load(args.data)
    df = df[df["log_sales_lag_52"].notna()]
    weeks = np.sort(df["week_start"].unique())
    test_start = weeks[-args.test_weeks]
    train = df[df["week_start"] < test_start]
    test = df[df["week_start"] >= test_start]

    n_series = train.groupby(["store_id", "category"]).ngroups
    cv = TimeSeriesSplit(n_splits=5, test_size=8 * n_series, gap=4 * n_series)
    search = GridSearchCV(
        build_pipeline(),
        param_grid={"ridge__alpha": [0.1, 1.0, 3.0, 10.0, 30.0, 100.0],
                    "pre__season__n_knots": [8, 12, 26]},
        cv=cv,
        scoring="neg_mean_absolute_error",
        n_jobs=-1,
    )
    search.fit(train[NUM + CAT + SEASON], train["log_sales"])
    print("best params:", search.best_params_, "cv MAE(log):", round(-search.best_score_, 4))

    pred = np.expm1(search.predict(test[NUM + CAT + SEASON]))
    mae = mean_absolute_error(test["sales_units"], pred)
    wape = np.abs(test["sales_units"] - pred).sum() / test["sales_units"].sum()
    snaive = np.expm1(test["log_sales_lag_52"])
    wape_sn = np.abs(test["sales_units"] - snaive).sum() / test["sales_units"].sum()
    print(f"test ({args.test_weeks} wks) MAE {mae:.1f} | WAPE {wape:.3f} | seasonal naive WAPE {wape_sn:.3f}")


if __name__ == "__main__":
    main()
