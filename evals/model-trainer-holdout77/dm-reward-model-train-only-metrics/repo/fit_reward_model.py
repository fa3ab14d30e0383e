"""Fit the reward model r_hat(x, a) for direct-method OPE of SERP layout policies."""
import argparse
import json

import lightgbm as lgb
import numpy as np
import pandas as pd
import yaml
from sklearn.dummy import DummyClassifier
from sklearn.metrics import log_loss, roc_auc_score

from ope.direct_method import dm_value


def load(cfg):
    logs = pd.read_parquet(cfg["logs_path"])
    for col in cfg["categorical"] + [cfg["arm_col"]]:
        logs[col] = logs[col].astype("category")
    return logs


def main(cfg):
    np.random.seed(cfg["seed"])
    logs = load(cfg)
    feature_cols = cfg["context_cols"] + [cfg["arm_col"]]
    X, y = logs[feature_cols], logs[cfg["reward_col"]].astype(int)
    print(f"{len(logs):,} logged searches; click rate {y.mean():.4f}; "
          f"arms: {list(logs[cfg['arm_col']].cat.categories)}")

    model = lgb.LGBMClassifier(**cfg["lgbm"], random_state=cfg["seed"], verbose=-1)
    model.fit(X, y)
    prior = DummyClassifier(strategy="prior").fit(X, y)

    p_model = model.predict_proba(X)[:, 1]
    p_prior = prior.predict_proba(X)[:, 1]
    metrics = {
        "lgbm": {"auc": roc_auc_score(y, p_model), "log_loss": log_loss(y, p_model)},
        "prior": {"auc": roc_auc_score(y, p_prior), "log_loss": log_loss(y, p_prior)},
    }
    print(json.dumps(metrics, indent=2))

    arms = list(logs[cfg["arm_col"]].cat.categories)
    cand = pd.read_parquet(cfg["candidate_policy_path"])
    action_probs = cand[[f"p_{a}" for a in arms]].to_numpy()
    contexts = logs.loc[cand["log_row"], cfg["context_cols"]].reset_index(drop=True)
    v_candidate = dm_value(model, contexts, action_probs, arms, cfg["arm_col"], feature_cols)
    v_logging = float(y.mean())
    print(f"DM value candidate={v_candidate:.4f}  logging={v_logging:.4f}  "
          f"relative lift={v_candidate / v_logging - 1:+.2%}")

    model.booster_.save_model("artifacts/serp_reward_lgbm.txt")
    with open("artifacts/dm_report.json", "w") as f:
        json.dump({"metrics": metrics, "v_candidate": v_candidate, "v_logging": v_logging}, f, indent=2)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="dm_config.yaml")
    main(yaml.safe_load(open(parser.parse_args().config)))
