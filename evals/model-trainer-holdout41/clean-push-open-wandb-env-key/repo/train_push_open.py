"""Propensity to open a push notification within 4 hours of sending."""
import argparse

import lightgbm as lgb
import numpy as np
import pandas as pd
import yaml
from sklearn.metrics import average_precision_score, log_loss, roc_auc_score

from tracking import start_run

FEATURES = [
    "hour_local", "dow", "opens_7d", "opens_30d", "sends_7d", "sends_30d", "last_open_hours_ago",
    "app_sessions_7d", "notif_category_code", "title_len", "has_emoji", "is_personalised", "os_code",
]


def time_split(df, valid_days, test_days):
    day = pd.to_datetime(df["sent_at"]).dt.normalize()
    test_start = day.max() - pd.Timedelta(days=test_days - 1)
    valid_start = test_start - pd.Timedelta(days=valid_days)
    return df[day < valid_start], df[(day >= valid_start) & (day < test_start)], df[day >= test_start]


def metrics(y, p, prefix):
    return {f"{prefix}/auc": roc_auc_score(y, p), f"{prefix}/pr_auc": average_precision_score(y, p),
            f"{prefix}/logloss": log_loss(y, np.clip(p, 1e-6, 1 - 1e-6))}


def main(cfg):
    run = start_run(cfg)
    sends = pd.read_parquet(cfg["data"]["sends"]).sort_values("sent_at")
    train, valid, test = time_split(sends, cfg["data"]["valid_days"], cfg["data"]["test_days"])
    run.log({"rows/train": len(train), "rows/valid": len(valid), "rows/test": len(test),
             "open_rate/train": train["opened_4h"].mean()})

    model = lgb.LGBMClassifier(random_state=cfg["seed"], verbose=-1, **cfg["lgbm"])
    model.fit(train[FEATURES], train["opened_4h"], eval_set=[(valid[FEATURES], valid["opened_4h"])],
              eval_metric="binary_logloss",
              callbacks=[lgb.early_stopping(cfg["early_stopping_rounds"], verbose=False)])

    p_test = model.predict_proba(test[FEATURES])[:, 1]
    # baseline: smoothed historical open rate per user
    hist_rate = (test["opens_30d"] + 1) / (test["sends_30d"] + 10)
    summary = {**metrics(test["opened_4h"], p_test, "test"),
               **metrics(test["opened_4h"], hist_rate, "baseline_hist_rate"),
               "best_iteration": model.best_iteration_}
    run.log(summary)
    print(summary)
    model.booster_.save_model(f"{run.dir}/push_open_lgbm.txt")
    run.finish()


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="config.yaml")
    with open(ap.parse_args().config) as fh:
        main(yaml.safe_load(fh))
