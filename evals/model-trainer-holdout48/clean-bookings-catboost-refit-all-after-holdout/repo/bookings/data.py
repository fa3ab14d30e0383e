from __future__ import annotations

import pandas as pd
from sklearn.model_selection import train_test_split


def load(cfg: dict) -> tuple[pd.DataFrame, pd.Series]:
    d = cfg["data"]
    df = pd.read_csv(d["path"]).drop(columns=d["drop"])
    df[d["cat_features"]] = df[d["cat_features"]].fillna("NA").astype(str)
    return df.drop(columns=[d["target"]]), df[d["target"]].astype(int)


def three_way_split(X, y, cfg: dict):
    s, seed = cfg["split"], cfg["seed"]
    X_rest, X_test, y_rest, y_test = train_test_split(X, y, test_size=s["test_size"], stratify=y, random_state=seed)
    rel = s["valid_size"] / (1 - s["test_size"])
    X_train, X_valid, y_train, y_valid = train_test_split(
        X_rest, y_rest, test_size=rel, stratify=y_rest, random_state=seed)
    return (X_train, y_train), (X_valid, y_valid), (X_test, y_test)
