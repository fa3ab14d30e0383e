"""Is a counterparty's redlined clause substantively equivalent to our standard clause?

Pairs were labelled by the contracts team (equivalent = 1 / material deviation = 0). The
pair files are split by negotiation (deal_id), see data/README. We embed with an
off-the-shelf legal sentence encoder, pick a cosine threshold on the validation pairs and
report test once.
"""
import argparse
import json

import numpy as np
import pandas as pd
from sentence_transformers import SentenceTransformer
from sklearn.metrics import f1_score, precision_score, recall_score, roc_auc_score


def cosine_scores(df, emb, index):
    a = emb[df["standard_clause"].map(index).to_numpy()]
    b = emb[df["redlined_clause"].map(index).to_numpy()]
    return np.sum(a * b, axis=1)


def best_threshold(y, scores):
    grid = np.quantile(scores, np.linspace(0.02, 0.98, 97))
    f1s = [f1_score(y, scores >= t) for t in grid]
    i = int(np.argmax(f1s))
    return float(grid[i]), float(f1s[i])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", default="sentence-transformers/all-mpnet-base-v2")
    ap.add_argument("--val", default="data/pairs_val.csv")
    ap.add_argument("--test", default="data/pairs_test.csv")
    args = ap.parse_args()

    val, test = pd.read_csv(args.val), pd.read_csv(args.test)
    assert not set(val.deal_id) & set(test.deal_id)

    # embed every distinct clause text once
    texts = pd.unique(pd.concat([val.standard_clause, val.redlined_clause,
                                 test.standard_clause, test.redlined_clause]))
    index = {t: i for i, t in enumerate(texts)}
    encoder = SentenceTransformer(args.model, device="cpu")
    emb = encoder.encode(list(texts), batch_size=32, normalize_embeddings=True, show_progress_bar=True)

    val_s = cosine_scores(val, emb, index)
    test_s = cosine_scores(test, emb, index)

    thr, val_f1 = best_threshold(val.equivalent.to_numpy(), val_s)
    print(f"threshold from validation: {thr:.4f} (val F1 {val_f1:.3f}, val AUC "
          f"{roc_auc_score(val.equivalent, val_s):.3f})")

    y_test = test.equivalent.to_numpy()
    pred = test_s >= thr
    result = {
        "threshold": thr,
        "test_auc": float(roc_auc_score(y_test, test_s)),
        "test_f1": float(f1_score(y_test, pred)),
        "test_precision": float(precision_score(y_test, pred)),
        "test_recall": float(recall_score(y_test, pred)),
        "n_test_pairs": int(len(test)),
    }
    print(json.dumps(result, indent=2))

    # which deviation types slip through as "equivalent"
    fp = test[(y_test == 0) & pred]
    if "deviation_type" in fp:
        print(fp["deviation_type"].value_counts().head(10))
    with open("equivalence_results.json", "w") as fh:
        json.dump(result, fh, indent=2)


if __name__ == "__main__":
    main()
