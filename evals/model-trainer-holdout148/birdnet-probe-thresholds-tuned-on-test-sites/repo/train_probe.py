"""Linear probe on BirdNET embeddings for multi-label presence in 3 s windows (Sierra Nevada ARUs)."""
import json
import sys

import joblib
import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, f1_score
from sklearn.model_selection import GroupShuffleSplit
from sklearn.multiclass import OneVsRestClassifier
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from thresholds import apply_thresholds, tune_thresholds

cfg = json.load(open(sys.argv[1] if len(sys.argv) > 1 else "config.json"))

emb = pd.read_parquet(cfg["embeddings"])          # window_id, site_id, e0..e1023
lab = pd.read_parquet(cfg["labels"])              # window_id + one 0/1 column per species code
df = emb.merge(lab, on="window_id", how="inner")

species = [c for c in lab.columns if c != "window_id" and lab[c].sum() >= cfg["min_positives"]]
emb_cols = [c for c in emb.columns if c.startswith("e")]
X = df[emb_cols].to_numpy(np.float32)
Y = df[species].to_numpy()
groups = df[cfg["group_col"]].to_numpy()

splitter = GroupShuffleSplit(n_splits=1, test_size=cfg["test_size"], random_state=cfg["seed"])
tr, te = next(splitter.split(X, Y, groups))
print(f"{len(species)} species | train {len(tr)} windows / {len(set(groups[tr]))} sites | "
      f"test {len(te)} windows / {len(set(groups[te]))} sites")

probe = make_pipeline(
    StandardScaler(),
    OneVsRestClassifier(LogisticRegression(C=cfg["C"], max_iter=3000, class_weight="balanced")),
)
probe.fit(X[tr], Y[tr])

P_test = probe.predict_proba(X[te])
cmap = average_precision_score(Y[te], P_test, average="macro")

thr = tune_thresholds(Y[te], P_test, cfg["threshold_grid"])
Y_hat = apply_thresholds(P_test, thr)
macro_f1 = f1_score(Y[te], Y_hat, average="macro", zero_division=0)
print(f"test macro-AP={cmap:.3f}  macro-F1@tuned={macro_f1:.3f}")

per_species = pd.DataFrame({
    "species": species,
    "threshold": thr,
    "ap": average_precision_score(Y[te], P_test, average=None),
    "f1": f1_score(Y[te], Y_hat, average=None, zero_division=0),
}).sort_values("ap")
per_species.to_csv("per_species_test.csv", index=False)
joblib.dump({"probe": probe, "species": species, "thresholds": thr}, "probe.joblib")
