import argparse
import json

import lightgbm as lgb
import numpy as np
import yaml
from sklearn.metrics import mean_absolute_error

from data import load_surge_frame, time_split


def surge_band_accuracy(y_true, y_pred, edges=(1.0, 1.2, 1.5, 2.0)):
    # ops cares whether we land in the right surge band, not the exact multiplier
    return float(np.mean(np.digitize(y_true, edges) == np.digitize(y_pred, edges)))


def main(cfg):
    df = load_surge_frame(cfg["data_path"])
    train, test = time_split(df, cfg["train_end"], cfg["test_start"])
    feats, target = cfg["features"], cfg["target"]
    print(f"train rows={len(train):,} test rows={len(test):,}")

    dtrain = lgb.Dataset(train[feats], label=train[target],
                         categorical_feature=cfg["categorical"], free_raw_data=False)
    dtest = lgb.Dataset(test[feats], label=test[target], reference=dtrain)

    booster = lgb.train(
        cfg["lgb_params"],
        dtrain,
        num_boost_round=cfg["num_boost_round"],
        valid_sets=[dtrain, dtest],
        valid_names=["train", "test"],
        callbacks=[lgb.early_stopping(cfg["early_stopping_rounds"]), lgb.log_evaluation(200)],
    )

    pred = booster.predict(test[feats], num_iteration=booster.best_iteration)
    baseline = test["surge_now"].to_numpy()
    report = {
        "best_iteration": booster.best_iteration,
        "test_mae": mean_absolute_error(test[target], pred),
        "test_mae_persistence": mean_absolute_error(test[target], baseline),
        "test_band_acc": surge_band_accuracy(test[target].to_numpy(), pred),
    }
    print(json.dumps(report, indent=2))
    booster.save_model(cfg["model_out"], num_iteration=booster.best_iteration)


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="config.yaml")
    args = ap.parse_args()
    main(yaml.safe_load(open(args.config)))
