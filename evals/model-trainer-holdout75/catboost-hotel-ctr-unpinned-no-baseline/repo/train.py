"""Hotel search ranking: CatBoost click model on search-result impressions.

Each row is one hotel shown on one search results page. Train on searches
before 2024-05-01, validate on the first half of May, test on the second half.
"""
import json
from pathlib import Path

import numpy as np
import pandas as pd
from catboost import CatBoostClassifier, Pool
from sklearn.metrics import log_loss, roc_auc_score

SEED = 99
VALID_START = pd.Timestamp("2024-05-01")
TEST_START = pd.Timestamp("2024-05-16")

CAT_FEATURES = ["hotel_id", "dest_id", "site_id", "device", "visitor_country", "star_rating"]
NUM_FEATURES = [
    "position", "price_usd", "price_rank_in_page", "review_score", "review_count_log",
    "distance_km", "length_of_stay", "booking_window_days", "adults", "children",
    "promo_flag", "hotel_ctr_prev_30d",
]


def ndcg_by_search(df, score_col, k=10):
    vals = []
    for _, g in df.groupby("search_id"):
        if g["clicked"].sum() == 0:
            continue
        order = g.sort_values(score_col, ascending=False)["clicked"].to_numpy()[:k]
        ideal = np.sort(g["clicked"].to_numpy())[::-1][:k]
        disc = 1.0 / np.log2(np.arange(2, len(order) + 2))
        vals.append((order * disc).sum() / (ideal * disc[: len(ideal)]).sum())
    return float(np.mean(vals))


def main():
    df = pd.read_parquet("data/search_impressions.parquet")
    df["search_ts"] = pd.to_datetime(df["search_ts"])
    df[CAT_FEATURES] = df[CAT_FEATURES].astype(str)

    train = df[df["search_ts"] < VALID_START]
    valid = df[(df["search_ts"] >= VALID_START) & (df["search_ts"] < TEST_START)]
    test = df[df["search_ts"] >= TEST_START].copy()
    features = CAT_FEATURES + NUM_FEATURES

    model = CatBoostClassifier(
        iterations=3000,
        learning_rate=0.06,
        depth=8,
        l2_leaf_reg=5,
        loss_function="Logloss",
        eval_metric="AUC",
        od_type="Iter",
        od_wait=150,
        random_seed=SEED,
        verbose=250,
    )
    model.fit(
        Pool(train[features], train["clicked"], cat_features=CAT_FEATURES),
        eval_set=Pool(valid[features], valid["clicked"], cat_features=CAT_FEATURES),
        use_best_model=True,
    )

    test["score"] = model.predict_proba(Pool(test[features], cat_features=CAT_FEATURES))[:, 1]
    metrics = {
        "test_auc": roc_auc_score(test["clicked"], test["score"]),
        "test_logloss": log_loss(test["clicked"], test["score"]),
        "test_ndcg@10": ndcg_by_search(test, "score"),
        "best_iteration": model.get_best_iteration(),
    }
    print(json.dumps(metrics, indent=2))

    out = Path("models")
    out.mkdir(exist_ok=True)
    model.save_model(str(out / "hotel_ctr.cbm"))
    (out / "metrics.json").write_text(json.dumps(metrics, indent=2))


if __name__ == "__main__":
    main()
