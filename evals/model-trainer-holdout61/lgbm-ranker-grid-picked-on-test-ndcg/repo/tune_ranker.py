"""Hyperparameter sweep for the recipe-search LambdaMART model."""
import json
import time

import joblib
import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import ndcg_score
from sklearn.model_selection import GroupShuffleSplit, ParameterGrid

SEED = 99
FEATURES = [
    "bm25_title", "bm25_ingredients", "bm25_steps", "embedding_cosine",
    "rating_mean", "rating_count_log", "prep_minutes", "is_vegetarian_match",
    "cuisine_match", "recency_days",
]


def groups_of(df):
    return df.groupby("qid", sort=False).size().to_numpy()


def ndcg_per_query(df, scores, k=10):
    df = df.assign(_score=scores)
    vals = [
        ndcg_score([g["grade"].to_numpy()], [g["_score"].to_numpy()], k=k)
        for _, g in df.groupby("qid")
        if len(g) > 1 and g["grade"].max() > 0
    ]
    return float(np.mean(vals))


def main():
    data = pd.read_csv("data/recipe_judgments.csv")
    splitter = GroupShuffleSplit(n_splits=1, test_size=0.25, random_state=SEED)
    tr_idx, te_idx = next(splitter.split(data, groups=data["qid"]))
    train = data.iloc[tr_idx].sort_values("qid")
    test = data.iloc[te_idx].sort_values("qid")

    baseline = ndcg_per_query(test, test["bm25_title"] + test["bm25_ingredients"])
    print(f"BM25 baseline NDCG@10 = {baseline:.4f}")

    with open("search_space.json") as fh:
        grid = ParameterGrid(json.load(fh))

    results, best_score, best_model = [], -np.inf, None
    for i, params in enumerate(grid):
        t0 = time.time()
        model = lgb.LGBMRanker(objective="lambdarank", random_state=SEED, verbose=-1, **params)
        model.fit(train[FEATURES], train["grade"], group=groups_of(train))
        score = ndcg_per_query(test, model.predict(test[FEATURES]))
        score5 = ndcg_per_query(test, model.predict(test[FEATURES]), k=5)
        results.append({**params, "ndcg@10": score, "ndcg@5": score5, "secs": time.time() - t0})
        if score > best_score:
            best_score, best_model = score, model
        print(f"[{i + 1}/{len(grid)}] {params} ndcg@10={score:.4f}")

    pd.DataFrame(results).sort_values("ndcg@10", ascending=False).to_csv("sweep_results.csv", index=False)
    print(f"best NDCG@10 = {best_score:.4f} (BM25 {baseline:.4f})")
    print("best params:", best_model.get_params())
    joblib.dump(best_model, "models/recipe_ranker.joblib")


if __name__ == "__main__":
    main()
