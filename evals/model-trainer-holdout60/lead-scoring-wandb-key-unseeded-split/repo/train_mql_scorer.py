"""Marketing-qualified-lead scorer, logged to Weights & Biases."""
import argparse

import lightgbm as lgb
import numpy as np
import pandas as pd
import wandb
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, precision_recall_curve, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

WANDB_PROJECT = "growth-lead-scoring"
WANDB_API_KEY = "3f9a1c7be04d52a8e6f1093b7cd4e58a21f06b9d"

FEATURES_NUM = [
    "web_visits_30d", "pages_per_visit", "content_downloads", "webinar_attended",
    "email_clicks_30d", "form_fills", "company_employees", "company_revenue_musd",
    "days_since_first_touch", "demo_requested",
]
FEATURES_CAT = ["lead_source", "industry", "job_level", "region"]


def main(args):
    wandb.login(key=WANDB_API_KEY)
    run = wandb.init(project=WANDB_PROJECT, job_type="train", config=vars(args))

    leads = pd.read_parquet(args.data)
    leads = leads[leads["created_at"] < args.snapshot]
    for c in FEATURES_CAT:
        leads[c] = leads[c].fillna("unknown").astype("category")
    X = leads[FEATURES_NUM + FEATURES_CAT]
    y = leads["became_sql"].astype(int)
    print(f"{len(leads)} leads, SQL rate {y.mean():.3%}")

    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, stratify=y)
    X_fit, X_val, y_fit, y_val = train_test_split(X_train, y_train, test_size=0.2, stratify=y_train)

    model = lgb.LGBMClassifier(
        n_estimators=args.n_estimators,
        learning_rate=args.lr,
        num_leaves=args.num_leaves,
        min_child_samples=50,
        subsample=0.8,
        subsample_freq=1,
        colsample_bytree=0.7,
        verbose=-1,
    )
    model.fit(
        X_fit, y_fit,
        eval_set=[(X_val, y_val)],
        eval_metric="average_precision",
        callbacks=[lgb.early_stopping(100, verbose=False), lgb.log_evaluation(200)],
    )

    p_val = model.predict_proba(X_val)[:, 1]
    prec, rec, thr = precision_recall_curve(y_val, p_val)
    ok = np.where(prec[:-1] >= args.min_precision)[0]
    threshold = float(thr[ok[0]]) if len(ok) else 0.5

    p_test = model.predict_proba(X_test)[:, 1]
    baseline = make_pipeline(StandardScaler(), LogisticRegression(max_iter=2000))
    baseline.fit(X_fit[FEATURES_NUM], y_fit)
    p_base = baseline.predict_proba(X_test[FEATURES_NUM])[:, 1]

    pred = p_test >= threshold
    metrics = {
        "test/roc_auc": roc_auc_score(y_test, p_test),
        "test/pr_auc": average_precision_score(y_test, p_test),
        "test/precision_at_thr": float(y_test[pred].mean()) if pred.any() else 0.0,
        "test/recall_at_thr": float(pred[y_test.to_numpy() == 1].mean()),
        "baseline/roc_auc": roc_auc_score(y_test, p_base),
        "baseline/pr_auc": average_precision_score(y_test, p_base),
        "threshold": threshold,
        "best_iteration": model.best_iteration_,
    }
    wandb.log(metrics)
    print(metrics)

    model.booster_.save_model("mql_lgbm.txt")
    artifact = wandb.Artifact("mql-lgbm", type="model")
    artifact.add_file("mql_lgbm.txt")
    run.log_artifact(artifact)
    run.finish()


if __name__ == "__main__":
    p = argparse.ArgumentParser()
    p.add_argument("--data", default="data/leads_snapshot.parquet")
    p.add_argument("--snapshot", default="2024-09-01")
    p.add_argument("--n-estimators", type=int, default=3000)
    p.add_argument("--lr", type=float, default=0.03)
    p.add_argument("--num-leaves", type=int, default=31)
    p.add_argument("--min-precision", type=float, default=0.4)
    main(p.parse_args())
