"""LambdaMART over per-query normalised features for the e-commerce QA search.

Raw BM25 / vector scores are not comparable across queries, so every score
feature is rescaled inside its own candidate list (min-max and rank percentile),
exactly as the online re-ranker does for the top-200 candidates of a request.
"""
import argparse
import json

import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import ndcg_score
from sklearn.model_selection import GroupShuffleSplit

SCORE_COLS = ["bm25_question", "bm25_answer", "ann_similarity", "answer_votes", "answer_age_days"]
STATIC_COLS = ["is_accepted", "author_reputation_log", "answer_len_log"]


def normalise_within_query(df: pd.DataFrame) -> pd.DataFrame:
    out = df.copy()
    grouped = out.groupby("query_id")[SCORE_COLS]
    mins, maxs = grouped.transform("min"), grouped.transform("max")
    for col in SCORE_COLS:
        span = (maxs[col] - mins[col]).replace(0, np.nan)
        out[f"{col}_qminmax"] = ((out[col] - mins[col]) / span).fillna(0.0)
        out[f"{col}_qpct"] = out.groupby("query_id")[col].rank(pct=True)
    out["cands_in_query"] = out.groupby("query_id")["doc_id"].transform("size")
    return out


def query_sizes(df):
    return df.groupby("query_id", sort=False).size().to_numpy()


def evaluate(df, score_col):
    nd5, nd10, ap = [], [], []
    for _, g in df.groupby("query_id"):
        y, s = g["label"].to_numpy(), g[score_col].to_numpy()
        if y.max() == 0 or len(y) < 2:
            continue
        nd5.append(ndcg_score([y], [s], k=5))
        nd10.append(ndcg_score([y], [s], k=10))
        rel = (y > 0)[np.argsort(-s)]
        ap.append(np.mean(np.cumsum(rel)[rel] / (np.flatnonzero(rel) + 1)))
    return {"ndcg@5": np.mean(nd5), "ndcg@10": np.mean(nd10), "map": np.mean(ap)}


def main(args):
    raw = pd.read_parquet(args.data)
    data = normalise_within_query(raw)
    features = STATIC_COLS + ["cands_in_query"] + [c for c in data.columns if c.endswith(("_qminmax", "_qpct"))]

    gss = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=args.seed)
    train_idx, test_idx = next(gss.split(data, groups=data["query_id"]))
    train, test = data.iloc[train_idx], data.iloc[test_idx].copy()
    gss_val = GroupShuffleSplit(n_splits=1, test_size=0.15, random_state=args.seed)
    fit_idx, val_idx = next(gss_val.split(train, groups=train["query_id"]))
    fit, val = train.iloc[fit_idx].sort_values("query_id"), train.iloc[val_idx].sort_values("query_id")

    ranker = lgb.LGBMRanker(
        objective="lambdarank", n_estimators=1500, learning_rate=0.05, num_leaves=31,
        min_child_samples=30, colsample_bytree=0.8, random_state=args.seed, verbose=-1,
    )
    ranker.fit(
        fit[features], fit["label"], group=query_sizes(fit),
        eval_set=[(val[features], val["label"])], eval_group=[query_sizes(val)], eval_at=[10],
        callbacks=[lgb.early_stopping(75, verbose=False)],
    )

    test["ltr"] = ranker.predict(test[features], num_iteration=ranker.best_iteration_)
    report = {"lambdamart": evaluate(test, "ltr"), "bm25_answer": evaluate(test, "bm25_answer"),
              "ann": evaluate(test, "ann_similarity"), "best_iteration": ranker.best_iteration_}
    print(json.dumps(report, indent=2, default=float))
    ranker.booster_.save_model(args.out)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default="data/qa_candidates_labeled.parquet")
    parser.add_argument("--out", default="models/qa_qnorm_lambdamart.txt")
    parser.add_argument("--seed", type=int, default=4242)
    main(parser.parse_args())
