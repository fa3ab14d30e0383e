import argparse
import json
from pathlib import Path

import lightgbm as lgb
import numpy as np
import yaml
from sklearn.metrics import average_precision_score, log_loss, roc_auc_score

from src.data import load_clicks, temporal_split, to_lgb_frame


def campaign_rate_baseline(train, test, prior_weight=50):
    """Smoothed historical CVR of the campaign, the number the bidder used before."""
    global_rate = train["converted"].mean()
    stats = train.groupby("campaign_id")["converted"].agg(["sum", "count"])
    smoothed = (stats["sum"] + prior_weight * global_rate) / (stats["count"] + prior_weight)
    return test["campaign_id"].map(smoothed).fillna(global_rate).to_numpy()


def report(name, y_true, scores):
    scores = np.clip(scores, 1e-6, 1 - 1e-6)
    print(
        f"{name:<22} AUC={roc_auc_score(y_true, scores):.4f} "
        f"PR-AUC={average_precision_score(y_true, scores):.4f} "
        f"logloss={log_loss(y_true, scores):.4f}"
    )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="config.yaml")
    args = parser.parse_args()
    cfg = yaml.safe_load(Path(args.config).read_text())

    clicks = load_clicks(cfg["data"]["clicks_path"], cfg["data"]["label_window_days"])
    train, test = temporal_split(
        clicks, cfg["data"]["train_end"], cfg["data"]["test_start"], cfg["data"]["test_end"]
    )
    print(
        f"train rows={len(train):,} cvr={train['converted'].mean():.4f} | "
        f"test rows={len(test):,} cvr={test['converted'].mean():.4f}"
    )

    cat_cols, num_cols = cfg["features"]["categorical"], cfg["features"]["numeric"]
    X_train, y_train = to_lgb_frame(train, cat_cols, num_cols)
    X_test, y_test = to_lgb_frame(test, cat_cols, num_cols)

    params = dict(cfg["model"]["params"], seed=cfg["model"]["seed"])
    dtrain = lgb.Dataset(X_train, y_train, categorical_feature=cat_cols)
    dtest = lgb.Dataset(X_test, y_test, reference=dtrain)

    booster = lgb.train(
        params,
        dtrain,
        num_boost_round=cfg["model"]["num_boost_round"],
        valid_sets=[dtrain, dtest],
        valid_names=["train", "holdout"],
        callbacks=[
            lgb.early_stopping(cfg["model"]["early_stopping_rounds"]),
            lgb.log_evaluation(100),
        ],
    )

    test_scores = booster.predict(X_test, num_iteration=booster.best_iteration)
    report("campaign CVR baseline", y_test, campaign_rate_baseline(train, test))
    report("lightgbm", y_test, test_scores)

    out = Path(cfg["output"]["model_path"])
    out.parent.mkdir(parents=True, exist_ok=True)
    booster.save_model(str(out), num_iteration=booster.best_iteration)
    metrics = {
        "best_iteration": booster.best_iteration,
        "holdout_auc": roc_auc_score(y_test, test_scores),
        "holdout_pr_auc": average_precision_score(y_test, test_scores),
    }
    (out.parent / "metrics.json").write_text(json.dumps(metrics, indent=2))


if __name__ == "__main__":
    main()
