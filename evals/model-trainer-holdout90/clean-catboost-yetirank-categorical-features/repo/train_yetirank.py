"""Marketplace listing ranker with CatBoost YetiRank.

Categorical columns (brand, seller, category path, query intent) are passed to CatBoost as
cat_features; CatBoost builds its ordered target statistics from the training pool only.
"""
import json
from pathlib import Path

import numpy as np
import pandas as pd
from catboost import CatBoostRanker, Pool
from sklearn.model_selection import GroupShuffleSplit

SEED = 73
DATA = Path("data/listing_judgments.parquet")
NUM_FEATURES = ["bm25_title", "bm25_desc", "embed_cos", "price_log", "price_vs_query_median",
                "seller_rating", "photos", "days_listed", "shipping_days", "fav_count_log"]
CAT_FEATURES = ["brand", "seller_id", "category_path", "query_intent"]
FEATURES = NUM_FEATURES + CAT_FEATURES


def prepare(df):
    df = df.copy()
    df["price_log"] = np.log1p(df["price"])
    df["fav_count_log"] = np.log1p(df["fav_count"])
    for col in CAT_FEATURES:
        df[col] = df[col].fillna("__missing__").astype(str)
    return df


def split(df, test_size):
    gss = GroupShuffleSplit(n_splits=1, test_size=test_size, random_state=SEED)
    a, b = next(gss.split(df, groups=df["query_id"]))
    return df.iloc[a], df.iloc[b]


def pool(df):
    df = df.sort_values("query_id", kind="stable")
    return Pool(df[FEATURES], label=df["grade"], group_id=df["query_id"],
                cat_features=CAT_FEATURES), df


def dcg(labels, k):
    labels = np.asarray(labels, dtype=float)[:k]
    return np.sum((2 ** labels - 1) / np.log2(np.arange(2, len(labels) + 2)))


def report(df, col, k_values=(5, 10)):
    res = {f"ndcg@{k}": [] for k in k_values}
    res["mrr"] = []
    for _, g in df.groupby("query_id"):
        ranked = g.sort_values(col, ascending=False)["grade"].to_numpy()
        ideal = np.sort(ranked)[::-1]
        for k in k_values:
            if dcg(ideal, k) > 0:
                res[f"ndcg@{k}"].append(dcg(ranked, k) / dcg(ideal, k))
        hit = np.flatnonzero(ranked >= 2)
        res["mrr"].append(1 / (hit[0] + 1) if len(hit) else 0.0)
    return {m: round(float(np.mean(v)), 4) for m, v in res.items()}


def main():
    df = prepare(pd.read_parquet(DATA))
    dev, test = split(df, 0.2)
    train, valid = split(dev, 0.15)
    train_pool, _ = pool(train)
    valid_pool, _ = pool(valid)
    test_pool, test_sorted = pool(test)

    model = CatBoostRanker(
        loss_function="YetiRank",
        eval_metric="NDCG:top=10",
        iterations=4000,
        learning_rate=0.04,
        depth=7,
        l2_leaf_reg=5,
        random_seed=SEED,
        od_type="Iter",
        od_wait=200,
        verbose=500,
    )
    model.fit(train_pool, eval_set=valid_pool, use_best_model=True)

    test_sorted = test_sorted.assign(catboost=model.predict(test_pool))
    results = {
        "best_iteration": model.get_best_iteration(),
        "bm25_title": report(test_sorted, "bm25_title"),
        "embed_cos": report(test_sorted, "embed_cos"),
        "yetirank": report(test_sorted, "catboost"),
    }
    print(json.dumps(results, indent=2))
    Path("artifacts").mkdir(exist_ok=True)
    model.save_model("artifacts/listing_yetirank.cbm")
    Path("artifacts/test_report.json").write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
