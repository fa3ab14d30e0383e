"""Field-level wheat yield model from combine yield-monitor aggregates and
Sentinel-2 / soil / weather covariates. Produces the model used for the in-season
yield maps delivered to growers."""
import json
from pathlib import Path

import numpy as np
import pandas as pd
from catboost import CatBoostRegressor, Pool
from sklearn.metrics import mean_absolute_error, mean_squared_error, r2_score

import yaml

CFG = yaml.safe_load(Path("config/yield_model.yaml").read_text())


def load_training_table(cfg):
    fields = pd.read_parquet(cfg["fields_table"])
    weather = pd.read_parquet(cfg["weather_table"])
    df = fields.merge(weather, on=["field_id", "season"], how="left", validate="one_to_one")
    df = df[df["harvested_area_ha"] >= cfg["min_area_ha"]]
    df = df[df["yield_t_ha"].between(*cfg["valid_yield_range"])]
    return df.reset_index(drop=True)


def add_features(df):
    df = df.copy()
    df["ndvi_gain"] = df["ndvi_peak"] - df["ndvi_tillering"]
    df["heat_stress_days"] = df["days_tmax_above_32"].fillna(0)
    df["water_balance"] = df["precip_apr_jun_mm"] - df["et0_apr_jun_mm"]
    df["sow_doy"] = pd.to_datetime(df["sowing_date"]).dt.dayofyear
    return df


def main():
    df = add_features(load_training_table(CFG))
    cat_cols = CFG["categorical"]
    num_cols = CFG["numeric"]
    features = num_cols + cat_cols
    df[cat_cols] = df[cat_cols].astype(str)
    print(f"{len(df)} field-seasons, {df['field_id'].nunique()} fields, seasons {sorted(df['season'].unique())}")

    pool = Pool(df[features], df["yield_t_ha"], cat_features=cat_cols)
    model = CatBoostRegressor(
        iterations=CFG["iterations"], depth=CFG["depth"], learning_rate=CFG["learning_rate"],
        l2_leaf_reg=CFG["l2_leaf_reg"], loss_function="RMSE", random_seed=CFG["seed"], verbose=250,
    )
    model.fit(pool)

    pred = model.predict(pool)
    y = df["yield_t_ha"].to_numpy()
    naive = np.full_like(y, y.mean())
    metrics = {
        "rmse": float(np.sqrt(mean_squared_error(y, pred))),
        "mae": float(mean_absolute_error(y, pred)),
        "r2": float(r2_score(y, pred)),
        "rmse_mean_baseline": float(np.sqrt(mean_squared_error(y, naive))),
    }
    print(json.dumps(metrics, indent=2))

    imp = model.get_feature_importance(pool, prettified=True)
    print(imp.head(15).to_string(index=False))

    out = Path(CFG["output_dir"])
    out.mkdir(parents=True, exist_ok=True)
    model.save_model(out / "wheat_yield_catboost.cbm")
    (out / "metrics.json").write_text(json.dumps(metrics, indent=2))


if __name__ == "__main__":
    main()
