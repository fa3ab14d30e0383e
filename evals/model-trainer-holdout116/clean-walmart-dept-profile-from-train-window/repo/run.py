import json
import os
import sys

import pandas as pd
import yaml
from sklearn.ensemble import HistGradientBoostingRegressor

import feats

FEATURES = [
    "Store", "Dept", "Type", "Size", "week", "IsHoliday", "Temperature", "Fuel_Price",
    "CPI", "Unemployment", "MarkDown1", "MarkDown2", "MarkDown3", "MarkDown4", "MarkDown5",
    "lag_52", "lag_26", "sd_mean", "sd_median", "sd_std", "dept_mean",
]


def main(cfg_path="settings.yaml"):
    cfg = yaml.safe_load(open(cfg_path))
    os.makedirs(cfg["paths"]["out_dir"], exist_ok=True)

    df = feats.add_time_feats(feats.load(cfg["paths"]))
    test_start = pd.Timestamp(cfg["split"]["test_start"])
    train = df[df["Date"] < test_start].copy()
    test = df[df["Date"] >= test_start].copy()

    prof, dept, gmean = feats.fit_series_profile(train)
    train = feats.apply_profile(train, prof, dept, gmean)
    test = feats.apply_profile(test, prof, dept, gmean)

    model = HistGradientBoostingRegressor(
        loss="absolute_error", categorical_features=[0, 1, 2], **cfg["model"]
    )
    w = train["IsHoliday"].map({1: feats.HOLIDAY_WEIGHT, 0: 1.0})
    model.fit(train[FEATURES], train["Weekly_Sales"], sample_weight=w)

    pred = model.predict(test[FEATURES])
    score = feats.wmae(test["Weekly_Sales"].values, pred, test["IsHoliday"].values)
    naive = feats.wmae(test["Weekly_Sales"].values, test["lag_52"].fillna(test["sd_median"]).values,
                       test["IsHoliday"].values)
    print(f"test WMAE {score:,.1f} | seasonal naive WMAE {naive:,.1f}")
    with open(os.path.join(cfg["paths"]["out_dir"], "metrics.json"), "w") as f:
        json.dump({"test_wmae": score, "naive_wmae": naive}, f, indent=2)


if __name__ == "__main__":
    main(*sys.argv[1:])
