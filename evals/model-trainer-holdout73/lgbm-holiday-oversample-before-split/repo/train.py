import json
import tomllib
from pathlib import Path

import lightgbm as lgb
import numpy as np
import pandas as pd

from src.prep import add_features, augment_holidays, load_rossmann

FEATURES = [
    "Store", "StoreType", "Assortment", "Promo", "Promo2", "PromoInterval", "SchoolHoliday",
    "StateHoliday", "holiday_flag", "pre_holiday", "dow", "day", "month", "woy",
    "CompetitionDistance", "comp_open_months", "lag_7", "lag_14", "rmean_28",
]


def rmspe(y: np.ndarray, yhat: np.ndarray) -> float:
    return float(np.sqrt(np.mean(((y - yhat) / y) ** 2)))


def main() -> None:
    cfg = tomllib.loads(Path("config/train.toml").read_text())
    seed = cfg["seed"]

    df = add_features(load_rossmann(cfg["data"]["sales_path"], cfg["data"]["store_path"]))
    df = augment_holidays(df, cfg["augment"]["holiday_copies"], cfg["augment"]["jitter"], seed)

    end = df["Date"].max()
    test_start = end - pd.Timedelta(weeks=cfg["data"]["test_weeks"])
    valid_start = test_start - pd.Timedelta(weeks=cfg["data"]["valid_weeks"])
    train = df[df["Date"] <= valid_start]
    valid = df[(df["Date"] > valid_start) & (df["Date"] <= test_start)]
    test = df[df["Date"] > test_start]

    mcfg = dict(cfg["model"])
    rounds, patience = mcfg.pop("num_boost_round"), mcfg.pop("early_stopping")
    params = {**mcfg, "seed": seed, "verbose": -1}
    dtrain = lgb.Dataset(train[FEATURES], np.log1p(train["Sales"]))
    dvalid = lgb.Dataset(valid[FEATURES], np.log1p(valid["Sales"]), reference=dtrain)
    booster = lgb.train(params, dtrain, rounds, valid_sets=[dvalid],
                        callbacks=[lgb.early_stopping(patience), lgb.log_evaluation(250)])

    pred = np.expm1(booster.predict(test[FEATURES], num_iteration=booster.best_iteration))
    y = test["Sales"].to_numpy()
    hol = test["holiday_flag"].to_numpy() == 1
    report = {
        "rmspe": rmspe(y, pred),
        "mae": float(np.mean(np.abs(y - pred))),
        "rmspe_holiday": rmspe(y[hol], pred[hol]) if hol.any() else None,
        "naive_lag7_rmspe": rmspe(y, test["lag_7"].to_numpy()),
    }
    print(json.dumps(report, indent=2))
    Path("models").mkdir(exist_ok=True)
    booster.save_model("models/rossmann_lgbm.txt", num_iteration=booster.best_iteration)


if __name__ == "__main__":
    main()
