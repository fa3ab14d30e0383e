"""Forecast discharge capacity `horizon` cycles ahead for the chamber-3 NMC811 cells.

The model is used to flag cells that will cross 80% SOH within the next horizon cycles
while the test campaign keeps running.
"""
import json
import sys
from pathlib import Path

import lightgbm as lgb
import numpy as np
import pandas as pd
import tomli
from sklearn.metrics import mean_absolute_error, mean_absolute_percentage_error, mean_squared_error
from sklearn.model_selection import train_test_split

from fade.features import add_history_features, add_target, feature_names


def main(config_path="config.toml"):
    with open(config_path, "rb") as fh:
        cfg = tomli.load(fh)
    horizon = cfg["data"]["horizon"]
    target = f"capacity_t+{horizon}"

    raw = pd.read_csv(cfg["data"]["cycles_csv"], parse_dates=["timestamp"])
    df = add_history_features(raw, cfg["data"]["lags"], cfg["data"]["rolling_windows"])
    df = add_target(df, horizon).dropna().reset_index(drop=True)
    cols = feature_names(df, horizon)
    print(f"{len(df)} rows from {df['cell_id'].nunique()} cells, {len(cols)} features")

    X, y = df[cols], df[target]
    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=cfg["split"]["test_size"], random_state=cfg["split"]["seed"]
    )
    X_tr, X_val, y_tr, y_val = train_test_split(
        X_train, y_train, test_size=0.15, random_state=cfg["split"]["seed"]
    )

    mcfg = dict(cfg["model"])
    stop_rounds = mcfg.pop("early_stopping_rounds")
    model = lgb.LGBMRegressor(objective="l1", random_state=cfg["split"]["seed"], **mcfg)
    model.fit(
        X_tr, y_tr,
        eval_set=[(X_val, y_val)],
        callbacks=[lgb.early_stopping(stop_rounds, verbose=False)],
    )

    pred = model.predict(X_test)
    persistence = X_test["discharge_capacity_Ah"].to_numpy()
    results = {}
    for name, p in {"lgbm": pred, "persistence": persistence}.items():
        results[name] = {
            "mae_Ah": float(mean_absolute_error(y_test, p)),
            "rmse_Ah": float(np.sqrt(mean_squared_error(y_test, p))),
            "mape": float(mean_absolute_percentage_error(y_test, p)),
        }
    print(json.dumps(results, indent=2))

    out = Path("models")
    out.mkdir(exist_ok=True)
    model.booster_.save_model(str(out / f"lgbm_capacity_h{horizon}.txt"))
    (out / f"metrics_h{horizon}.json").write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main(*sys.argv[1:])
