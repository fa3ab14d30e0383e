import argparse
import json
from pathlib import Path

import lightgbm as lgb
import numpy as np
import yaml
from sklearn.metrics import mean_absolute_error, mean_squared_error, r2_score

from data import load_survey, split


def main(cfg):
    df = load_survey(cfg["data"]["path"])
    X_train, X_test, y_train, y_test = split(
        df, cfg["data"]["target"], cfg["split"]["test_size"], cfg["split"]["seed"]
    )
    print(f"train={len(X_train)} test={len(X_test)}")

    model = lgb.LGBMRegressor(**cfg["lgbm"])
    model.fit(
        X_train,
        y_train,
        eval_set=[(X_test, y_test)],
        eval_metric="l2",
        callbacks=[
            lgb.early_stopping(cfg["early_stopping_rounds"], verbose=False),
            lgb.log_evaluation(200),
        ],
    )
    print("best iteration:", model.best_iteration_)

    pred = model.predict(X_test, num_iteration=model.best_iteration_)
    metrics = {
        "rmse": float(np.sqrt(mean_squared_error(y_test, pred))),
        "mae": float(mean_absolute_error(y_test, pred)),
        "r2": float(r2_score(y_test, pred)),
        "best_iteration": int(model.best_iteration_),
    }
    print(json.dumps(metrics, indent=2))

    out = Path(cfg["output_dir"])
    out.mkdir(parents=True, exist_ok=True)
    model.booster_.save_model(str(out / "model.txt"))
    (out / "metrics.json").write_text(json.dumps(metrics, indent=2))


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="config.yaml")
    args = ap.parse_args()
    main(yaml.safe_load(open(args.config)))
