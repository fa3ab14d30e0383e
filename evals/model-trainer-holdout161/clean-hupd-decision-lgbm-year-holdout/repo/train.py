import json

import lightgbm as lgb
import numpy as np
import pandas as pd
import yaml
from sklearn.metrics import f1_score, precision_recall_curve, roc_auc_score, average_precision_score

from featurize import design_matrix, joined_text, make_text_model

with open("config.yaml") as fh:
    cfg = yaml.safe_load(fh)
SEED = cfg["seed"]
np.random.seed(SEED)

df = pd.read_parquet(cfg["data_path"])
df = df[df["decision"].isin(["ACCEPTED", "REJECTED"])].copy()
df["y"] = (df["decision"] == "ACCEPTED").astype(int)
df["filing_year"] = pd.to_datetime(df["filing_date"]).dt.year
df["abstract_words"] = df["abstract"].fillna("").str.split().str.len()

lo, hi = cfg["years"]["train"]
train = df[df["filing_year"].between(lo, hi)]
valid = df[df["filing_year"] == cfg["years"]["valid"]]
test = df[df["filing_year"] == cfg["years"]["test"]]
fields = cfg["text_fields"]

# --- model selection ---
text_model = make_text_model(cfg).fit(joined_text(train, fields))
X_tr, X_va = design_matrix(text_model, train, fields), design_matrix(text_model, valid, fields)

clf = lgb.LGBMClassifier(**cfg["lgbm"], n_estimators=cfg["max_rounds"], random_state=SEED, n_jobs=-1)
clf.fit(X_tr, train["y"], eval_set=[(X_va, valid["y"])], eval_metric="auc",
        callbacks=[lgb.early_stopping(cfg["early_stopping"]), lgb.log_evaluation(200)])
best_iter = clf.best_iteration_

p_va = clf.predict_proba(X_va)[:, 1]
prec, rec, thr = precision_recall_curve(valid["y"], p_va)
f1s = 2 * prec[:-1] * rec[:-1] / np.clip(prec[:-1] + rec[:-1], 1e-9, None)
threshold = float(thr[np.argmax(f1s)])
print(f"valid AUC {roc_auc_score(valid['y'], p_va):.4f}  best_iter {best_iter}  threshold {threshold:.3f}")

# --- final fit on train + valid ---
trval = pd.concat([train, valid])
text_model = make_text_model(cfg).fit(joined_text(trval, fields))
final = lgb.LGBMClassifier(**cfg["lgbm"], n_estimators=best_iter, random_state=SEED, n_jobs=-1)
final.fit(design_matrix(text_model, trval, fields), trval["y"])

p_te = final.predict_proba(design_matrix(text_model, test, fields))[:, 1]
metrics = {
    "test_auc": roc_auc_score(test["y"], p_te),
    "test_ap": average_precision_score(test["y"], p_te),
    "test_f1@valid_thr": f1_score(test["y"], (p_te >= threshold).astype(int)),
    "accept_rate_test": float(test["y"].mean()),
}
print(json.dumps(metrics, indent=2))
with open("outputs/metrics.json", "w") as fh:
    json.dump({**metrics, "best_iter": int(best_iter), "threshold": threshold}, fh, indent=2)
