"""Model selection with GroupKFold over queries, then a single held-out test evaluation."""
import json

import lightgbm as lgb
import numpy as np
import pandas as pd
import yaml
from sklearn.model_selection import GroupKFold, GroupShuffleSplit

from searchrank.metrics import average_precision, ndcg, per_query
from searchrank.popularity import POP_FEATURES, click_popularity

TEXT_FEATURES = ["bm25_title", "bm25_body", "bm25_anchor", "dense_cosine", "url_depth", "doc_len_log"]


def fit_ranker(df, features, params, seed):
    df = df.sort_values("qid")
    model = lgb.LGBMRanker(objective="lambdarank", random_state=seed, verbose=-1, **params)
    model.fit(df[features], df["grade"], group=df.groupby("qid", sort=False).size().to_numpy())
    return model


def main():
    cfg = yaml.safe_load(open("config.yaml"))
    seed = cfg["seed"]
    judgments = pd.read_parquet(cfg["judgments"])
    clicks = pd.read_parquet(cfg["click_log"])

    pop = click_popularity(clicks, cfg["popularity_window"]["start"], cfg["popularity_window"]["end"])
    data = judgments.merge(pop, on="doc_id", how="left")
    features = TEXT_FEATURES + POP_FEATURES

    holdout = GroupShuffleSplit(n_splits=1, test_size=cfg["test_fraction"], random_state=seed)
    tr_idx, te_idx = next(holdout.split(data, groups=data["qid"]))
    train, test = data.iloc[tr_idx].copy(), data.iloc[te_idx].copy()

    cv = GroupKFold(n_splits=cfg["cv_folds"])
    cv_scores = []
    for params in cfg["candidates"]:
        fold_scores = []
        for f_idx, v_idx in cv.split(train, groups=train["qid"]):
            fold_train, fold_valid = train.iloc[f_idx], train.iloc[v_idx].copy()
            model = fit_ranker(fold_train, features, params, seed)
            fold_valid["s"] = model.predict(fold_valid[features])
            fold_scores.append(per_query(fold_valid, "s", ndcg, k=10))
        cv_scores.append(float(np.mean(fold_scores)))
        print(params, "cv ndcg@10 =", round(cv_scores[-1], 4), "+/-", round(float(np.std(fold_scores)), 4))

    best_params = cfg["candidates"][int(np.argmax(cv_scores))]
    final = fit_ranker(train, features, best_params, seed)
    test["ltr"] = final.predict(test[features])
    test["bm25"] = test["bm25_title"] + test["bm25_body"]

    report = {"params": best_params}
    for name in ("ltr", "bm25"):
        report[name] = {
            "ndcg@5": per_query(test, name, ndcg, k=5),
            "ndcg@10": per_query(test, name, ndcg, k=10),
            "map": per_query(test, name, average_precision),
        }
    print(json.dumps(report, indent=2))
    final.booster_.save_model("artifacts/ranker_sprint7.txt")


if __name__ == "__main__":
    main()
