"""Pick the LinUCB exploration width for the next online test.

Logs come from the uniform-random exploration bucket (propensity 1/K), which
lets us train LinUCB offline by replay and estimate its value with IPS/SNIPS.
"""
import json
import sys

import numpy as np
import pandas as pd

from bandits.linucb import LinUCB
from bandits.ope import effective_sample_size, ips, snips


def load_config(path):
    with open(path) as f:
        return json.load(f)


def split_by_time(logs, train_fraction):
    logs = logs.sort_values("event_ts").reset_index(drop=True)
    cut = int(len(logs) * train_fraction)
    return logs.iloc[:cut], logs.iloc[cut:]


def greedy_actions(policy, X):
    return np.array([policy.select(x) for x in X])


def main(cfg_path="configs/selection.json"):
    cfg = load_config(cfg_path)
    rng = np.random.default_rng(cfg["seed"])

    logs = pd.read_parquet(cfg["logs_path"])
    train_logs, test_logs = split_by_time(logs, cfg["train_fraction"])
    cols = cfg["context_cols"]
    X_tr, a_tr, r_tr = train_logs[cols].to_numpy(), train_logs["action"].to_numpy(), train_logs["reward"].to_numpy()
    X_te, a_te, r_te = test_logs[cols].to_numpy(), test_logs["action"].to_numpy(), test_logs["reward"].to_numpy()
    p_te = test_logs["propensity"].to_numpy()

    logging_value = float(r_te.mean())
    print(f"train rounds={len(train_logs):,} test rounds={len(test_logs):,} "
          f"logging policy value={logging_value:.4f}")

    results = []
    for alpha in cfg["alphas"]:
        order = rng.permutation(len(X_tr))
        policy = LinUCB(cfg["n_arms"], X_tr.shape[1], alpha=alpha, ridge_lambda=cfg["ridge_lambda"])
        matched = policy.fit_replay(X_tr[order], a_tr[order], r_tr[order])
        target = greedy_actions(policy, X_te)
        results.append({
            "alpha": alpha,
            "replay_matches": matched,
            "ips": ips(target, a_te, r_te, p_te, cfg["propensity_clip"]),
            "snips": snips(target, a_te, r_te, p_te, cfg["propensity_clip"]),
            "ess": effective_sample_size(target, a_te, p_te, cfg["propensity_clip"]),
        })
        print(json.dumps(results[-1]))

    best = max(results, key=lambda row: row["snips"])
    lift = best["snips"] / logging_value - 1
    print(f"selected alpha={best['alpha']}  estimated value={best['snips']:.4f} "
          f"(IPS {best['ips']:.4f}, ESS {best['ess']:.0f})  lift vs logging={lift:+.1%}")

    with open("policy_selection.json", "w") as f:
        json.dump({"selected": best, "candidates": results,
                   "logging_value": logging_value}, f, indent=2)


if __name__ == "__main__":
    main(*sys.argv[1:])
