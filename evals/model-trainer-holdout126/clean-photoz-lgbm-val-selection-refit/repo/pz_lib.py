import numpy as np
import pandas as pd
from sklearn.model_selection import train_test_split


def load_catalog(cfg):
    df = pd.read_parquet(cfg["catalog"])
    df = df[(df["specz_flag_homogeneous"]) & (df["specz_redshift"].between(0.01, 4.0))]
    mags = cfg["features"]["mags"]
    df = df.dropna(subset=mags)
    for a, b in zip(mags[:-1], mags[1:]):
        df[f"{a[0]}-{b[0]}"] = df[a] - df[b]
    cols = mags + [f"{a[0]}-{b[0]}" for a, b in zip(mags[:-1], mags[1:])] + cfg["features"]["extra"]
    return df[cols], df["specz_redshift"].to_numpy()


def three_way_split(X, z, cfg):
    s = cfg["split"]
    X_dev, X_test, z_dev, z_test = train_test_split(
        X, z, test_size=s["test_fraction"], random_state=cfg["seed"])
    X_tr, X_val, z_tr, z_val = train_test_split(
        X_dev, z_dev, test_size=s["val_fraction"] / (1 - s["test_fraction"]), random_state=cfg["seed"])
    return X_tr, X_val, X_test, z_tr, z_val, z_test


def pz_metrics(z_true, z_pred):
    dz = (z_pred - z_true) / (1 + z_true)
    return {
        "bias": float(np.median(dz)),
        "sigma_nmad": float(1.4826 * np.median(np.abs(dz - np.median(dz)))),
        "f_outlier": float(np.mean(np.abs(dz) > 0.15)),
    }
