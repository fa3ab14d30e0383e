"""Frame-level VAD for meeting-room recordings (10 ms frames, one parquet per recording batch).

Recordings are independent sessions captured in six rooms.
"""
import argparse
import json
from pathlib import Path

import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.metrics import f1_score, precision_score, recall_score, roc_auc_score
from sklearn.model_selection import GroupShuffleSplit

MEL_COLS = [f"mel_{i:02d}" for i in range(40)]


def add_context(frames, lags=(1, 2, 3, 5, 10), window=50):
    """Causal per-recording context: lagged frames and trailing energy statistics."""
    frames = frames.sort_values(["recording_id", "t_sec"]).reset_index(drop=True)
    g = frames.groupby("recording_id", sort=False)
    parts = [frames]
    for lag in lags:
        parts.append(g[["energy", "zcr"] + MEL_COLS[::4]].shift(lag).add_suffix(f"_lag{lag}"))
    roll = g["energy"].rolling(window, min_periods=1)
    parts.append(pd.DataFrame({
        "energy_roll_mean": roll.mean().reset_index(level=0, drop=True),
        "energy_roll_std": roll.std().reset_index(level=0, drop=True),
    }))
    return pd.concat(parts, axis=1).dropna().reset_index(drop=True)


def split_recordings(data, seed):
    gss = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=seed)
    dev_idx, test_idx = next(gss.split(data, groups=data["recording_id"]))
    dev, test = data.iloc[dev_idx], data.iloc[test_idx]
    gss = GroupShuffleSplit(n_splits=1, test_size=0.15, random_state=seed)
    tr_idx, val_idx = next(gss.split(dev, groups=dev["recording_id"]))
    return dev.iloc[tr_idx], dev.iloc[val_idx], test


def best_threshold(y, p, grid=np.linspace(0.05, 0.95, 91)):
    return max(grid, key=lambda t: f1_score(y, (p >= t).astype(int)))


def main(args):
    data = add_context(pd.read_parquet(args.frames))
    feats = [c for c in data.columns if c not in ("recording_id", "room", "t_sec", "is_speech")]
    train, val, test = split_recordings(data, args.seed)
    assert not set(train.recording_id) & set(test.recording_id)
    train = train.sample(frac=1.0, random_state=args.seed)
    print({k: (len(v), v.recording_id.nunique()) for k, v in [("train", train), ("val", val), ("test", test)]})

    clf = xgb.XGBClassifier(n_estimators=2000, max_depth=8, learning_rate=0.05, subsample=0.7,
                            colsample_bytree=0.7, tree_method="hist", eval_metric="logloss",
                            early_stopping_rounds=50, random_state=args.seed, n_jobs=-1)
    clf.fit(train[feats], train["is_speech"], eval_set=[(val[feats], val["is_speech"])], verbose=100)

    thr = best_threshold(val["is_speech"], clf.predict_proba(val[feats])[:, 1])
    e_thr = best_threshold(train["is_speech"], (train["energy"] - train["energy"].min()).values
                           / np.ptp(train["energy"].values))
    e_test = (test["energy"].values - train["energy"].min()) / np.ptp(train["energy"].values)

    p = clf.predict_proba(test[feats])[:, 1]
    pred = (p >= thr).astype(int)
    y = test["is_speech"].values
    metrics = {
        "threshold": float(thr),
        "auc": roc_auc_score(y, p),
        "f1": f1_score(y, pred),
        "precision": precision_score(y, pred),
        "recall": recall_score(y, pred),
        "frame_error_rate": float((pred != y).mean()),
        "energy_baseline_f1": f1_score(y, (e_test >= e_thr).astype(int)),
    }
    print(json.dumps(metrics, indent=2))
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    clf.save_model(str(out / "vad_xgb.json"))
    (out / "metrics.json").write_text(json.dumps(metrics, indent=2))


if __name__ == "__main__":
    p = argparse.ArgumentParser()
    p.add_argument("--frames", default="data/meetings/frames.parquet")
    p.add_argument("--out", default="models/vad_meetings")
    p.add_argument("--seed", type=int, default=13)
    main(p.parse_args())
