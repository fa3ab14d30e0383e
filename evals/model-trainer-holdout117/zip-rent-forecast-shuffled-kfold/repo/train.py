import argparse
import json
from pathlib import Path

import lightgbm as lgb
import pandas as pd
from sklearn.metrics import mean_absolute_error, mean_absolute_percentage_error
from sklearn.model_selection import KFold, cross_val_predict

from features import add_lag_features, add_market_features, load_panel

FEATURES = [
    "rent_lag_1", "rent_lag_2", "rent_lag_3", "rent_lag_6", "rent_lag_12",
    "rent_roll3", "rent_yoy", "rent_mom", "month_of_year",
    "mortgage_rate", "mortgage_rate_chg3", "cpi_shelter", "unemployment", "unemp_chg3",
]


def main():
    ap = argparse.ArgumentParser(description="one-month-ahead ZIP rent model")
    ap.add_argument("--panel", default="data/zori_zip_monthly.csv")
    ap.add_argument("--macro", default="data/macro_metro_monthly.csv")
    ap.add_argument("--start", default="2016-01-01")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--out", default="artifacts")
    args = ap.parse_args()

    panel = load_panel(args.panel)
    macro = pd.read_csv(args.macro, parse_dates=["month"])
    df = add_market_features(add_lag_features(panel), macro)
    df = df[df["month"] >= args.start].dropna(subset=FEATURES + ["rent"]).reset_index(drop=True)
    X, y = df[FEATURES], df["rent"]
    print(f"{len(df):,} zip-months, {df['zip'].nunique()} zips, "
          f"{df['month'].min():%Y-%m} .. {df['month'].max():%Y-%m}")

    model = lgb.LGBMRegressor(
        n_estimators=800, learning_rate=0.03, num_leaves=63, min_child_samples=40,
        subsample=0.8, subsample_freq=1, colsample_bytree=0.8,
        random_state=args.seed, verbose=-1,
    )
    cv = KFold(n_splits=5, shuffle=True, random_state=args.seed)
    oof = cross_val_predict(model, X, y, cv=cv)

    naive = df["rent_lag_1"]  # last month's rent carried forward
    metrics = {
        "cv_mae": mean_absolute_error(y, oof),
        "cv_mape": mean_absolute_percentage_error(y, oof),
        "naive_mape": mean_absolute_percentage_error(y, naive),
    }
    df["abs_pct_err"] = (oof - y).abs() / y
    by_year = df.groupby(df["month"].dt.year)["abs_pct_err"].mean()
    print(json.dumps(metrics, indent=2))
    print(by_year.round(4).to_string())

    model.fit(X, y)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    model.booster_.save_model(str(out / "lgbm_zip_rent.txt"))
    (out / "cv_metrics.json").write_text(json.dumps(metrics, indent=2))


if __name__ == "__main__":
    main()
