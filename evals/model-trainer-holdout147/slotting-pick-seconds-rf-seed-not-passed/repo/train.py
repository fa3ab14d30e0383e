"""
Estimate median pick seconds per SKU-location for the slotting optimiser.

Rows are SKU x pick-face aggregates over Q1 (only locations with >= 30 picks).
"""
import json
import sys

import joblib
import numpy as np
import pandas as pd
from sklearn.metrics import mean_absolute_error, r2_score
from sklearn.model_selection import KFold, cross_val_score, train_test_split

from models import make_model


def main(cfg_path="config.json"):
    with open(cfg_path) as f:
        cfg = json.load(f)
    seed = cfg["seed"]

    df = pd.read_csv(cfg["data_path"])
    df = df[df["n_picks"] >= 30]
    df["golden_zone"] = df["slot_level"].between(2, 4).astype(int)
    df["needs_ladder"] = (df["slot_level"] >= 6).astype(int)
    X = df[cfg["features"]]
    y = np.log(df[cfg["target"]])

    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=cfg["test_size"], random_state=seed
    )

    name = cfg["model"]
    model = make_model(name, cfg["params"][name])

    cv = KFold(n_splits=5, shuffle=True, random_state=seed)
    cv_mae = -cross_val_score(model, X_train, y_train, cv=cv, scoring="neg_mean_absolute_error")
    print(f"{name}: CV MAE (log s) {cv_mae.mean():.4f} +/- {cv_mae.std():.4f}")

    model.fit(X_train, y_train)
    pred = model.predict(X_test)
    test_mae_s = mean_absolute_error(np.exp(y_test), np.exp(pred))
    print(f"test R2 (log) {r2_score(y_test, pred):.3f} | test MAE {test_mae_s:.2f} s")

    joblib.dump(model, f"pick_seconds_{name}.joblib")
    with open(f"metrics_{name}.json", "w") as f:
        json.dump({"cv_mae_log": float(cv_mae.mean()), "test_mae_s": float(test_mae_s)}, f, indent=2)


if __name__ == "__main__":
    main(*sys.argv[1:])
