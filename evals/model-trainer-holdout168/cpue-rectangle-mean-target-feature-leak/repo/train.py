"""Haul-level cod CPUE model for the North Sea IBTS Q1 survey.

Trained on 2001-2016 hauls and evaluated on the 2017-2023 surveys, which is how the index would
be used in practice (model fitted on past surveys, applied to new ones).
"""
import json

import numpy as np
import pandas as pd
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.metrics import mean_absolute_error, mean_squared_error, r2_score

from features import FEATURES, add_spatial_features, clean_hauls


def year_mask(df, span):
    return df["year"].between(span[0], span[1])


def main(cfg_path="config.json"):
    cfg = json.load(open(cfg_path))
    raw = pd.read_csv(cfg["data_path"])
    hauls = clean_hauls(raw, cfg["species"])
    hauls = add_spatial_features(hauls)

    train = hauls[year_mask(hauls, cfg["train_years"])]
    test = hauls[year_mask(hauls, cfg["test_years"])]
    print(f"train hauls {len(train)} ({cfg['train_years']}), test hauls {len(test)} ({cfg['test_years']})")

    model = HistGradientBoostingRegressor(loss="squared_error", **cfg["model"])
    model.fit(train[FEATURES], train["log_cpue"])

    pred = model.predict(test[FEATURES])
    rmse = mean_squared_error(test["log_cpue"], pred, squared=False)
    mae_n = mean_absolute_error(test["cpue_n_h"], np.expm1(pred))
    r2 = r2_score(test["log_cpue"], pred)
    print(f"test RMSE(log) {rmse:.3f}  MAE {mae_n:.1f} n/h  R2 {r2:.3f}")

    yearly = (test.assign(pred=np.expm1(pred))
                  .groupby("year")[["cpue_n_h", "pred"]].mean()
                  .rename(columns={"cpue_n_h": "observed_index", "pred": "model_index"}))
    print(yearly.round(1))
    yearly.to_csv("cod_q1_index_comparison.csv")


if __name__ == "__main__":
    main()
