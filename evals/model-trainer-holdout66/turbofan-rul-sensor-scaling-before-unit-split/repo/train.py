"""Train a gradient boosted RUL regressor on FD001 engines."""
import json
from pathlib import Path

import joblib
import numpy as np
import yaml
from sklearn.dummy import DummyRegressor
from sklearn.metrics import mean_absolute_error, mean_squared_error
from sklearn.model_selection import GroupShuffleSplit
from xgboost import XGBRegressor

from rul.data import SENSOR_COLS, SETTING_COLS, add_rul_target, load_run_to_failure
from rul.features import add_rolling_features, feature_columns, normalize_sensors


def rmse(y_true, y_pred):
    return float(np.sqrt(mean_squared_error(y_true, y_pred)))


def main(config_path="config.yaml"):
    cfg = yaml.safe_load(Path(config_path).read_text())
    seed = cfg["split"]["seed"]
    np.random.seed(seed)

    frame = load_run_to_failure(cfg["data"]["train_file"])
    frame = add_rul_target(frame, cap=cfg["data"]["rul_cap"])
    sensors = [s for s in SENSOR_COLS if s not in cfg["data"]["drop_sensors"]]
    frame = frame.drop(columns=cfg["data"]["drop_sensors"])

    frame, scaler = normalize_sensors(frame, sensors + SETTING_COLS)
    frame = add_rolling_features(frame, sensors, cfg["features"]["rolling_windows"])
    features = feature_columns(frame)

    splitter = GroupShuffleSplit(n_splits=1, test_size=cfg["split"]["test_fraction"], random_state=seed)
    train_idx, test_idx = next(splitter.split(frame, groups=frame["unit"]))
    train, test = frame.iloc[train_idx], frame.iloc[test_idx]
    print(f"train units: {train['unit'].nunique()}  test units: {test['unit'].nunique()}")

    baseline = DummyRegressor(strategy="mean").fit(train[features], train["rul"])
    model = XGBRegressor(**cfg["model"], random_state=seed, n_jobs=-1)
    model.fit(train[features], train["rul"])

    results = {}
    for name, est in [("baseline_mean", baseline), ("xgb", model)]:
        pred = np.clip(est.predict(test[features]), 0, None)
        results[name] = {
            "rmse": rmse(test["rul"], pred),
            "mae": float(mean_absolute_error(test["rul"], pred)),
        }
        print(f"{name:>14}: RMSE {results[name]['rmse']:.2f}  MAE {results[name]['mae']:.2f}")

    out = Path(cfg["output_dir"])
    out.mkdir(parents=True, exist_ok=True)
    joblib.dump({"model": model, "scaler": scaler, "features": features}, out / "rul_xgb.joblib")
    (out / "metrics.json").write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
