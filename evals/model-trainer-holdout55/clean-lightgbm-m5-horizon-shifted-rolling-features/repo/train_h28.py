"""Train the 28-day-ahead LightGBM model and compare with seasonal baselines on the last 28 days."""
import json
from pathlib import Path

import lightgbm as lgb
import numpy as np
import pandas as pd
import yaml

from m5feat import HORIZON, KEYS, build


def scores(y, p, name):
    err = p - y
    return {"model": name, "mae": float(np.abs(err).mean()), "rmse": float(np.sqrt((err ** 2).mean())),
            "wape": float(np.abs(err).sum() / y.sum())}


def main() -> None:
    cfg = yaml.safe_load(Path("params.yaml").read_text())
    sales = pd.read_parquet(cfg["data"])
    sales["date"] = pd.to_datetime(sales["date"])
    df = build(sales).dropna(subset=["rmean_56"])
    for k in KEYS + ["dept_id", "cat_id"]:
        df[k] = df[k].astype("category")

    last_day = df["date"].max()
    test_start = last_day - pd.Timedelta(days=HORIZON - 1)
    valid_start = test_start - pd.Timedelta(days=HORIZON)
    train = df[df["date"] < valid_start]
    valid = df[(df["date"] >= valid_start) & (df["date"] < test_start)]
    test = df[df["date"] >= test_start]

    features = [c for c in df.columns if c not in ("date", "sales", "id", "snap_flag")]
    params = dict(cfg["lgbm"], seed=cfg["seed"], deterministic=True, verbose=-1)
    model = lgb.train(
        params,
        lgb.Dataset(train[features], train["sales"]),
        num_boost_round=cfg["max_rounds"],
        valid_sets=[lgb.Dataset(valid[features], valid["sales"])],
        callbacks=[lgb.early_stopping(cfg["early_stopping"]), lgb.log_evaluation(100)],
    )

    y = test["sales"].to_numpy(dtype=float)
    rows = [
        scores(y, model.predict(test[features], num_iteration=model.best_iteration), "lightgbm"),
        scores(y, test["lag_28"].to_numpy(dtype=float), "naive_lag28"),
        scores(y, test["rmean_28"].to_numpy(dtype=float), "moving_avg_28"),
    ]
    table = pd.DataFrame(rows).set_index("model")
    print(table.round(4))
    Path(cfg["out_dir"]).mkdir(parents=True, exist_ok=True)
    model.save_model(str(Path(cfg["out_dir"]) / "lgbm_h28.txt"))
    Path(cfg["out_dir"], "test_scores.json").write_text(json.dumps(rows, indent=2))


if __name__ == "__main__":
    main()
