"""Spatial block cross-validation for county diagnosed-diabetes prevalence (CDC PLACES + ACS).

Counties are assigned to lat/lon blocks and whole blocks are held out in each fold so that
neighbouring, spatially autocorrelated counties do not sit on both sides of a split.
"""
import json

import joblib
import numpy as np
import pandas as pd
from sklearn.dummy import DummyRegressor
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.impute import SimpleImputer
from sklearn.linear_model import RidgeCV
from sklearn.model_selection import GroupKFold, cross_val_predict, cross_validate
from sklearn.neighbors import NearestNeighbors
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

FEATURES = [
    "obesity_prev", "physical_inactivity_prev", "pct_poverty", "median_income_log",
    "pct_65_plus", "pct_black_nh", "pct_hispanic", "pct_uninsured", "food_insecurity",
    "pct_rural", "primary_care_per_100k", "smoking_prev",
]
SCORING = {
    "mae": "neg_mean_absolute_error",
    "rmse": "neg_root_mean_squared_error",
    "r2": "r2",
}


def assign_blocks(lat: np.ndarray, lon: np.ndarray, size_deg: float) -> np.ndarray:
    row = np.floor((lat - 18.0) / size_deg).astype(int)
    col = np.floor((lon + 180.0) / size_deg).astype(int)
    return row * 1000 + col


def morans_i(values: np.ndarray, coords: np.ndarray, k: int) -> float:
    """Moran's I with row-standardised k-nearest-neighbour weights."""
    nn = NearestNeighbors(n_neighbors=k + 1).fit(coords)
    _, nbrs = nn.kneighbors(coords)
    z = values - values.mean()
    lag = z[nbrs[:, 1:]].mean(axis=1)
    return float(len(z) * (z * lag).sum() / (len(z) * (z ** 2).sum()))


def main():
    cfg = json.load(open("cv_config.json"))
    df = pd.read_csv(cfg["data_path"], dtype={"fips": str})
    df["median_income_log"] = np.log(df["median_income"])
    df = df.dropna(subset=[cfg["target"], "lat", "lon"]).reset_index(drop=True)

    X, y = df[FEATURES], df[cfg["target"]].to_numpy()
    blocks = assign_blocks(df["lat"].to_numpy(), df["lon"].to_numpy(), cfg["block_size_deg"])
    cv = GroupKFold(n_splits=cfg["n_folds"])
    print(f"{len(df)} counties in {len(np.unique(blocks))} spatial blocks")

    models = {
        "mean": make_pipeline(SimpleImputer(strategy="median"), DummyRegressor()),
        "ridge": make_pipeline(
            SimpleImputer(strategy="median"), StandardScaler(), RidgeCV(alphas=np.logspace(-3, 3, 13))
        ),
        "hgb": HistGradientBoostingRegressor(
            max_iter=500, learning_rate=0.04, max_leaf_nodes=20, l2_regularization=0.5,
            random_state=cfg["seed"],
        ),
    }

    summary = {}
    for name, model in models.items():
        res = cross_validate(model, X, y, groups=blocks, cv=cv, scoring=SCORING)
        summary[name] = {m: float(np.mean(np.abs(res[f"test_{m}"]))) for m in SCORING}
        summary[name]["rmse_sd"] = float(np.std(res["test_rmse"]))
    print(pd.DataFrame(summary).T.round(3))

    best_name = min((n for n in summary if n != "mean"), key=lambda n: summary[n]["rmse"])
    oof = cross_val_predict(models[best_name], X, y, groups=blocks, cv=cv)
    coords = np.radians(df[["lat", "lon"]].to_numpy())
    print(f"Moran's I of {best_name} out-of-fold residuals: {morans_i(y - oof, coords, cfg['moran_k']):.3f}")

    final = models[best_name].fit(X, y)
    joblib.dump({"model": final, "features": FEATURES, "cv": summary}, cfg["model_out"])
    print(f"saved {best_name} refit on all counties to {cfg['model_out']}")


if __name__ == "__main__":
    main()
