"""Learn a correction to carrier-published vessel ETAs (hours early/late at berth)."""
import json

import numpy as np
import pandas as pd
import xgboost as xgb
import yaml
from dotenv import load_dotenv
from sklearn.metrics import mean_absolute_error

from tracking import start_run


def main():
    load_dotenv()
    cfg = yaml.safe_load(open("config.yaml"))
    np.random.seed(cfg["seed"])
    run = start_run(cfg)

    calls = pd.read_parquet(cfg["data"]["path"])
    calls["eta_issued_at"] = pd.to_datetime(calls["eta_issued_at"])
    calls = calls.dropna(subset=[cfg["target"]])
    feats, tgt = cfg["features"], cfg["target"]

    d = cfg["data"]
    train = calls[calls["eta_issued_at"] < d["val_from"]]
    val = calls[(calls["eta_issued_at"] >= d["val_from"]) & (calls["eta_issued_at"] < d["test_from"])]
    test = calls[calls["eta_issued_at"] >= d["test_from"]]

    model = xgb.XGBRegressor(**cfg["xgb"], objective="reg:absoluteerror", random_state=cfg["seed"])
    model.fit(train[feats], train[tgt], eval_set=[(val[feats], val[tgt])], verbose=False)

    pred = model.predict(test[feats])
    metrics = {
        "best_iteration": int(model.best_iteration),
        "test_mae_h": float(mean_absolute_error(test[tgt], pred)),
        # baseline = trust the carrier ETA (error prediction of 0)
        "test_mae_h_carrier_eta": float(np.mean(np.abs(test[tgt]))),
        "test_within_6h": float(np.mean(np.abs(test[tgt] - pred) <= 6)),
    }
    print(json.dumps(metrics, indent=2))
    if run is not None:
        run.log(metrics)
        run.finish()
    model.save_model("vessel_eta_xgb.json")


if __name__ == "__main__":
    main()
