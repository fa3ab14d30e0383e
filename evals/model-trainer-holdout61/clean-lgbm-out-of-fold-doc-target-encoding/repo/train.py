"""Support-article ranker with a document relevance prior."""
import json

import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import ndcg_score
from sklearn.model_selection import GroupShuffleSplit

from ltr.encoding import DocPrior, out_of_fold_prior

SEED = 606
BASE_FEATURES = ["bm25_title", "bm25_body", "embedding_sim", "article_views_log", "article_age_days", "product_match"]
FEATURES = BASE_FEATURES + ["doc_prior", "doc_prior_n"]


def grouped_split(df, test_size):
    gss = GroupShuffleSplit(n_splits=1, test_size=test_size, random_state=SEED)
    a, b = next(gss.split(df, groups=df["qid"]))
    return df.iloc[a].copy(), df.iloc[b].copy()


def report(df, col):
    out = {}
    for k in (3, 10):
        out[f"ndcg@{k}"] = float(np.mean([
            ndcg_score([g["grade"]], [g[col]], k=k) for _, g in df.groupby("qid") if len(g) > 1 and g["grade"].max() > 0
        ]))
    return out


def main():
    data = pd.read_parquet("data/support_article_judgments.parquet")
    dev, test = grouped_split(data, 0.2)
    train, valid = grouped_split(dev, 0.15)

    train[["doc_prior", "doc_prior_n"]] = out_of_fold_prior(train)
    prior = DocPrior().fit(train)
    valid[["doc_prior", "doc_prior_n"]] = prior.transform(valid)
    test[["doc_prior", "doc_prior_n"]] = prior.transform(test)

    train, valid, test = (d.sort_values("qid") for d in (train, valid, test))
    ranker = lgb.LGBMRanker(objective="lambdarank", n_estimators=2000, learning_rate=0.03, num_leaves=31,
                            min_child_samples=40, subsample=0.8, subsample_freq=1, random_state=SEED, verbose=-1)
    ranker.fit(
        train[FEATURES], train["grade"], group=train.groupby("qid", sort=False).size().to_numpy(),
        eval_set=[(valid[FEATURES], valid["grade"])],
        eval_group=[valid.groupby("qid", sort=False).size().to_numpy()],
        eval_at=[10], callbacks=[lgb.early_stopping(100, verbose=False)],
    )

    test["ltr"] = ranker.predict(test[FEATURES], num_iteration=ranker.best_iteration_)
    test["bm25"] = test["bm25_title"] + test["bm25_body"]
    print(json.dumps({"ltr": report(test, "ltr"), "bm25": report(test, "bm25"),
                      "prior_only": report(test, "doc_prior")}, indent=2))
    ranker.booster_.save_model("models/support_ranker.txt")


if __name__ == "__main__":
    main()
