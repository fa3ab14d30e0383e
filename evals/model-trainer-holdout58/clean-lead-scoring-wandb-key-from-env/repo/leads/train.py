"""Train the lead-conversion LightGBM model.  python -m leads.train configs/lead_scoring.yaml"""
from __future__ import annotations

import sys
from pathlib import Path

import lightgbm as lgb
import numpy as np
import pandas as pd
import wandb
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, f1_score, precision_recall_curve, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from leads.settings import load_config, load_secrets

CATEGORICAL = ["lead_source", "industry", "company_size_band", "country"]


def best_f1_threshold(y_true, scores) -> float:
    precision, recall, thresholds = precision_recall_curve(y_true, scores)
    f1 = 2 * precision[:-1] * recall[:-1] / np.clip(precision[:-1] + recall[:-1], 1e-9, None)
    return float(thresholds[np.argmax(f1)])


def main(config_path: str) -> None:
    cfg = load_config(config_path)
    secrets = load_secrets()
    wandb.login(key=secrets.wandb_api_key)
    seed, dc = cfg["seed"], cfg["data"]

    df = pd.read_parquet(dc["path"])
    df[CATEGORICAL] = df[CATEGORICAL].astype("category")
    y = df.pop(dc["target"]).astype(int)
    X = df.drop(columns=["lead_id", "created_at"])

    holdout = dc["val_size"] + dc["test_size"]
    X_train, X_rest, y_train, y_rest = train_test_split(X, y, test_size=holdout, stratify=y, random_state=seed)
    X_val, X_test, y_val, y_test = train_test_split(
        X_rest, y_rest, test_size=dc["test_size"] / holdout, stratify=y_rest, random_state=seed
    )

    run = wandb.init(project=cfg["wandb"]["project"], entity=secrets.wandb_entity,
                     config={**cfg["lgbm"], "seed": seed, "dataset_commit": dc["dataset_commit"]})

    model = lgb.LGBMClassifier(**cfg["lgbm"], random_state=seed, verbose=-1)
    model.fit(
        X_train, y_train,
        eval_set=[(X_val, y_val)],
        eval_metric="average_precision",
        callbacks=[lgb.early_stopping(cfg["early_stopping_rounds"]), lgb.log_evaluation(200)],
    )
    threshold = best_f1_threshold(y_val, model.predict_proba(X_val)[:, 1])

    numeric = X_train.select_dtypes("number").columns
    baseline = make_pipeline(StandardScaler(), LogisticRegression(max_iter=2000))
    baseline.fit(X_train[numeric].fillna(0), y_train)

    p_test = model.predict_proba(X_test)[:, 1]
    p_base = baseline.predict_proba(X_test[numeric].fillna(0))[:, 1]
    summary = {
        "test/roc_auc": roc_auc_score(y_test, p_test),
        "test/pr_auc": average_precision_score(y_test, p_test),
        "test/f1_at_val_threshold": f1_score(y_test, (p_test >= threshold).astype(int)),
        "baseline/roc_auc": roc_auc_score(y_test, p_base),
        "baseline/pr_auc": average_precision_score(y_test, p_base),
        "threshold": threshold,
        "best_iteration": model.best_iteration_,
    }
    run.summary.update(summary)

    out = Path("artifacts")
    out.mkdir(exist_ok=True)
    model.booster_.save_model(str(out / "lead_lgbm.txt"), num_iteration=model.best_iteration_)
    artifact = wandb.Artifact("lead-lgbm", type="model", metadata={"threshold": threshold})
    artifact.add_file(str(out / "lead_lgbm.txt"))
    run.log_artifact(artifact)
    run.finish()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "configs/lead_scoring.yaml")
