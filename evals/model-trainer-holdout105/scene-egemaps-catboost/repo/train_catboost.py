"""Acoustic scene classification from openSMILE eGeMAPS functionals with CatBoost.

Device ("source_label": a, b, c, s1-s6) is passed as a categorical feature so the
model can learn device-specific offsets.
"""
import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import tomli
from catboost import CatBoostClassifier, Pool
from sklearn.dummy import DummyClassifier
from sklearn.metrics import accuracy_score, classification_report, f1_score, log_loss


def load_config(path):
    with open(path, "rb") as fh:
        return tomli.load(fh)


def load_features(cfg):
    df = pd.read_csv(cfg["data"]["features"])
    feature_cols = [c for c in df.columns if c not in cfg["data"]["id_columns"] + [cfg["data"]["label_column"]]]
    df["device"] = df["source_label"].astype(str)
    return df, feature_cols + ["device"]


def main(cfg_path="config.toml"):
    cfg = load_config(cfg_path)
    df, cols = load_features(cfg)
    y = df[cfg["data"]["label_column"]].to_numpy()
    X = df[cols]
    print(f"{len(df)} clips, {len(cols)} features, {df['device'].nunique()} devices")

    pool = Pool(X, y, cat_features=["device"])
    model = CatBoostClassifier(
        loss_function="MultiClass",
        iterations=cfg["model"]["iterations"],
        learning_rate=cfg["model"]["learning_rate"],
        depth=cfg["model"]["depth"],
        l2_leaf_reg=cfg["model"]["l2_leaf_reg"],
        random_seed=cfg["model"]["random_seed"],
        verbose=250,
    )
    model.fit(pool)

    dummy = DummyClassifier(strategy="prior").fit(X.drop(columns="device"), y)
    proba = model.predict_proba(pool)
    pred = model.classes_[proba.argmax(axis=1)]
    results = {
        "accuracy": accuracy_score(y, pred),
        "macro_f1": f1_score(y, pred, average="macro"),
        "log_loss": log_loss(y, proba, labels=model.classes_),
        "baseline_log_loss": log_loss(y, dummy.predict_proba(X.drop(columns="device")), labels=dummy.classes_),
    }
    per_device = (
        pd.DataFrame({"device": df["device"], "ok": pred == y}).groupby("device")["ok"].mean().round(4).to_dict()
    )
    results["accuracy_per_device"] = per_device
    print(classification_report(y, pred, digits=3))
    print(json.dumps(results, indent=2))

    for key in ("model_path", "report_path"):
        Path(cfg["output"][key]).parent.mkdir(parents=True, exist_ok=True)
    model.save_model(cfg["output"]["model_path"])
    Path(cfg["output"]["report_path"]).write_text(json.dumps(results, indent=2))
    importances = pd.Series(model.get_feature_importance(), index=cols).sort_values(ascending=False)
    print(importances.head(15))


if __name__ == "__main__":
    main(*sys.argv[1:])
