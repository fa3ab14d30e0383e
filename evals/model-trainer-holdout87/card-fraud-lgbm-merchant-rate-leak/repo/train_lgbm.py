"""Train the card-authorisation fraud model with an out-of-time validation and test window."""
import json
import tomllib
from pathlib import Path

import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import average_precision_score, precision_score, recall_score, roc_auc_score

from fraudfeat.features import CATEGORICAL, FEATURES, build_features


def main(params_path="params.toml"):
    cfg = tomllib.loads(Path(params_path).read_text())
    dcfg, tcfg = cfg["data"], cfg["train"]

    df = pd.read_parquet(dcfg["path"])
    df["auth_ts"] = pd.to_datetime(df["auth_ts"])
    df = build_features(df, label=dcfg["label"])
    for col in CATEGORICAL:
        df[col] = df[col].astype("category")

    val_start, test_start = pd.Timestamp(dcfg["val_start"]), pd.Timestamp(dcfg["test_start"])
    train = df[df["auth_ts"] < val_start]
    val = df[(df["auth_ts"] >= val_start) & (df["auth_ts"] < test_start)]
    test = df[df["auth_ts"] >= test_start]
    label = dcfg["label"]
    print({k: (len(v), round(v[label].mean(), 5)) for k, v in [("train", train), ("val", val), ("test", test)]})

    dtrain = lgb.Dataset(train[FEATURES], train[label], categorical_feature=CATEGORICAL)
    dval = lgb.Dataset(val[FEATURES], val[label], reference=dtrain)
    booster = lgb.train(
        cfg["lgbm"],
        dtrain,
        num_boost_round=tcfg["num_boost_round"],
        valid_sets=[dval],
        callbacks=[lgb.early_stopping(tcfg["early_stopping_rounds"]), lgb.log_evaluation(200)],
    )

    # alert threshold: top `alert_rate` of validation traffic
    val_scores = booster.predict(val[FEATURES], num_iteration=booster.best_iteration)
    threshold = float(np.quantile(val_scores, 1 - tcfg["alert_rate"]))

    test_scores = booster.predict(test[FEATURES], num_iteration=booster.best_iteration)
    alerts = (test_scores >= threshold).astype(int)
    y_test = test[label].to_numpy()
    metrics = {
        "roc_auc": roc_auc_score(y_test, test_scores),
        "pr_auc": average_precision_score(y_test, test_scores),
        "precision_at_alert_rate": precision_score(y_test, alerts, zero_division=0),
        "recall_at_alert_rate": recall_score(y_test, alerts, zero_division=0),
        "baseline_amount_pr_auc": average_precision_score(y_test, test["log_amount"]),
        "best_iteration": booster.best_iteration,
    }
    print(json.dumps(metrics, indent=2))
    Path("artifacts").mkdir(exist_ok=True)
    booster.save_model("artifacts/card_fraud_lgbm.txt")
    Path("artifacts/metrics.json").write_text(json.dumps(metrics, indent=2))


if __name__ == "__main__":
    main()
