"""Train the news-search ranker from click logs with sampled negatives."""
import json

import numpy as np
import pandas as pd
import tomli
import xgboost as xgb
from sklearn.model_selection import GroupShuffleSplit

FEATURES = [
    "bm25", "headline_overlap", "entity_match", "freshness_hours",
    "source_authority", "article_ctr_24h", "article_len", "has_image",
]


def sample_negatives(df, per_query):
    rng = np.random.default_rng()
    keep = []
    for _, g in df.groupby("query_id"):
        pos = g[g["clicked"] == 1]
        neg = g[g["clicked"] == 0]
        if pos.empty:
            continue
        if len(neg) > per_query:
            neg = neg.iloc[rng.choice(len(neg), size=per_query, replace=False)]
        keep.append(pd.concat([pos, neg]))
    return pd.concat(keep, ignore_index=True)


def group_split(df, test_size):
    gss = GroupShuffleSplit(n_splits=1, test_size=test_size)
    a, b = next(gss.split(df, groups=df["query_id"]))
    return df.iloc[a], df.iloc[b]


def main():
    with open("ranker.toml", "rb") as fh:
        cfg = tomli.load(fh)

    clicks = pd.read_parquet(cfg["data"]["clicks"])
    clicks["label"] = clicks["clicked"] + clicks["dwell_seconds"].ge(30).astype(int)
    sampled = sample_negatives(clicks, cfg["data"]["negatives_per_query"])

    train, test = group_split(sampled, cfg["data"]["test_size"])
    train, valid = group_split(train, cfg["data"]["valid_size"])
    train, valid, test = (d.sort_values("query_id") for d in (train, valid, test))

    model = xgb.XGBRanker(**cfg["xgb"])
    model.fit(
        train[FEATURES], train["label"], qid=train["query_id"],
        eval_set=[(valid[FEATURES], valid["label"])], eval_qid=[valid["query_id"]],
        verbose=100,
    )

    test = test.assign(score=model.predict(test[FEATURES], iteration_range=(0, model.best_iteration + 1)))
    report = {
        "model_ndcg@10": ndcg_by_column(test, "score"),
        "model_ndcg@5": ndcg_by_column(test, "score", k=5),
        "bm25_ndcg@10": ndcg_by_column(test, "bm25"),
        "freshness_ndcg@10": ndcg_by_column(test, "freshness_hours", ascending=True),
    }
    print(json.dumps(report, indent=2))
    model.save_model("artifacts/news_ranker.ubj")


def ndcg_by_column(df, col, ascending=False, k=10):
    vals = []
    for _, g in df.groupby("query_id"):
        rel = g.sort_values(col, ascending=ascending)["label"].to_numpy()[:k]
        ideal = np.sort(g["label"].to_numpy())[::-1][:k]
        disc = 1 / np.log2(np.arange(2, k + 2))
        idcg = ((2 ** ideal - 1) * disc[: ideal.size]).sum()
        if idcg > 0:
            vals.append(((2 ** rel - 1) * disc[: rel.size]).sum() / idcg)
    return round(float(np.mean(vals)), 4)


if __name__ == "__main__":
    main()
