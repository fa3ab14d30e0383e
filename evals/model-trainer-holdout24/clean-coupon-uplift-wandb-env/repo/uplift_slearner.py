"""
Coupon uplift (S-learner) on the March free-delivery coupon RCT.

Credentials: W&B reads WANDB_API_KEY from the environment (see .env.example); nothing is stored here.
"""
import argparse
import logging
import os

import numpy as np
import pandas as pd
import wandb
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split

log = logging.getLogger("uplift")

# git commit of the feature-definitions repo that produced the snapshot (for lineage, not a credential)
FEATURE_REPO_COMMIT = "9c41e0b7d2a8f3165e4b0c7a91d2e8f4b6a03c5d"
FEATURES = ["orders_90d", "aov", "days_since_order", "delivery_fee_paid_90d", "app_user", "city_tier",
            "coupon_redemptions_180d", "basket_share_fresh"]


def uplift_at_k(score, t, y, frac):
    top = score >= np.quantile(score, 1 - frac)
    return y[top & (t == 1)].mean() - y[top & (t == 0)].mean()


def qini_auc(score, t, y, n=50):
    order = np.argsort(-score)
    t, y = t[order], y[order]
    cum_t, cum_c = np.cumsum(t), np.cumsum(1 - t)
    cum_yt, cum_yc = np.cumsum(y * t), np.cumsum(y * (1 - t))
    idx = np.linspace(1, len(t) - 1, n).astype(int)
    q = cum_yt[idx] - cum_yc[idx] * cum_t[idx] / np.maximum(cum_c[idx], 1)
    frac = idx / len(t)
    return float(np.trapz(q - q[-1] * frac, frac))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/coupon_rct_march.parquet")
    ap.add_argument("--seed", type=int, default=2718)
    ap.add_argument("--project", default="coupon-uplift")
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO)

    run = wandb.init(project=args.project, entity=os.environ.get("WANDB_ENTITY"),
                     config={"seed": args.seed, "feature_repo_commit": FEATURE_REPO_COMMIT})

    rct = pd.read_parquet(args.data)
    strata = rct["got_coupon"].astype(str) + rct["ordered_7d"].astype(str)
    fit_df, eval_df = train_test_split(rct, test_size=0.3, stratify=strata, random_state=args.seed)

    s_model = HistGradientBoostingClassifier(learning_rate=0.05, max_iter=300, max_leaf_nodes=31,
                                             min_samples_leaf=80, l2_regularization=1.0,
                                             early_stopping=False, random_state=args.seed)
    s_model.fit(fit_df[FEATURES + ["got_coupon"]], fit_df["ordered_7d"])

    def predict_uplift(frame):
        on, off = frame[FEATURES].assign(got_coupon=1), frame[FEATURES].assign(got_coupon=0)
        return s_model.predict_proba(on)[:, 1] - s_model.predict_proba(off)[:, 1]

    t, y = eval_df["got_coupon"].to_numpy(), eval_df["ordered_7d"].to_numpy()
    up = predict_uplift(eval_df)
    rand = np.random.default_rng(args.seed).random(len(eval_df))
    metrics = {
        "qini_model": qini_auc(up, t, y),
        "qini_random": qini_auc(rand, t, y),
        "uplift_top20_model": uplift_at_k(up, t, y, 0.2),
        "uplift_top20_random": uplift_at_k(rand, t, y, 0.2),
        "ate_eval": y[t == 1].mean() - y[t == 0].mean(),
        "response_auc_factual": roc_auc_score(y, s_model.predict_proba(eval_df[FEATURES + ["got_coupon"]])[:, 1]),
    }
    log.info(metrics)
    run.log(metrics)
    run.finish()


if __name__ == "__main__":
    main()
