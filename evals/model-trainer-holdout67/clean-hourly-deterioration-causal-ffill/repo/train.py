"""Hourly ICU deterioration (12h horizon) with XGBoost; splits by patient."""
import json
from pathlib import Path

import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import StratifiedGroupKFold
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from features import VITALS, add_label, add_trends, carry_forward, clip_implausible

SEED = 77
OUT = Path("runs/deterioration_xgb")


def patient_fold(df, n_splits, seed):
    stay_label = df.groupby("stay_id")["label"].transform("max")
    sgkf = StratifiedGroupKFold(n_splits=n_splits, shuffle=True, random_state=seed)
    a, b = next(sgkf.split(df, stay_label, df["subject_id"]))
    return df.iloc[a], df.iloc[b]


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    raw = pd.read_parquet("data/icu_hourly_grid.parquet")
    df = add_label(add_trends(carry_forward(clip_implausible(raw))))
    features = [c for c in df.columns if c not in ("stay_id", "subject_id", "hour", "event_hour", "label")]
    print(f"{df['stay_id'].nunique()} stays, {len(df)} patient-hours, positive hours {df['label'].mean():.4f}")

    dev, test = patient_fold(df, n_splits=5, seed=SEED)
    train, val = patient_fold(dev, n_splits=5, seed=SEED)
    assert set(train["subject_id"]).isdisjoint(test["subject_id"])

    model = xgb.XGBClassifier(
        n_estimators=3000, learning_rate=0.03, max_depth=6, min_child_weight=10, subsample=0.8,
        colsample_bytree=0.6, tree_method="hist", eval_metric="aucpr", early_stopping_rounds=150,
        random_state=SEED,
    )
    model.fit(train[features], train["label"], eval_set=[(val[features], val["label"])], verbose=250)

    baseline = make_pipeline(SimpleImputer(strategy="median"), StandardScaler(),
                             LogisticRegression(max_iter=3000, class_weight="balanced"))
    baseline.fit(train[VITALS], train["label"])

    y_test = test["label"].to_numpy()
    report = {"best_iteration": int(model.best_iteration)}
    for name, p in [("xgb", model.predict_proba(test[features])[:, 1]),
                    ("logreg_vitals", baseline.predict_proba(test[VITALS])[:, 1])]:
        report[name] = {"auroc": float(roc_auc_score(y_test, p)),
                        "auprc": float(average_precision_score(y_test, p))}
    report["prevalence"] = float(np.mean(y_test))
    print(json.dumps(report, indent=2))
    json.dump(report, open(OUT / "test_report.json", "w"), indent=2)
    model.save_model(OUT / "model.json")


if __name__ == "__main__":
    main()
