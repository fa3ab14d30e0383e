"""Hotel search result re-ranking with XGBRanker (rank:ndcg).

Each search session is a query; label 2 = booked, 1 = clicked, 0 = impression only.
Sessions without any click are downsampled because they carry no ranking signal.
"""
import json

import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.metrics import ndcg_score
from sklearn.model_selection import GroupShuffleSplit

DATA = "data/hotel_search_sessions.parquet"
FEATURES = [
    "price_usd_log", "price_rank_in_session", "star_rating", "review_score", "review_count_log",
    "location_score_1", "location_score_2", "distance_km_log", "is_brand", "promotion_flag",
    "hist_ctr_property", "hist_booking_rate_property", "price_diff_vs_user_hist", "length_of_stay",
    "booking_window_days", "n_adults", "n_children",
]


def prepare(df):
    df["label"] = np.where(df["booked"] == 1, 2, np.where(df["clicked"] == 1, 1, 0))
    has_click = df.groupby("srch_id")["label"].transform("max") > 0
    no_click_ids = df.loc[~has_click, "srch_id"].drop_duplicates()
    keep_ids = no_click_ids.sample(frac=0.1)
    df = df[has_click | df["srch_id"].isin(keep_ids)]
    return df.sort_values(["srch_id", "position"]).reset_index(drop=True)


def split(df, test_size):
    gss = GroupShuffleSplit(n_splits=1, test_size=test_size)
    a, b = next(gss.split(df, groups=df["srch_id"]))
    return df.iloc[a].reset_index(drop=True), df.iloc[b].reset_index(drop=True)


def session_metrics(df, score_col, k=5):
    ndcgs, rrs = [], []
    for _, g in df.groupby("srch_id", sort=False):
        if g["label"].max() == 0 or len(g) < 2:
            continue
        ndcgs.append(ndcg_score([g["label"].to_numpy()], [g[score_col].to_numpy()], k=k))
        order = g.sort_values(score_col, ascending=False)["label"].to_numpy()
        rrs.append(1.0 / (np.argmax(order > 0) + 1))
    return {f"ndcg@{k}": float(np.mean(ndcgs)), "mrr": float(np.mean(rrs))}


def main():
    df = prepare(pd.read_parquet(DATA))
    train_all, test = split(df, test_size=0.2)
    train, valid = split(train_all, test_size=0.1)
    print(f"sessions train={train.srch_id.nunique()} valid={valid.srch_id.nunique()} test={test.srch_id.nunique()}")

    ranker = xgb.XGBRanker(
        objective="rank:ndcg",
        n_estimators=2000,
        learning_rate=0.05,
        max_depth=7,
        min_child_weight=10,
        subsample=0.8,
        colsample_bytree=0.7,
        tree_method="hist",
        lambdarank_pair_method="topk",
        lambdarank_num_pair_per_sample=8,
        eval_metric="ndcg@5",
        early_stopping_rounds=100,
    )
    ranker.fit(
        train[FEATURES], train["label"], qid=train["srch_id"],
        eval_set=[(valid[FEATURES], valid["label"])], eval_qid=[valid["srch_id"]],
        verbose=100,
    )

    test["model_score"] = ranker.predict(test[FEATURES])
    test["shown_order"] = -test["position"]
    test["cheapest_first"] = -test["price_usd_log"]
    report = {name: session_metrics(test, name) for name in ["model_score", "shown_order", "cheapest_first"]}
    report["best_iteration"] = int(ranker.best_iteration)
    print(json.dumps(report, indent=2))
    ranker.save_model("artifacts/hotel_ranker.json")


if __name__ == "__main__":
    main()
