"""Recipe search ranker: CatBoost YetiRank over judged (query, recipe) lists."""
import json

import numpy as np
import pandas as pd
import yaml
from catboost import CatBoostRanker, Pool
from sklearn.metrics import ndcg_score
from sklearn.model_selection import GroupShuffleSplit

from ranking.augment import augment_queries, lexical_features

FEATURES = ["bm25_title", "bm25_ingredients", "title_overlap", "ingredient_overlap", "query_len",
            "rating", "n_ratings_log", "cook_minutes", "is_vegetarian", "query_diet_match"]


def ndcg_at(df, score_col, k):
    vals = [ndcg_score([g["label"].to_numpy()], [g[score_col].to_numpy()], k=k)
            for _, g in df.groupby("qid") if len(g) > 1 and g["label"].max() > 0]
    return float(np.mean(vals))


def to_pool(df):
    df = df.sort_values("qid", kind="stable")
    return Pool(df[FEATURES], label=df["label"], group_id=df["qid"]), df


def main():
    cfg = yaml.safe_load(open("config.yaml"))
    synonyms = yaml.safe_load(open(cfg["synonyms"]))
    df = pd.read_parquet(cfg["data"])
    df["qid"] = df["qid"].astype(str)
    df["n_ratings_log"] = np.log1p(df["n_ratings"])
    df = lexical_features(df)
    print("judged queries:", df["qid"].nunique())

    df = augment_queries(df, synonyms, seed=cfg["seed"], **cfg["augment"])
    print("queries after augmentation:", df["qid"].nunique())

    outer = GroupShuffleSplit(n_splits=1, test_size=cfg["test_size"], random_state=cfg["seed"])
    tr, te = next(outer.split(df, groups=df["qid"]))
    train, test = df.iloc[tr], df.iloc[te]
    inner = GroupShuffleSplit(n_splits=1, test_size=cfg["valid_size"], random_state=cfg["seed"])
    fit, val = next(inner.split(train, groups=train["qid"]))

    fit_pool, _ = to_pool(train.iloc[fit])
    val_pool, _ = to_pool(train.iloc[val])
    test_pool, test_sorted = to_pool(test)

    model = CatBoostRanker(**cfg["catboost"], eval_metric="NDCG:top=10",
                           random_seed=cfg["seed"], verbose=250)
    model.fit(fit_pool, eval_set=val_pool, use_best_model=True)

    test_sorted = test_sorted.assign(score=model.predict(test_pool))
    report = {name: {"ndcg@5": ndcg_at(test_sorted, name, 5), "ndcg@10": ndcg_at(test_sorted, name, 10)}
              for name in ["bm25_title", "score"]}
    print(json.dumps(report, indent=2))
    model.save_model("artifacts/recipe_yetirank.cbm")


if __name__ == "__main__":
    main()
