"""Next-wave emotional exhaustion forecast for the teacher panel (annual waves 2018-2023).

Row = teacher x wave t; features are known at wave t, target is exhaustion at wave t+1.
Model selection: train on pairs starting <= 2020, validate on 2021 -> 2022.
Final: refit on pairs starting <= 2021, test once on 2022 -> 2023.
"""
import itertools
import json

import numpy as np
import pandas as pd
from sklearn.ensemble import GradientBoostingRegressor
from sklearn.metrics import mean_absolute_error

SEED = 13
EXH = [f"ee{i}" for i in range(1, 10)]                       # MBI-ES EE items, 0-6
DEMANDS = ["workload", "pupil_behaviour", "admin_load", "time_pressure"]
RESOURCES = ["colleague_support", "principal_support", "autonomy"]
STATIC = ["age", "female", "years_teaching", "secondary_school", "part_time"]


def build_pairs(path):
    df = pd.read_csv(path)
    df["exhaustion"] = df[EXH].sum(axis=1, min_count=7)
    df = df.sort_values(["teacher_id", "wave"]).reset_index(drop=True)
    g = df.groupby("teacher_id")

    # history features
    df["exh_lag1"] = g["exhaustion"].shift(1)
    df["exh_change"] = df["exhaustion"] - df["exh_lag1"]
    df["exh_past_mean"] = g["exhaustion"].transform(lambda s: s.shift(1).expanding().mean())
    df["n_prev_waves"] = g.cumcount()

    # target: same teacher, following wave
    df["target_wave"] = g["wave"].shift(-1)
    df["exh_next"] = g["exhaustion"].shift(-1)
    df = df[(df["target_wave"] == df["wave"] + 1) & df["exh_next"].notna()]
    return df


FEATURES = (
    ["exhaustion", "exh_lag1", "exh_change", "exh_past_mean", "n_prev_waves"]
    + DEMANDS + RESOURCES + STATIC
)


def fit(params, frame):
    model = GradientBoostingRegressor(
        n_estimators=params["n_estimators"], learning_rate=params["learning_rate"],
        max_depth=params["max_depth"], subsample=0.8, random_state=SEED,
    )
    # sklearn's GBR does not accept NaN: first-wave rows have no history yet
    return model.fit(frame[FEATURES].fillna(-1), frame["exh_next"])


def main(path="data/teacher_panel_2018_2023.csv"):
    pairs = build_pairs(path)
    train = pairs[pairs["wave"] <= 2020]
    val = pairs[pairs["wave"] == 2021]
    test = pairs[pairs["wave"] == 2022]
    print({k: len(v) for k, v in {"train": train, "val": val, "test": test}.items()})

    grid = {"n_estimators": [200, 400], "learning_rate": [0.03, 0.1], "max_depth": [2, 3]}
    results = []
    for values in itertools.product(*grid.values()):
        params = dict(zip(grid.keys(), values))
        model = fit(params, train)
        mae = mean_absolute_error(val["exh_next"], model.predict(val[FEATURES].fillna(-1)))
        results.append((mae, params))
    best_mae, best_params = min(results, key=lambda r: r[0])
    print("best on 2021->2022:", best_params, round(best_mae, 3))

    final = fit(best_params, pairs[pairs["wave"] <= 2021])
    pred = final.predict(test[FEATURES].fillna(-1))
    report = {
        "test_mae_2022_2023": mean_absolute_error(test["exh_next"], pred),
        "carry_forward_mae": mean_absolute_error(test["exh_next"], test["exhaustion"]),
        "params": best_params,
    }
    print(json.dumps(report, indent=2, default=float))


if __name__ == "__main__":
    main()
