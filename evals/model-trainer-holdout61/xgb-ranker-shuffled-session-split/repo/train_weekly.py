"""Weekly retrain of the marketplace search ranker.

Pulls the last eight weeks of search sessions, turns clicks / add-to-cart /
purchases into graded labels, and trains an XGBoost LambdaMART model that is
shipped to serve the following week's traffic.
"""
import json
from pathlib import Path

import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.model_selection import train_test_split

SEED = 7
LOG_DIR = Path("exports/search_sessions")
FEATURES = [
    "bm25",
    "title_match_ratio",
    "price_rank_in_query",
    "seller_rating",
    "item_age_days",
    "item_ctr_7d",
    "item_orders_28d",
    "position_in_legacy_ranker",
]


def load_sessions(weeks=8):
    frames = [pd.read_parquet(p) for p in sorted(LOG_DIR.glob("week=*/*.parquet"))[-weeks:]]
    logs = pd.concat(frames, ignore_index=True)
    logs["label"] = np.select(
        [logs["purchased"], logs["added_to_cart"], logs["clicked"]], [3, 2, 1], default=0
    )
    return logs.sort_values(["session_ts", "session_id", "position"])


def dcg_at_k(labels, k):
    labels = np.asarray(labels)[:k]
    return np.sum((2 ** labels - 1) / np.log2(np.arange(2, labels.size + 2)))


def session_ndcg(df, score_col, k=10):
    vals = []
    for _, g in df.groupby("session_id"):
        ideal = dcg_at_k(np.sort(g["label"].to_numpy())[::-1], k)
        if ideal == 0:
            continue
        ranked = g.sort_values(score_col, ascending=False)["label"].to_numpy()
        vals.append(dcg_at_k(ranked, k) / ideal)
    return float(np.mean(vals))


def main():
    logs = load_sessions()
    session_ids = logs["session_id"].unique()
    train_sessions, test_sessions = train_test_split(session_ids, test_size=0.2, random_state=SEED)
    train_sessions, valid_sessions = train_test_split(train_sessions, test_size=0.1, random_state=SEED)

    parts = {}
    for name, ids in [("train", train_sessions), ("valid", valid_sessions), ("test", test_sessions)]:
        parts[name] = logs[logs["session_id"].isin(ids)].sort_values(["session_id", "position"])

    ranker = xgb.XGBRanker(
        objective="rank:ndcg",
        n_estimators=2000,
        learning_rate=0.05,
        max_depth=8,
        subsample=0.8,
        colsample_bytree=0.8,
        lambdarank_pair_method="topk",
        lambdarank_num_pair_per_sample=10,
        eval_metric="ndcg@10",
        early_stopping_rounds=100,
        random_state=SEED,
        tree_method="hist",
    )
    ranker.fit(
        parts["train"][FEATURES],
        parts["train"]["label"],
        qid=parts["train"]["session_id"],
        eval_set=[(parts["valid"][FEATURES], parts["valid"]["label"])],
        eval_qid=[parts["valid"]["session_id"]],
        verbose=200,
    )

    test = parts["test"].copy()
    test["score"] = ranker.predict(test[FEATURES])
    test["legacy_score"] = -test["position_in_legacy_ranker"]
    metrics = {
        "ndcg@10": session_ndcg(test, "score"),
        "ndcg@5": session_ndcg(test, "score", k=5),
        "legacy_ndcg@10": session_ndcg(test, "legacy_score"),
        "best_iteration": int(ranker.best_iteration),
    }
    print(json.dumps(metrics, indent=2))
    ranker.save_model("artifacts/ranker_weekly.json")


if __name__ == "__main__":
    main()
