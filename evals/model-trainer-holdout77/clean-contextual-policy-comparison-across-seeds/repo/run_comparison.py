"""Compare contextual bandit policies over many independently seeded environments.

Every (seed, policy) pair sees the same environment parameters and the same
context/reward stream, so differences between policies are paired per seed.
"""
import argparse

import numpy as np
import pandas as pd
import yaml

from sim.env import LogisticContextualBandit
from sim.policies import REGISTRY


def run_one(env_seed, policy_seed, name, cfg):
    env = LogisticContextualBandit(rng=np.random.default_rng(env_seed), **cfg["env"])
    policy = REGISTRY[name](cfg["env"]["n_arms"], cfg["env"]["dim"],
                            rng=np.random.default_rng(policy_seed), **cfg["policies"][name])
    total_r, total_regret, optimal = 0.0, 0.0, 0
    for _ in range(cfg["horizon"]):
        x = env.context()
        arm = policy.select(x)
        r, regret, is_opt = env.step(x, arm)
        policy.update(x, arm, r)
        total_r += r
        total_regret += regret
        optimal += is_opt
    h = cfg["horizon"]
    return {"mean_reward": total_r / h, "cum_regret": total_regret, "pct_optimal": optimal / h}


def paired_bootstrap(diffs, reps, rng):
    idx = rng.integers(0, len(diffs), size=(reps, len(diffs)))
    means = diffs[idx].mean(axis=1)
    return float(np.quantile(means, 0.025)), float(np.quantile(means, 0.975))


def main(cfg):
    ss = np.random.SeedSequence(cfg["master_seed"])
    run_seqs = ss.spawn(cfg["n_seeds"])
    rows = []
    for i, seq in enumerate(run_seqs):
        env_seed, policy_seed = seq.generate_state(2)
        for name in cfg["policies"]:
            rows.append({"seed_idx": i, "policy": name, **run_one(env_seed, policy_seed, name, cfg)})
    df = pd.DataFrame(rows)
    df.to_csv("policy_comparison_runs.csv", index=False)

    summary = df.groupby("policy")[["mean_reward", "cum_regret", "pct_optimal"]].agg(["mean", "std"])
    print(summary.round(4))

    boot_rng = np.random.default_rng(cfg["master_seed"] + 1)
    regret = df.pivot(index="seed_idx", columns="policy", values="cum_regret")
    for name in [p for p in cfg["policies"] if p != "uniform"]:
        for ref in ["uniform", "eps_greedy"]:
            if ref == name:
                continue
            diffs = (regret[ref] - regret[name]).to_numpy()
            lo, hi = paired_bootstrap(diffs, cfg["bootstrap_reps"], boot_rng)
            wins = float(np.mean(diffs > 0))
            print(f"{name:>10} vs {ref:<10} regret saved {diffs.mean():8.1f}  "
                  f"95% CI [{lo:.1f}, {hi:.1f}]  wins {wins:.0%} of seeds")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="configs/comparison.yaml")
    main(yaml.safe_load(open(parser.parse_args().config)))
