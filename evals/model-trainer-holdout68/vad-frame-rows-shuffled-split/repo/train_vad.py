"""Frame-level voice activity detector for the far-field devices.

Input: continuous 24/7 captures from the pilot devices, already cut into 10 ms frames
(`frames.parquet`: device_id, t_sec, log-mel bands, energy, zcr, is_speech from the annotation pass).
"""
import argparse
import json
from pathlib import Path

import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.metrics import f1_score, precision_score, recall_score, roc_auc_score
from sklearn.model_selection import train_test_split

MEL_COLS = [f"mel_{i:02d}" for i in range(40)]


def add_context(frames, lags=(1, 2, 3, 5, 10), window=50):
    frames = frames.sort_values(["device_id", "t_sec"]).reset_index(drop=True)
    g = frames.groupby("device_id", sort=False)
    out = [frames]
    for lag in lags:
        shifted = g[["energy", "zcr"] + MEL_COLS[::4]].shift(lag)
        out.append(shifted.add_suffix(f"_lag{lag}"))
    rolled = g["energy"].rolling(window, min_periods=1)
    out.append(pd.DataFrame({
        "energy_roll_mean": rolled.mean().reset_index(level=0, drop=True),
        "energy_roll_std": rolled.std().reset_index(level=0, drop=True),
        "energy_roll_max": rolled.max().reset_index(level=0, drop=True),
    }))
    return pd.concat(out, axis=1).dropna().reset_index(drop=True)


def energy_baseline(train_e, train_y, test_e):
    grid = np.quantile(train_e, np.linspace(0.05, 0.95, 91))
    best = max(grid, key=lambda t: f1_score(train_y, (train_e > t).astype(int)))
    return (test_e > best).astype(int)


def main(args):
    frames = pd.read_parquet(args.frames)
    data = add_context(frames)
    feature_cols = [c for c in data.columns if c not in ("device_id", "t_sec", "is_speech")]
    X, y = data[feature_cols], data["is_speech"].astype(int)
    print(f"{len(data):,} frames, speech ratio {y.mean():.3f}")

    X_trval, X_test, y_trval, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=args.seed)
    X_train, X_val, y_train, y_val = train_test_split(
        X_trval, y_trval, test_size=0.1, stratify=y_trval, random_state=args.seed)

    clf = xgb.XGBClassifier(
        n_estimators=1500,
        max_depth=8,
        learning_rate=0.05,
        subsample=0.7,
        colsample_bytree=0.7,
        tree_method="hist",
        eval_metric="logloss",
        early_stopping_rounds=50,
        random_state=args.seed,
        n_jobs=-1,
    )
    clf.fit(X_train, y_train, eval_set=[(X_val, y_val)], verbose=100)

    val_p = clf.predict_proba(X_val)[:, 1]
    thr = max(np.linspace(0.1, 0.9, 81), key=lambda t: f1_score(y_val, (val_p >= t).astype(int)))
    test_p = clf.predict_proba(X_test)[:, 1]
    test_pred = (test_p >= thr).astype(int)
    base_pred = energy_baseline(X_train["energy"].values, y_train.values, X_test["energy"].values)

    metrics = {
        "threshold": float(thr),
        "auc": roc_auc_score(y_test, test_p),
        "f1": f1_score(y_test, test_pred),
        "precision": precision_score(y_test, test_pred),
        "recall": recall_score(y_test, test_pred),
        "energy_baseline_f1": f1_score(y_test, base_pred),
    }
    print(json.dumps(metrics, indent=2))
    Path(args.out).mkdir(parents=True, exist_ok=True)
    clf.save_model(str(Path(args.out) / "vad_xgb.json"))
    (Path(args.out) / "metrics.json").write_text(json.dumps(metrics, indent=2))


if __name__ == "__main__":
    p = argparse.ArgumentParser()
    p.add_argument("--frames", default="data/pilot_devices/frames.parquet")
    p.add_argument("--out", default="models/vad_xgb_v1")
    p.add_argument("--seed", type=int, default=0)
    main(p.parse_args())
