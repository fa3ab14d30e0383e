#!/usr/bin/env python
"""30-day readmission model (first admission per patient), native XGBoost API."""
import argparse
import json
from pathlib import Path

import pandas as pd
import xgboost as xgb
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score
from sklearn.model_selection import train_test_split

CATEGORICAL = ["admission_type", "discharge_disposition", "admission_source", "payer_code", "primary_dx_group"]


def load_admissions(path: Path) -> tuple[pd.DataFrame, pd.Series]:
    admissions = pd.read_csv(path, parse_dates=["admit_date"])
    admissions = admissions.sort_values("admit_date").groupby("patient_id").head(1)
    label = (admissions.pop("readmitted") == "<30").astype(int)
    admissions = admissions.drop(columns=["patient_id", "encounter_id", "admit_date"])
    for col in CATEGORICAL:
        admissions[col] = admissions[col].astype("category")
    return admissions, label


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=Path, default=Path("data/admissions.csv"))
    parser.add_argument("--eta", type=float, default=0.03)
    parser.add_argument("--max-depth", type=int, default=5)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, default=Path("runs/readmission"))
    args = parser.parse_args()

    features, label = load_admissions(args.data)
    train_x, test_x, train_y, test_y = train_test_split(
        features, label, test_size=0.2, stratify=label, random_state=args.seed
    )
    dtrain = xgb.DMatrix(train_x, label=train_y, enable_categorical=True)
    dtest = xgb.DMatrix(test_x, label=test_y, enable_categorical=True)

    params = {
        "objective": "binary:logistic",
        "eval_metric": ["logloss", "auc"],
        "eta": args.eta,
        "max_depth": args.max_depth,
        "subsample": 0.8,
        "colsample_bytree": 0.7,
        "min_child_weight": 5,
        "seed": args.seed,
    }
    booster = xgb.train(
        params,
        dtrain,
        num_boost_round=5000,
        evals=[(dtrain, "train"), (dtest, "test")],
        early_stopping_rounds=100,
        verbose_eval=200,
    )

    test_prob = booster.predict(dtest, iteration_range=(0, booster.best_iteration + 1))
    report = {
        "best_iteration": booster.best_iteration,
        "test_roc_auc": roc_auc_score(test_y, test_prob),
        "test_pr_auc": average_precision_score(test_y, test_prob),
        "test_brier": brier_score_loss(test_y, test_prob),
        "test_prevalence": float(test_y.mean()),
    }
    args.out.mkdir(parents=True, exist_ok=True)
    booster.save_model(args.out / "booster.json")
    (args.out / "metrics.json").write_text(json.dumps(report, indent=2))
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
