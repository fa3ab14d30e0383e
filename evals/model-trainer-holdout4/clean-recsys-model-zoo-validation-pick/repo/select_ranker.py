"""Pick the candidate-scoring model for the 'more like this' shelf.

Weeks 1-6 train, week 7 validation (model choice), week 8 test (reported once for the chosen model).
"""
import argparse
import json
import logging

import joblib
import numpy as np
import pandas as pd
from catboost import CatBoostClassifier
from lightgbm import LGBMClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

log = logging.getLogger("ranker")
SEED = 77
FEATURES = ["cosine_sim", "co_view_count", "co_buy_count", "price_ratio", "same_brand", "same_category",
            "candidate_ctr_28d", "candidate_age_days", "user_affinity_brand", "user_affinity_category"]


def ndcg_at_10(df, score_col):
    vals = []
    for _, g in df.groupby("impression_id"):
        rel = g.sort_values(score_col, ascending=False)["clicked"].to_numpy()[:10]
        ideal = np.sort(g["clicked"].to_numpy())[::-1][:10]
        disc = 1 / np.log2(np.arange(2, 12))
        if ideal.sum() > 0:
            vals.append((rel * disc[: len(rel)]).sum() / (ideal * disc[: len(ideal)]).sum())
    return float(np.mean(vals))


def evaluate(df, scores):
    df = df.assign(_s=scores)
    return {"roc_auc": roc_auc_score(df["clicked"], scores), "pr_auc": average_precision_score(df["clicked"], scores),
            "ndcg@10": ndcg_at_10(df, "_s")}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pairs", default="data/mlt_pairs_8w.parquet")
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO)

    pairs = pd.read_parquet(args.pairs)
    train, valid, test = (pairs[pairs["week"] <= 6], pairs[pairs["week"] == 7], pairs[pairs["week"] == 8])

    models = {
        "logreg": make_pipeline(StandardScaler(), LogisticRegression(C=0.5, max_iter=2000)),
        "lightgbm": LGBMClassifier(n_estimators=700, learning_rate=0.03, num_leaves=63, subsample=0.8,
                                   subsample_freq=1, colsample_bytree=0.8, random_state=SEED, verbose=-1),
        "catboost": CatBoostClassifier(iterations=1200, depth=6, learning_rate=0.05, random_seed=SEED, verbose=0),
    }
    val_scores = {}
    for name, model in models.items():
        model.fit(train[FEATURES], train["clicked"])
        val_scores[name] = evaluate(valid, model.predict_proba(valid[FEATURES])[:, 1])
        log.info("valid %-9s %s", name, val_scores[name])
    val_scores["cosine_only"] = evaluate(valid, valid["cosine_sim"].to_numpy())

    chosen = max(models, key=lambda n: val_scores[n]["ndcg@10"])
    log.info("chosen by validation NDCG@10: %s", chosen)

    final = models[chosen]
    report = {
        "chosen": chosen,
        "validation": val_scores,
        "test": {chosen: evaluate(test, final.predict_proba(test[FEATURES])[:, 1]),
                 "cosine_only_baseline": evaluate(test, test["cosine_sim"].to_numpy())},
    }
    print(json.dumps(report, indent=2, default=float))
    joblib.dump(final, f"models/mlt_{chosen}.joblib")


if __name__ == "__main__":
    main()
