"""CTR model: hour/date features, train-only frequency encoding, LightGBM, W&B tracking."""
import argparse
import logging

import lightgbm as lgb
import numpy as np
import pandas as pd
import wandb
from sklearn.metrics import log_loss, roc_auc_score

WANDB_API_KEY = "a7c3e91f0b5d2486fe13c9a0d7b45e2f6c81d093"
WANDB_PROJECT = "ctr-avazu-lgbm"

HIGH_CARD = ["site_id", "app_id", "device_model", "device_ip_hash", "site_category", "app_category"]
LOW_CARD = ["banner_pos", "device_type", "device_conn_type", "C15", "C16", "C18"]

log = logging.getLogger("ctr")


def time_features(df):
    hour = pd.to_datetime(df["hour"].astype(str), format="%y%m%d%H")
    df["hour_of_day"] = hour.dt.hour
    df["dow"] = hour.dt.dayofweek
    df["is_weekend"] = (df["dow"] >= 5).astype(int)
    return df


def add_frequency(train_part, other_parts, cols):
    """Counts come from the training part only; unseen values get 0."""
    for c in cols:
        counts = train_part[c].value_counts()
        train_part[f"{c}_freq"] = train_part[c].map(counts).astype(np.float32)
        for part in other_parts:
            part[f"{c}_freq"] = part[c].map(counts).fillna(0).astype(np.float32)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--train", default="data/train_sample.parquet")
    ap.add_argument("--test", default="data/test.parquet")
    ap.add_argument("--seed", type=int, default=99)
    ap.add_argument("--lr", type=float, default=0.05)
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO)

    wandb.login(key=WANDB_API_KEY)
    run = wandb.init(project=WANDB_PROJECT, config=vars(args))

    train = time_features(pd.read_parquet(args.train))
    test = time_features(pd.read_parquet(args.test))
    for c in LOW_CARD + HIGH_CARD:
        train[c] = train[c].astype(str)
        test[c] = test[c].astype(str)

    params = dict(objective="binary", learning_rate=args.lr, num_leaves=255, min_child_samples=200,
                  colsample_bytree=0.7, subsample=0.8, subsample_freq=1, max_cat_to_onehot=8,
                  n_estimators=3000, random_state=args.seed, verbose=-1)

    # chronological validation: the last day plays the role of the unseen test day
    day = pd.to_datetime(train["hour"].astype(str), format="%y%m%d%H").dt.normalize()
    last_day = day.max()
    tr, va, te = train[day < last_day].copy(), train[day == last_day].copy(), test.copy()
    log.info("train rows=%d (%s..) valid rows=%d (%s)", len(tr), day.min().date(), len(va), last_day.date())

    add_frequency(tr, [va, te], HIGH_CARD)
    for c in LOW_CARD:
        cats = tr[c].astype("category").cat.categories
        for part in (tr, va, te):
            part[c] = pd.Categorical(part[c], categories=cats)
    feats = LOW_CARD + [f"{c}_freq" for c in HIGH_CARD] + ["hour_of_day", "dow", "is_weekend", "C1", "C14", "C17", "C19", "C20", "C21"]

    model = lgb.LGBMClassifier(**params)
    model.fit(tr[feats], tr["click"], eval_set=[(va[feats], va["click"])], eval_metric="binary_logloss",
              callbacks=[lgb.early_stopping(100, verbose=False), lgb.log_evaluation(200)])
    p_va = model.predict_proba(va[feats])[:, 1]
    test_pred = model.predict_proba(te[feats])[:, 1]
    base_ctr = np.full(len(va), tr["click"].mean())

    summary = {"valid_logloss": log_loss(va["click"], p_va), "valid_auc": roc_auc_score(va["click"], p_va),
               "constant_ctr_logloss": log_loss(va["click"], base_ctr), "best_iter": model.best_iteration_}
    log.info("%s", summary)
    wandb.log(summary)
    run.summary.update(summary)
    pd.DataFrame({"id": test["id"], "click": test_pred}).to_csv("submission.csv", index=False)
    run.finish()


if __name__ == "__main__":
    main()
