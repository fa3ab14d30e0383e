"""Prolonged length of stay (> 7 days) predicted 24h after hospital admission.

1. split patients into train / validation / test (stratified, grouped by patient)
2. early-stop CatBoost on validation, compare with a logistic baseline on test
3. refit the production model on all admissions with the validated number of trees
"""
import json
import tomllib
from pathlib import Path

import pandas as pd
from catboost import CatBoostClassifier, Pool
from sklearn.compose import make_column_transformer
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score
from sklearn.model_selection import StratifiedGroupKFold
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

with open("settings.toml", "rb") as f:
    cfg = tomllib.load(f)

CATEGORICAL = ["admit_source", "admit_service", "payer", "discharge_plan_flag", "language"]
NUMERIC = ["age", "charlson", "n_active_problems", "n_meds_24h", "n_consults_24h", "albumin_first",
           "hemoglobin_first", "creatinine_first", "wbc_first", "prior_los_12m", "frailty_score",
           "lives_alone", "needs_pt_ot", "iv_antibiotics_24h", "surgery_planned"]
SEED = cfg["split"]["seed"]
label, group = cfg["data"]["label"], cfg["data"]["group"]


def grouped_holdout(frame, fraction):
    sgkf = StratifiedGroupKFold(n_splits=round(1 / fraction), shuffle=True, random_state=SEED)
    keep, hold = next(sgkf.split(frame, frame[label], frame[group]))
    return frame.iloc[keep], frame.iloc[hold]


def scores(y, p):
    return {"auroc": roc_auc_score(y, p), "auprc": average_precision_score(y, p), "brier": brier_score_loss(y, p)}


df = pd.read_parquet(cfg["data"]["path"])
df[CATEGORICAL] = df[CATEGORICAL].fillna("NA").astype(str)
features = CATEGORICAL + NUMERIC

dev, test = grouped_holdout(df, cfg["split"]["test_fraction"])
train, val = grouped_holdout(dev, cfg["split"]["val_fraction"])

cb = CatBoostClassifier(**cfg["catboost"], random_seed=SEED, verbose=500)
cb.fit(Pool(train[features], train[label], cat_features=CATEGORICAL),
       eval_set=Pool(val[features], val[label], cat_features=CATEGORICAL), use_best_model=True)
best_iter = cb.get_best_iteration() + 1

baseline = make_pipeline(
    make_column_transformer(
        (make_pipeline(SimpleImputer(strategy="median"), StandardScaler()), NUMERIC),
        (OneHotEncoder(handle_unknown="ignore"), CATEGORICAL),
    ),
    LogisticRegression(max_iter=4000),
)
baseline.fit(train[features], train[label])

report = {
    "n": {"train": len(train), "val": len(val), "test": len(test)},
    "best_iteration": best_iter,
    "catboost": scores(test[label], cb.predict_proba(test[features])[:, 1]),
    "logreg": scores(test[label], baseline.predict_proba(test[features])[:, 1]),
}
print(json.dumps(report, indent=2))

final_params = {**cfg["catboost"], "iterations": int(best_iter * 1.1)}
final_params.pop("od_type")
final_params.pop("od_wait")
final = CatBoostClassifier(**final_params, random_seed=SEED, verbose=0)
final.fit(Pool(df[features], df[label], cat_features=CATEGORICAL))

out = Path(cfg["output"]["dir"])
out.mkdir(parents=True, exist_ok=True)
final.save_model(str(out / "prolonged_los.cbm"))
(out / "holdout_report.json").write_text(json.dumps(report, indent=2))
