import argparse
import json
import logging
import sys

import lightgbm as lgb
import numpy as np
import polars as pl
import yaml
from sklearn.metrics import average_precision_score, log_loss, roc_auc_score

sys.path.insert(0, "src")
from delays.features import RATE_COLS, add_history_rates  # noqa: E402
from delays.io import load_flights  # noqa: E402
from delays.split import by_month  # noqa: E402

log = logging.getLogger("delays")


def to_matrix(frame: pl.DataFrame, cols: list[str]) -> np.ndarray:
    return frame.select(cols).to_numpy().astype(np.float32)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="configs/delay.yaml")
    ap.add_argument("--out", default="artifacts/delay_model.txt")
    args = ap.parse_args()
    cfg = yaml.safe_load(open(args.config))
    logging.basicConfig(level=logging.INFO)

    flights = load_flights(cfg["data"]["path"], cfg["data"]["target"], cfg["data"]["delay_threshold_min"])
    flights = add_history_rates(flights, "is_late", cfg["features"]["smoothing"])
    train, valid, test = by_month(flights, cfg["split"]["valid_month"], cfg["split"]["test_months"])
    log.info("rows train=%d valid=%d test=%d", train.height, valid.height, test.height)

    cols = cfg["features"]["numeric"] + RATE_COLS
    params = {k: v for k, v in cfg["lgbm"].items() if k not in ("num_boost_round", "early_stopping_rounds")}
    dtrain = lgb.Dataset(to_matrix(train, cols), label=train["is_late"].to_numpy(), feature_name=cols)
    dvalid = lgb.Dataset(to_matrix(valid, cols), label=valid["is_late"].to_numpy(), reference=dtrain)
    booster = lgb.train(
        params,
        dtrain,
        num_boost_round=cfg["lgbm"]["num_boost_round"],
        valid_sets=[dvalid],
        callbacks=[lgb.early_stopping(cfg["lgbm"]["early_stopping_rounds"]), lgb.log_evaluation(200)],
    )

    y_test = test["is_late"].to_numpy()
    p_test = booster.predict(to_matrix(test, cols), num_iteration=booster.best_iteration)
    base = np.full_like(p_test, train["is_late"].mean())
    report = {
        "auc": roc_auc_score(y_test, p_test),
        "pr_auc": average_precision_score(y_test, p_test),
        "logloss": log_loss(y_test, p_test),
        "baseline_logloss": log_loss(y_test, base),
        "baseline_pr_auc": average_precision_score(y_test, base),
    }
    log.info(json.dumps(report, indent=2))
    booster.save_model(args.out)


if __name__ == "__main__":
    main()
