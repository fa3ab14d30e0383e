"""Train the pet-insurance claim-frequency booster (Poisson with log-exposure offset)."""
import argparse
import json
from pathlib import Path

import numpy as np
import xgboost as xgb
import yaml

from claimfreq.data import load_policies, split_by_household, to_dmatrix
from claimfreq.evaluate import frequency_report


def main(config_path: str):
    cfg = yaml.safe_load(open(config_path))
    np.random.seed(cfg["seed"])

    policies = load_policies(cfg)
    train_df, test_df = split_by_household(policies, cfg["data"]["holdout_fraction"], cfg["seed"])
    print(f"train policies={len(train_df):,}  test policies={len(test_df):,}")

    dtrain = to_dmatrix(train_df, cfg)
    dtest = to_dmatrix(test_df, cfg)

    params = dict(cfg["xgb"], seed=cfg["seed"], eval_metric="poisson-nloglik")
    booster = xgb.train(
        params,
        dtrain,
        num_boost_round=cfg["num_boost_round"],
        evals=[(dtrain, "train"), (dtest, "holdout")],
        early_stopping_rounds=cfg["early_stopping_rounds"],
        verbose_eval=200,
    )
    print(f"best iteration: {booster.best_iteration}")

    exposure = test_df[cfg["data"]["exposure"]].to_numpy()
    claims = test_df[cfg["data"]["target"]].to_numpy()
    pred = booster.predict(dtest, iteration_range=(0, booster.best_iteration + 1))

    portfolio_rate = train_df[cfg["data"]["target"]].sum() / train_df[cfg["data"]["exposure"]].sum()
    results = {
        "portfolio_rate": frequency_report(claims, portfolio_rate * exposure, exposure),
        "xgb_poisson": frequency_report(claims, pred, exposure),
    }
    print(json.dumps(results, indent=2))

    Path(cfg["output"]).parent.mkdir(parents=True, exist_ok=True)
    booster.save_model(cfg["output"])


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="conf/xgb_frequency.yaml")
    main(parser.parse_args().config)
