import argparse
import json
import random

import numpy as np
import polars as pl
import xgboost as xgb
import yaml
from sklearn.metrics import average_precision_score, f1_score, log_loss, precision_recall_curve, roc_auc_score

from serves.features import FEATURES, attach, server_ace_table
from serves.split import by_period


def main(cfg):
    random.seed(cfg["seed"]); np.random.seed(cfg["seed"])
    points = pl.read_parquet(cfg["points"])
    train, val, test = by_period(points, cfg["train_end"], cfg["val_end"])

    table, global_rate = server_ace_table(train, cfg["prior_weight"])
    train, val, test = (attach(f, table, global_rate) for f in (train, val, test))

    def dm(frame):
        return xgb.DMatrix(frame.select(FEATURES).to_numpy(), label=frame["is_ace"].to_numpy(),
                           feature_names=FEATURES)

    dtrain, dval, dtest = dm(train), dm(val), dm(test)
    params = {**cfg["xgb"], "seed": cfg["seed"]}
    booster = xgb.train(params, dtrain, num_boost_round=cfg["num_boost_round"],
                        evals=[(dtrain, "train"), (dval, "val")],
                        early_stopping_rounds=cfg["early_stopping_rounds"], verbose_eval=200)
    best_range = (0, booster.best_iteration + 1)

    p_val = booster.predict(dval, iteration_range=best_range)
    pr, rc, th = precision_recall_curve(val["is_ace"].to_numpy(), p_val)
    f1s = 2 * pr[:-1] * rc[:-1] / np.clip(pr[:-1] + rc[:-1], 1e-9, None)
    threshold = float(th[f1s.argmax()])

    y_test = test["is_ace"].to_numpy()
    p_test = booster.predict(dtest, iteration_range=best_range)
    p_ref = test["server_ace_rate"].to_numpy()  # server's historical rate as a score
    report = {
        "test_roc_auc": roc_auc_score(y_test, p_test),
        "test_pr_auc": average_precision_score(y_test, p_test),
        "test_log_loss": log_loss(y_test, p_test),
        "test_f1_at_val_threshold": f1_score(y_test, p_test >= threshold),
        "ref_server_rate_pr_auc": average_precision_score(y_test, p_ref),
        "ref_server_rate_log_loss": log_loss(y_test, p_ref),
        "threshold": threshold,
    }
    print(json.dumps(report, indent=2))
    booster.save_model("models/ace_xgb.ubj")


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="config.yaml")
    main(yaml.safe_load(open(ap.parse_args().config)))
