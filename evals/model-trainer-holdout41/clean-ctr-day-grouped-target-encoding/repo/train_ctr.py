"""CTR model for in-app banner impressions.

Days 1..N-2 train, day N-1 validation (early stopping), day N test.
"""
import argparse
import json

import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import log_loss, roc_auc_score

from ctrlib.encoding import ClickRateEncoder

SEED = 99
HIGH_CARD = ["app_id", "site_domain", "device_model", "creative_id", "campaign_id"]
LOW_CARD = ["banner_pos", "device_type", "conn_type", "hour"]


def main(args):
    np.random.seed(SEED)
    df = pd.read_parquet(args.data)
    df["day"] = pd.to_datetime(df["event_ts"], unit="s").dt.normalize()
    df["hour"] = pd.to_datetime(df["event_ts"], unit="s").dt.hour
    days = np.sort(df["day"].unique())
    train = df[df["day"] < days[-2]].copy()
    valid = df[df["day"] == days[-2]].copy()
    test = df[df["day"] == days[-1]].copy()

    enc = ClickRateEncoder(HIGH_CARD, smoothing=args.smoothing)
    te_train = enc.fit_transform_oof(train[HIGH_CARD], train["clicked"], groups=train["day"].to_numpy())
    te_valid, te_test = enc.transform(valid[HIGH_CARD]), enc.transform(test[HIGH_CARD])

    X_train = pd.concat([train[LOW_CARD], te_train], axis=1)
    X_valid = pd.concat([valid[LOW_CARD], te_valid], axis=1)
    X_test = pd.concat([test[LOW_CARD], te_test], axis=1)

    model = lgb.LGBMClassifier(
        n_estimators=3000, learning_rate=0.03, num_leaves=127, min_child_samples=500,
        subsample=0.7, subsample_freq=1, colsample_bytree=0.8, reg_lambda=1.0,
        random_state=SEED, verbose=-1,
    )
    model.fit(X_train, train["clicked"], eval_set=[(X_valid, valid["clicked"])],
              eval_metric="binary_logloss", callbacks=[lgb.early_stopping(100, verbose=False)])

    p = model.predict_proba(X_test)[:, 1]
    prior = np.full(len(test), train["clicked"].mean())
    res = {
        "logloss": log_loss(test["clicked"], p),
        "auc": roc_auc_score(test["clicked"], p),
        "prior_logloss": log_loss(test["clicked"], prior),
        "calibration_ratio": float(p.mean() / test["clicked"].mean()),
        "best_iteration": int(model.best_iteration_),
    }
    res["normalized_entropy"] = res["logloss"] / res["prior_logloss"]
    print(json.dumps(res, indent=2))
    model.booster_.save_model(args.model_out)


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", required=True)
    ap.add_argument("--model-out", required=True)
    ap.add_argument("--smoothing", type=float, default=50.0)
    main(ap.parse_args())
