"""Predict one-sided ("stomp") lobbies from pre-match lobby composition.

Feeds the matchmaker's lobby-quality score. Date split: train < val_start,
validation = May (early stopping), test = June.
"""
import sys

import lightgbm as lgb
import pandas as pd
import yaml
from sklearn.metrics import average_precision_score, roc_auc_score


def load(cfg):
    df = pd.read_parquet(cfg["data"]["path"])
    df["lobby_start"] = pd.to_datetime(df["lobby_start"])
    df["hour_of_day"] = df["lobby_start"].dt.hour
    df["is_weekend"] = (df["lobby_start"].dt.dayofweek >= 5).astype(int)
    df["stomp"] = (df["winner_kill_share"] > cfg["label"]["kill_share_threshold"]).astype(int)
    return df


def main(cfg_path):
    with open(cfg_path) as f:
        cfg = yaml.safe_load(f)
    df = load(cfg)
    feats = cfg["features"]
    val_start, test_start = pd.Timestamp(cfg["data"]["val_start"]), pd.Timestamp(cfg["data"]["test_start"])
    test_end = pd.Timestamp(cfg["data"]["test_end"])

    tr = df[df["lobby_start"] < val_start]
    va = df[(df["lobby_start"] >= val_start) & (df["lobby_start"] < test_start)]
    te = df[(df["lobby_start"] >= test_start) & (df["lobby_start"] < test_end)]
    print(f"train {len(tr):,} | val {len(va):,} | test {len(te):,} | stomp rate {tr['stomp'].mean():.3f}")

    dtrain = lgb.Dataset(tr[feats], tr["stomp"])
    dval = lgb.Dataset(va[feats], va["stomp"], reference=dtrain)
    booster = lgb.train(
        cfg["lgbm"],
        dtrain,
        num_boost_round=cfg["num_boost_round"],
        valid_sets=[dval],
        valid_names=["val"],
        callbacks=[lgb.early_stopping(cfg["early_stopping_rounds"]), lgb.log_evaluation(250)],
    )

    p_val = booster.predict(va[feats], num_iteration=booster.best_iteration)
    p_test = booster.predict(te[feats], num_iteration=booster.best_iteration)
    print(f"val  AUC {roc_auc_score(va['stomp'], p_val):.4f}  AP {average_precision_score(va['stomp'], p_val):.4f}")
    print(f"test AUC {roc_auc_score(te['stomp'], p_test):.4f}  AP {average_precision_score(te['stomp'], p_test):.4f}")

    imp = pd.Series(booster.feature_importance("gain"), index=feats).sort_values(ascending=False)
    print(imp.round(0).to_string())
    booster.save_model("stomp_lgbm.txt", num_iteration=booster.best_iteration)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "stomp_config.yaml")
