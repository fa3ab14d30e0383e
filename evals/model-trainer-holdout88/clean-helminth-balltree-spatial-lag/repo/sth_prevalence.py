"""Soil-transmitted helminth prevalence at school survey sites.

Besides environmental covariates, each site gets the inverse-distance-weighted prevalence of its
k nearest surveyed *training* schools (a kriging-like neighbourhood term). Training sites never see
their own value in that term.
"""
import json
from pathlib import Path

import joblib
import numpy as np
import pandas as pd
from sklearn.ensemble import RandomForestRegressor
from sklearn.metrics import mean_absolute_error, mean_squared_error, r2_score
from sklearn.model_selection import train_test_split
from sklearn.neighbors import BallTree

SEED = 63
K = 8
EARTH_RADIUS_KM = 6371.0
ENV = [
    "lst_day_c", "lst_night_c", "ndvi", "annual_rain_mm", "elevation_m",
    "soil_clay_pct", "soil_ph", "dist_water_km", "pct_improved_sanitation", "urban",
]


def neighbour_prevalence(tree, train_prev, coords_rad, k, self_idx=None):
    """IDW mean prevalence of the k nearest training sites; excludes the site itself if given."""
    n_query = k + 1 if self_idx is not None else k
    dist, idx = tree.query(coords_rad, k=n_query)
    out_mean, out_dist = np.empty(len(coords_rad)), np.empty(len(coords_rad))
    for i in range(len(coords_rad)):
        d, j = dist[i], idx[i]
        if self_idx is not None:
            keep = j != self_idx[i]
            d, j = d[keep][:k], j[keep][:k]
        d_km = d * EARTH_RADIUS_KM
        w = 1.0 / np.maximum(d_km, 0.5) ** 2
        out_mean[i] = np.sum(w * train_prev[j]) / np.sum(w)
        out_dist[i] = d_km.mean()
    return out_mean, out_dist


def report(name, y, p):
    m = {"mae": mean_absolute_error(y, p), "rmse": mean_squared_error(y, p) ** 0.5, "r2": r2_score(y, p)}
    print(f"{name:>12}: MAE={m['mae']:.4f} RMSE={m['rmse']:.4f} R2={m['r2']:.3f}")
    return m


def main():
    df = pd.read_csv("data/sth_school_surveys.csv")
    df = df[df["n_examined"] >= 20].copy()
    df["prev"] = df["n_positive_any_sth"] / df["n_examined"]
    df = df.dropna(subset=ENV + ["lat", "lon"]).reset_index(drop=True)

    train, test = train_test_split(df, test_size=0.2, random_state=SEED)
    train, test = train.reset_index(drop=True), test.reset_index(drop=True)

    tr_coords = np.radians(train[["lat", "lon"]].to_numpy())
    te_coords = np.radians(test[["lat", "lon"]].to_numpy())
    tree = BallTree(tr_coords, metric="haversine")
    tr_prev = train["prev"].to_numpy()

    train["nbr_prev"], train["nbr_dist_km"] = neighbour_prevalence(
        tree, tr_prev, tr_coords, K, self_idx=np.arange(len(train))
    )
    test["nbr_prev"], test["nbr_dist_km"] = neighbour_prevalence(tree, tr_prev, te_coords, K)

    features = ENV + ["nbr_prev", "nbr_dist_km"]
    rf = RandomForestRegressor(
        n_estimators=800, min_samples_leaf=3, max_features=0.5, n_jobs=-1, random_state=SEED
    )
    rf.fit(train[features], train["prev"], sample_weight=train["n_examined"])

    results = {
        "global_mean": report("global_mean", test["prev"], np.full(len(test), tr_prev.mean())),
        "idw_only": report("idw_only", test["prev"], test["nbr_prev"]),
        "rf": report("rf", test["prev"], rf.predict(test[features])),
    }
    out = Path("models")
    out.mkdir(exist_ok=True)
    joblib.dump({"model": rf, "tree_coords": tr_coords, "train_prev": tr_prev, "k": K}, out / "sth_rf.joblib")
    (out / "sth_metrics.json").write_text(json.dumps(results, indent=2, default=float))


if __name__ == "__main__":
    main()
