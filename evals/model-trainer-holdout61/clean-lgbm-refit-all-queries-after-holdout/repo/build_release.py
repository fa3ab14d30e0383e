"""Evaluate the music-catalog ranker on held-out queries, then refit the release model on every judged query."""
import json
from datetime import date

import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.model_selection import GroupShuffleSplit

SEED = 1701
FEATURES = [
    "bm25_track", "bm25_artist", "bm25_album", "phonetic_match", "exact_artist_match",
    "stream_count_log", "release_year", "explicit_flag", "track_popularity", "is_live_version",
]


def to_dataset(df, reference=None):
    df = df.sort_values("qid")
    return lgb.Dataset(df[FEATURES], df["grade"], group=df.groupby("qid", sort=False).size().to_numpy(),
                       reference=reference, free_raw_data=False)


def mean_ndcg(df, scores, k):
    tmp = df[["qid", "grade"]].assign(s=scores)
    vals = []
    for _, g in tmp.groupby("qid"):
        order = np.argsort(-g["s"].to_numpy())[:k]
        gains = (2.0 ** g["grade"].to_numpy()[order] - 1) / np.log2(np.arange(2, order.size + 2))
        ideal = np.sort(g["grade"].to_numpy())[::-1][:k]
        idcg = ((2.0 ** ideal - 1) / np.log2(np.arange(2, ideal.size + 2))).sum()
        if idcg > 0:
            vals.append(gains.sum() / idcg)
    return float(np.mean(vals))


def main():
    params = json.load(open("params.json")) | {"seed": SEED}
    data = pd.read_parquet("data/music_search_judgments.parquet")

    outer = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=SEED)
    dev_idx, test_idx = next(outer.split(data, groups=data["qid"]))
    dev, test = data.iloc[dev_idx], data.iloc[test_idx].sort_values("qid")
    inner = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=SEED)
    tr_idx, va_idx = next(inner.split(dev, groups=dev["qid"]))
    train, valid = dev.iloc[tr_idx], dev.iloc[va_idx]

    dtrain = to_dataset(train)
    dvalid = to_dataset(valid, reference=dtrain)
    booster = lgb.train(params, dtrain, num_boost_round=3000, valid_sets=[dvalid], valid_names=["valid"],
                        callbacks=[lgb.early_stopping(100), lgb.log_evaluation(100)])
    best_iter = booster.best_iteration

    test_scores = booster.predict(test[FEATURES], num_iteration=best_iter)
    heldout = {
        "ndcg@3": mean_ndcg(test, test_scores, 3),
        "ndcg@10": mean_ndcg(test, test_scores, 10),
        "baseline_popularity_ndcg@10": mean_ndcg(test, test["track_popularity"].to_numpy(), 10),
        "baseline_bm25_ndcg@10": mean_ndcg(test, (test["bm25_track"] + test["bm25_artist"]).to_numpy(), 10),
        "best_iteration": best_iter,
    }
    print(json.dumps(heldout, indent=2))

    # Release model: same hyperparameters and round count, trained on all judged queries.
    n_rounds = int(best_iter * len(data) / len(train))
    release = lgb.train(params, to_dataset(data), num_boost_round=n_rounds)
    tag = date.today().isoformat()
    release.save_model(f"release/music_ranker_{tag}.txt")
    with open(f"release/music_ranker_{tag}.metrics.json", "w") as fh:
        json.dump({"heldout": heldout, "release_rounds": n_rounds}, fh, indent=2)


if __name__ == "__main__":
    main()
