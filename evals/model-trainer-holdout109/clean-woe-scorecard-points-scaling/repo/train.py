import json

import numpy as np
import pandas as pd
import yaml
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score, roc_curve
from sklearn.model_selection import train_test_split

from binning import WoE
from scorecard import points_table, score

cfg = yaml.safe_load(open("config.yaml"))
df = pd.read_csv(cfg["data"]["path"])
target = cfg["data"]["target"]
chars = cfg["characteristics"]

train, test = train_test_split(
    df, test_size=cfg["data"]["test_size"], stratify=df[target], random_state=cfg["data"]["seed"]
)

woe = WoE(max_bins=cfg["binning"]["max_bins"]).fit(train[chars], train[target])
iv = woe.iv()
print(iv.round(3).to_string())
selected = iv[iv >= cfg["binning"]["min_iv"]].index.tolist()

Xtr, Xte = woe.transform(train[chars])[selected], woe.transform(test[chars])[selected]
lr = LogisticRegression(C=1.0, max_iter=1000, random_state=cfg["data"]["seed"])
lr.fit(Xtr, train[target])
coefs = pd.Series(lr.coef_[0], index=selected)
intercept = lr.intercept_[0]

table = points_table({f: woe.maps_[f] for f in selected}, coefs, intercept, **cfg["scaling"])
table.to_csv("scorecard_points.csv", index=False)

test_score = score(Xte, coefs, intercept, **cfg["scaling"])
# higher score = lower risk, so rank bads with the negated score
auc = roc_auc_score(test[target], -test_score)
fpr, tpr, _ = roc_curve(test[target], -test_score)
report = {
    "n_train": len(train), "n_test": len(test), "characteristics": selected,
    "test_auc": round(auc, 4), "test_gini": round(2 * auc - 1, 4), "test_ks": round(float(np.max(tpr - fpr)), 4),
    "score_p5_p95": [float(np.percentile(test_score, 5)), float(np.percentile(test_score, 95))],
}
print(json.dumps(report, indent=2))
