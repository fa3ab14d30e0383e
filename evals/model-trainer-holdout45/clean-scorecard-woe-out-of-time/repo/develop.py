"""Develop the retail application scorecard: WOE logistic regression, in-time and out-of-time validation."""
import json

import numpy as np
import pandas as pd
import yaml
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split

from scorekit.binning import WoeEncoder
from scorekit.monitoring import psi, summary

cfg = yaml.safe_load(open("scorecard.yaml"))
d, f, m = cfg["data"], cfg["features"], cfg["model"]
np.random.seed(m["seed"])

apps = pd.read_parquet(d["path"])
apps[d["date_col"]] = pd.to_datetime(apps[d["date_col"]])
features = f["numeric"] + f["categorical"]

dev = apps[apps[d["date_col"]] <= d["development_end"]]
oot = apps[apps[d["date_col"]] >= d["oot_start"]]
print(f"development {len(dev):,} ({dev[d['target']].mean():.2%} bad), OOT {len(oot):,} ({oot[d['target']].mean():.2%} bad)")

X_tr, X_it, y_tr, y_it = train_test_split(
    dev[features], dev[d["target"]], test_size=m["in_time_holdout"],
    stratify=dev[d["target"]], random_state=m["seed"],
)

enc = WoeEncoder(cfg["binning"]["max_bins"], cfg["binning"]["min_bin_share"]).fit(X_tr, y_tr, f["categorical"])
iv = pd.Series(enc.iv).sort_values(ascending=False)
print(iv.round(3).to_string())
selected = iv[iv >= cfg["binning"]["min_iv"]].index.tolist()

W_tr, W_it, W_oot = (enc.transform(x)[selected] for x in (X_tr, X_it, oot[features]))
model = LogisticRegression(C=m["C"], max_iter=1000).fit(W_tr, y_tr)

bureau_only = LogisticRegression(max_iter=1000).fit(W_tr[["bureau_score"]], y_tr) if "bureau_score" in selected else None

results = {}
for name, W, y in [("in_time", W_it, y_it), ("out_of_time", W_oot, oot[d["target"]])]:
    results[name] = {"scorecard": summary(y, model.predict_proba(W)[:, 1])}
    if bureau_only is not None:
        results[name]["bureau_only_baseline"] = summary(y, bureau_only.predict_proba(W[["bureau_score"]])[:, 1])

results["psi_train_vs_oot"] = psi(model.predict_proba(W_tr)[:, 1], model.predict_proba(W_oot)[:, 1])
results["selected_features"] = selected
print(json.dumps(results, indent=2))

coefs = pd.Series(model.coef_[0], index=selected)
if (coefs > 0).any():
    print("warning: positive WOE coefficients (sign flip):", coefs[coefs > 0].index.tolist())
with open("artifacts/scorecard_dev_report.json", "w") as fh:
    json.dump(results, fh, indent=2)
