"""Train an MLP RUL regressor on FD001 and report held-out engine metrics."""
import argparse
import json

import numpy as np
import yaml
from sklearn.dummy import DummyRegressor
from sklearn.metrics import mean_absolute_error, mean_squared_error
from sklearn.model_selection import GroupShuffleSplit
from sklearn.neural_network import MLPRegressor

from rul.features import (
    SENSOR_COLS,
    add_rolling_features,
    add_rul_target,
    load_cmapss,
    nasa_score,
    scale_sensors,
)


def parse_args():
    p = argparse.ArgumentParser()
    p.add_argument("--config", default="config.yaml")
    p.add_argument("--out", default="artifacts/metrics_fd001.json")
    return p.parse_args()


def main():
    args = parse_args()
    with open(args.config) as fh:
        cfg = yaml.safe_load(fh)

    frame = load_cmapss(cfg["data"]["train_file"])
    frame = add_rul_target(frame, cap=cfg["data"]["rul_cap"])

    sensors = [s for s in SENSOR_COLS if s not in cfg["features"]["drop_sensors"]]
    frame, scaler = scale_sensors(frame, sensors)
    frame = add_rolling_features(frame, sensors, window=cfg["features"]["window"])

    feature_cols = [c for c in frame.columns if c not in ("unit", "cycle", "rul")]
    X = frame[feature_cols].to_numpy()
    y = frame["rul"].to_numpy()
    groups = frame["unit"].to_numpy()

    splitter = GroupShuffleSplit(
        n_splits=1, test_size=cfg["split"]["test_fraction"], random_state=cfg["split"]["seed"]
    )
    train_idx, test_idx = next(splitter.split(X, y, groups=groups))
    X_train, X_test = X[train_idx], X[test_idx]
    y_train, y_test = y[train_idx], y[test_idx]
    print(f"train engines: {len(np.unique(groups[train_idx]))}, "
          f"test engines: {len(np.unique(groups[test_idx]))}")

    baseline = DummyRegressor(strategy="mean").fit(X_train, y_train)
    model = MLPRegressor(
        hidden_layer_sizes=tuple(cfg["model"]["hidden_layers"]),
        alpha=cfg["model"]["alpha"],
        learning_rate_init=cfg["model"]["learning_rate"],
        max_iter=cfg["model"]["max_iter"],
        early_stopping=True,
        validation_fraction=0.1,
        random_state=cfg["split"]["seed"],
    )
    model.fit(X_train, y_train)

    results = {}
    for name, est in [("mean_baseline", baseline), ("mlp", model)]:
        pred = np.clip(est.predict(X_test), 0, cfg["data"]["rul_cap"])
        results[name] = {
            "rmse": float(np.sqrt(mean_squared_error(y_test, pred))),
            "mae": float(mean_absolute_error(y_test, pred)),
            "nasa_score": nasa_score(y_test, pred),
        }
        print(name, results[name])

    with open(args.out, "w") as fh:
        json.dump(results, fh, indent=2)


if __name__ == "__main__":
    main()
