"""Where do drivers change lanes? Lane-change propensity per 1 s window, with map-segment context.

Windows: fleet probe data matched to HD-map segments (segment_id), 1 Hz.
"""
import json

import numpy as np
import pandas as pd
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score
from sklearn.model_selection import GroupShuffleSplit, KFold, cross_val_score

SEED = 8
CFG = json.load(open("config.json"))

df = pd.read_parquet(CFG["windows_path"])
df = df[df["speed_mps"] > 2.0].reset_index(drop=True)
df["log_dist_to_exit"] = np.log1p(df["dist_to_next_exit_m"])
df["is_merge_zone"] = df["segment_type"].isin(["on_ramp_merge", "lane_drop"]).astype(int)

# prior lane-change rate of the map segment
df["segment_lc_rate"] = df.groupby("segment_id")["lane_change_next_5s"].transform("mean")

FEATURES = CFG["base_features"] + ["log_dist_to_exit", "is_merge_zone", "segment_lc_rate"]
y = df["lane_change_next_5s"].to_numpy()

gss = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=SEED)
tr, te = next(gss.split(df, y, groups=df["drive_id"]))
X_tr, X_te = df.loc[tr, FEATURES], df.loc[te, FEATURES]
y_tr, y_te = y[tr], y[te]

cv = KFold(n_splits=5, shuffle=True)
scores = {}
for depth in CFG["max_depth_grid"]:
    m = HistGradientBoostingClassifier(max_depth=depth, learning_rate=0.05, max_iter=400, random_state=SEED)
    scores[depth] = cross_val_score(m, X_tr, y_tr, cv=cv, scoring="average_precision").mean()
    print(f"max_depth={depth}: CV AP {scores[depth]:.4f}")
best_depth = max(scores, key=scores.get)

final = HistGradientBoostingClassifier(max_depth=best_depth, learning_rate=0.05, max_iter=400, random_state=SEED)
final.fit(X_tr, y_tr)
p = final.predict_proba(X_te)[:, 1]
print({
    "best_depth": best_depth,
    "test_auc": round(roc_auc_score(y_te, p), 4),
    "test_ap": round(average_precision_score(y_te, p), 4),
    "test_brier": round(brier_score_loss(y_te, p), 4),
})
