"""Fit one CatBoost model on the bottom level (store x category), reconcile bottom-up.

Writes the 28-day forecast for all hierarchy levels plus a fit report.
"""
from pathlib import Path

import pandas as pd
from catboost import CatBoostRegressor, Pool

from hts.features import CAT_FEATURES, NUM_FEATURES, add_features
from hts.hierarchy import aggregate, level_scores

SEED = 8
HORIZON = 28
OUT = Path("output/hierarchy")


def main() -> None:
    hist = pd.read_parquet("data/store_category_daily.parquet")
    future = pd.read_parquet("data/store_category_future_calendar.parquet")
    full = add_features(pd.concat([hist, future], ignore_index=True))
    full[CAT_FEATURES] = full[CAT_FEATURES].astype(str)

    train = full[full["sales"].notna()].dropna(subset=["lag_364"])
    future = full[full["sales"].isna()]
    features = CAT_FEATURES + NUM_FEATURES

    model = CatBoostRegressor(
        loss_function="Tweedie:variance_power=1.3",
        iterations=2500,
        learning_rate=0.05,
        depth=8,
        l2_leaf_reg=3.0,
        random_seed=SEED,
        verbose=250,
    )
    model.fit(Pool(train[features], train["sales"], cat_features=CAT_FEATURES))

    train = train.assign(pred=model.predict(train[features]))
    train["naive_364"] = train["lag_364"]
    fitted_levels = aggregate(train, ["sales", "pred", "naive_364"])
    report = level_scores(fitted_levels, actual="sales", pred="pred")
    naive_report = level_scores(fitted_levels, actual="sales", pred="naive_364")
    report = report.merge(naive_report[["level", "wape"]], on="level", suffixes=("", "_naive"))
    print(report.to_string(index=False))

    future = future.assign(pred=model.predict(future[features]).clip(min=0))
    fc_levels = aggregate(future, ["pred"])

    OUT.mkdir(parents=True, exist_ok=True)
    report.to_csv(OUT / "fit_report.csv", index=False)
    for level, frame in fc_levels.items():
        frame.to_csv(OUT / f"forecast_{level}.csv", index=False)
    model.save_model(str(OUT / "catboost_store_cat.cbm"))


if __name__ == "__main__":
    main()
