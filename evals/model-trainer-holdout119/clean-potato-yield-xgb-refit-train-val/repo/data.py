import numpy as np
import pandas as pd

NUMERIC = [
    "planting_doy", "seed_spacing_cm", "n_total_kg_ha", "k2o_kg_ha", "irrigation_mm", "rain_season_mm",
    "gdd_base7", "tmax_days_gt30", "soil_om_pct", "soil_ph", "ec_shallow_ms_m", "ndvi_day60", "ndvi_day80",
    "prev_crop_potato_yrs_ago", "haulm_kill_dap",
]
CATEGORICAL = ["variety", "soil_series", "irrigation_type"]


def load(path):
    df = pd.read_parquet(path)
    df = df[df["harvest_status"] == "complete"].copy()
    df["season"] = df["planting_date"].dt.year
    df["ndvi_slope_60_80"] = (df["ndvi_day80"] - df["ndvi_day60"]) / 20.0
    df["n_per_mm_water"] = df["n_total_kg_ha"] / (df["irrigation_mm"] + df["rain_season_mm"] + 1.0)
    for c in CATEGORICAL:
        df[c] = df[c].astype("category")
    return df


def feature_list():
    return NUMERIC + CATEGORICAL + ["ndvi_slope_60_80", "n_per_mm_water"]


def split_by_season(df, train_until, val_years, test_years):
    train = df[df["season"] <= train_until]
    val = df[df["season"].isin(val_years)]
    test = df[df["season"].isin(test_years)]
    assert train["season"].max() < val["season"].min() <= val["season"].max() < test["season"].min()
    return train, val, test


def rmse(y, p):
    return float(np.sqrt(np.mean((np.asarray(y) - np.asarray(p)) ** 2)))
