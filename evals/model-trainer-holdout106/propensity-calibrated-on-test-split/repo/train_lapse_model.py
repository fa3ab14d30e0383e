"""Lapse propensity model for the outbound retention call centre.

The call centre plans staffing from the *expected* number of lapsers in the called list,
so the scores have to be calibrated probabilities, not just a ranking.
"""
import json

import joblib
import numpy as np
import pandas as pd
import tomli
import xgboost as xgb
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from propensity.calibration import expected_calibration_error, expected_saves, fit_isotonic

with open("settings.toml", "rb") as fh:
    CFG = tomli.load(fh)

df = pd.read_parquet(CFG["data"]["path"])
target = CFG["data"]["target"]
features = [c for c in df.columns if c not in (target, CFG["data"]["id_column"])]
cat_features = df[features].select_dtypes("object").columns.tolist()
df[cat_features] = df[cat_features].astype("category")

seed = CFG["split"]["seed"]
X_train, X_test, y_train, y_test = train_test_split(
    df[features], df[target], test_size=CFG["split"]["test_size"], stratify=df[target], random_state=seed
)
X_fit, X_val, y_fit, y_val = train_test_split(
    X_train, y_train, test_size=CFG["split"]["valid_size"], stratify=y_train, random_state=seed
)

model = xgb.XGBClassifier(**CFG["xgb"], enable_categorical=True, tree_method="hist",
                          eval_metric="logloss", random_state=seed)
model.fit(X_fit, y_fit, eval_set=[(X_val, y_val)], verbose=False)

numeric = [c for c in features if c not in cat_features]
baseline = make_pipeline(StandardScaler(), LogisticRegression(max_iter=1000))
baseline.fit(X_fit[numeric].fillna(0), y_fit)

raw_test = model.predict_proba(X_test)[:, 1]
calibrator = fit_isotonic(raw_test, y_test)
cal_test = calibrator.predict(raw_test)
base_test = baseline.predict_proba(X_test[numeric].fillna(0))[:, 1]

capacity = CFG["targeting"]["capacity"]
report = {
    "roc_auc": roc_auc_score(y_test, cal_test),
    "pr_auc": average_precision_score(y_test, cal_test),
    "brier_raw": brier_score_loss(y_test, raw_test),
    "brier_calibrated": brier_score_loss(y_test, cal_test),
    "ece_raw": expected_calibration_error(y_test, raw_test),
    "ece_calibrated": expected_calibration_error(y_test, cal_test),
    "baseline_roc_auc": roc_auc_score(y_test, base_test),
    "expected_saves_at_capacity": expected_saves(cal_test, capacity),
    "actual_saves_at_capacity": int(y_test.to_numpy()[np.argsort(-cal_test)[:capacity]].sum()),
}
print(json.dumps(report, indent=2))
joblib.dump({"model": model, "calibrator": calibrator, "features": features}, "artifacts/lapse_model.joblib")
