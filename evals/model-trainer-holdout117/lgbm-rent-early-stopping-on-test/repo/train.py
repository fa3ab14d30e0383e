import json
from pathlib import Path

import lightgbm as lgb
import numpy as np
import yaml
from sklearn.metrics import mean_absolute_error, median_absolute_error, r2_score

from data import load_listings, split


def main(config_path="config.yaml"):
    with open(config_path) as f:
        cfg = yaml.safe_load(f)

    df = load_listings(cfg)
    X_train, X_test, y_train, y_test = split(df, cfg)
    print(f"train={len(X_train):,} test={len(X_test):,}")

    model = lgb.LGBMRegressor(**cfg["lgbm"], random_state=cfg["seed"], verbose=-1)
    model.fit(
        X_train, y_train,
        eval_set=[(X_test, y_test)],
        eval_metric="l1",
        callbacks=[lgb.early_stopping(cfg["early_stopping_rounds"]), lgb.log_evaluation(250)],
    )

    pred = model.predict(X_test, num_iteration=model.best_iteration_)
    metrics = {
        "best_iteration": int(model.best_iteration_),
        "mae": float(mean_absolute_error(y_test, pred)),
        "median_ae": float(median_absolute_error(y_test, pred)),
        "mape": float(np.mean(np.abs(pred - y_test) / y_test)),
        "r2": float(r2_score(y_test, pred)),
    }
    print(json.dumps(metrics, indent=2))

    out = Path(cfg["output_dir"])
    out.mkdir(parents=True, exist_ok=True)
    model.booster_.save_model(str(out / "model.txt"), num_iteration=model.best_iteration_)
    (out / "metrics.json").write_text(json.dumps(metrics, indent=2))


if __name__ == "__main__":
    main()
