import argparse

import numpy as np
import pandas as pd
import yaml
from catboost import CatBoostRegressor, Pool
from sklearn.metrics import mean_absolute_error, r2_score

from tracking import Tracker


def pool(df, cfg):
    f = cfg["features"]
    return Pool(df[f["numeric"] + f["categorical"]], label=df[cfg["data"]["target"]],
                cat_features=f["categorical"])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="config.yaml")
    ap.add_argument("--run-name", default="catboost-tch")
    args = ap.parse_args()
    cfg = yaml.safe_load(open(args.config))
    d = cfg["data"]

    df = pd.read_csv(d["path"])
    df = df[df[d["target"]].between(20, 250)]
    for c in cfg["features"]["categorical"]:
        df[c] = df[c].fillna("missing").astype(str)

    s = d["season_col"]
    train = df[df[s] < d["val_season"]]
    val = df[df[s] == d["val_season"]]
    test = df[df[s] == d["test_season"]]

    tracker = Tracker(cfg, args.run_name)
    model = CatBoostRegressor(**cfg["catboost"], random_seed=cfg["seed"], verbose=500)
    model.fit(pool(train, cfg), eval_set=pool(val, cfg), use_best_model=True)

    y_te = test[d["target"]].values
    pred = model.predict(pool(test, cfg))
    naive = test["prev_season_tch"].fillna(train[d["target"]].median()).values
    tracker.log({
        "best_iteration": model.get_best_iteration(),
        "val_rmse": model.get_best_score()["validation"]["RMSE"],
        "test_mae_tch": mean_absolute_error(y_te, pred),
        "test_rmse_tch": float(np.sqrt(np.mean((y_te - pred) ** 2))),
        "test_r2": r2_score(y_te, pred),
        "test_mae_prev_season": mean_absolute_error(y_te, naive),
    })
    model.save_model("cane_tch_catboost.cbm")
    tracker.finish()


if __name__ == "__main__":
    main()
