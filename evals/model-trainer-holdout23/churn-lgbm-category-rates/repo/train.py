"""Train the churn model.

usage: python train.py --config config.yaml
"""
import argparse
import json
import logging
from pathlib import Path

import lightgbm as lgb
import pandas as pd
import yaml
from sklearn.dummy import DummyClassifier
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import train_test_split

from churn.data import load_events, sessionize
from churn.utils import set_seed

log = logging.getLogger("churn")


def parse_args():
    p = argparse.ArgumentParser()
    p.add_argument("--config", default="config.yaml")
    return p.parse_args()


def main():
    args = parse_args()
    cfg = yaml.safe_load(Path(args.config).read_text())
    set_seed(cfg["seed"])
    out_dir = Path(cfg["artifacts"])
    out_dir.mkdir(parents=True, exist_ok=True)

    events = load_events(cfg["data"]["events"])
    accounts = pd.read_parquet(cfg["data"]["accounts"])
    df = accounts.merge(sessionize(events), on="account_id", how="left")
    df = df.fillna({"n_sessions": 0, "minutes_active": 0.0})
    log.info("accounts=%d churn_rate=%.3f", len(df), df["churned"].mean())

    # smoothed churn rate per category -> helps the trees with high-cardinality columns
    prior = df["churned"].mean()
    for col in cfg["features"]["high_card"]:
        stats = df.groupby(col)["churned"].agg(["sum", "count"])
        smooth = (stats["sum"] + cfg["te_alpha"] * prior) / (stats["count"] + cfg["te_alpha"])
        df[f"{col}_te"] = df[col].map(smooth).fillna(prior)

    feats = cfg["features"]["numeric"] + [f"{c}_te" for c in cfg["features"]["high_card"]]
    train_df, test_df = train_test_split(
        df, test_size=0.2, stratify=df["churned"], random_state=cfg["seed"]
    )
    fit_df, val_df = train_test_split(
        train_df, test_size=0.15, stratify=train_df["churned"], random_state=cfg["seed"]
    )

    model = lgb.LGBMClassifier(**cfg["lgbm"], random_state=cfg["seed"], verbose=-1)
    model.fit(
        fit_df[feats],
        fit_df["churned"],
        eval_set=[(val_df[feats], val_df["churned"])],
        eval_metric="auc",
        callbacks=[lgb.early_stopping(100), lgb.log_evaluation(200)],
    )

    baseline = DummyClassifier(strategy="prior").fit(fit_df[feats], fit_df["churned"])
    p_test = model.predict_proba(test_df[feats])[:, 1]
    p_base = baseline.predict_proba(test_df[feats])[:, 1]
    report = {
        "best_iteration": int(model.best_iteration_),
        "test_roc_auc": roc_auc_score(test_df["churned"], p_test),
        "test_pr_auc": average_precision_score(test_df["churned"], p_test),
        "baseline_roc_auc": roc_auc_score(test_df["churned"], p_base),
        "baseline_pr_auc": average_precision_score(test_df["churned"], p_base),
    }
    log.info("%s", report)
    (out_dir / "metrics.json").write_text(json.dumps(report, indent=2))
    model.booster_.save_model(str(out_dir / "churn_lgbm.txt"))


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    main()
