"""Train the consumer credit default scorecard and write the fair-lending audit tables."""
import json
from pathlib import Path

import numpy as np
import pandas as pd
import yaml
from sklearn.compose import ColumnTransformer
from sklearn.dummy import DummyClassifier
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

from credit_model.fairness import group_report, pick_threshold
from credit_model.features import (
    CATEGORICAL_COLS,
    NUMERIC_COLS,
    PROTECTED_COLS,
    add_ratio_features,
    add_zip_risk,
    age_band,
)

TARGET = "defaulted"


def build_pipeline(C: float) -> Pipeline:
    numeric = Pipeline([("impute", SimpleImputer(strategy="median")), ("scale", StandardScaler())])
    pre = ColumnTransformer([
        ("num", numeric, NUMERIC_COLS),
        ("cat", OneHotEncoder(handle_unknown="ignore", min_frequency=20), CATEGORICAL_COLS),
    ])
    clf = LogisticRegression(C=C, max_iter=2000, class_weight="balanced")
    return Pipeline([("pre", pre), ("clf", clf)])


def main(config_path: str = "config.yaml") -> None:
    with open(config_path) as fh:
        cfg = yaml.safe_load(fh)
    seed = cfg["seed"]

    df = pd.read_parquet(cfg["data_path"])
    df = df[df["loan_status"].isin(["paid_off", "charged_off", "default"])].copy()
    df[TARGET] = df["loan_status"].isin(["charged_off", "default"]).astype(int)
    df["age_band"] = age_band(df["applicant_age"])
    df = add_ratio_features(df)
    df = add_zip_risk(df, TARGET, smoothing=cfg["zip_smoothing"])

    train_df, test_df = train_test_split(df, test_size=0.2, stratify=df[TARGET], random_state=seed)
    train_df, val_df = train_test_split(
        train_df, test_size=0.2, stratify=train_df[TARGET], random_state=seed
    )
    features = NUMERIC_COLS + CATEGORICAL_COLS
    print(f"train={len(train_df)} val={len(val_df)} test={len(test_df)} "
          f"default_rate={train_df[TARGET].mean():.3f}")

    baseline = DummyClassifier(strategy="prior").fit(train_df[features], train_df[TARGET])
    model = build_pipeline(cfg["C"]).fit(train_df[features], train_df[TARGET])

    val_scores = model.predict_proba(val_df[features])[:, 1]
    threshold = pick_threshold(val_df[TARGET], val_scores, cfg["max_approved_default_rate"])

    y_test = test_df[TARGET].to_numpy()
    test_scores = model.predict_proba(test_df[features])[:, 1]
    metrics = {
        "threshold": threshold,
        "test_auc": roc_auc_score(y_test, test_scores),
        "test_pr_auc": average_precision_score(y_test, test_scores),
        "test_brier": brier_score_loss(y_test, test_scores),
        "baseline_auc": roc_auc_score(y_test, baseline.predict_proba(test_df[features])[:, 1]),
        "baseline_brier": brier_score_loss(y_test, baseline.predict_proba(test_df[features])[:, 1]),
    }

    out_dir = Path(cfg["output_dir"])
    out_dir.mkdir(parents=True, exist_ok=True)
    for col in PROTECTED_COLS:
        report = group_report(y_test, test_scores, test_df[col].astype(str), threshold)
        report.to_csv(out_dir / f"fairness_{col}.csv", index=False)
        metrics[f"min_air_{col}"] = float(report["adverse_impact_ratio"].min())
        flagged = report.loc[report["adverse_impact_ratio"] < 0.8, "group"].tolist()
        if flagged:
            print(f"[{col}] adverse impact ratio below 0.8 for: {flagged}")

    with open(out_dir / "metrics.json", "w") as fh:
        json.dump({k: float(v) for k, v in metrics.items()}, fh, indent=2)
    print(json.dumps(metrics, indent=2, default=float))


if __name__ == "__main__":
    main()
