import json
import logging

import numpy as np
import xgboost as xgb
from sklearn.metrics import mean_absolute_error, mean_squared_error, r2_score

from coating.config import Settings
from coating.data import split
from coating.tune import run_study

logging.basicConfig(level=logging.INFO)


def main():
    cfg = Settings()
    (X_fit, y_fit), (X_val, y_val), (X_test, y_test) = split(cfg)
    dfit = xgb.DMatrix(X_fit, label=y_fit)
    dval = xgb.DMatrix(X_val, label=y_val)
    dtest = xgb.DMatrix(X_test, label=y_test)

    study = run_study(dfit, dval, cfg.seed, cfg.n_trials)
    best = study.best_trial
    params = {"objective": "reg:squarederror", "eval_metric": "rmse", "seed": cfg.seed, **best.params}
    booster = xgb.train(params, dfit, num_boost_round=best.user_attrs["best_iteration"] + 1)

    # single look at the test set
    pred = booster.predict(dtest)
    baseline = np.full(len(y_test), y_fit.mean())
    out = {
        "val_rmse": best.value,
        "test_rmse": float(mean_squared_error(y_test, pred) ** 0.5),
        "test_mae": float(mean_absolute_error(y_test, pred)),
        "test_r2": float(r2_score(y_test, pred)),
        "mean_baseline_rmse": float(mean_squared_error(y_test, baseline) ** 0.5),
    }
    print(json.dumps(out, indent=2))
    booster.save_model("coating_xgb.json")


if __name__ == "__main__":
    main()
