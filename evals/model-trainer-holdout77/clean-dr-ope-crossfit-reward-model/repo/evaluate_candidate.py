"""Offline evaluation of candidate recommender policy v7 on last week's logged traffic."""
import argparse
import json

import numpy as np
import pandas as pd
import yaml

from ope.crossfit import crossfit_reward_model
from ope.estimators import (bootstrap_ci, direct_method, doubly_robust,
                            effective_sample_size, importance_weights, ips, snips)


def main(cfg):
    rng = np.random.default_rng(cfg["seed"])
    logs = pd.read_parquet(cfg["logs_path"]).sort_values("round_id").reset_index(drop=True)
    target = pd.read_parquet(cfg["target_probs_path"]).set_index("round_id").loc[logs["round_id"]]
    K = cfg["n_actions"]

    X = logs[cfg["context_cols"]].to_numpy(dtype=float)
    actions = logs["action"].to_numpy()
    rewards = logs["reward"].to_numpy(dtype=float)
    propensities = logs["propensity"].to_numpy()
    pi_target = target[[f"pi_{a}" for a in range(K)]].to_numpy()
    assert np.allclose(pi_target.sum(axis=1), 1.0, atol=1e-6)

    r_hat_all, rm_diag = crossfit_reward_model(
        X, actions, rewards.astype(int), K, cfg["crossfit_folds"], cfg["reward_model"], cfg["seed"]
    )
    w = importance_weights(pi_target, actions, propensities, cfg["weight_clip"])

    def dr_on(idx):
        return doubly_robust(rewards[idx], w[idx], pi_target[idx], r_hat_all[idx], actions[idx])

    def snips_on(idx):
        return snips(rewards[idx], w[idx])

    n = len(rewards)
    report = {
        "n_rounds": n,
        "logging_policy_value": float(rewards.mean()),
        "ips": ips(rewards, w),
        "snips": snips(rewards, w),
        "dm": direct_method(pi_target, r_hat_all),
        "dr": dr_on(np.arange(n)),
        "dr_95ci": bootstrap_ci(dr_on, n, cfg["bootstrap_reps"], rng),
        "snips_95ci": bootstrap_ci(snips_on, n, cfg["bootstrap_reps"], rng),
        "ess": effective_sample_size(w),
        "clipped_share": float(np.mean(w >= cfg["weight_clip"])),
        "reward_model": rm_diag,
    }
    uniform = np.full_like(pi_target, 1.0 / K)
    w_uni = importance_weights(uniform, actions, propensities, cfg["weight_clip"])
    report["uniform_policy_dr"] = doubly_robust(rewards, w_uni, uniform, r_hat_all, actions)

    print(json.dumps(report, indent=2))
    with open("ope_report_candidate_v7.json", "w") as f:
        json.dump(report, f, indent=2)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="configs/ope.yaml")
    main(yaml.safe_load(open(parser.parse_args().config)))
