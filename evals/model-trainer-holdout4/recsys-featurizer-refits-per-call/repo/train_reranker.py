import argparse
import logging

import joblib
import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import GroupShuffleSplit

from recsys.featurizer import PairFeaturizer

log = logging.getLogger("reranker")
SEED = 314


def ndcg_at_k(frame, scores, k=10):
    frame = frame.assign(score=scores)
    gains = []
    for _, slate in frame.groupby("slate_id"):
        ranked = slate.sort_values("score", ascending=False)["purchased"].to_numpy()[:k]
        ideal = np.sort(slate["purchased"].to_numpy())[::-1][:k]
        disc = 1.0 / np.log2(np.arange(2, len(ranked) + 2))
        idcg = (ideal * disc[: len(ideal)]).sum()
        if idcg > 0:
            gains.append((ranked * disc).sum() / idcg)
    return float(np.mean(gains))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pairs", default="data/slate_pairs.parquet")
    ap.add_argument("--C", type=float, default=1.0)
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO)

    pairs = pd.read_parquet(args.pairs)
    splitter = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=SEED)
    tr_idx, te_idx = next(splitter.split(pairs, groups=pairs["user_id"]))
    train_pairs, test_pairs = pairs.iloc[tr_idx], pairs.iloc[te_idx]

    featurizer = PairFeaturizer()
    X_train = featurizer.build(train_pairs)
    X_test = featurizer.build(test_pairs)
    y_train, y_test = train_pairs["purchased"].to_numpy(), test_pairs["purchased"].to_numpy()

    clf = LogisticRegression(C=args.C, max_iter=4000, solver="saga", random_state=SEED)
    clf.fit(X_train, y_train)
    scores = clf.predict_proba(X_test)[:, 1]

    popularity = test_pairs["item_popularity_30d"].to_numpy()
    log.info("ROC AUC  model %.4f | popularity %.4f", roc_auc_score(y_test, scores), roc_auc_score(y_test, popularity))
    log.info("PR AUC   model %.4f | popularity %.4f", average_precision_score(y_test, scores), average_precision_score(y_test, popularity))
    log.info("NDCG@10  model %.4f | popularity %.4f", ndcg_at_k(test_pairs, scores), ndcg_at_k(test_pairs, popularity))
    joblib.dump({"featurizer": featurizer, "model": clf}, "reranker.joblib")


if __name__ == "__main__":
    main()
