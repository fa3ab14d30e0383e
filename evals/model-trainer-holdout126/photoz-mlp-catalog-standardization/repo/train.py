import argparse
import json

import joblib
import numpy as np
import pandas as pd
import yaml
from sklearn.model_selection import train_test_split
from sklearn.neural_network import MLPRegressor

from features import build_feature_matrix, quality_cuts


def photoz_metrics(z_true, z_pred, outlier_cut):
    dz = (z_pred - z_true) / (1 + z_true)
    nmad = 1.4826 * np.median(np.abs(dz - np.median(dz)))
    return {
        "bias": float(np.mean(dz)),
        "sigma_nmad": float(nmad),
        "outlier_frac": float(np.mean(np.abs(dz) > outlier_cut)),
    }


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="config.yaml")
    ap.add_argument("--out", default="models/photoz_mlp.joblib")
    args = ap.parse_args()
    cfg = yaml.safe_load(open(args.config))

    df = pd.read_parquet(cfg["catalog"])
    df = quality_cuts(df, cfg)
    X, y, norm = build_feature_matrix(df, cfg)
    print(f"{len(y)} galaxies, z range {y.min():.3f}-{y.max():.3f}")

    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=cfg["test_fraction"], random_state=cfg["seed"]
    )

    mlp_cfg = dict(cfg["mlp"])
    mlp_cfg["hidden_layer_sizes"] = tuple(mlp_cfg["hidden_layer_sizes"])
    model = MLPRegressor(random_state=cfg["seed"], **mlp_cfg)
    model.fit(X_train, y_train)

    z_pred = model.predict(X_test)
    metrics = photoz_metrics(y_test, z_pred, cfg["outlier_cut"])
    print(json.dumps(metrics, indent=2))

    joblib.dump({"model": model, "norm": norm, "features": cfg["features"]}, args.out)


if __name__ == "__main__":
    main()
