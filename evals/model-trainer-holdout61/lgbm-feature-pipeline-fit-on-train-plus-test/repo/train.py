"""Train the hotel-search LambdaMART ranker (Jan-Apr train, May test)."""
import tomllib

import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import ndcg_score

from hotelrank.pipeline import fit_feature_pipeline, transform


def load(path):
    df = pd.read_parquet(path)
    df["search_ts"] = pd.to_datetime(df["search_ts"])
    df["grade"] = np.select([df["booking_bool"] == 1, df["click_bool"] == 1], [5, 1], default=0)
    return df.sort_values(["search_ts", "srch_id"]).reset_index(drop=True)


def sizes(df):
    return df.groupby("srch_id", sort=False).size().to_numpy()


def mean_ndcg(df, scores, k):
    tmp = df[["srch_id", "grade"]].assign(s=scores)
    vals = [ndcg_score([g["grade"]], [g["s"]], k=k) for _, g in tmp.groupby("srch_id") if g["grade"].max() > 0 and len(g) > 1]
    return float(np.mean(vals))


def main():
    with open("settings.toml", "rb") as fh:
        cfg = tomllib.load(fh)

    train_df = load(cfg["train_path"])
    test_df = load(cfg["test_path"])

    valid_start = train_df["search_ts"].max() - pd.Timedelta(days=cfg["valid_days"])
    fit_df = train_df[train_df["search_ts"] < valid_start]
    valid_df = train_df[train_df["search_ts"] >= valid_start]

    pipe = fit_feature_pipeline([train_df, test_df])
    X_fit, X_valid, X_test = (transform(pipe, d) for d in (fit_df, valid_df, test_df))

    ranker = lgb.LGBMRanker(random_state=cfg["seed"], **cfg["lgbm"])
    ranker.fit(
        X_fit, fit_df["grade"], group=sizes(fit_df),
        eval_set=[(X_valid, valid_df["grade"])], eval_group=[sizes(valid_df)],
        eval_at=cfg["eval_at"], callbacks=[lgb.early_stopping(100), lgb.log_evaluation(200)],
    )

    test_scores = ranker.predict(X_test, num_iteration=ranker.best_iteration_)
    price_baseline = -test_df["price_usd"].fillna(test_df["price_usd"].max()).to_numpy()
    for k in cfg["eval_at"]:
        print(f"NDCG@{k}: ranker={mean_ndcg(test_df, test_scores, k):.4f} "
              f"cheapest-first={mean_ndcg(test_df, price_baseline, k):.4f}")


if __name__ == "__main__":
    main()
