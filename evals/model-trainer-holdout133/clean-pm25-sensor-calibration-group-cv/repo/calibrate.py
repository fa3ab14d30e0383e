"""
Calibration of low-cost optical PM sensors (PMS5003 / SPS30) from the 2022 co-location
campaign. Evaluation holds out entire sensors so the number reflects a new unit in the field.
"""
import argparse
import json

import numpy as np
import pandas as pd
from sklearn.metrics import mean_absolute_error, r2_score
from sklearn.model_selection import GroupKFold, GroupShuffleSplit, cross_validate

from models import CANDIDATES, CAT, NUM


def add_humidity_terms(df):
    a, b = 17.62, 243.12
    g = np.log(df["rh"].clip(1, 100) / 100) + a * df["temp_c"] / (b + df["temp_c"])
    df["dewpoint_c"] = b * g / (a - g)
    # kappa-Köhler style hygroscopic growth term
    df["rh_growth"] = 1.0 / (1.0 + 0.4 / (100.0 / df["rh"].clip(1, 99) - 1.0))
    return df


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/colocation_2022_hourly.parquet")
    ap.add_argument("--seed", type=int, default=5)
    ap.add_argument("--test-sensors", type=float, default=0.25)
    args = ap.parse_args()

    df = pd.read_parquet(args.data)
    df = df[(df["pm25_ref"] >= 0) & df["pm25_raw"].notna()]
    df = add_humidity_terms(df)
    X, y, groups = df[NUM + CAT], df["pm25_ref"], df["sensor_id"]

    outer = GroupShuffleSplit(n_splits=1, test_size=args.test_sensors, random_state=args.seed)
    tr, te = next(outer.split(X, y, groups))
    X_tr, y_tr, g_tr = X.iloc[tr], y.iloc[tr], groups.iloc[tr]
    X_te, y_te = X.iloc[te], y.iloc[te]
    print(f"{g_tr.nunique()} train sensors, {groups.iloc[te].nunique()} test sensors")

    cv = GroupKFold(n_splits=5)
    cv_scores = {}
    for name, make in CANDIDATES.items():
        s = cross_validate(make(args.seed), X_tr, y_tr, groups=g_tr, cv=cv,
                           scoring=("neg_mean_absolute_error", "r2"), n_jobs=-1)
        cv_scores[name] = {"mae": -s["test_neg_mean_absolute_error"].mean(), "r2": s["test_r2"].mean()}
        print(f"{name:14s} CV MAE {cv_scores[name]['mae']:.2f}  R2 {cv_scores[name]['r2']:.3f}")

    best = min(cv_scores, key=lambda k: cv_scores[k]["mae"])
    final = CANDIDATES[best](args.seed).fit(X_tr, y_tr)

    pred = final.predict(X_te)
    out = {
        "model": best,
        "cv": cv_scores,
        "test_mae": mean_absolute_error(y_te, pred),
        "test_r2": r2_score(y_te, pred),
        "raw_mae": mean_absolute_error(y_te, X_te["pm25_raw"]),
    }
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
