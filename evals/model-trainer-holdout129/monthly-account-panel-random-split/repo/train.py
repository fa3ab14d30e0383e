"""Train the account-month referral model."""
import json
import sys

import lightgbm as lgb
import pandas as pd
import yaml
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import train_test_split

from panel_features import add_lag_features, add_ratios, add_rolling_features


def load_config(path="config.yaml"):
    with open(path) as fh:
        return yaml.safe_load(fh)


def build_panel(cfg):
    d = cfg["data"]
    panel = pd.read_parquet(d["panel_path"])
    panel[d["time_col"]] = pd.to_datetime(panel[d["time_col"]])
    panel = panel.sort_values([d["id_col"], d["time_col"]]).reset_index(drop=True)

    base = cfg["features"]["base"]
    panel = add_lag_features(panel, d["id_col"], base, cfg["features"]["lags"])
    panel = add_rolling_features(panel, d["id_col"], base, cfg["features"]["rolling_windows"])
    panel = add_ratios(panel)
    panel["month_of_year"] = panel[d["time_col"]].dt.month
    return panel


def split(panel, cfg):
    s = cfg["split"]
    if s["method"] == "random":
        return train_test_split(panel, test_size=s["test_size"], random_state=cfg["seed"],
                                stratify=panel[cfg["data"]["label"]])
    if s["method"] == "time":
        cutoff = pd.Timestamp(s["cutoff"])
        t = panel[cfg["data"]["time_col"]]
        return panel[t < cutoff], panel[t >= cutoff]
    raise ValueError(f"unknown split method {s['method']}")


def main():
    cfg = load_config(sys.argv[1] if len(sys.argv) > 1 else "config.yaml")
    label = cfg["data"]["label"]
    panel = build_panel(cfg)

    drop = {cfg["data"]["id_col"], cfg["data"]["time_col"], label}
    features = [c for c in panel.columns if c not in drop]

    train, test = split(panel, cfg)
    print(f"train={len(train):,} test={len(test):,} pos_rate={train[label].mean():.4f}")

    model = lgb.LGBMClassifier(**cfg["model"], random_state=cfg["seed"], verbose=-1)
    model.fit(train[features], train[label])

    p = model.predict_proba(test[features])[:, 1]
    res = {"auc": roc_auc_score(test[label], p), "ap": average_precision_score(test[label], p)}
    print(json.dumps(res, indent=2))
    model.booster_.save_model("referral_lgbm.txt")


if __name__ == "__main__":
    main()
