"""Train a gradient-boosted band gap regressor on Materials Project compositions."""
import argparse
import json
from pathlib import Path

import joblib
import numpy as np
import pandas as pd
import yaml
from sklearn.dummy import DummyRegressor
from sklearn.ensemble import GradientBoostingRegressor
from sklearn.metrics import mean_absolute_error, mean_squared_error, r2_score
from sklearn.model_selection import train_test_split

from features import build_design_matrix


def load_dataset(path, min_gap, max_gap):
    df = pd.read_csv(path)
    df = df.dropna(subset=["formula", "band_gap"])
    df = df[(df["band_gap"] >= min_gap) & (df["band_gap"] <= max_gap)]
    # one entry per composition: keep the ground-state polymorph
    df = df.sort_values("e_above_hull").drop_duplicates("formula", keep="first")
    return df.reset_index(drop=True)


def regression_report(y_true, y_pred):
    return {
        "mae_eV": float(mean_absolute_error(y_true, y_pred)),
        "rmse_eV": float(np.sqrt(mean_squared_error(y_true, y_pred))),
        "r2": float(r2_score(y_true, y_pred)),
    }


def main(cfg_path):
    with open(cfg_path) as fh:
        cfg = yaml.safe_load(fh)
    seed = cfg["seed"]
    out_dir = Path(cfg["output_dir"])
    out_dir.mkdir(parents=True, exist_ok=True)

    df = load_dataset(cfg["data"]["path"], cfg["data"]["min_gap"], cfg["data"]["max_gap"])
    print(f"{len(df)} unique compositions, {df['band_gap'].eq(0).mean():.1%} metallic")

    X, scaler = build_design_matrix(df, cfg["features"]["var_threshold"])
    y = df["band_gap"].to_numpy()

    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=cfg["split"]["test_size"], random_state=seed
    )

    baseline = DummyRegressor(strategy="mean").fit(X_train, y_train)
    model = GradientBoostingRegressor(random_state=seed, **cfg["model"])
    model.fit(X_train, y_train)

    results = {
        "baseline_mean": regression_report(y_test, baseline.predict(X_test)),
        "gbr": regression_report(y_test, model.predict(X_test)),
        "n_train": int(len(y_train)),
        "n_test": int(len(y_test)),
        "n_features": int(X.shape[1]),
    }
    for name, res in results.items():
        if isinstance(res, dict):
            print(f"{name:>14}: MAE={res['mae_eV']:.3f} eV  RMSE={res['rmse_eV']:.3f} eV  R2={res['r2']:.3f}")

    joblib.dump({"model": model, "scaler": scaler, "features": list(X.columns)}, out_dir / "model.joblib")
    with open(out_dir / "metrics.json", "w") as fh:
        json.dump(results, fh, indent=2)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="config.yaml")
    main(parser.parse_args().config)
