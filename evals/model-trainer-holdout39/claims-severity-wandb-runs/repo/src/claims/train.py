import argparse
import json
from pathlib import Path

import numpy as np
import xgboost as xgb
import yaml
from sklearn.dummy import DummyRegressor
from sklearn.metrics import mean_absolute_error, mean_squared_error, mean_tweedie_deviance

from .data import load_claims, split
from .tracking import Tracker


def regression_report(y, pred) -> dict:
    return {
        "mae": float(mean_absolute_error(y, pred)),
        "rmse": float(np.sqrt(mean_squared_error(y, pred))),
        "tweedie_dev": float(mean_tweedie_deviance(y, np.clip(pred, 1e-6, None), power=1.5)),
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="configs/xgb_tweedie.yaml")
    ap.add_argument("--no-wandb", action="store_true")
    args = ap.parse_args()
    cfg = yaml.safe_load(open(args.config))
    seed = cfg["seed"]
    np.random.seed(seed)

    df = load_claims(cfg)
    feats = cfg["features"]["numeric"] + cfg["features"]["categorical"]
    target = cfg["data"]["target"]
    train, valid, test = split(df, cfg, seed)

    tracker = Tracker(cfg, enabled=not args.no_wandb)
    model = xgb.XGBRegressor(**cfg["xgb"], enable_categorical=True, tree_method="hist", random_state=seed)
    model.fit(train[feats], train[target], eval_set=[(valid[feats], valid[target])], verbose=200)
    for i, dev in enumerate(model.evals_result()["validation_0"]["tweedie-nloglik@1.5"]):
        tracker.log({"valid/tweedie_nloglik": dev}, step=i)

    baseline = DummyRegressor(strategy="mean").fit(train[feats], train[target])
    results = {
        "best_iteration": int(model.best_iteration),
        "test_xgb": regression_report(test[target], model.predict(test[feats])),
        "test_mean_baseline": regression_report(test[target], baseline.predict(test[feats])),
    }
    tracker.summary({"test/mae": results["test_xgb"]["mae"], "test/rmse": results["test_xgb"]["rmse"]})
    tracker.finish()

    out = Path("artifacts") / cfg["run_name"]
    out.mkdir(parents=True, exist_ok=True)
    model.save_model(out / "model.json")
    (out / "results.json").write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
