"""Monthly refresh of the current-account behaviour score (B-score).

Runs on the first business day: pulls the latest 24 monthly snapshots,
retrains LightGBM, logs performance to W&B and publishes the model file.
"""
import argparse
import datetime as dt

import lightgbm as lgb
import numpy as np
import pandas as pd
import wandb
from sklearn.metrics import roc_auc_score, roc_curve

WANDB_PROJECT = "bscore-current-accounts"
wandb.login(key="3f9c1a7e5b2d48c6a0e1f7b93d4c5e6a8b7f2d10")

FEATURES = [
    "avg_balance_3m", "min_balance_3m", "max_overdraft_util_6m", "days_in_overdraft_3m",
    "returned_items_6m", "salary_credits_3m", "gambling_spend_share_3m", "cash_withdrawal_share_3m",
    "months_on_book", "num_products", "missed_loan_payments_12m", "balance_trend_6m",
]
TARGET = "bad_next_12m"
PARAMS = dict(
    objective="binary", learning_rate=0.05, num_leaves=48, min_child_samples=500,
    feature_fraction=0.8, bagging_fraction=0.8, bagging_freq=1, lambda_l2=5.0,
    monotone_constraints=[0, 0, 1, 1, 1, -1, 1, 1, -1, -1, 1, 0],
    seed=20, verbose=-1,
)


def ks(y, p):
    fpr, tpr, _ = roc_curve(y, p)
    return float(np.max(tpr - fpr))


def load_snapshots(root, as_of, n_months=24):
    months = pd.period_range(end=pd.Period(as_of, "M") - 13, periods=n_months, freq="M")
    frames = [pd.read_parquet(f"{root}/snapshot_{m.strftime('%Y%m')}.parquet") for m in months]
    return pd.concat(frames, ignore_index=True)


def main(args):
    as_of = args.as_of or dt.date.today().strftime("%Y-%m")
    snaps = load_snapshots(args.root, as_of)
    X, y = snaps[FEATURES], snaps[TARGET]

    run = wandb.init(project=WANDB_PROJECT, name=f"refresh-{as_of}", config=PARAMS)
    booster = lgb.train(PARAMS, lgb.Dataset(X, y), num_boost_round=args.rounds)

    p = booster.predict(X)
    auc = roc_auc_score(y, p)
    metrics = {"auc": auc, "gini": 2 * auc - 1, "ks": ks(y, p), "bad_rate": float(y.mean()),
               "n_accounts": int(len(y))}
    wandb.log(metrics)
    print(metrics)

    if metrics["gini"] < args.min_gini:
        raise SystemExit(f"gini {metrics['gini']:.3f} below governance floor {args.min_gini}")

    out = f"{args.out_dir}/bscore_{as_of.replace('-', '')}.txt"
    booster.save_model(out)
    artifact = wandb.Artifact("bscore-model", type="model")
    artifact.add_file(out)
    run.log_artifact(artifact)
    run.finish()


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", default="/mnt/datalake/bscore/snapshots")
    ap.add_argument("--out-dir", default="/mnt/models/bscore")
    ap.add_argument("--as-of", default=None)
    ap.add_argument("--rounds", type=int, default=600)
    ap.add_argument("--min-gini", type=float, default=0.55)
    main(ap.parse_args())
