"""Train the fare regressor used by the price-alert service."""
import argparse
import json
from pathlib import Path

import joblib
import lightgbm as lgb
import numpy as np
from sklearn.metrics import mean_absolute_error, r2_score

from data import load_fares, make_xy, split


def parse_args():
    p = argparse.ArgumentParser()
    p.add_argument("--config", default="config.json")
    p.add_argument("--learning-rate", type=float, default=None)
    return p.parse_args()


def main():
    args = parse_args()
    cfg = json.loads(Path(args.config).read_text())
    if args.learning_rate:
        cfg["lgbm_params"]["learning_rate"] = args.learning_rate

    df = load_fares(cfg)
    X, y = make_xy(df, cfg)
    X_tr, X_ho, y_tr, y_ho = split(X, y, cfg)
    print(f"train rows: {len(X_tr):,}  holdout rows: {len(X_ho):,}")

    model = lgb.LGBMRegressor(**cfg["lgbm_params"], random_state=cfg["seed"], verbose=-1)
    model.fit(
        X_tr, y_tr,
        eval_set=[(X_ho, y_ho)],
        eval_metric="l1",
        callbacks=[
            lgb.early_stopping(cfg["early_stopping_rounds"]),
            lgb.log_evaluation(200),
        ],
    )
    print("best iteration:", model.best_iteration_)

    pred = model.predict(X_ho, num_iteration=model.best_iteration_)
    if cfg["log_target"]:
        y_true, y_pred = np.expm1(y_ho), np.expm1(pred)
    else:
        y_true, y_pred = y_ho, pred

    mae = mean_absolute_error(y_true, y_pred)
    r2 = r2_score(y_true, y_pred)
    print(f"holdout MAE: {mae:,.0f} INR   R2: {r2:.4f}")

    Path(cfg["model_out"]).parent.mkdir(parents=True, exist_ok=True)
    joblib.dump(model, cfg["model_out"])


if __name__ == "__main__":
    main()
