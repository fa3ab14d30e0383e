"""Tweedie pure-premium model for the 2024 commercial-van renewal cycle.

One row per policy per policy year (2016-2023). Features include the prior-year claim history,
so the panel is built with a groupby/shift over each policy's history.
"""
import json
from pathlib import Path

import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import mean_tweedie_deviance
from sklearn.model_selection import train_test_split

DATA = Path("data/van_policy_years.parquet")
OUT = Path("artifacts/pure_premium")
SEED = 2024
TWEEDIE_POWER = 1.5

CAT_COLS = ["territory", "vehicle_class", "use_type", "fleet_band"]
NUM_COLS = [
    "driver_age", "vehicle_age", "annual_mileage", "sum_insured",
    "prior_claims_1y", "prior_incurred_1y", "prior_claims_3y", "tenure_years",
]


def build_panel(path: Path) -> pd.DataFrame:
    df = pd.read_parquet(path).sort_values(["policy_id", "policy_year"])
    df["pure_premium"] = df["incurred_loss"] / df["earned_exposure"]
    grp = df.groupby("policy_id")
    df["prior_claims_1y"] = grp["claim_count"].shift(1).fillna(0)
    df["prior_incurred_1y"] = grp["incurred_loss"].shift(1).fillna(0)
    df["prior_claims_3y"] = (
        grp["claim_count"].transform(lambda s: s.shift(1).rolling(3, min_periods=1).sum()).fillna(0)
    )
    df["tenure_years"] = grp.cumcount()
    for col in CAT_COLS:
        df[col] = df[col].astype("category")
    return df[df["earned_exposure"] > 0.05].reset_index(drop=True)


def weighted_gini(actual, pred, weight):
    order = np.argsort(-pred)
    a, w = actual[order] * weight[order], weight[order]
    cum_a = np.cumsum(a) / a.sum()
    cum_w = np.cumsum(w) / w.sum()
    return float(np.sum(cum_a[1:] * cum_w[:-1] - cum_a[:-1] * cum_w[1:]))


def main():
    panel = build_panel(DATA)
    print(panel.groupby("policy_year")["earned_exposure"].sum().round(0))

    train, test = train_test_split(panel, test_size=0.2, random_state=SEED)
    train, valid = train_test_split(train, test_size=0.15, random_state=SEED)

    features = CAT_COLS + NUM_COLS
    dtrain = lgb.Dataset(train[features], train["pure_premium"], weight=train["earned_exposure"])
    dvalid = lgb.Dataset(valid[features], valid["pure_premium"], weight=valid["earned_exposure"], reference=dtrain)

    params = {
        "objective": "tweedie",
        "tweedie_variance_power": TWEEDIE_POWER,
        "learning_rate": 0.02,
        "num_leaves": 48,
        "min_data_in_leaf": 200,
        "lambda_l2": 5.0,
        "feature_fraction": 0.8,
        "seed": SEED,
        "verbose": -1,
    }
    booster = lgb.train(
        params, dtrain, num_boost_round=5000, valid_sets=[dvalid],
        callbacks=[lgb.early_stopping(150), lgb.log_evaluation(250)],
    )

    y_test = test["pure_premium"].to_numpy()
    w_test = test["earned_exposure"].to_numpy()
    pred = booster.predict(test[features], num_iteration=booster.best_iteration)
    flat = np.full_like(pred, np.average(train["pure_premium"], weights=train["earned_exposure"]))

    report = {}
    for name, p in [("flat_rate", flat), ("lgbm_tweedie", pred)]:
        report[name] = {
            "tweedie_deviance": float(mean_tweedie_deviance(y_test, p, sample_weight=w_test, power=TWEEDIE_POWER)),
            "gini": weighted_gini(y_test, p, w_test),
            "loss_ratio_pred_over_actual": float((p * w_test).sum() / (y_test * w_test).sum()),
        }
    print(json.dumps(report, indent=2))

    OUT.mkdir(parents=True, exist_ok=True)
    booster.save_model(str(OUT / "tweedie_pp.txt"), num_iteration=booster.best_iteration)
    (OUT / "metrics.json").write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
