"""Trawling detector for AIS positions (GFW trawlers.csv), with the alert threshold chosen
from out-of-fold predictions on the training vessels."""
import numpy as np
import pandas as pd
import lightgbm as lgb
from sklearn.metrics import f1_score, precision_recall_curve, precision_score, recall_score
from sklearn.model_selection import GroupShuffleSplit, StratifiedGroupKFold

SEED = 123
PARAMS = dict(n_estimators=700, learning_rate=0.05, num_leaves=31, min_child_samples=50,
              subsample=0.8, subsample_freq=1, colsample_bytree=0.8, random_state=SEED, verbose=-1)


def featurise(df):
    df = df.sort_values(["mmsi", "timestamp"]).copy()
    by = df.groupby("mmsi")
    for w in (5, 11, 23):
        df[f"spd_med_{w}"] = by["speed"].transform(lambda s: s.rolling(w, center=True, min_periods=1).median())
        df[f"spd_iqr_{w}"] = by["speed"].transform(
            lambda s: s.rolling(w, center=True, min_periods=1).quantile(0.75)
            - s.rolling(w, center=True, min_periods=1).quantile(0.25))
    turn = by["course"].diff().abs()
    df["turn"] = np.minimum(turn, 360 - turn).fillna(0)
    df["turn_sum_11"] = df.groupby("mmsi")["turn"].transform(lambda s: s.rolling(11, center=True, min_periods=1).sum())
    df["in_2_4kn"] = df["speed"].between(2.0, 4.5).astype(int)
    return df


raw = pd.read_csv("data/gfw/trawlers.csv")
raw = raw[raw["is_fishing"] >= 0]
raw["y"] = (raw["is_fishing"] > 0.5).astype(int)
data = featurise(raw)
FEATS = ["speed", "distance_from_shore", "distance_from_port", "turn", "turn_sum_11", "in_2_4kn"] + \
    [c for c in data.columns if c.startswith(("spd_med_", "spd_iqr_"))]

split = GroupShuffleSplit(n_splits=1, test_size=0.25, random_state=SEED)
tr_idx, te_idx = next(split.split(data, groups=data["mmsi"]))
train, test = data.iloc[tr_idx], data.iloc[te_idx]

oof = np.zeros(len(train))
skf = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=SEED)
for k, (a, b) in enumerate(skf.split(train, train["y"], groups=train["mmsi"])):
    m = lgb.LGBMClassifier(**PARAMS).fit(train[FEATS].iloc[a], train["y"].iloc[a])
    oof[b] = m.predict_proba(train[FEATS].iloc[b])[:, 1]
    print(f"fold {k}: F1@0.5 = {f1_score(train['y'].iloc[b], oof[b] >= 0.5):.3f}")

prec, rec, thr = precision_recall_curve(train["y"], oof)
f1 = 2 * prec[:-1] * rec[:-1] / np.clip(prec[:-1] + rec[:-1], 1e-9, None)
threshold = float(thr[np.argmax(f1)])
print(f"threshold from OOF: {threshold:.3f} (OOF F1 {f1.max():.3f})")

model = lgb.LGBMClassifier(**PARAMS).fit(train[FEATS], train["y"])
pred = (model.predict_proba(test[FEATS])[:, 1] >= threshold).astype(int)
print(f"test vessels: {test['mmsi'].nunique()}")
print(f"test precision {precision_score(test['y'], pred):.3f}  recall {recall_score(test['y'], pred):.3f}"
      f"  F1 {f1_score(test['y'], pred):.3f}")
