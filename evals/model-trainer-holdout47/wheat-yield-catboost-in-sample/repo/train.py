"""Winter wheat yield model (field x season) with CatBoost.

The fitted model feeds the mid-season yield outlook dashboard; the report
JSON is what goes into the quarterly model card.
"""
import sys
import tomllib
from pathlib import Path

import numpy as np
import pandas as pd
from catboost import CatBoostRegressor, Pool

from yieldmodel.data import CAT_COLS, NUM_COLS, TARGET, load_table
from yieldmodel.report import regression_report, save_report


def main(cfg_path="config.toml"):
    with open(cfg_path, "rb") as f:
        cfg = tomllib.load(f)
    np.random.seed(cfg["model"]["random_seed"])

    df = load_table(cfg["data"])
    features = CAT_COLS + NUM_COLS
    X, y = df[features], df[TARGET].to_numpy()
    print(f"{len(df)} field-seasons from {df.field_id.nunique()} fields, "
          f"{df.harvest_year.min()}-{df.harvest_year.max()}")

    pool = Pool(X, y, cat_features=CAT_COLS)
    model = CatBoostRegressor(**cfg["model"], verbose=200)
    model.fit(pool)

    preds = model.predict(pool)
    report = regression_report(y, preds, groups=df["harvest_year"].to_numpy())
    report["feature_importance"] = dict(
        sorted(zip(features, np.round(model.get_feature_importance(pool), 3)), key=lambda kv: -kv[1])
    )
    report["params"] = cfg["model"]
    print(f"RMSE {report['rmse']:.3f} t/ha  MAE {report['mae']:.3f}  R2 {report['r2']:.3f}")

    mean_baseline = regression_report(y, np.full_like(y, y.mean()))
    report["baseline_mean_yield"] = {k: mean_baseline[k] for k in ("rmse", "mae", "r2")}

    Path(cfg["output"]["model_path"]).parent.mkdir(parents=True, exist_ok=True)
    model.save_model(cfg["output"]["model_path"])
    save_report(report, cfg["output"]["report_path"])


if __name__ == "__main__":
    main(*sys.argv[1:])
