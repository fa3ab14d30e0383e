"""Global CatBoost model on SKU x DC weekly shipments, evaluated bottom-up on every hierarchy level."""
from pathlib import Path

import pandas as pd
import yaml
from catboost import CatBoostRegressor, Pool

from hier.reconcile import bottom_up, wape_by_level
from hier.scaling import SERIES, apply_scale, fit_series_scale, unscale

CATS = ["dc_id", "sku_id", "category", "brand"]
NUM = ["lag_1_s", "lag_2_s", "lag_4_s", "lag_52_s", "ma_4_s", "ma_13_s", "woy", "promo_weeks", "price_index"]


def add_history(df: pd.DataFrame) -> pd.DataFrame:
    df = df.sort_values(SERIES + ["week"]).copy()
    g = df.groupby(SERIES, observed=True)["units"]
    for lag in (1, 2, 4, 52):
        df[f"lag_{lag}"] = g.shift(lag)
    df["ma_4"] = g.transform(lambda s: s.shift(1).rolling(4, min_periods=1).mean())
    df["ma_13"] = g.transform(lambda s: s.shift(1).rolling(13, min_periods=4).mean())
    df["woy"] = df["week"].dt.isocalendar().week.astype(int)
    return df.dropna(subset=["lag_4"])


def main() -> None:
    cfg = yaml.safe_load(Path("params.yaml").read_text())
    df = add_history(pd.read_parquet(cfg["data"]))
    df[CATS] = df[CATS].astype(str)

    last = df["week"].max()
    test_start = last - pd.Timedelta(weeks=cfg["holdout_weeks"] - 1)
    valid_start = test_start - pd.Timedelta(weeks=cfg["valid_weeks"])
    fit_part = df[df["week"] < valid_start]
    valid = df[(df["week"] >= valid_start) & (df["week"] < test_start)]
    test = df[df["week"] >= test_start]

    scale = fit_series_scale(fit_part)
    fit_part, valid, test = (apply_scale(x, scale) for x in (fit_part, valid, test))

    model = CatBoostRegressor(**cfg["catboost"], random_seed=cfg["seed"], verbose=500)
    model.fit(
        Pool(fit_part[CATS + NUM], fit_part["units_s"], cat_features=CATS),
        eval_set=Pool(valid[CATS + NUM], valid["units_s"], cat_features=CATS),
        use_best_model=True,
    )

    test = test.assign(
        catboost=unscale(model.predict(test[CATS + NUM]), test).clip(min=0),
        naive_lag1=test["lag_1"],
        ma_13=test["ma_13"],
    )
    report = wape_by_level(bottom_up(test, ["units", "catboost", "naive_lag1", "ma_13"]),
                           ["catboost", "naive_lag1", "ma_13"])
    print(report.round(4).to_string(index=False))

    out = Path("artifacts")
    out.mkdir(exist_ok=True)
    report.to_csv(out / "holdout_by_level.csv", index=False)
    scale.to_parquet(out / "series_scale.parquet")
    model.save_model(str(out / "catboost_global.cbm"))


if __name__ == "__main__":
    main()
