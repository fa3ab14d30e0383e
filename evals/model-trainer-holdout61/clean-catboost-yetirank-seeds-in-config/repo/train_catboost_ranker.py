"""YetiRank model for the real-estate listing search."""
import json
import sys

import numpy as np
import pandas as pd
from catboost import CatBoost, Pool
from sklearn.model_selection import GroupShuffleSplit


def make_pool(df, feats, cat_feats):
    df = df.sort_values("query_id")
    return Pool(df[feats], label=df["relevance"], group_id=df["query_id"], cat_features=cat_feats), df


def split(df, test_size, seed):
    gss = GroupShuffleSplit(n_splits=1, test_size=test_size, random_state=seed)
    a, b = next(gss.split(df, groups=df["query_id"]))
    return df.iloc[a], df.iloc[b]


def main(cfg_path="experiment.json"):
    cfg = json.load(open(cfg_path))
    num, cat = cfg["features"]["numeric"], cfg["features"]["categorical"]
    feats = num + cat

    df = pd.read_parquet(cfg["data_path"])
    df[cat] = df[cat].fillna("unknown").astype(str)

    dev, test = split(df, cfg["split"]["test_size"], cfg["split"]["seed"])
    train, valid = split(dev, cfg["split"]["valid_size"], cfg["split"]["seed"])
    train_pool, _ = make_pool(train, feats, cat)
    valid_pool, _ = make_pool(valid, feats, cat)
    test_pool, test_sorted = make_pool(test, feats, cat)

    model = CatBoost(cfg["catboost"])
    model.fit(train_pool, eval_set=valid_pool, verbose=200)
    print("best iteration:", model.get_best_iteration())

    metrics = ["NDCG:top=5", "NDCG:top=10", "MAP:top=10", "MRR:top=10"]
    candidates = {
        "catboost": model.predict(test_pool),
        "bm25": test_sorted["bm25_description"].to_numpy(),
        "newest_first": -test_sorted["listing_age_days"].to_numpy(),
    }
    result = {name: {m: ranking_metric(test_sorted, scores, m) for m in metrics} for name, scores in candidates.items()}
    print(json.dumps(result, indent=2))
    model.save_model("models/listing_yetirank.cbm")


def ranking_metric(df, scores, metric):
    k = int(metric.split("top=")[1])
    out = []
    for _, g in df.assign(_s=scores).groupby("query_id"):
        rel = g.sort_values("_s", ascending=False)["relevance"].to_numpy()
        ideal = np.sort(g["relevance"].to_numpy())[::-1]
        if ideal.max() == 0:
            continue
        if metric.startswith("NDCG"):
            d = 1 / np.log2(np.arange(2, k + 2))
            out.append(((2.0 ** rel[:k] - 1) * d[: rel[:k].size]).sum() / ((2.0 ** ideal[:k] - 1) * d[: ideal[:k].size]).sum())
        elif metric.startswith("MAP"):
            hits = rel[:k] > 0
            out.append((np.cumsum(hits)[hits] / (np.flatnonzero(hits) + 1)).sum() / max(min(k, (ideal > 0).sum()), 1))
        else:
            hit = np.flatnonzero(rel[:k] > 0)
            out.append(1.0 / (hit[0] + 1) if hit.size else 0.0)
    return float(np.mean(out))


if __name__ == "__main__":
    main(*sys.argv[1:])
