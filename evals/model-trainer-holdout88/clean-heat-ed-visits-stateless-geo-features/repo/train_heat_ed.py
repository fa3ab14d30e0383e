"""ZCTA-level heat-related ED visit rates (May-September) from built environment and exposure covariates.

Counties are held out as groups; CatBoost is early-stopped on an inner set of training counties.
"""
import json
from pathlib import Path

import numpy as np
import pandas as pd
from catboost import CatBoostRegressor, Pool
from sklearn.dummy import DummyRegressor
from sklearn.linear_model import RidgeCV
from sklearn.metrics import mean_absolute_error, mean_squared_error, r2_score
from sklearn.model_selection import GroupShuffleSplit

SEED = 77
EARTH_RADIUS_KM = 6371.0
NUMERIC = [
    "tree_canopy_pct", "impervious_pct", "lst_summer_day_c", "days_over_35c",
    "pct_65_plus", "pct_outdoor_workers", "pct_no_ac", "pct_poverty",
    "log_pop_density", "dist_cooling_center_km", "x", "y", "z",
]
CATEGORICAL = ["climate_zone"]


def unit_sphere(lat_deg, lon_deg):
    lat, lon = np.radians(lat_deg), np.radians(lon_deg)
    return np.cos(lat) * np.cos(lon), np.cos(lat) * np.sin(lon), np.sin(lat)


def nearest_distance_km(lat, lon, ref_lat, ref_lon):
    lat, lon = np.radians(lat)[:, None], np.radians(lon)[:, None]
    rlat, rlon = np.radians(ref_lat)[None, :], np.radians(ref_lon)[None, :]
    a = np.sin((rlat - lat) / 2) ** 2 + np.cos(lat) * np.cos(rlat) * np.sin((rlon - lon) / 2) ** 2
    return (2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(a))).min(axis=1)


def prepare(zcta: pd.DataFrame, centers: pd.DataFrame) -> pd.DataFrame:
    df = zcta[zcta["population"] >= 500].copy()
    df["rate_per_10k"] = df["heat_ed_visits"] / df["population"] * 1e4
    df["target"] = np.log1p(df["rate_per_10k"])
    df["log_pop_density"] = np.log1p(df["population"] / df["land_area_km2"])
    df["tree_canopy_pct"] = df["tree_canopy_pct"].clip(0, 100)
    df["x"], df["y"], df["z"] = unit_sphere(df["lat"].to_numpy(), df["lon"].to_numpy())
    df["dist_cooling_center_km"] = nearest_distance_km(
        df["lat"].to_numpy(), df["lon"].to_numpy(), centers["lat"].to_numpy(), centers["lon"].to_numpy()
    )
    return df.dropna(subset=NUMERIC + ["target"]).reset_index(drop=True)


def report(name, y_log, p_log):
    y, p = np.expm1(y_log), np.expm1(p_log)
    m = {"mae": mean_absolute_error(y, p), "rmse": mean_squared_error(y, p) ** 0.5, "r2_log": r2_score(y_log, p_log)}
    print(f"{name:>9}: MAE={m['mae']:.2f} RMSE={m['rmse']:.2f} per 10k, R2(log)={m['r2_log']:.3f}")
    return m


def main():
    zcta = pd.read_csv("data/zcta_heat_ed_2018_2023.csv", dtype={"zcta": str, "county_fips": str})
    centers = pd.read_csv("data/cooling_centers_2023.csv")
    df = prepare(zcta, centers)
    groups = df["county_fips"].to_numpy()

    outer = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=SEED)
    train_idx, test_idx = next(outer.split(df, groups=groups))
    train, test = df.iloc[train_idx], df.iloc[test_idx]
    inner = GroupShuffleSplit(n_splits=1, test_size=0.15, random_state=SEED + 1)
    fit_rel, val_rel = next(inner.split(train, groups=train["county_fips"]))
    fit, val = train.iloc[fit_rel], train.iloc[val_rel]

    cols = NUMERIC + CATEGORICAL
    model = CatBoostRegressor(
        iterations=5000, learning_rate=0.03, depth=6, l2_leaf_reg=3.0,
        loss_function="RMSE", random_seed=SEED, od_type="Iter", od_wait=200, verbose=500,
    )
    model.fit(
        Pool(fit[cols], fit["target"], cat_features=CATEGORICAL),
        eval_set=Pool(val[cols], val["target"], cat_features=CATEGORICAL),
        use_best_model=True,
    )

    dummy = DummyRegressor().fit(fit[NUMERIC], fit["target"])
    ridge = RidgeCV(alphas=np.logspace(-2, 3, 11)).fit(fit[NUMERIC], fit["target"])
    results = {
        "mean": report("mean", test["target"], dummy.predict(test[NUMERIC])),
        "ridge": report("ridge", test["target"], ridge.predict(test[NUMERIC])),
        "catboost": report("catboost", test["target"], model.predict(Pool(test[cols], cat_features=CATEGORICAL))),
    }

    out = Path("models")
    out.mkdir(exist_ok=True)
    model.save_model(str(out / "heat_ed_catboost.cbm"))
    (out / "heat_ed_metrics.json").write_text(json.dumps(results, indent=2, default=float))


if __name__ == "__main__":
    main()
