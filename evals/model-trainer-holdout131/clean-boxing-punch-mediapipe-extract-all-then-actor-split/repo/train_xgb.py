"""Punch type (jab / cross / lead_hook / rear_hook / lead_uppercut / rear_uppercut) from cached landmarks."""
import numpy as np
import pandas as pd
from sklearn.metrics import classification_report, f1_score
from sklearn.model_selection import GroupShuffleSplit
from xgboost import XGBClassifier

SEED = 6
L_SH, R_SH, L_EL, R_EL, L_WR, R_WR, L_HIP, R_HIP = 11, 12, 13, 14, 15, 16, 23, 24

lm = pd.read_parquet("cache/landmarks.parquet")


def joint(df, i):
    return df[[f"x{i}", f"y{i}", f"z{i}"]].to_numpy()


def elbow_angle(df, sh, el, wr):
    a, b = joint(df, sh) - joint(df, el), joint(df, wr) - joint(df, el)
    cos = (a * b).sum(1) / (np.linalg.norm(a, axis=1) * np.linalg.norm(b, axis=1) + 1e-8)
    return np.degrees(np.arccos(np.clip(cos, -1, 1)))


def take_features(g):
    """Summary statistics of one take (one punch)."""
    feats = {}
    shoulder_axis = joint(g, R_SH) - joint(g, L_SH)
    hip_axis = joint(g, R_HIP) - joint(g, L_HIP)
    feats["torso_twist_range"] = np.ptp(np.arctan2(shoulder_axis[:, 2], shoulder_axis[:, 0]))
    feats["hip_twist_range"] = np.ptp(np.arctan2(hip_axis[:, 2], hip_axis[:, 0]))
    for side, (sh, el, wr) in {"l": (L_SH, L_EL, L_WR), "r": (R_SH, R_EL, R_WR)}.items():
        ang = elbow_angle(g, sh, el, wr)
        wrist = joint(g, wr)
        vel = np.linalg.norm(np.diff(wrist, axis=0), axis=1)
        feats[f"elbow_{side}_min"], feats[f"elbow_{side}_max"] = ang.min(), ang.max()
        feats[f"wrist_{side}_reach_z"] = np.ptp(wrist[:, 2])
        feats[f"wrist_{side}_rise_y"] = np.ptp(wrist[:, 1])
        feats[f"wrist_{side}_lateral_x"] = np.ptp(wrist[:, 0])
        feats[f"wrist_{side}_vel_peak"] = vel.max() if len(vel) else 0.0
    feats["n_frames"] = len(g)
    return pd.Series(feats)


takes = lm.groupby(["actor", "punch", "take"]).apply(take_features).reset_index()
FEATURES = [c for c in takes.columns if c not in ("actor", "punch", "take")]
classes = sorted(takes.punch.unique())
y_all = takes.punch.map({c: i for i, c in enumerate(classes)}).to_numpy()

# actor-disjoint: test actors never seen, validation actors carved from the remaining ones
outer = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=SEED)
dev_idx, test_idx = next(outer.split(takes, groups=takes.actor))
inner = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=SEED)
tr_rel, va_rel = next(inner.split(dev_idx, groups=takes.actor.iloc[dev_idx]))
tr_idx, va_idx = dev_idx[tr_rel], dev_idx[va_rel]

X = takes[FEATURES].to_numpy()
clf = XGBClassifier(n_estimators=2000, learning_rate=0.03, max_depth=4, subsample=0.8,
                    colsample_bytree=0.8, early_stopping_rounds=100, eval_metric="mlogloss",
                    random_state=SEED)
clf.fit(X[tr_idx], y_all[tr_idx], eval_set=[(X[va_idx], y_all[va_idx])], verbose=False)
print("best iteration:", clf.best_iteration)

pred = clf.predict(X[test_idx])
print(classification_report(y_all[test_idx], pred, target_names=classes, digits=3))
print("unseen-actor macro-F1:", round(f1_score(y_all[test_idx], pred, average="macro"), 3))
clf.save_model("models/punch_xgb.json")
