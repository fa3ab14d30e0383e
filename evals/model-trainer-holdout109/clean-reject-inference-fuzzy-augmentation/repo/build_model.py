"""Auto-finance application PD: KGB model on accepts, fuzzy-augmented rejects, final TTD model.

All performance figures are on the held-out accepts (the only applicants with real outcomes).
"""
import json

import numpy as np
import pandas as pd
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler

from inference import combine, fuzzy_augment

with open("settings.json") as fh:
    S = json.load(fh)
FEATS, TARGET = S["features"], S["target"]


def make_model():
    return Pipeline([
        ("imp", SimpleImputer(strategy="median")),
        ("sc", StandardScaler()),
        ("lr", LogisticRegression(C=0.5, max_iter=3000, random_state=S["seed"])),
    ])


accepts = pd.read_parquet(S["accepts"])
rejects = pd.read_parquet(S["rejects"])

acc_dev, acc_hold = train_test_split(
    accepts, test_size=S["holdout_frac"], stratify=accepts[TARGET], random_state=S["seed"]
)

kgb = make_model().fit(acc_dev[FEATS], acc_dev[TARGET])

# rejects have no outcome; score them with the KGB model to build the inferred sample
pd_rejects = kgb.predict_proba(rejects[FEATS])[:, 1]
augmented = fuzzy_augment(rejects, pd_rejects, TARGET, S["reject_weight"])
ttd_sample = combine(acc_dev, augmented, TARGET)

ttd = make_model()
ttd.fit(ttd_sample[FEATS], ttd_sample[TARGET], lr__sample_weight=ttd_sample["weight"])

p_kgb = kgb.predict_proba(acc_hold[FEATS])[:, 1]
p_ttd = ttd.predict_proba(acc_hold[FEATS])[:, 1]
summary = {
    "n_accepts_dev": len(acc_dev),
    "n_accepts_holdout": len(acc_hold),
    "n_rejects": len(rejects),
    "gini_kgb_holdout": 2 * roc_auc_score(acc_hold[TARGET], p_kgb) - 1,
    "gini_ttd_holdout": 2 * roc_auc_score(acc_hold[TARGET], p_ttd) - 1,
    "mean_pd_rejects_kgb": float(pd_rejects.mean()),
    "mean_pd_rejects_ttd": float(ttd.predict_proba(rejects[FEATS])[:, 1].mean()),
    "accept_bad_rate": float(accepts[TARGET].mean()),
}
print(json.dumps(summary, indent=2))

coef = pd.DataFrame({"kgb": kgb["lr"].coef_[0], "ttd": ttd["lr"].coef_[0]}, index=FEATS)
print(coef.round(3).to_string())
