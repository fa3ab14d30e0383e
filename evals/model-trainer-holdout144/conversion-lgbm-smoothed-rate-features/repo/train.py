"""Train the session -> purchase conversion model (LightGBM)."""
import argparse
import json
from pathlib import Path

import joblib
import lightgbm as lgb
import pandas as pd
import yaml
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import train_test_split

from features import (
    add_engagement_ratios,
    add_rate_features,
    add_time_features,
    feature_columns,
)


def load_sessions(path: str) -> pd.DataFrame:
    df = pd.read_parquet(path)
    # drop internal/QA traffic and sessions flagged by the CDN bot filter
    df = df[(df["is_internal_traffic"] == 0) & (df["cdn_bot_flag"] == 0)]
    return df.reset_index(drop=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="config.yaml")
    args = parser.parse_args()
    cfg = yaml.safe_load(open(args.config))
    seed = cfg["seed"]

    sessions = load_sessions(cfg["data"]["sessions_path"])
    sessions = add_time_features(sessions)
    sessions = add_engagement_ratios(sessions)
    rate_cols = cfg["features"]["rate_encode"]
    sessions = add_rate_features(sessions, rate_cols, alpha=cfg["features"]["smoothing"])

    cols = feature_columns(rate_cols)
    X, y = sessions[cols], sessions["converted"]
    print(f"{len(sessions):,} sessions, conversion rate {y.mean():.4f}")

    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=cfg["split"]["test_size"], stratify=y, random_state=seed
    )
    X_tr, X_val, y_tr, y_val = train_test_split(
        X_train, y_train, test_size=cfg["split"]["val_size"], stratify=y_train, random_state=seed
    )

    model = lgb.LGBMClassifier(**cfg["lgbm"], random_state=seed)
    model.fit(
        X_tr,
        y_tr,
        eval_set=[(X_val, y_val)],
        eval_metric="auc",
        callbacks=[lgb.early_stopping(100), lgb.log_evaluation(200)],
    )

    proba = model.predict_proba(X_test)[:, 1]
    metrics = {
        "test_roc_auc": roc_auc_score(y_test, proba),
        "test_pr_auc": average_precision_score(y_test, proba),
        "best_iteration": int(model.best_iteration_),
    }
    print(json.dumps(metrics, indent=2))

    out = Path(cfg["data"]["model_dir"])
    out.mkdir(parents=True, exist_ok=True)
    joblib.dump(model, out / "model.joblib")
    (out / "metrics.json").write_text(json.dumps(metrics, indent=2))


if __name__ == "__main__":
    main()
