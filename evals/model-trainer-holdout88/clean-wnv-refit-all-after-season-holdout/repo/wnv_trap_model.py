"""West Nile virus positivity of mosquito pools by trap and collection date.

Seasons up to 2016 train the model, 2017 is used for early stopping, 2018-2019 are the
hold-out seasons. The deployed model for the coming season is refit on every season.
"""
import json
from pathlib import Path

import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler
from sklearn.compose import ColumnTransformer

SEED = 101
WEATHER = ["tavg_7d", "tavg_14d", "tmax_7d", "precip_7d", "precip_14d", "dewpoint_7d"]
NUMERIC = WEATHER + ["lat", "lon", "week", "trap_prev_season_rate", "trap_prev_season_pools"]
CATEGORICAL = ["species"]


def add_prior_season_trap_rate(df: pd.DataFrame) -> pd.DataFrame:
    per_season = (
        df.groupby(["trap", "season"])["wnv_present"].agg(rate="mean", pools="size").reset_index()
        .sort_values(["trap", "season"])
    )
    per_season["trap_prev_season_rate"] = per_season.groupby("trap")["rate"].shift(1)
    per_season["trap_prev_season_pools"] = per_season.groupby("trap")["pools"].shift(1)
    cols = ["trap", "season", "trap_prev_season_rate", "trap_prev_season_pools"]
    return df.merge(per_season[cols], on=["trap", "season"], how="left")


def load() -> pd.DataFrame:
    pools = pd.read_csv("data/mosquito_pools_2008_2019.csv", parse_dates=["date"])
    weather = pd.read_csv("data/station_weather_rolling.csv", parse_dates=["date"])
    df = pools.merge(weather, on="date", how="left")
    df["season"] = df["date"].dt.year
    df["week"] = df["date"].dt.isocalendar().week.astype(int)
    df["species"] = df["species"].astype("category")
    return add_prior_season_trap_rate(df)


def scores(y, p):
    return {"roc_auc": roc_auc_score(y, p), "pr_auc": average_precision_score(y, p), "brier": brier_score_loss(y, p)}


def main():
    df = load()
    train = df[df["season"] <= 2016]
    valid = df[df["season"] == 2017]
    test = df[df["season"] >= 2018]
    print({k: (len(v), round(v["wnv_present"].mean(), 3)) for k, v in [("train", train), ("valid", valid), ("test", test)]})

    feats = NUMERIC + CATEGORICAL
    params = dict(
        objective="binary", learning_rate=0.03, num_leaves=31, min_child_samples=50,
        subsample=0.8, subsample_freq=1, colsample_bytree=0.8, random_state=SEED, verbose=-1,
    )
    model = lgb.LGBMClassifier(n_estimators=4000, **params)
    model.fit(
        train[feats], train["wnv_present"],
        eval_set=[(valid[feats], valid["wnv_present"])], eval_metric="average_precision",
        callbacks=[lgb.early_stopping(200, verbose=False)],
    )
    best_iter = model.best_iteration_

    logit = make_pipeline(
        ColumnTransformer([
            ("num", make_pipeline(StandardScaler()), WEATHER + ["week"]),
            ("cat", OneHotEncoder(handle_unknown="ignore"), CATEGORICAL),
        ]),
        LogisticRegression(max_iter=2000, class_weight="balanced"),
    ).fit(train[feats], train["wnv_present"])

    results = {
        "lightgbm": scores(test["wnv_present"], model.predict_proba(test[feats])[:, 1]),
        "logistic_baseline": scores(test["wnv_present"], logit.predict_proba(test[feats])[:, 1]),
    }
    print(pd.DataFrame(results).T.round(4))

    out = Path("models")
    out.mkdir(exist_ok=True)
    (out / "wnv_holdout_metrics.json").write_text(json.dumps(results, indent=2, default=float))

    production = lgb.LGBMClassifier(n_estimators=best_iter, **params)
    production.fit(df[feats], df["wnv_present"])
    production.booster_.save_model(str(out / "wnv_lgbm_all_seasons.txt"))
    print(f"production model refit on seasons {df['season'].min()}-{df['season'].max()} with {best_iter} trees")


if __name__ == "__main__":
    main()
