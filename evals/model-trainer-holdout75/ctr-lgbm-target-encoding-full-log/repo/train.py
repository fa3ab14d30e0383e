"""Train the LightGBM CTR model on the Q1 impression log.

Usage: python train.py --config config.yaml --out artifacts/
"""
import argparse
import json
import pickle
from pathlib import Path

import lightgbm as lgb
import numpy as np
import pandas as pd
import yaml
from sklearn.metrics import log_loss, roc_auc_score

from features import add_time_features, smoothed_target_encode, time_split


def load_impressions(cfg):
    imps = pd.read_parquet(cfg["data"]["impressions"])
    ads = pd.read_parquet(cfg["data"]["ad_meta"])
    imps = imps.merge(ads[["ad_id", "advertiser_id", "created_ts"]], on="ad_id", how="left")
    imps = add_time_features(imps)
    imps["ad_age_days"] = (imps["event_ts"] - imps["created_ts"]) / 86400.0
    return imps.sort_values("event_time").reset_index(drop=True)


def evaluate(y_true, p):
    return {"auc": roc_auc_score(y_true, p), "logloss": log_loss(y_true, p)}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="config.yaml")
    parser.add_argument("--out", default="artifacts")
    args = parser.parse_args()

    with open(args.config) as fh:
        cfg = yaml.safe_load(fh)
    fcfg = cfg["features"]
    out_dir = Path(args.out)
    out_dir.mkdir(parents=True, exist_ok=True)

    df = load_impressions(cfg)
    print(f"{len(df):,} impressions, overall CTR={df['clicked'].mean():.4f}")

    te, mappings, prior = smoothed_target_encode(
        df, fcfg["id_columns"], target="clicked", smoothing=fcfg["te_smoothing"]
    )
    df = pd.concat([df, te], axis=1)
    feature_cols = fcfg["numeric"] + list(te.columns)

    train, valid, test = time_split(df, cfg["split"]["valid_start"], cfg["split"]["test_start"])
    print(f"train={len(train):,} valid={len(valid):,} test={len(test):,}")

    dtrain = lgb.Dataset(train[feature_cols], label=train["clicked"])
    dvalid = lgb.Dataset(valid[feature_cols], label=valid["clicked"], reference=dtrain)
    booster = lgb.train(
        cfg["lgbm"],
        dtrain,
        num_boost_round=cfg["num_boost_round"],
        valid_sets=[dvalid],
        valid_names=["valid"],
        callbacks=[
            lgb.early_stopping(cfg["early_stopping_rounds"]),
            lgb.log_evaluation(100),
        ],
    )

    p_test = booster.predict(test[feature_cols], num_iteration=booster.best_iteration)
    const = np.full(len(test), train["clicked"].mean())
    pos_prior = test["position"].map(train.groupby("position")["clicked"].mean()).fillna(prior)

    metrics = {
        "model": evaluate(test["clicked"], p_test),
        "baseline_global_ctr": {"logloss": log_loss(test["clicked"], const)},
        "baseline_position_ctr": evaluate(test["clicked"], pos_prior),
        "best_iteration": booster.best_iteration,
    }
    print(json.dumps(metrics, indent=2))

    booster.save_model(str(out_dir / "ctr_lgbm.txt"), num_iteration=booster.best_iteration)
    with open(out_dir / "te_mappings.pkl", "wb") as fh:
        pickle.dump({"mappings": mappings, "prior": prior}, fh)
    with open(out_dir / "metrics.json", "w") as fh:
        json.dump(metrics, fh, indent=2)


if __name__ == "__main__":
    main()
