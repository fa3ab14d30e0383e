"""Weekly churn model for Galaxy Raiders (14-day churn from weekly snapshots)."""
import random

import numpy as np
import wandb
import xgboost as xgb
import yaml
from sklearn.metrics import average_precision_score, roc_auc_score

from data import FEATURES, TARGET, load_weekly, time_split


def main(config_path="config.yaml"):
    with open(config_path) as f:
        cfg = yaml.safe_load(f)
    random.seed(cfg["seed"])
    np.random.seed(cfg["seed"])

    wandb.login(key=cfg["wandb"]["api_key"])
    run = wandb.init(
        project=cfg["wandb"]["project"],
        entity=cfg["wandb"]["entity"],
        name=cfg["run_name"],
        config=cfg,
    )

    df = load_weekly(cfg["data"]["path"])
    train, test = time_split(df, cfg["data"]["train_until"], cfg["data"]["gap_weeks"], cfg["data"]["test_until"])
    print(f"train rows {len(train):,} | test rows {len(test):,}")

    pos_rate = train[TARGET].mean()
    model = xgb.XGBClassifier(
        **cfg["model"],
        scale_pos_weight=(1 - pos_rate) / pos_rate,
        random_state=cfg["seed"],
        tree_method="hist",
    )
    model.fit(train[FEATURES], train[TARGET])

    p_test = model.predict_proba(test[FEATURES])[:, 1]
    metrics = {
        "test_auc": roc_auc_score(test[TARGET], p_test),
        "test_pr_auc": average_precision_score(test[TARGET], p_test),
        "test_pos_rate": float(test[TARGET].mean()),
    }
    # churn among top-decile risk players, what CRM actually targets
    top = p_test >= np.quantile(p_test, 0.9)
    metrics["churn_rate_top_decile"] = float(test[TARGET].to_numpy()[top].mean())
    print(metrics)
    wandb.log(metrics)

    model.save_model("churn_xgb.json")
    artifact = wandb.Artifact("churn-xgb", type="model")
    artifact.add_file("churn_xgb.json")
    run.log_artifact(artifact)
    run.finish()


if __name__ == "__main__":
    main()
