from pathlib import Path

import pandas as pd


def load_release(data_dir, release, features):
    df = pd.read_csv(Path(data_dir) / f"files-{release}.csv", sep=";")
    df = df.dropna(subset=features + ["post"])
    X = df[features].astype(float)
    y = (df["post"] > 0).astype(int)
    return X, y, df["filename"]


def load_releases(cfg):
    d = cfg["data"]
    parts = [load_release(d["dir"], r, cfg["features"]) for r in d["train_releases"]]
    X_train = pd.concat([p[0] for p in parts], ignore_index=True)
    y_train = pd.concat([p[1] for p in parts], ignore_index=True)
    X_test, y_test, names = load_release(d["dir"], d["test_release"], cfg["features"])
    return X_train, y_train, X_test, y_test, names
