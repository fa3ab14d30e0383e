"""Map 1991-2020 monthly precipitation normals to ungauged sites.

Every row is one station x calendar month. Stations, not rows, are the unit of generalisation,
so both the held-out test set and the cross-validation folds are formed by station.
"""
import json
from pathlib import Path

import joblib
import numpy as np
import pandas as pd
import yaml
from sklearn.base import clone
from sklearn.metrics import mean_absolute_error, mean_squared_error, r2_score
from sklearn.model_selection import GroupKFold, GroupShuffleSplit, cross_validate

from normals.models import candidate_models


def load(cfg):
    df = pd.read_csv(cfg["table"])
    df["month_sin"] = np.sin(2 * np.pi * df["month"] / 12)
    df["month_cos"] = np.cos(2 * np.pi * df["month"] / 12)
    return df.dropna(subset=[cfg["target"]])


def main():
    cfg = yaml.safe_load(open("config.yaml"))
    np.random.seed(cfg["seed"])
    df = load(cfg)
    feats, target, groups = cfg["features"], cfg["target"], df[cfg["group"]]

    gss = GroupShuffleSplit(n_splits=1, test_size=cfg["test_station_fraction"], random_state=cfg["seed"])
    train_idx, test_idx = next(gss.split(df, groups=groups))
    train, test = df.iloc[train_idx], df.iloc[test_idx]
    assert set(train[cfg["group"]]).isdisjoint(test[cfg["group"]])

    cv = GroupKFold(n_splits=cfg["cv_folds"])
    scoring = {"mae": "neg_mean_absolute_error", "rmse": "neg_root_mean_squared_error", "r2": "r2"}
    cv_results = {}
    for name, model in candidate_models(feats, cfg["seed"]).items():
        res = cross_validate(model, train[feats], train[target], groups=train[cfg["group"]],
                             cv=cv, scoring=scoring, n_jobs=-1)
        cv_results[name] = {k: float(np.mean(res[f"test_{k}"])) * (1 if k == "r2" else -1) for k in scoring}
        print(f"{name:18s} cv mae={cv_results[name]['mae']:.2f} rmse={cv_results[name]['rmse']:.2f} "
              f"r2={cv_results[name]['r2']:.3f}")

    best_name = min((n for n in cv_results if n != "train_mean"), key=lambda n: cv_results[n]["rmse"])
    print("selected by grouped CV:", best_name)

    Path("models").mkdir(exist_ok=True)
    test_scores = {}
    for name in ("train_mean", "nearest_stations", best_name):
        model = clone(candidate_models(feats, cfg["seed"])[name]).fit(train[feats], train[target])
        pred = model.predict(test[feats])
        test_scores[name] = {
            "mae": mean_absolute_error(test[target], pred),
            "rmse": mean_squared_error(test[target], pred) ** 0.5,
            "r2": r2_score(test[target], pred),
        }
        if name == best_name:
            joblib.dump(model, Path("models") / f"normals_{name}.joblib")
    print(json.dumps(test_scores, indent=2))
    Path("reports").mkdir(exist_ok=True)
    Path("reports/normals_scores.json").write_text(json.dumps({"cv": cv_results, "test": test_scores}, indent=2))


if __name__ == "__main__":
    main()
