import argparse
import json

import lightgbm as lgb
import numpy as np
import pandas as pd
import yaml
from sklearn.metrics import mean_absolute_error

from features import ZoneStats, add_basic_features


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="config.yaml")
    cfg = yaml.safe_load(open(ap.parse_args().config))
    np.random.seed(cfg["seed"])
    target = cfg["target"]

    df = pd.read_parquet(cfg["data_path"], columns=cfg["raw_columns"])
    df["pickup_ts"] = pd.to_datetime(df["pickup_ts"])
    df = df[df[target].between(2, 480)].sort_values("pickup_ts")
    df = add_basic_features(df)

    val_start, test_start = pd.Timestamp(cfg["val_start"]), pd.Timestamp(cfg["test_start"])
    train = df[df["pickup_ts"] < val_start]
    val = df[(df["pickup_ts"] >= val_start) & (df["pickup_ts"] < test_start)]
    test = df[df["pickup_ts"] >= test_start]

    zs = ZoneStats(target, prior_weight=cfg["zone_prior_weight"]).fit(train)
    train, val, test = zs.transform(train), zs.transform(val), zs.transform(test)

    feats = cfg["features"]
    model = lgb.LGBMRegressor(**cfg["lgbm"], random_state=cfg["seed"], verbose=-1)
    model.fit(
        train[feats], train[target],
        eval_set=[(val[feats], val[target])],
        eval_metric="l1",
        callbacks=[lgb.early_stopping(cfg["early_stopping_rounds"]), lgb.log_evaluation(500)],
    )

    test_pred = model.predict(test[feats])
    err = np.abs(test[target].to_numpy() - test_pred)
    report = {
        "n_train": len(train), "n_val": len(val), "n_test": len(test),
        "best_iteration": int(model.best_iteration_),
        "val_mae": float(model.best_score_["valid_0"]["l1"]),
        "test_mae": float(mean_absolute_error(test[target], test_pred)),
        "test_p80_abs_err": float(np.quantile(err, 0.8)),
    }
    print(json.dumps(report, indent=2))
    json.dump(report, open("report.json", "w"), indent=2)
    model.booster_.save_model("eta_lgbm.txt")


if __name__ == "__main__":
    main()
