"""Honest uplift tree for the premium-trial banner test.

Randomised 50/50 banner test. The tree partitions users into segments that the product team can
read; leaf effects are estimated on a separate half of the training data (Athey & Imbens, 2016).
"""
import argparse

import numpy as np
import pandas as pd
from sklearn.model_selection import train_test_split
from sklearn.tree import DecisionTreeRegressor, export_text

SEED = 20240611
P_TREAT = 0.5
FEATURES = ["visits_30d", "minutes_30d", "days_since_signup", "n_devices", "saved_items",
            "is_student_email", "country_gdp_tier", "referrals"]


def transformed_outcome(y, t, p=P_TREAT):
    return y * (t - p) / (p * (1 - p))


def leaf_effects(tree, X_est, y_est, t_est, min_per_arm=30):
    leaves = tree.apply(X_est)
    fallback = y_est[t_est == 1].mean() - y_est[t_est == 0].mean()
    effects = {}
    for leaf in np.unique(leaves):
        m = leaves == leaf
        n1, n0 = (m & (t_est == 1)).sum(), (m & (t_est == 0)).sum()
        if min(n1, n0) < min_per_arm:
            effects[leaf] = fallback
        else:
            effects[leaf] = y_est[m & (t_est == 1)].mean() - y_est[m & (t_est == 0)].mean()
    return effects, fallback


def qini_coef(y, t, score):
    o = np.argsort(-score, kind="stable")
    y, t = y[o], t[o]
    nt, nc = np.cumsum(t), np.cumsum(1 - t)
    q = np.cumsum(y * t) - np.cumsum(y * (1 - t)) * nt / np.maximum(nc, 1)
    return float((q - np.linspace(0, q[-1], len(q))).mean() / len(q))


def uplift_top(y, t, score, frac=0.2):
    idx = np.argsort(-score, kind="stable")[: int(frac * len(score))]
    return float(y[idx][t[idx] == 1].mean() - y[idx][t[idx] == 0].mean())


def main(path, max_leaves):
    df = pd.read_csv(path)
    X = df[FEATURES].to_numpy(float)
    y = df["started_trial"].to_numpy(float)
    t = df["saw_banner"].to_numpy(int)
    strata = 2 * t + y.astype(int)

    X_tr, X_te, y_tr, y_te, t_tr, t_te, s_tr, _ = train_test_split(
        X, y, t, strata, test_size=0.3, stratify=strata, random_state=SEED)
    X_str, X_est, y_str, y_est, t_str, t_est = train_test_split(
        X_tr, y_tr, t_tr, test_size=0.5, stratify=s_tr, random_state=SEED + 1)

    tree = DecisionTreeRegressor(max_leaf_nodes=max_leaves, min_samples_leaf=400, random_state=SEED)
    tree.fit(X_str, transformed_outcome(y_str, t_str))
    effects, fallback = leaf_effects(tree, X_est, y_est, t_est)

    tau_honest = np.array([effects.get(leaf, fallback) for leaf in tree.apply(X_te)])
    tau_adaptive = tree.predict(X_te)
    rand = np.random.default_rng(SEED).random(len(y_te))

    print(export_text(tree, feature_names=FEATURES, decimals=1))
    print(f"test ATE (diff in means): {y_te[t_te == 1].mean() - y_te[t_te == 0].mean():.4f}")
    for name, s in [("honest tree", tau_honest), ("adaptive tree", tau_adaptive), ("random", rand)]:
        print(f"{name:>14}: qini {qini_coef(y_te, t_te, s):.5f} | uplift@20% {uplift_top(y_te, t_te, s):.4f}")

    seg = pd.DataFrame({"leaf": tree.apply(X_te), "tau_hat": tau_honest, "y": y_te, "t": t_te})
    summary = seg.groupby("leaf").apply(lambda g: pd.Series({
        "n": len(g), "tau_hat": g.tau_hat.iloc[0],
        "tau_test": g.y[g.t == 1].mean() - g.y[g.t == 0].mean()}))
    print(summary.sort_values("tau_hat", ascending=False).round(4).to_string())


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/premium_banner_test.csv")
    ap.add_argument("--max-leaves", type=int, default=8)
    args = ap.parse_args()
    main(args.data, args.max_leaves)
