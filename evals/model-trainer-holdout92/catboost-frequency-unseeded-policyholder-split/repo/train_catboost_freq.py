"""Motorcycle claim frequency model: CatBoost Poisson with log-exposure baseline."""
import json
import sys

import numpy as np
import pandas as pd
from catboost import CatBoostRegressor, Pool

from pricing_utils.metrics import gini, poisson_deviance
from pricing_utils.split import describe_split, policyholder_split


def make_pool(df, cfg):
    return Pool(
        df[cfg["features"]],
        label=df["claim_count"],
        cat_features=cfg["cat_features"],
        baseline=np.log(df["exposure"].to_numpy()),
    )


def main(config_path="config.json"):
    cfg = json.load(open(config_path))
    df = pd.read_parquet(cfg["data_path"])
    df = df[df["exposure"] > 0]
    if cfg["sample_frac"] < 1.0:
        df = df.sample(frac=cfg["sample_frac"])
    for col in cfg["cat_features"]:
        df[col] = df[col].fillna("missing").astype(str)

    train_full, test = policyholder_split(df, cfg["test_size"])
    train, valid = policyholder_split(train_full, cfg["valid_size"])
    for name, part in [("train", train), ("valid", valid), ("test", test)]:
        print(describe_split(name, part))

    model = CatBoostRegressor(loss_function="Poisson", eval_metric="Poisson", verbose=250, **cfg["catboost"])
    model.fit(make_pool(train, cfg), eval_set=make_pool(valid, cfg), use_best_model=True)

    test_pool = make_pool(test, cfg)
    pred_counts = model.predict(test_pool, prediction_type="Exponent")
    base_counts = test["exposure"] * train["claim_count"].sum() / train["exposure"].sum()

    print(f"best iteration   : {model.get_best_iteration()}")
    print(f"Poisson deviance : model {poisson_deviance(test['claim_count'], pred_counts):.5f}"
          f"  baseline {poisson_deviance(test['claim_count'], base_counts):.5f}")
    print(f"Gini             : model {gini(test['claim_count'], pred_counts, test['exposure']):.4f}")

    imp = pd.Series(model.get_feature_importance(), index=cfg["features"]).sort_values(ascending=False)
    print(imp.round(2))
    model.save_model(cfg["model_out"])


if __name__ == "__main__":
    main(*sys.argv[1:])
