"""Forecast discharge capacity `horizon` cycles ahead with a strictly chronological evaluation.

Training rows whose target cycle falls after the test cutoff are dropped.
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

from fade.features import add_history_features, add_target, feature_columns


def scores(y_true, y_pred):
    return {
        "mae_Ah": float(mean_absolute_error(y_true, y_pred)),
        "rmse_Ah": float(np.sqrt(mean_squared_error(y_true, y_pred))),
        "mape": float(mean_absolute_percentage_error(y_true, y_pred)),
    }


def main(config_path="config.toml"):
    cfg = tomli.loads(Path(config_path).read_text())
    h = cfg["data"]["horizon"]
    seed = cfg["split"]["seed"]
    np.random.seed(seed)

    raw = pd.read_csv(cfg["data"]["cycles_csv"], parse_dates=["timestamp"])
    df = add_history_features(raw, cfg["data"]["lags"], cfg["data"]["rolling_windows"])
    df = add_target(df, h).dropna().sort_values("timestamp").reset_index(drop=True)
    cols = feature_columns(df)

    cutoff = pd.Timestamp(cfg["split"]["test_from"])
    train_rows = df[df["target_time"] < cutoff]
    test_rows = df[df["timestamp"] >= cutoff]
    print(f"train {len(train_rows)} rows (targets before {cutoff.date()}), test {len(test_rows)} rows")

    fit_rows, val_rows = train_test_split(train_rows, test_size=cfg["split"]["valid_fraction"], shuffle=False)

    params = dict(cfg["model"])
    patience = params.pop("early_stopping_rounds")
    model = lgb.LGBMRegressor(objective="l1", random_state=seed, verbose=-1, **params)
    model.fit(
        fit_rows[cols], fit_rows["target"],
        eval_set=[(val_rows[cols], val_rows["target"])],
        callbacks=[lgb.early_stopping(patience, verbose=False)],
    )

    y_test = test_rows["target"].to_numpy()
    persistence = test_rows["discharge_capacity_Ah"].to_numpy()
    linear_extrap = persistence - h * test_rows["fade_per_cycle_50"].to_numpy()
    report = {
        "horizon_cycles": h,
        "best_iteration": int(model.best_iteration_),
        "lgbm": scores(y_test, model.predict(test_rows[cols])),
        "persistence": scores(y_test, persistence),
        "linear_fade_extrapolation": scores(y_test, linear_extrap),
    }
    print(json.dumps(report, indent=2))

    out = Path("models")
    out.mkdir(exist_ok=True)
    model.booster_.save_model(str(out / f"lgbm_capacity_h{h}.txt"))
    (out / f"report_h{h}.json").write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    main(*sys.argv[1:])
