"""Frame-level movement-phase tagging (rest / eccentric / concentric) for a single lifter.

Input is the lifter's continuous training log: 12 weeks of squat/bench sessions, pose landmarks
at 30 fps from the rack camera, coach-tagged phases. The model will run live on future sessions,
so validation is strictly forward in time.
"""
import json

import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import f1_score
from sklearn.model_selection import TimeSeriesSplit

SEED = 12
PHASES = {"rest": 0, "eccentric": 1, "concentric": 2}
BASE = ["hip_y", "knee_angle", "hip_angle", "elbow_angle", "wrist_y", "bar_y_proxy"]

df = pd.read_parquet("data/lifter_A/frames.parquet")
df = df.sort_values("timestamp").reset_index(drop=True)
df["y"] = df["phase"].map(PHASES)

# causal features: only the current and past frames of the same session are used
g = df.groupby("session_id", sort=False)
for col in BASE:
    df[f"{col}_d1"] = g[col].diff().fillna(0.0)
    df[f"{col}_d5"] = g[col].diff(5).fillna(0.0)
    df[f"{col}_mean15"] = g[col].transform(lambda s: s.rolling(15, min_periods=1).mean())
    df[f"{col}_std15"] = g[col].transform(lambda s: s.rolling(15, min_periods=2).std()).fillna(0.0)
df["frames_since_start"] = g.cumcount()
FEATURES = [c for c in df.columns if c.startswith(tuple(BASE))] + ["frames_since_start"]

# last 20% of the log (by time) is the final test period
cut = int(len(df) * 0.8)
dev, test = df.iloc[:cut], df.iloc[cut:]
print("dev until", dev.timestamp.iloc[-1], "| test from", test.timestamp.iloc[0])

params = {
    "objective": "multiclass", "num_class": 3, "learning_rate": 0.05,
    "feature_fraction": 0.8, "bagging_fraction": 0.8, "bagging_freq": 1,
    "seed": SEED, "deterministic": True, "verbose": -1,
}
tscv = TimeSeriesSplit(n_splits=5, gap=300)            # 10 s gap between train and validation frames
grid = [{"num_leaves": nl, "min_data_in_leaf": md} for nl in (15, 31, 63) for md in (50, 200)]

results = []
for cand in grid:
    scores, iters = [], []
    for tr_idx, va_idx in tscv.split(dev):
        tr, va = dev.iloc[tr_idx], dev.iloc[va_idx]
        booster = lgb.train(
            {**params, **cand},
            lgb.Dataset(tr[FEATURES], tr["y"]),
            num_boost_round=2000,
            valid_sets=[lgb.Dataset(va[FEATURES], va["y"])],
            callbacks=[lgb.early_stopping(100, verbose=False)],
        )
        pred = booster.predict(va[FEATURES], num_iteration=booster.best_iteration).argmax(1)
        scores.append(f1_score(va["y"], pred, average="macro"))
        iters.append(booster.best_iteration)
    results.append({**cand, "f1": float(np.mean(scores)), "rounds": int(np.median(iters))})
    print(results[-1])

best = max(results, key=lambda r: r["f1"])
final = lgb.train({**params, "num_leaves": best["num_leaves"], "min_data_in_leaf": best["min_data_in_leaf"]},
                  lgb.Dataset(dev[FEATURES], dev["y"]), num_boost_round=best["rounds"])
test_pred = final.predict(test[FEATURES]).argmax(1)
test_f1 = f1_score(test["y"], test_pred, average="macro")
print(f"forward test macro-F1: {test_f1:.3f}")

final.save_model("models/phase_lgb_lifterA.txt")
json.dump({"cv": results, "best": best, "test_macro_f1": test_f1}, open("models/phase_lgb_metrics.json", "w"), indent=2)
